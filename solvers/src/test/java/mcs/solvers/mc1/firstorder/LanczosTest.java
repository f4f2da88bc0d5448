package mcs.solvers.mc1.firstorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lanczos and the tridiagonal QL step against matrices whose spectra and exponentials are known in closed form. */
class LanczosTest {
    /** The path Laplacian of order n has eigenvalues 2 − 2cos(kπ/n), k = 0..n−1; the smallest is 0 with eigenvector 1. */
    @Test
    void smallestEigenpairOfThePathLaplacian() {
        int n = 40;
        Lanczos.Operator op = (x, y) -> {
            for (int i = 0; i < n; i++) {
                double deg = (i > 0 ? 1 : 0) + (i < n - 1 ? 1 : 0);
                y[i] = deg * x[i] - (i > 0 ? x[i - 1] : 0) - (i < n - 1 ? x[i + 1] : 0);
            }
        };
        Lanczos.Eigenpair e = new Lanczos(n, op).smallest(n, 1e-12, 3);
        assertEquals(0, e.value(), 1e-10);
        for (int i = 0; i < n; i++) assertEquals(Math.abs(e.vector()[0]), Math.abs(e.vector()[i]), 1e-8);
    }

    @Test
    void tridiagonalEigenvaluesOfTheSecondDifferenceMatrix() {
        int k = 12;
        double[] alpha = new double[k], beta = new double[k];
        java.util.Arrays.fill(alpha, 2);
        java.util.Arrays.fill(beta, -1);
        Tridiagonal t = new Tridiagonal(alpha, beta, k);
        double[] got = t.values.clone();
        java.util.Arrays.sort(got);
        for (int j = 1; j <= k; j++) assertEquals(2 - 2 * Math.cos(j * Math.PI / (k + 1)), got[j - 1], 1e-12);
    }

    /** For a diagonal M, exp(−τM)x is x_i·e^{−τ m_i}; the Krylov result equals it up to the positive factor it leaves out. */
    @Test
    void exponentialOfADiagonalMatrix() {
        int n = 8;
        double[] d = {0.1, 0.5, 1, 1.5, 2, 3, 4, 6};
        double[] x = {1, -2, 0.5, 1, 3, -1, 2, 1};
        Lanczos lz = new Lanczos(n, (u, v) -> {
            for (int i = 0; i < n; i++) v[i] = d[i] * u[i];
        });
        double[] y = lz.expTimes(x, 0.7, n, true);
        double ratio = y[0] / (x[0] * Math.exp(-0.7 * d[0]));
        for (int i = 0; i < n; i++) assertEquals(x[i] * Math.exp(-0.7 * d[i]) * ratio, y[i], 1e-9 * Math.abs(ratio));
    }
}
