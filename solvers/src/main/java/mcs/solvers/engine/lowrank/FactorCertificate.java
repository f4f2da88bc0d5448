package mcs.solvers.engine.lowrank;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.engine.exact.Int128;

/**
 * Turns a floating-point factor F (n×r) and shift δ into a {@code factor} body X = FFᵀ + δI + Δ and checks
 * ‖Δ‖_F² ≤ δ² exactly — the kernel's test (SPEC §2.1) — before anything is returned.
 *
 * <p>Rounding: F is rounded to the decimal grid 10^−t (so the certificate stores each entry compactly as
 * u·10^−t and prints it as a short decimal). t is the smallest one whose expected rounding perturbation of
 * FFᵀ on Ω, √(Σ w_ij (|F_i|² + |F_j|²)·10^−2t / 12), is at most δ/40 (resp. 5% of the fit residual when the
 * diagonal is free), capped so that every |u| &lt; 2^55 (then every dot of r ≤ 2^16 terms is exact in 128
 * bits). δ is rounded down to 8 significant digits. With a constrained diagonal the check is the verdict;
 * with a free diagonal Δ lives off the diagonal only and δ is <i>chosen</i> as an upper bound of ‖Δ‖_F
 * (ceiling to 12 significant digits), which always passes.
 *
 * <p>Exact arithmetic: with L = lcm(den a, 10^2t, den δ), N_ij = L·Δ_ij is an integer and the test is
 * Σ w N_ij² ≤ (Lδ)². Cost: O(m·r) 128-bit multiply-adds and O(m) BigInteger operations.
 */
public final class FactorCertificate {
    /** Largest rounded magnitude (see the class comment). */
    private static final double MAX_UNIT = 0x1p55;

    /** @param body null when the check failed; @param residual ‖Δ‖_F² (exact value, as a double); @param shift δ as emitted */
    public record Outcome(Body.Factor body, double residual, double shift, int digits) {}

    private FactorCertificate() {}

    /**
     * @param f factor, row-major n×r
     * @param delta shift (&gt; 0) when the diagonal is constrained; ignored otherwise
     * @param fit the optimiser's value of ‖Δ‖_F² in double (sets the precision when the diagonal is free)
     * @param extraDigits digits added to the estimated t (0 on a first try)
     */
    public static Outcome build(FitTarget target, double[] f, int r, double delta, double fit, int extraDigits) {
        int n = target.n();
        var omega = target.omega;
        double spread = 0, maxAbs = 0;
        double[] norm2 = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < r; c++) {
                double v = f[i * r + c];
                norm2[i] += v * v;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int e = omega.rowStart(i); e < omega.rowEnd(i); e++) {
                int j = omega.col(e);
                if (!target.constrains(e, i)) continue;
                spread += (i == j ? 1 : 2) * (norm2[i] + norm2[j]) / 12;
            }
        }
        // δ/40: one more digit than δ/8 costs little, and lets the search stop at ‖Δ‖_F ≈ 0.8δ instead of δ/2.
        double budget = target.diagonalConstrained ? delta / 40 : 0.05 * Math.sqrt(Math.max(fit, 1e-24));
        int t = (int) Math.ceil(Math.log10(Math.max(Math.sqrt(spread), 1e-300) / budget)) + extraDigits;
        int tMax = maxAbs == 0 ? 18 : (int) Math.floor(Math.log10(MAX_UNIT / maxAbs));
        t = Math.max(1, Math.min(Math.min(t, tMax), 18));
        double scale = Math.pow(10, t);
        long[] u = new long[n * r];
        for (int q = 0; q < u.length; q++) u[q] = Math.round(f[q] * scale);

        Rational shift = target.diagonalConstrained
                ? Rational.of(new BigDecimal(delta).round(new MathContext(8, RoundingMode.FLOOR))) : Rational.ZERO;
        BigInteger pow = BigInteger.TEN.pow(2 * t);
        BigInteger l = lcm(lcm(target.den, pow), shift.denominator());
        BigInteger ma = l.divide(target.den);
        BigInteger mf = l.divide(pow);
        BigInteger md = shift.numerator().multiply(l.divide(shift.denominator()));
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            for (int e = omega.rowStart(i); e < omega.rowEnd(i); e++) {
                int j = omega.col(e);
                if (!target.constrains(e, i)) continue;
                BigInteger x = target.num[e].multiply(ma).subtract(Int128.dot(u, i * r, j * r, r).multiply(mf));
                if (i == j) x = x.subtract(md);
                if (x.signum() == 0) continue;
                BigInteger sq = x.multiply(x);
                sum = sum.add(i == j ? sq : sq.shiftLeft(1));
            }
        }
        double residual = Rational.of(sum, l.multiply(l)).toDouble();
        if (target.diagonalConstrained) {
            if (sum.compareTo(md.multiply(md)) > 0) return new Outcome(null, residual, shift.toDouble(), t);
        } else {
            BigInteger root = sum.sqrt();
            if (root.multiply(root).compareTo(sum) < 0) root = root.add(BigInteger.ONE);
            shift = Rational.of(new BigDecimal(root).divide(new BigDecimal(l), new MathContext(12, RoundingMode.CEILING)));
        }
        RationalArray ex = new RationalArray(n * r);
        double[] ap = new double[n * r];
        for (int q = 0; q < u.length; q++) {
            if (u[q] == 0) continue;
            ex.setDecimal(q, u[q], -t);
            ap[q] = u[q] / scale;
        }
        return new Outcome(new Body.Factor(new RationalMatrix(n, r, ex, ap), shift), residual, shift.toDouble(), t);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        if (a.equals(b) || b.equals(BigInteger.ONE)) return a;
        if (a.equals(BigInteger.ONE)) return b;
        return a.divide(a.gcd(b)).multiply(b);
    }
}
