package mcs.solvers.perm.estimate;

import java.util.Arrays;

/**
 * Sinkhorn scaling of a nonnegative matrix and the permanent bounds it gives, in floating point.
 *
 * <p>Alternately normalises rows and columns: B = diag(r)·A·diag(c) tends to the doubly stochastic
 * scaling when A has total support. With cap(A) = inf_{x>0} Π_i (Ax)_i / Π_j x_j (Gurvits' capacity):
 * <ul>
 *   <li>upper: perm(A) ≤ Π_i (Ax)_i / Π_j x_j for <em>every</em> x > 0 (expand the product: it contains
 *       every permutation term once); we take x = c;
 *   <li>capacity from below: for any doubly stochastic W supported on supp(A), weighted AM–GM gives
 *       Π_i (Ax)_i ≥ Π_ij (a_ij/w_ij)^{w_ij}·Π_j x_j, so log cap(A) ≥ −Σ w_ij log(w_ij/a_ij) (equality at the
 *       scaling limit); we take W = the final iterate B;
 *   <li>lower: perm(A) = cap(A)·perm(B) for the doubly stochastic scaling B, and perm(B) ≥ Π(1−b_ij)^{1−b_ij}
 *       (Schrijver 1998, as used by Gurvits), which implies van der Waerden's n!/nⁿ.
 * </ul>
 * The lower bound assumes the final iterate is doubly stochastic; we only use it once every row and
 * column sum is within {@code tol} of 1, and then the bounds are floating-point values, not certificates.
 * Each iteration costs O(n²).
 */
final class Sinkhorn {
    /** The scaled matrix B and its scaling vectors: B = diag(r) A diag(c). */
    record Scaling(double[][] b, double[] r, double[] c, int iterations, double deviation) {}

    private Sinkhorn() {}

    /**
     * Scales until max_i |row_i − 1| and max_j |col_j − 1| are ≤ tol, or maxIterations row+column sweeps.
     * The last step is a row normalisation, so rows sum to 1 up to rounding.
     */
    static Scaling scale(double[][] a, int maxIterations, double tol) {
        return scale(a, maxIterations, tol, () -> { });
    }

    /** As {@link #scale(double[][], int, double)}, calling {@code tick} (e.g. a deadline check) every 64 sweeps. */
    static Scaling scale(double[][] a, int maxIterations, double tol, Runnable tick) {
        int n = a.length;
        double[] r = new double[n], c = new double[n];
        Arrays.fill(c, 1.0);
        double dev = Double.POSITIVE_INFINITY;
        int it = 0;
        while (it < maxIterations) {
            if ((++it & 63) == 0) tick.run();
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += a[i][j] * c[j];
                r[i] = 1 / s;
            }
            dev = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += r[i] * a[i][j];
                dev = Math.max(dev, Math.abs(s * c[j] - 1));
                c[j] = 1 / s;
            }
            if (dev <= tol) break;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i][j] * c[j];
            r[i] = 1 / s;
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = r[i] * a[i][j] * c[j];
        return new Scaling(b, r, c, it, dev);
    }

    /** max over rows and columns of |sum − 1|: how far b is from doubly stochastic. */
    static double deviation(double[][] b) {
        int n = b.length;
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double r = 0, c = 0;
            for (int j = 0; j < n; j++) {
                r += b[i][j];
                c += b[j][i];
            }
            dev = Math.max(dev, Math.max(Math.abs(r - 1), Math.abs(c - 1)));
        }
        return dev;
    }

    /**
     * Relative slack (in log units) for a bound computed from a matrix whose row and column sums are within
     * {@code dev} of 1: covers rounding and the first-order change of Σ w log(w/a) when W is moved onto the
     * polytope. A heuristic margin, not a proof.
     */
    static double slack(int n, double dev) {
        return 1e-9 + 50.0 * n * n * dev;
    }

    /** log of Π_i (Ax)_i / Π_j x_j, an upper bound on log perm(A) for any x > 0. */
    static double logUpper(double[][] a, double[] x) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double row = 0;
            for (int j = 0; j < a.length; j++) row += a[i][j] * x[j];
            s += Math.log(row);
        }
        for (double v : x) s -= Math.log(v);
        return s;
    }

    /** −Σ w_ij log(w_ij/a_ij): log cap(A) from below when W is doubly stochastic on supp(A). */
    static double logCapacityLower(double[][] a, double[][] w) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) {
            if (w[i][j] > 0) s -= w[i][j] * Math.log(w[i][j] / a[i][j]);
        }
        return s;
    }

    /** Σ (1−w_ij) log(1−w_ij): log of Schrijver's lower bound on perm(W) for doubly stochastic W. */
    static double logSchrijver(double[][] w) {
        double s = 0;
        for (double[] row : w) for (double v : row) if (v < 1) s += (1 - v) * Math.log1p(-v);
        return s;
    }
}
