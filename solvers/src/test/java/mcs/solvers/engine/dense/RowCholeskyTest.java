package mcs.solvers.engine.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blocked row Cholesky against the textbook unblocked one (to 1e-12 relative), bit for bit against the
 * unblocked algorithm with its own order of fused operations (so that blocking, panel layout and task split
 * cannot change a single bit of the factor), against its defining identity LLᵀ = A, for independence of the
 * thread count, and its triangular solves against A·x = b (the
 * forward solve by rows and by columns agreeing). Sizes
 * straddle the block ({@value RowCholesky#BLOCK}) and tile ({@value RowCholesky#TILE}) boundaries.
 */
class RowCholeskyTest {
    private static final int[] SIZES = {1, 2, 3, 5, 127, 128, 129, 257, 300, 520};

    /** Random symmetric, entries in [−1/2, 1/2], diagonal √n (definite; condition number small but not 1). */
    private static double[][] randomSpd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j < i; j++) a[i][j] = r.nextDouble() - 0.5;
            a[i][i] = Math.sqrt(n) + 0.5;
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** The column-by-column textbook algorithm, one dot product per entry. */
    private static double[][] unblocked(double[][] a) {
        int n = a.length;
        double[][] l = copy(a);
        for (int j = 0; j < n; j++) {
            double s = l[j][j];
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < n; i++) {
                double t = l[i][j];
                for (int k = 0; k < j; k++) t -= l[i][k] * l[j][k];
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    /**
     * The order of operations {@link RowCholesky#factor} promises, unblocked: L_ij = (A_ij − Σ_{k&lt;j} L_ik·L_jk)·(1/L_jj)
     * and L_ii = √(A_ii − Σ_{k&lt;i} L_ik²), each sum a chain of fused multiply–adds in increasing k.
     */
    private static double[][] fusedInOrder(double[][] a) {
        int n = a.length;
        double[][] l = copy(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = l[i][j];
                for (int k = 0; k < j; k++) s = Math.fma(-l[i][k], l[j][k], s);
                l[i][j] = j < i ? s * (1 / l[j][j]) : Math.sqrt(s);
            }
        }
        return l;
    }

    @Test
    void theFactorIsBitForBitTheUnblockedFusedAlgorithm() {
        for (int n : SIZES) {
            double[][] a = randomSpd(n, 300 + n);
            double[][] ref = fusedInOrder(a);
            for (int threads = 1; threads <= 2; threads++) {
                double[][] l = copy(a);
                assertTrue(RowCholesky.factor(l, threads), "n=" + n);
                for (int i = 0; i < n; i++) assertArrayEquals(ref[i], l[i], "n=" + n + ", threads=" + threads + ", row " + i);
            }
        }
    }

    @Test
    void blockedEqualsUnblockedAndReproducesTheMatrix() {
        for (int n : SIZES) {
            double[][] a = randomSpd(n, 100 + n);
            double[][] ref = unblocked(a);
            double[][] l = copy(a);
            assertTrue(RowCholesky.factor(l, 1), "n=" + n);
            double maxL = 0, maxA = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
                maxL = Math.max(maxL, Math.abs(ref[i][j]));
                maxA = Math.max(maxA, Math.abs(a[i][j]));
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(ref[i][j], l[i][j], 1e-12 * maxL, "L, n=" + n + " (" + i + "," + j + ")");
                    double s = 0;
                    for (int k = 0; k <= j; k++) s += l[i][k] * l[j][k];
                    assertEquals(a[i][j], s, 1e-12 * maxA * n, "LLᵀ, n=" + n + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void theFactorDoesNotDependOnTheNumberOfThreads() {
        for (int n : new int[] {200, 520}) {
            double[][] one = randomSpd(n, 7);
            double[][] two = copy(one);
            double[][] three = copy(one);
            assertTrue(RowCholesky.factor(one, 1));
            assertTrue(RowCholesky.factor(two, 2));
            assertTrue(RowCholesky.factor(three, 3));
            for (int i = 0; i < n; i++) {
                assertArrayEquals(one[i], two[i], "row " + i);
                assertArrayEquals(one[i], three[i], "row " + i);
            }
        }
    }

    @Test
    void anIndefiniteMatrixIsRejectedWhereverThePivotFails() {
        for (int n : new int[] {2, 130, 300}) {
            double[][] a = randomSpd(n, 3);
            // A − (λ + 1)·e_t e_tᵀ on the last diagonal entry: still symmetric, no longer definite.
            a[n - 1][n - 1] = -1;
            assertFalse(RowCholesky.factor(a, 2), "n=" + n);
        }
    }

    @Test
    void triangularSolvesSolveTheSystem() {
        for (int n : new int[] {1, 9, 300}) {
            double[][] a = randomSpd(n, 5);
            double[][] l = copy(a);
            assertTrue(RowCholesky.factor(l, 2));
            double[] b = new double[n];
            for (int i = 0; i < n; i++) b[i] = (i % 7) - 3;
            double[] x = b.clone();
            RowCholesky.forward(l, x);
            double[] y = b.clone();
            RowCholesky.forwardByColumns(RowCholesky.columns(l), y);
            for (int i = 0; i < n; i++) assertEquals(x[i], y[i], 1e-13 * (1 + Math.abs(x[i])), "forward by rows and by columns, row " + i);
            RowCholesky.backward(l, x);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += (j <= i ? a[i][j] : a[j][i]) * x[j];
                assertEquals(b[i], s, 1e-11 * n, "n=" + n + " row " + i);
            }
        }
    }
}
