package mcs.verifier.redteam.hostile;

import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;

/**
 * Base of the red team's SPI solvers. They are packed into a plug-in jar ({@link HostileJar}) and loaded
 * only through it: by a sandboxed child JVM in {@code mcs submit check}, or, for the in-memory test of the
 * sealed kernel, by {@code mcs search --plugin}. Never listed in the test class path's services.
 */
abstract class HostileSolver implements Solver {
    @Override
    public Problem problem() {
        return Problem.PSD_COMPLETION;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.HEURISTIC;
    }

    @Override
    public String guarantees() {
        return "none: a hostile solver of the red-team suite";
    }

    /** The zero-fill completion (every unspecified entry 0), claimed for the instance named by {@code sha}. */
    static Certificate zeroFill(String sha) {
        return Certificate.completion(sha, new Body.Entries(List.of()));
    }
}
