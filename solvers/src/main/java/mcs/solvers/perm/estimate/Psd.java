package mcs.solvers.perm.estimate;

import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * Positive semidefiniteness for the PSD-only estimators: an exact decision (symmetric Gaussian
 * elimination in rationals, O(n³) rational operations) and a floating-point Cholesky factor for sampling.
 */
final class Psd {
    private Psd() {}

    /** Exactly: symmetric and every pivot ≥ 0, a zero pivot only with an all-zero remaining row. */
    static boolean isPsd(RationalMatrix a) {
        if (!a.isSymmetric()) return false;
        int n = a.rows();
        Rational[][] m = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = a.get(i, j);
        for (int k = 0; k < n; k++) {
            Rational d = m[k][k];
            if (d.signum() < 0) return false;
            if (d.isZero()) {
                for (int j = k + 1; j < n; j++) if (!m[k][j].isZero()) return false;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                if (m[i][k].isZero()) continue;
                Rational f = m[i][k].divide(d);
                for (int j = k + 1; j <= i; j++) {
                    if (!m[k][j].isZero()) m[i][j] = m[i][j].subtract(f.multiply(m[k][j]));
                    m[j][i] = m[i][j];
                }
            }
        }
        return true;
    }

    /**
     * A lower-triangular L with LLᵀ ≈ A for a PSD A (pivots below 1e-14·max a_ii are treated as 0, their
     * column of L left 0). Cost O(n³/3) flops.
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, a[i][i]);
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) d -= l[j][k] * l[j][k];
            if (d <= 1e-14 * scale) continue;
            double r = Math.sqrt(d);
            l[j][j] = r;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                l[i][j] = s / r;
            }
        }
        return l;
    }
}
