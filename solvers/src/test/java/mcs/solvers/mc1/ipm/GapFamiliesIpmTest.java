package mcs.solvers.mc1.ipm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.families.Gap;
import mcs.problems.families.Generated;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import org.junit.jupiter.api.Test;

/**
 * Every gap family's claim LOW ≤ t* ≤ HIGH against an independent numerical solution: the interior-point
 * method run to convergence ({@code stop=converged}, relative gap 1e-8), whose primal and dual values bracket
 * t* from both sides. Small n only (the IPM is O(m³) per iteration).
 */
class GapFamiliesIpmTest {
    private static final SolverOptions CONVERGED = SolverOptions.defaults().withThreads(1).withExtra(Map.of("stop", "converged"));

    @Test
    void ipmsTStarLiesInEveryFamilysProvenInterval() {
        IpmSolver ipm = new IpmSolver();
        for (String family : List.of("gap-cycles", "gap-gamma2", "gap-chordal", "gap-planted")) {
            for (int n : new int[] {4, 7, 10, 16}) {
                for (String eps : List.of("0.2", "0.01")) {
                    for (String answer : List.of("yes", "no")) {
                        Generated g = Families.byName(family).orElseThrow().generate(n, n + 5L, Map.of("eps", eps, "answer", answer));
                        Gap gap = g.gap();
                        SolverResult r = ipm.solve(g.instance(), null, CONVERGED);
                        String where = family + " n=" + n + " eps=" + eps + " " + answer + ": " + r.message();
                        assertTrue(r.status() == Status.SOLVED || r.status() == Status.UNKNOWN, where);
                        double tp = (double) r.statistics().get("t_primal"), td = (double) r.statistics().get("t_dual");
                        double tol = 1e-6 * (1 + Math.abs(gap.low().toDouble()));
                        // the IPM's primal value is a completion's λmin (≤ t*), its dual value a witness' bound (≥ t*), up to its tolerance
                        assertTrue(tp <= gap.high().toDouble() + tol, where + ": primal " + tp + " <= HIGH " + gap.high().toDouble());
                        assertTrue(td >= gap.low().toDouble() - tol, where + ": dual " + td + " >= LOW " + gap.low().toDouble());
                        assertTrue(Math.abs(tp - gap.low().toDouble()) < 1e-5 && Math.abs(td - gap.high().toDouble()) < 1e-5,
                                where + ": converged t* " + tp + " / " + td + " vs [" + gap.low().toDouble() + ", " + gap.high().toDouble() + "]");
                        assertTrue(((Mc1Instance) g.instance()).promise().isPresent());
                    }
                }
            }
        }
    }
}
