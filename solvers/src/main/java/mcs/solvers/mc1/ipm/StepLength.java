package mcs.solvers.mc1.ipm;

import java.util.function.BiConsumer;
import mcs.solvers.engine.dense.RowCholesky;

/**
 * Largest step α with P + αΔ ⪰ 0, for P = LLᵀ positive definite: α_max = −1/λmin(L⁻¹ΔL⁻ᵀ) when that
 * eigenvalue is negative, else +∞. λmin is estimated by Lanczos with full reorthogonalisation (at most
 * {@value #STEPS} steps, exact for n ≤ {@value #STEPS}); a Ritz value never lies below λmin, so the
 * estimate can only overshoot α, which the caller catches by re-factoring the new iterate. Cost:
 * O(STEPS·(n² + cost of Δ·v)). Deterministic start vector.
 */
public final class StepLength {
    static final int STEPS = 40;

    private StepLength() {}

    /**
     * @param l Cholesky factor of P (lower triangle of a flat n×n array)
     * @param delta out = Δ·in
     */
    public static double max(double[] l, int n, BiConsumer<double[], double[]> delta) {
        double[] tmp = new double[n];
        double[][] rows = RowCholesky.rowsOf(l, n);
        double[][] columns = RowCholesky.columns(rows);
        double lmin = lambdaMin(n, (in, out) -> {
            System.arraycopy(in, 0, tmp, 0, n);
            RowCholesky.backward(rows, tmp);
            delta.accept(tmp, out);
            RowCholesky.forwardByColumns(columns, out);
        });
        return lmin >= 0 ? Double.POSITIVE_INFINITY : -1.0 / lmin;
    }

    /**
     * Lanczos estimate of the smallest eigenvalue of the symmetric operator {@code op} (out = A·in) of order n;
     * never below the true value (a Ritz value), exact up to rounding when n ≤ {@value #STEPS}.
     */
    static double lambdaMin(int n, BiConsumer<double[], double[]> op) {
        int k = Math.min(n, STEPS);
        double[][] q = new double[k + 1][];
        double[] alpha = new double[k];
        double[] beta = new double[k];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 1.0 + 0.5 * ((i * 0.6180339887498949) % 1.0);
        normalize(v);
        q[0] = v;
        double[] w = new double[n];
        int steps = 0;
        for (int j = 0; j < k; j++) {
            op.accept(q[j], w);
            double a = dot(q[j], w);
            alpha[j] = a;
            steps = j + 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r <= j; r++) {
                    double c = dot(q[r], w);
                    for (int i = 0; i < n; i++) w[i] -= c * q[r][i];
                }
            }
            double b = Math.sqrt(dot(w, w));
            if (j == k - 1 || b <= 1e-13 * (Math.abs(a) + 1e-300)) break;
            beta[j] = b;
            double[] next = new double[n];
            for (int i = 0; i < n; i++) next[i] = w[i] / b;
            q[j + 1] = next;
        }
        return smallestEigenvalue(alpha, beta, steps);
    }

    /** Smallest eigenvalue of the symmetric tridiagonal matrix (alpha, beta) of order s, by Sturm bisection. */
    static double smallestEigenvalue(double[] alpha, double[] beta, int s) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            double r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < s - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - r);
            hi = Math.max(hi, alpha[i] + r);
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo) + Math.abs(hi)); it++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(alpha, beta, s, mid) >= 1) hi = mid;
            else lo = mid;
        }
        return lo;
    }

    private static int countBelow(double[] alpha, double[] beta, int s, double x) {
        int count = 0;
        double d = 1;
        for (int i = 0; i < s; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
            d = alpha[i] - x - (i > 0 ? b2 / d : 0);
            if (d == 0) d = -1e-300;
            if (d < 0) count++;
        }
        return count;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void normalize(double[] v) {
        double s = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) v[i] /= s;
    }
}
