package mcs.solvers.engine.maxdet;

import java.util.Map;
import mcs.problems.cert.Body;
import mcs.solvers.engine.lowrank.FactorCertificate;
import mcs.solvers.engine.lowrank.FitTarget;

/**
 * Turns a max-det completion X (positive definite, dense) into a {@code factor} certificate the kernel accepts:
 * F = chol(X − δI) (dense lower triangular, n×n) and the shift δ, so that X = FFᵀ + δI + Δ with Δ only the
 * rounding and Newton residual on Ω; {@link FactorCertificate} rounds F and checks ‖Δ‖_F² ≤ δ² exactly before
 * anything is returned.
 *
 * <p>Why dense: the max-det completion is dense and has full rank, so any factor of it has n² entries; SPEC's
 * forms have no sparse representation of it (the {@code chordal} hint covers only a chordal Ω itself). Hence
 * the size limit {@code maxN}. δ starts at half the power-method estimate of λmin(X) and is quartered (up to
 * three times) when the dense Cholesky of X − δI fails. Cost: O(n·nnz(L)) to form X, n³/3 flops for the
 * Cholesky, O(m·n) for the exact check; memory 8n² bytes plus the certificate's n(n+1)/2 decimals.
 */
public final class FactorAnswer {
    private FactorAnswer() {}

    /** @return the body, or null with the reason in {@code stats.put("certificate", ...)} */
    public static Body.Factor build(FitTarget target, Completion c, long seed, Map<String, Object> stats) {
        long t0 = System.nanoTime();
        int n = c.n();
        double lambda = c.lambdaMinEstimate(seed);
        stats.put("lambda_min_estimate", lambda);
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            stats.put("certificate", "λmin estimate " + lambda + " is not positive");
            return null;
        }
        double[] x = c.dense();
        double[] f = new double[n * n];
        double delta = lambda / 2;
        boolean factored = false;
        for (int attempt = 0; attempt < 4 && !factored; attempt++, delta /= 4) {
            factored = cholesky(x, delta, f, n);
            if (factored) break;
        }
        stats.put("dense_seconds", (System.nanoTime() - t0) / 1e9);
        if (!factored) {
            stats.put("certificate", "dense Cholesky of X − δI failed down to δ = " + delta);
            return null;
        }
        // Six digits beyond the Weyl budget: the certificate then describes the max-det completion to about
        // 1e-6·δ, not just some completion near it.
        for (int extra = 6; extra <= 10; extra += 4) {
            FactorCertificate.Outcome o = FactorCertificate.build(target, f, n, delta, 0, extra);
            stats.put("shift", o.shift());
            stats.put("digits", o.digits());
            stats.put("delta_frobenius_squared", o.residual());
            if (o.body() != null) {
                stats.put("certificate_seconds", (System.nanoTime() - t0) / 1e9);
                return o.body();
            }
        }
        stats.put("certificate", "||Δ||_F^2 = " + stats.get("delta_frobenius_squared") + " exceeds δ^2 = " + delta * delta
                + " (the Newton residual is too large for the margin)");
        return null;
    }

    /** Lower Cholesky factor of X − δI into f (row-major, zeros above the diagonal); false when not PD. */
    private static boolean cholesky(double[] x, double delta, double[] f, int n) {
        java.util.Arrays.fill(f, 0.0);
        for (int j = 0; j < n; j++) {
            double dj = x[j * n + j] - delta;
            int rj = j * n;
            for (int k = 0; k < j; k++) dj -= f[rj + k] * f[rj + k];
            if (!(dj > 0)) return false;
            double root = Math.sqrt(dj);
            f[rj + j] = root;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = x[ri + j];
                for (int k = 0; k < j; k++) s -= f[ri + k] * f[rj + k];
                f[ri + j] = s / root;
            }
        }
        return true;
    }
}
