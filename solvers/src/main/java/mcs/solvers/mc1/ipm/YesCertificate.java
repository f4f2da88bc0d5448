package mcs.solvers.mc1.ipm;

import mcs.problems.cert.Body;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.dense.Dense;
import mcs.solvers.engine.lowrank.FactorCertificate;
import mcs.solvers.engine.lowrank.FitTarget;

/**
 * Builds and checks a {@code factor} completion X = FFᵀ + δI + Δ (SPEC §2.1) from the primal iterate.
 *
 * <p>The completion takes a on Ω and √(a_ii a_jj)·S_ij elsewhere. With δ half of an estimate of its λmin
 * (Lanczos; lowered when the factorisation fails), F = chol(X − δI) is rounded to a decimal grid 10^−t and
 * ‖Δ‖_F² ≤ δ² is checked in exact arithmetic — the same test the kernel applies — before anything is returned,
 * by {@link FactorCertificate} (shared with burer-monteiro: t from the expected rounding error, δ/40; one retry
 * with three more digits). Cost: one dense Cholesky (n³/3) and an exact pass over Ω with integer dot products
 * (O(m·n)).
 */
final class YesCertificate {
    private YesCertificate() {}

    /**
     * The completion in the original scale: a on Ω, √(a_ii a_jj)·S_ij elsewhere (full n×n).
     *
     * @param s the scaled primal block S (full n×n)
     */
    static double[] completion(PartialSymmetricMatrix a, MarginSdp p, double[] s) {
        int n = p.n;
        double[] xc = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = p.scale[i] * p.scale[j] * s[i * n + j];
                xc[i * n + j] = v;
                xc[j * n + i] = v;
            }
        }
        for (int k = 0; k < p.m; k++) {
            xc[p.row[k] * n + p.col[k]] = a.approx(k);
            xc[p.col[k] * n + p.row[k]] = a.approx(k);
        }
        return xc;
    }

    /**
     * @param xc the completion from {@link #completion}
     * @param lambdaEstimate an estimate of λmin(xc) (&gt; 0); δ starts at half of it
     * @return the factor body, or null when the factorisation or the exact check fails
     */
    static Body.Factor build(PartialSymmetricMatrix a, MarginSdp p, double[] xc, double lambdaEstimate, int threads) {
        int n = p.n;
        double delta = 0.5 * lambdaEstimate;
        double[] l = null;
        for (int tries = 0; tries < 3 && l == null; tries++, delta *= 0.25) {
            double[] c = xc.clone();
            for (int i = 0; i < n; i++) c[i * n + i] -= delta;
            if (Dense.cholesky(c, n, threads)) {
                l = c;
                break;
            }
        }
        if (l == null || !(delta > 0)) return null;
        for (int i = 0; i < n; i++) java.util.Arrays.fill(l, i * n + i + 1, i * n + n, 0); // the strict upper triangle held X
        // Rounded to a decimal grid and checked exactly by the shared factor certificate (longs where the numbers fit):
        // a compact certificate (one long and one exponent per entry) that the kernel also reads without BigIntegers.
        FitTarget target = FitTarget.of(new Mc1Instance(a));
        FactorCertificate.Outcome o = FactorCertificate.build(target, l, n, delta, 0, 0);
        if (o.body() == null) o = FactorCertificate.build(target, l, n, delta, 0, 3);
        return o.body();
    }
}
