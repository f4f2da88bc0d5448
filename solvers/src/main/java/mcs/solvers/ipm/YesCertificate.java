package mcs.solvers.ipm;

import java.math.BigInteger;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;

/**
 * Builds and checks a {@code factor} completion X = FFᵀ + δI + Δ (SPEC §2.1) from the primal iterate.
 *
 * <p>The completion takes a on Ω and √(a_ii a_jj)·S_ij elsewhere, so λmin ≥ (t − ‖residual‖_F)·min a_ii
 * for the scaled iterate S + tI. With δ half of that bound, F = chol(X − δI) is rounded to the grid 2^e
 * chosen so that the rounding moves FFᵀ by at most δ/8 in Frobenius norm; then ‖Δ‖_F² ≤ δ² is checked in
 * exact arithmetic — the same test the kernel applies — before anything is returned. Cost: one dense
 * Cholesky (n³/3) and an exact pass over Ω with 128-bit integer dot products (O(m·n)).
 */
final class YesCertificate {
    private YesCertificate() {}

    /**
     * @param s the scaled primal block S (full n×n)
     * @param lowerScaled a lower bound on λmin of the scaled completion (&gt; 0)
     * @return the factor body, or null when the exact check fails
     */
    static Body.Factor build(PartialSymmetricMatrix a, MarginSdp p, double[] s, double lowerScaled, int threads) {
        int n = p.n;
        double[] xc = new double[n * n];
        double minA = Double.POSITIVE_INFINITY, maxA = 0;
        for (int i = 0; i < n; i++) {
            double ai = p.scale[i] * p.scale[i];
            minA = Math.min(minA, ai);
            maxA = Math.max(maxA, ai);
            for (int j = 0; j < i; j++) xc[i * n + j] = p.scale[i] * p.scale[j] * s[i * n + j];
        }
        for (int k = 0; k < p.m; k++) xc[p.row[k] * n + p.col[k]] = a.approx(k);
        double delta = 0.5 * lowerScaled * minA;
        double[] l = null;
        for (int tries = 0; tries < 4 && l == null; tries++, delta *= 0.25) {
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
