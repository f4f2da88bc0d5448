package mcs.solvers.engine.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.solvers.mc1.ipm.StepLength;
import org.junit.jupiter.api.Test;

/** The dense kernels against their defining identities: LLᵀ = A, A·A⁻¹ = I, (AB)_ij by definition, Lanczos on a diagonal. */
class DenseTest {
    private static double[] randomSpd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = r.nextDouble() - 0.5;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
            a[i * n + i] = 0.5 * n;
        }
        return a;
    }

    @Test
    void choleskyReproducesTheMatrixAcrossBlockBoundaries() {
        for (int n : new int[] {1, 2, 7, 64, 65, 130, 301}) {
            for (int threads : new int[] {1, 2}) {
                double[] a = randomSpd(n, n);
                double[] l = a.clone();
                assertTrue(Dense.cholesky(l, n, threads));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double s = 0;
                        for (int k = 0; k <= j; k++) s += l[i * n + k] * l[j * n + k];
                        assertEquals(a[i * n + j], s, 1e-10 * n, "n=" + n + " (" + i + "," + j + ")");
                    }
                }
                double[] g = Dense.inverseFromFactor(l, n, threads);
                double[] id = Dense.timesSymmetric(a, g, n, threads);
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(i == j ? 1 : 0, id[i * n + j], 1e-10, "A·A⁻¹");
            }
        }
    }

    @Test
    void timesSymmetricMatchesTheDefinitionForAnyLeftFactor() {
        for (int n : new int[] {1, 3, 4, 9, 130}) {
            for (int threads : new int[] {1, 2}) {
                SplittableRandom r = new SplittableRandom(17 + n);
                double[] a = new double[n * n];
                for (int t = 0; t < a.length; t++) a[t] = r.nextDouble() - 0.5;
                double[] b = randomSpd(n, 5 + n);
                double[] c = Dense.timesSymmetric(a, b, n, threads);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
                        assertEquals(s, c[i * n + j], 1e-12 * n * n, "n=" + n + " (" + i + "," + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void choleskyDoesNotDependOnTheNumberOfThreads() {
        int n = 700;
        double[] a = randomSpd(n, 11);
        double[] l1 = a.clone();
        double[] l2 = a.clone();
        assertTrue(Dense.cholesky(l1, n, 1));
        assertTrue(Dense.cholesky(l2, n, 2));
        assertTrue(java.util.Arrays.equals(l1, l2));
    }

    @Test
    void matrixVectorProductMatchesTheDefinition() {
        for (int n : new int[] {1, 5, 8, 31}) {
            SplittableRandom r = new SplittableRandom(n);
            double[] a = new double[n * n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextDouble() - 0.5;
            for (int t = 0; t < n; t++) v[t] = r.nextDouble() - 0.5;
            double[] out = new double[n];
            Dense.multiplySymmetric(Dense.rows(a, n), v, out);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * v[k];
                assertEquals(s, out[i], 1e-13 * n, "n=" + n + " row " + i);
            }
        }
    }

    @Test
    void choleskyRejectsAnIndefiniteMatrix() {
        double[] a = {1, 2, 2, 1};
        assertFalse(Dense.cholesky(a, 2, 1));
    }

    @Test
    void triangularSolvesInvertTheFactor() {
        int n = 90;
        double[] a = randomSpd(n, 3);
        double[] l = a.clone();
        assertTrue(Dense.cholesky(l, n, 1));
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = i - 40;
        double[] x = b.clone();
        double[][] rows = RowCholesky.rowsOf(l, n);
        RowCholesky.forward(rows, x);
        RowCholesky.backward(rows, x);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            assertEquals(b[i], s, 1e-9);
        }
    }

    @Test
    void stepLengthOnDiagonalMatrices() {
        // P = I, Δ = diag(1, −2, −1/2, …): α_max = 1/2 exactly (the Ritz values of a diagonal operator with n ≤ 40 are exact).
        int n = 12;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) l[i * n + i] = 1;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = i == 1 ? -2 : (i % 3 == 0 ? 1 : -0.5);
        double alpha = StepLength.max(l, n, (in, out) -> {
            for (int i = 0; i < n; i++) out[i] = d[i] * in[i];
        });
        assertEquals(0.5, alpha, 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, StepLength.max(l, n, (in, out) -> System.arraycopy(in, 0, out, 0, n)));
    }
}
