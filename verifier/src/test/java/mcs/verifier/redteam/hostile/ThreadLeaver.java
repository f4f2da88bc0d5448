package mcs.verifier.redteam.hostile;

import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/** Answers UNKNOWN but leaves a non-daemon thread spinning, so that its JVM never exits by itself. */
public class ThreadLeaver extends HostileSolver {
    @Override
    public String name() {
        return "thread-leaver";
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        Thread t = new Thread(() -> {
            long x = 0;
            while (true) x += System.nanoTime() & 1;
        }, "redteam-spinner");
        t.setDaemon(false);
        t.start();
        return SolverResult.unknown(name(), "a thread was left running", Map.of());
    }
}
