package mcs.solvers.mc1.ipm;

import java.math.BigInteger;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.engine.dense.Dense;

/**
 * Builds and checks a {@code factor} completion X = FFᵀ + δI + Δ (SPEC §2.1) from the primal iterate.
 *
 * <p>The completion takes a on Ω and √(a_ii a_jj)·S_ij elsewhere. With δ half of an estimate of its λmin
 * (Lanczos; lowered when the factorisation fails), F = chol(X − δI) is rounded to the grid 2^e
 * chosen so that the rounding moves FFᵀ by at most δ/8 in Frobenius norm; then ‖Δ‖_F² ≤ δ² is checked in
 * exact arithmetic — the same test the kernel applies — before anything is returned. Cost: one dense
 * Cholesky (n³/3) and an exact pass over Ω with 128-bit integer dot products (O(m·n)).
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
        double maxA = 0;
        for (int i = 0; i < n; i++) maxA = Math.max(maxA, p.scale[i] * p.scale[i]);
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
        int e = Dyadic.floorLog2(delta / (8 * Math.sqrt(2.0 * p.m * n * maxA) + 1));
        double q = Math.scalb(1.0, e);
        long[] f = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = l[i * n + j] / q;
                if (!(Math.abs(v) < Dyadic.MAX_INT)) return null;
                f[i * n + j] = Math.round(v);
            }
        }
        long dk = (long) Math.floor(delta / q);
        if (dk <= 0) return null;
        Rational deltaR = Dyadic.of(dk, e);
        BigInteger den2 = BigInteger.ONE.shiftLeft(-2 * e);
        Rational sum = Rational.ZERO;
        for (int k = 0; k < p.m; k++) {
            int i = p.row[k], j = p.col[k];
            BigInteger dot = Dyadic.dot(f, i * n, j * n, j + 1);
            Rational ffT = e <= 0 ? Rational.of(dot, den2) : Rational.of(dot.shiftLeft(2 * e));
            Rational d = a.value(k).subtract(ffT);
            if (i == j) d = d.subtract(deltaR);
            if (d.isZero()) continue;
            Rational sq = d.square();
            sum = sum.add(i == j ? sq : sq.multiply(2));
        }
        if (sum.compareTo(deltaR.square()) > 0) return null;
        RationalArray ex = new RationalArray(n * n);
        double[] ap = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                long v = f[i * n + j];
                if (v == 0) continue;
                ex.set(i * n + j, Dyadic.of(v, e));
                ap[i * n + j] = Math.scalb((double) v, e);
            }
        }
        return new Body.Factor(new RationalMatrix(n, n, ex, ap), deltaR);
    }
}
