package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
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
 * The MC2 solvers {@code dense-gram}, {@code diagonal-inflation}, {@code burer-monteiro} and the MC1
 * {@code burer-monteiro}, found through ServiceLoader, against the kernel: every SOLVED / COMPLETABLE answer
 * must be ACCEPTED by {@link Kernel#check}, and on planted YES instances with margin the heuristic must
 * actually answer.
 */
class Mc2ContractTest {
    private static final Solver DENSE = Solvers.byName("dense-gram", Problem.APPROXIMATE_SQUARING).orElseThrow();
    private static final Solver INFLATE = Solvers.byName("diagonal-inflation", Problem.APPROXIMATE_SQUARING).orElseThrow();
    private static final Solver BM2 = Solvers.byName("burer-monteiro", Problem.APPROXIMATE_SQUARING).orElseThrow();
    private static final Solver BM1 = Solvers.byName("burer-monteiro", Problem.PSD_COMPLETION).orElseThrow();
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withThreads(1);

    private static SolverResult solveAndVerify(Solver s, Instance inst, String where) {
        SolverResult r = s.solve(inst, null, OPTIONS);
        assertEquals(Status.SOLVED, r.status(), where + ": " + r.message() + " " + r.statistics());
        Judgement j = Kernel.check(inst, null, r.certificate(), KernelOptions.defaults());
        assertTrue(j.isAccepted(), where + ": kernel says " + j.outcome() + " at " + j.check() + ": " + j.reason());
        return r;
    }

    /** SPEC §6: A = [[1,0,1],[1,1,0],[0,1,1]], Ω = diagonal ∪ {(1,2),(2,3)}; AAᵀ has B13 = 1, inside [−1, 2]. */
    @Test
    void denseGramOnTheSpecVector() {
        RationalMatrix a = RationalMatrix.ofLongs(new long[][] {{1, 0, 1}, {1, 1, 0}, {0, 1, 1}});
        Mc2Instance inst = new Mc2Instance(a, Pattern.of(3, new int[][] {{0, 1}, {1, 2}}), true);
        SolverResult r = solveAndVerify(DENSE, inst, "spec vector");
        assertEquals(List.of(new Entry(2, 0, Rational.ONE)), ((Body.Entries) r.certificate().body()).entries());
        // Without the diagonal in Ω, dense-gram also lists (AAᵀ)_ii = 2.
        Mc2Instance free = new Mc2Instance(a, inst.omega(), false);
        List<Entry> e = ((Body.Entries) solveAndVerify(DENSE, free, "spec vector, free diagonal").certificate().body()).entries();
        assertEquals(4, e.size());
        assertTrue(e.contains(new Entry(1, 1, Rational.TWO)));
        // diagonal-inflation: B_ii = Σ |(AAᵀ)_ij| over Ω's pairs = 1, 2, 1 (AAᵀ_12 = AAᵀ_23 = 1).
        List<Entry> d = ((Body.Entries) solveAndVerify(INFLATE, free, "spec vector inflation").certificate().body()).entries();
        assertEquals(List.of(new Entry(0, 0, Rational.ONE), new Entry(1, 1, Rational.TWO), new Entry(2, 2, Rational.ONE)), d);
        assertFalse(INFLATE.accepts(inst), "diagonal-inflation must refuse an Ω that lists the diagonal");
    }

    @Test
    void denseGramAndInflationOnRandomInstances() {
        for (long seed = 1; seed <= 6; seed++) {
            for (String omega : new String[] {"random", "banded", "clustered"}) {
                int n = 8 + (int) (seed * 7 % 25);
                Generated g = Families.byName("mc2-random").orElseThrow().generate(n, seed,
                        Map.of("omega", omega, "diagonal", "false", "k", "5", "entries", seed % 2 == 0 ? "decimal" : "integer"));
                solveAndVerify(DENSE, g.instance(), "dense-gram " + omega + " seed " + seed);
                solveAndVerify(INFLATE, g.instance(), "inflation " + omega + " seed " + seed);
            }
        }
    }

    @Test
    void burerMonteiroOnMc2Random() {
        for (long seed = 1; seed <= 5; seed++) {
            for (String diagonal : new String[] {"true", "false"}) {
                Generated g = Families.byName("mc2-random").orElseThrow().generate(40, seed,
                        Map.of("omega", seed % 2 == 0 ? "banded" : "random", "diagonal", diagonal, "entries", seed % 3 == 0 ? "decimal" : "integer"));
                solveAndVerify(BM2, g.instance(), "bm mc2-random seed " + seed + " diagonal " + diagonal);
            }
        }
    }

    @Test
    void burerMonteiroOnPlantedYes() {
        for (long seed = 1; seed <= 6; seed++) {
            Generated g = Families.byName("random-sparse").orElseThrow().generate(30 + 10 * (int) seed, seed, Map.of("answer", "yes"));
            SolverResult r = solveAndVerify(BM1, g.instance(), "bm random-sparse seed " + seed);
            assertEquals(Verdict.COMPLETABLE, r.verdict());
        }
        for (long seed = 1; seed <= 4; seed++) {
            Generated g = Families.byName("grid").orElseThrow().generate(seed % 2 == 0 ? 36 : 49, seed, Map.of("answer", "yes"));
            solveAndVerify(BM1, g.instance(), "bm grid seed " + seed);
        }
    }

    @Test
    void burerMonteiroNeverClaimsNo() {
        for (long seed = 1; seed <= 4; seed++) {
            Generated g = Families.byName("random-sparse").orElseThrow().generate(30, seed, Map.of("answer", "no"));
            SolverResult r = BM1.solve(g.instance(), null, OPTIONS);
            assertEquals(Status.UNKNOWN, r.status(), "seed " + seed + ": " + r.message());
        }
    }
}
