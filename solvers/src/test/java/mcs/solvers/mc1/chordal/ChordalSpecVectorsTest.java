package mcs.solvers.mc1.chordal;

import static mcs.testkit.NaiveCertificates.assertProves;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.Test;

/** SPEC §6 vectors on chordal patterns, the diagonal rules, and non-chordal patterns that must be refused. */
class ChordalSpecVectorsTest {
    private final ChordalSolver solver = new ChordalSolver();

    static Rational q(String s) {
        return Rational.parse(s);
    }

    static Mc1Instance lower(String[][] rows) {
        Rational[][] a = new Rational[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            a[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) a[i][j] = rows[i][j] == null ? null : q(rows[i][j]);
        }
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
    }

    private SolverResult solve(Mc1Instance inst) {
        return solver.solve(inst, null, SolverOptions.defaults());
    }

    @Test
    void threeByThreePathYes() {
        Mc1Instance inst = lower(new String[][] {{"1"}, {"1/2", "1"}, {null, "1/2", "1"}});
        assertTrue(solver.accepts(inst));
        SolverResult r = solve(inst);
        assertEquals(Verdict.COMPLETABLE, r.verdict());
        assertChordalHint(inst.matrix(), r.certificate());
    }

    @Test
    void threeByThreePathNo() {
        Mc1Instance inst = lower(new String[][] {{"1"}, {"1/2", "1"}, {null, "2", "1"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertRankOneWitness(inst.matrix(), r.certificate());
    }

    @Test
    void zeroDiagonalWithNonzeroRowIsNo() {
        Mc1Instance inst = lower(new String[][] {{"0"}, {"1/2", "1"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertRankOneWitness(inst.matrix(), r.certificate());
    }

    @Test
    void negativeDiagonalIsNo() {
        Mc1Instance inst = lower(new String[][] {{"1"}, {null, "-1/3"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        Body.Entries w = (Body.Entries) r.certificate().body();
        assertEquals(1, w.entries().size());
        assertEquals(1, w.entries().get(0).i());
    }

    @Test
    void zeroRowsAndSingularBlocksAreDecidedExactly() {
        // Zero diagonal with a zero row, and a singular PSD 2x2 block [[1,1],[1,1]]: the float test fails, exact says PSD.
        Mc1Instance inst = lower(new String[][] {{"0"}, {"0", "1"}, {null, "1", "1"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.COMPLETABLE, r.verdict(), r.message());
        assertChordalHint(inst.matrix(), r.certificate());
        assertTrue(((Number) r.statistics().get("blocks_exact")).longValue() >= 1);
    }

    @Test
    void nearlySingularNoIsFoundExactly() {
        // [[1, 1], [1, 1 - 10^-30]] is not PSD, far below double resolution.
        Mc1Instance inst = lower(new String[][] {{"1"}, {"1", "0.999999999999999999999999999999"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertRankOneWitness(inst.matrix(), r.certificate());
    }

    @Test
    void disconnectedComponentsCombine() {
        Mc1Instance inst = lower(new String[][] {{"1"}, {"1/2", "1"}, {null, null, "2"}, {null, null, "1", "1"}});
        SolverResult r = solve(inst);
        assertEquals(Verdict.COMPLETABLE, r.verdict());
        assertEquals(2, r.statistics().get("components"));
        assertChordalHint(inst.matrix(), r.certificate());
    }

    @Test
    void cycleAndGridAreNotAccepted() {
        assertFalse(solver.accepts(unit(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}})));
        List<int[]> grid = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (c + 1 < 3) grid.add(new int[] {3 * r + c, 3 * r + c + 1});
                if (r + 1 < 3) grid.add(new int[] {3 * r + c, 3 * r + c + 3});
            }
        }
        Mc1Instance g = unit(9, grid.toArray(new int[0][]));
        assertFalse(solver.accepts(g));
        assertEquals(Status.UNSUPPORTED, solve(g).status());
        // A 4-cycle with one chord is chordal.
        assertTrue(solver.accepts(unit(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}})));
    }

    @Test
    void orderIsAPermutation() {
        Mc1Instance inst = unit(5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
        Body.Chordal c = (Body.Chordal) solve(inst).certificate().body();
        int[] sorted = c.order().clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, sorted);
    }

    /** Unit diagonal, 1/10 on every edge (diagonally dominant for degree ≤ 9). */
    static Mc1Instance unit(int n, int[][] edges) {
        Pattern p = Pattern.of(n, edges);
        Rational[] v = new Rational[p.m()];
        for (int i = 0; i < n; i++) for (int k = p.rowStart(i); k < p.rowEnd(i); k++) v[k] = p.col(k) == i ? Rational.ONE : q("1/10");
        return new Mc1Instance(PartialSymmetricMatrix.of(p, v));
    }

    private static void assertChordalHint(PartialSymmetricMatrix a, Certificate c) {
        assertProves(a, c, Verdict.COMPLETABLE, Body.Chordal.class);
    }

    /** chordal's witnesses are W = vvᵀ on a clique: rank one as well as valid. */
    private static void assertRankOneWitness(PartialSymmetricMatrix a, Certificate c) {
        String why = NaiveCertificates.rankOne(assertProves(a, c, Verdict.NOT_COMPLETABLE, Body.Entries.class));
        assertNull(why, why);
    }
}
