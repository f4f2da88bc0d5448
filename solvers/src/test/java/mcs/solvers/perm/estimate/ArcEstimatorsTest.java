package mcs.solvers.perm.estimate;

import static mcs.solvers.perm.estimate.EstimateTesting.estimateInstance;
import static mcs.solvers.perm.estimate.EstimateTesting.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverResult;
import org.junit.jupiter.api.Test;

class ArcEstimatorsTest {
    private static final RationalMatrix A2 = RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}});
    private static final RationalMatrix A3 = RationalMatrix.ofLongs(new long[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    private static final String[] NAMES = {"est-row", "est-col", "est-sum", "est-row-col-sum", "est-uniq", "est-row-col-uniq"};

    @Test
    void specVectors() {
        assertEquals(Rational.of(21, 2), ArcEstimators.row(A2));
        assertEquals(Rational.of(12), ArcEstimators.col(A2));
        assertEquals(Rational.of(25, 2), ArcEstimators.sum(A2));
        assertEquals(Rational.of(480), ArcEstimators.row(A3));
        assertEquals(Rational.of(720), ArcEstimators.col(A3));
        assertEquals(Rational.of(750), ArcEstimators.sum(A3));
    }

    @Test
    void specVectorsThroughTheSolverInterface() {
        assertEquals("21/2", EstimateTesting.run("est-row", estimateInstance(A2), Map.of(), 1).value());
        assertEquals("12", EstimateTesting.run("est-col", estimateInstance(A2), Map.of(), 1).value());
        assertEquals("25/2", EstimateTesting.run("est-sum", estimateInstance(A2), Map.of(), 1).value());
        SolverResult r = EstimateTesting.run("est-row", estimateInstance(A3), Map.of(), 1);
        assertEquals("480", r.value());
        assertEquals(true, r.statistics().get("value_exact"));
    }

    /** Hand computation: e_2(1,2,3,4) = 35, C(4,2) = 6, so est_uniq = 2·35/6 and est_row_col_uniq = (21/2·12)/(35/3). */
    @Test
    void uniqueEntriesByHand() {
        assertEquals(Rational.of(35, 3), ArcEstimators.uniq(A2));
        assertEquals(Rational.of(54, 5), ArcEstimators.rowColUniq(A2));
        assertEquals(Rational.of(21 * 12, 2).divide(Rational.of(25, 2)), ArcEstimators.rowColSum(A2));
    }

    @Test
    void allAreExactOnTheAllOnesMatrix() {
        Rational f = Rational.ONE;
        for (int n = 1; n <= 8; n++) {
            f = f.multiply(n);
            for (String name : NAMES) {
                assertEquals(f.toString(), EstimateTesting.run(name, estimateInstance(ones(n)), Map.of(), 1).value(), name + " on J_" + n);
            }
        }
    }

    /** est_row·est_col/est_sum is exact on rank one: perm(xyᵀ) = n!·Πx·Πy. */
    @Test
    void rowColSumIsExactOnRankOne() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n = 1; n <= 7; n++) {
            long[] x = new long[n], y = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(1, 9);
                y[i] = rng.nextInt(1, 9);
            }
            long[][] a = new long[n][n];
            Rational want = Rational.ONE;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) a[i][j] = x[i] * y[j];
                want = want.multiply(i + 1).multiply(x[i] * y[i]);
            }
            assertEquals(want, ArcEstimators.rowColSum(RationalMatrix.ofLongs(a)));
        }
    }

    @Test
    void invariantUnderPermutationsAndSwappedByTransposition() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = rng.nextInt(1, 7);
            RationalMatrix a = EstimateTesting.uniform(rng, n, -20, 20, 1);
            int[] p = shuffle(rng, n), q = shuffle(rng, n);
            Rational[] moved = new Rational[n * n], transposed = new Rational[n * n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                moved[i * n + j] = a.get(p[i], q[j]);
                transposed[i * n + j] = a.get(j, i);
            }
            RationalMatrix b = RationalMatrix.of(n, n, moved), t = RationalMatrix.of(n, n, transposed);
            assertEquals(ArcEstimators.row(a), ArcEstimators.row(b));
            assertEquals(ArcEstimators.col(a), ArcEstimators.col(b));
            assertEquals(ArcEstimators.uniq(a), ArcEstimators.uniq(b));
            assertEquals(ArcEstimators.row(a), ArcEstimators.col(t));
            assertEquals(ArcEstimators.sum(a), ArcEstimators.sum(t));
            assertEquals(ArcEstimators.rowColUniq(a), ArcEstimators.rowColUniq(t));
        }
    }

    /** e_n against its definition: the sum over all n-subsets of the n² entries (brute force for n ≤ 3). */
    @Test
    void uniqMatchesSubsetEnumeration() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 1; n <= 3; n++) {
            RationalMatrix a = EstimateTesting.uniform(rng, n, -9, 9, 1);
            int m = n * n;
            Rational e = Rational.ZERO;
            long subsets = 0;
            for (int s = 0; s < (1 << m); s++) {
                if (Integer.bitCount(s) != n) continue;
                subsets++;
                Rational p = Rational.ONE;
                for (int k = 0; k < m; k++) if ((s & (1 << k)) != 0) p = p.multiply(a.get(k / n, k % n));
                e = e.add(p);
            }
            Rational nf = Rational.ONE;
            for (int k = 2; k <= n; k++) nf = nf.multiply(k);
            assertEquals(nf.multiply(e).divide(Rational.of(subsets)), ArcEstimators.uniq(a));
            assertTrue(subsets > 0);
        }
    }

    private static int[] shuffle(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
