package mcs.verifier.redteam.hostile;

import mcs.problems.instance.Instance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/** Calls System.exit in the middle of solving: in the judge's JVM this would end the judge. */
public class Exiter extends HostileSolver {
    @Override
    public String name() {
        return "exiter";
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        System.exit(0);
        return null;
    }
}
