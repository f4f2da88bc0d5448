package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code ipm} solver, found through ServiceLoader, against the kernel: on seeded instances of the
 * generated families every verdict must equal the family's known answer and every certificate must be
 * ACCEPTED by {@link Kernel#check}. UNKNOWN is allowed only where stated (near the boundary).
 */
class IpmContractTest {
    private static final Solver IPM = Solvers.byName("ipm", Problem.PSD_COMPLETION).orElseThrow();
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withThreads(1);

    /** Solves, and checks verdict and certificate; returns the status. */
    private static Status check(String family, int n, long seed, Map<String, String> params, boolean unknownAllowed) {
        Generated g = Families.byName(family).orElseThrow().generate(n, seed, params);
        String where = family + " n=" + n + " seed=" + seed + " " + params;
        SolverResult r = IPM.solve(g.instance(), null, OPTIONS);
        if (r.status() != Status.SOLVED) {
            assertTrue(unknownAllowed && r.status() == Status.UNKNOWN, where + ": " + r.status() + " " + r.message());
            return r.status();
        }
        assertEquals(g.known().verdict(), r.verdict(), where + ": wrong verdict");
        assertNotNull(r.certificate(), where);
        Judgement j = Kernel.check(g.instance(), null, r.certificate(), KernelOptions.defaults());
        assertTrue(j.isAccepted(), where + ": kernel says " + j.outcome() + " at " + j.check() + ": " + j.reason());
        return r.status();
    }

    @Test
    void randomSparseYesAndNo() {
        for (long seed = 1; seed <= 12; seed++) {
            int n = 5 + (int) (seed * 5 % 56);
            check("random-sparse", n, seed, Map.of("answer", "yes"), false);
            check("random-sparse", n, seed, Map.of("answer", "no"), false);
        }
    }

    @Test
    void randomSparseSmallMarginsAndHigherRank() {
        for (long seed = 20; seed <= 25; seed++) {
            check("random-sparse", 30, seed, Map.of("answer", "yes", "margin", "1/1000", "rank", "6"), false);
            check("random-sparse", 30, seed, Map.of("answer", "no", "margin", "1/1000", "degree", "4"), false);
        }
    }

    @Test
    void grids() {
        for (long seed = 1; seed <= 4; seed++) {
            for (int n : new int[] {16, 25}) {
                check("grid", n, seed, Map.of("answer", "yes"), false);
                check("grid", n, seed, Map.of("answer", "no"), false);
            }
        }
    }

    @Test
    void gamma2AroundTheThreshold() {
        // Threshold t = 1/√h: h = 2 → 0.7071…, h = 4 → 1/2.
        for (String t : new String[] {"7/10", "71/100", "3/4", "1"}) check("gamma2", 4, 1, Map.of("t", t), false);
        for (String t : new String[] {"49/100", "51/100", "3/5", "1/4"}) check("gamma2", 8, 1, Map.of("t", t), false);
        // t = 1/2, h = 4 is the boundary itself (t* = 0): no margin to certify, so UNKNOWN is the honest answer.
        Generated g = Families.byName("gamma2").orElseThrow().generate(8, 1, Map.of("t", "1/2"));
        assertEquals(Status.UNKNOWN, IPM.solve(g.instance(), null, OPTIONS).status());
    }

    @Test
    void nearBoundaryNeverWrong() {
        int solved = 0;
        for (String c : new String[] {"7061/10000", "7068/10000", "7070/10000", "70711/100000", "7072/10000", "7075/10000", "7081/10000",
                "-7061/10000", "-7081/10000", "3/5", "4/5", "71/100"}) {
            if (check("near-boundary", 4, 1, Map.of("c", c), true) == Status.SOLVED) solved++;
        }
        assertTrue(solved >= 8, "only " + solved + " near-boundary instances decided");
    }

    @Test
    void denseFamily() {
        for (long seed = 1; seed <= 6; seed++) {
            int n = 5 + (int) (seed * 5);
            check("dense", n, seed, Map.of("answer", "yes"), false);
            check("dense", n, seed, Map.of("answer", "no"), false);
        }
    }
}
