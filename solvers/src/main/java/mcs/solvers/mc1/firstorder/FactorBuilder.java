package mcs.solvers.mc1.firstorder;

import java.math.BigInteger;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;

/**
 * A YES certificate in {@code factor} form (SPEC §2.1) from a factor F of the scaled problem with
 * P_Ω(FFᵀ) ≈ D^{-1/2}(a − δI)D^{-1/2} (D = diag a): F' = D^{1/2}F (rows times √a_ii) and the shift δ, rounded to the grid 2^e;
 * the kernel's test ‖a − F'F'ᵀ − δ'I‖²_F ≤ δ'² on Ω is run exactly here before the body is returned.
 *
 * <p>Exactness: entries of F' are integers times 2^e with |integer| &lt; 2^52, so each (F'F'ᵀ)_ij is an exact
 * 128-bit sum (r ≤ 2^16 columns); Δ is then formed and squared in rationals. Cost O(m·r) word operations plus
 * O(m) rational operations.
 */
final class FactorBuilder {
    private FactorBuilder() {}

    /** @param shift δ in the data's coordinates (&gt; 0); @return the factor body, or null when the exact test fails */
    static Body.Factor build(PartialSymmetricMatrix a, ScaledInstance p, double[] f, int r, double shift) {
        return build(a, p, f, r, shift, 0);
    }

    /**
     * As {@link #build(PartialSymmetricMatrix, ScaledInstance, double[], int, double)}, and also proves the margin:
     * the exact test is ‖Δ‖_F ≤ δ − margin, so by Weyl the completion FFᵀ + δI + Δ has λmin ≥ margin.
     *
     * @param margin the λmin the completion must be proven to have (0 ≤ margin &lt; shift)
     */
    static Body.Factor build(PartialSymmetricMatrix a, ScaledInstance p, double[] f, int r, double shift, double margin) {
        int n = p.n;
        double maxAbs = 0;
        double[] fp = new double[n * r];
        for (int i = 0; i < n; i++) {
            double s = 1 / p.invSqrt[i];
            for (int c = 0; c < r; c++) {
                fp[i * r + c] = f[i * r + c] * s;
                maxAbs = Math.max(maxAbs, Math.abs(fp[i * r + c]));
            }
        }
        if (!(shift > 0) || maxAbs == 0 || !(margin >= 0 && margin < shift)) return null;
        // Rounding moves each (F'F'ᵀ)_ij by about 2·r·maxAbs·q/2; keep the total over m entries well under (δ' − margin)/4.
        double q0 = (shift - margin) / (4 * Math.sqrt(2.0 * p.m) * r * maxAbs);
        int e = Math.max(Math.getExponent(q0), Math.getExponent(maxAbs) - 51);
        double q = Math.scalb(1.0, e);
        long[] u = new long[n * r];
        for (int t = 0; t < u.length; t++) u[t] = Math.round(fp[t] / q);
        Rational shiftR = Rational.ofDouble(shift);
        Rational q2 = WitnessBuilder.dyadic(1, 2 * e);
        Rational sum = Rational.ZERO;
        for (int k = 0; k < p.m; k++) {
            int i = p.row[k], j = p.col[k];
            BigInteger dot = dot(u, i * r, j * r, r);
            Rational d = a.value(k).subtract(q2.multiply(Rational.of(dot)));
            if (i == j) d = d.subtract(shiftR);
            Rational sq = d.multiply(d);
            sum = sum.add(i == j ? sq : sq.multiply(2));
        }
        Rational room = shiftR.subtract(Rational.ofDouble(margin));
        if (room.signum() <= 0 || sum.compareTo(room.multiply(room)) > 0) return null;
        Rational[] rows = new Rational[n * r];
        for (int t = 0; t < u.length; t++) rows[t] = WitnessBuilder.dyadic(u[t], e);
        return new Body.Factor(RationalMatrix.of(n, r, rows), shiftR);
    }

    /** Σ_c u[x+c]·u[y+c] exactly (128-bit two's complement accumulation). */
    private static BigInteger dot(long[] u, int x, int y, int len) {
        long hi = 0, lo = 0;
        for (int c = 0; c < len; c++) {
            long s = u[x + c], t = u[y + c];
            long plo = s * t;
            long nlo = lo + plo;
            hi += Math.multiplyHigh(s, t) + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
            lo = nlo;
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
