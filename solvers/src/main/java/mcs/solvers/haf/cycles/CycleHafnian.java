package mcs.solvers.haf.cycles;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.dd.DoubleWord;
import mcs.solvers.engine.parallel.Chunks;

/**
 * The hafnian or loop hafnian of a real or complex symmetric matrix in double-word arithmetic with a
 * rigorous a-posteriori error bound: {@link CycleInput} (scaling, pairing), {@link CycleDp} (block weights
 * c(S) and their abs-masses M(S)), {@link GlynnSieve} (set partitions by a Glynn-type sieve).
 *
 * <p><b>Error bound.</b> Write A_k for an upper bound of Σ_{|S|=k} M(S) (the computed masses inflated by
 * (1 − u)^-depth, depth = {@link CycleDp#massDepth} + 2^L), F(x) = [z^L] exp(Σ_k x_k z^k) (a polynomial with
 * non-negative coefficients, of degree ≤ L, evaluated upwards in double), κ_c = {@link CycleDp#kappa},
 * ρ_w = (1 + 3.02u²)^(sum depth) − 1, κ_w = κ_c + ρ_w(1 + κ_c) and κ_e = {@link GlynnSieve#kappaExp}. For every δ:
 * <ul>
 *   <li>the exact ĉ_k(δ) has |ĉ_k| ≤ A_k, and the computed one errs by at most κ_w·A_k ({@link CycleDp},
 *       {@link GlynnSieve});
 *   <li>hence, F having non-negative coefficients and degree ≤ L, |F(computed ĉ) − F(ĉ)| ≤ F(A + κ_w A) − F(A)
 *       ≤ ((1 + κ_w)^L − 1)·F(A);
 *   <li>the recurrence evaluating F errs by at most κ_e·F(|computed ĉ|₁) ≤ κ_e(1 + κ_w)^L·F(A).
 * </ul>
 * The signed sum of the 2^(L−1) values f_L adds at most ((1 + 3.02u²)^(final depth) − 1)·Σ|f_L|₁, and the
 * factor 2^-(L−1) is exact. Underflow (never for the inputs tried, possible for wildly scaled ones) adds at
 * most 2^-1074 per rounding operation, which the scaled computation (all weights ≤ 1) amplifies by at most
 * (4L)^(2L); the bound counts 64 rounding operations per product. The result times the exact
 * {@link CycleInput#unit}, plus the exact distance from the double words to the printed decimal (20
 * significant digits per part), is the reported bound on |value − haf(A)| (the complex modulus, bounded by
 * |Re| + |Im|). All bound arithmetic rounds upwards (doubles with {@link Math#nextUp} after each operation,
 * then exact rationals).
 *
 * <p>Complexity: O(L²·2^L) double-word operations for n = 2L (about twice that for a loop hafnian), memory
 * {@link CycleDp#bytesNeeded}; deterministic for every thread count.
 */
public final class CycleHafnian {
    /** Significant digits of each printed part. */
    static final int DIGITS = 20;

    private CycleHafnian() {}

    /**
     * @param value decimal text (complex: {@code re±imi})
     * @param errorBound an upper bound of |value − true|
     * @param relativeBound errorBound / |value| as a double (infinity for value 0)
     * @param products double-word products in the dynamic programme
     * @param terms terms of the sieve (2^(L−1))
     */
    public record Result(String value, Rational errorBound, double relativeBound, long products, long terms, double massRatio, double dpSeconds, double sieveSeconds) {}

    /** Heap bytes the computation needs for this instance (n = order, after padding odd loop hafnians). */
    public static long bytesNeeded(int n, boolean complex, boolean loop) {
        int l = (n + 1) / 2;
        long sieve = (1L << Math.min(Math.max(l - 1, 0), 16)) * (l + 1) * (complex ? 4 : 2) * 8L * 2 + (long) (l + 1) * 256 * 4 * 8 * 2;
        return CycleDp.bytesNeeded(l, complex, loop) + sieve;
    }

    public static Result compute(PermInstance inst, SolverOptions options) {
        CycleInput in = CycleInput.of(inst);
        int l = in.pairs();
        if (l == 0) return new Result("1", Rational.ZERO, 0, 0, 0, 1, 0, 0);
        boolean complex = in.complex();
        CycleDp dp;
        GlynnSieve.Result sieve;
        long t0 = System.nanoTime(), t1;
        try (Chunks chunks = new Chunks(options.threads())) {
            dp = CycleDp.run(in, chunks, options);
            t1 = System.nanoTime();
            sieve = GlynnSieve.run(dp, l, complex, chunks, options);
        }
        long t2 = System.nanoTime();
        GlynnSieve shape = GlynnSieve.shape(l, complex);
        double u = DoubleWord.U;
        // A_k, inflated for the rounding of the positive mass recurrence and of the rank sums
        double[] a = new double[l + 1];
        for (int s = 1; s < (1 << l); s++) a[Integer.bitCount(s)] += dp.mass[s];
        double depth = CycleDp.massDepth(l) + (double) (1L << l) + 2;
        double inflate = up(1 / down(1 - up(depth * u * 1.01)));
        for (int k = 1; k <= l; k++) a[k] = up(a[k] * inflate);
        double fa = upperExp(a, l);
        double kc = CycleDp.kappa(l, in.complex(), in.loop());
        double rhoW = growth(shape.sumDepth());
        double kw = up(kc + up(rhoW * up(1 + kc)));
        double ke = GlynnSieve.kappaExp(l, in.complex());
        // (1 + κ_w)^L − 1 without forming 1 + κ_w (which would round to 1 + 2u): expm1(L·log1p(κ_w)), within a few ulps
        double pw1 = up(Math.expm1(l * Math.log1p(kw)) * (1 + 8 * u));
        double perTerm = up(up(pw1 + up(ke * up(1 + pw1))) * fa);
        double rhoS = growth(shape.finalDepth());
        double absSum = up(sieve.absSum() * up(1 / down(1 - up((sieve.terms() + 2) * u * 1.01))) * (1 + 2 * u));
        double glynnScale = Math.scalb(1.0, -(l - 1));
        double scaledBound = up(perTerm + up(up(rhoS * absSum) * glynnScale));
        // underflow: 64 rounding operations per product, each at most 2^-1074, amplified at most (4L)^(2L)
        long ops = 64L * (dp.products + (long) l * l * sieve.terms() + (1L << (l + 6)));
        Rational underflow = Rational.of(BigInteger.valueOf(4L * l).pow(2 * l).multiply(BigInteger.valueOf(ops))).multiply(DoubleWord.pow2(-1072));
        Rational bound = Rational.ofDouble(scaledBound).add(underflow).multiply(in.unit());
        Rational scale = DoubleWord.pow2(-(l - 1)).multiply(in.unit());
        double[] sum = sieve.sum();
        Rational re = DoubleWord.exact(sum[0], sum[1]).multiply(scale);
        Rational im = complex ? DoubleWord.exact(sum[2], sum[3]).multiply(scale) : Rational.ZERO;
        Decimal dr = Decimal.of(re);
        bound = bound.add(re.subtract(dr.exact()).abs());
        String text = dr.text();
        Rational modulus = re.abs();
        if (complex) {
            Decimal di = Decimal.of(im.abs());
            bound = bound.add(im.abs().subtract(di.exact()).abs());
            if (im.signum() != 0) text = text + (im.signum() < 0 ? "-" : "+") + di.text() + "i";
            modulus = modulus.add(im.abs());
        }
        Decimal up = Decimal.up(bound);
        double rel = modulus.isZero() ? Double.POSITIVE_INFINITY : up.exact().divide(modulus).toDouble();
        double massRatio = re.abs().add(im.abs()).isZero() ? Double.POSITIVE_INFINITY
                : Rational.ofDouble(fa).multiply(in.unit()).divide(re.abs().add(im.abs())).toDouble();
        return new Result(text, up.exact(), rel, dp.products, sieve.terms(), massRatio, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** (1 + 3.02u²)^depth − 1, rounded up: depth·3.02u²·(1 + depth·3.02u²) for depth·u² ≪ 1. */
    private static double growth(long depth) {
        double x = up(depth * DoubleWord.SUM_ERROR);
        return up(x * (1 + 2 * x));
    }

    /** F(a) = [z^L] exp(Σ a_k z^k) for a_k ≥ 0, every operation rounded upwards. */
    static double upperExp(double[] a, int l) {
        double[] f = new double[l + 1];
        f[0] = 1;
        for (int j = 1; j <= l; j++) {
            double s = 0;
            for (int k = 1; k <= j; k++) s = up(s + up(up(k * a[k]) * f[j - k]));
            f[j] = up(s * up(1.0 / j));
        }
        return f[l];
    }

    private static double up(double x) {
        return Math.nextUp(x);
    }

    private static double down(double x) {
        return Math.nextDown(x);
    }

    /** A decimal rendering of a rational with {@link #DIGITS} significant digits and its exact value. */
    record Decimal(String text, Rational exact) {
        static Decimal of(Rational x) {
            return of(x, DIGITS, RoundingMode.HALF_EVEN);
        }

        /** Three significant digits, rounded away from zero (for bounds). */
        static Decimal up(Rational x) {
            return of(x, 3, RoundingMode.UP);
        }

        static Decimal of(Rational x, int digits, RoundingMode mode) {
            if (x.isZero()) return new Decimal("0", Rational.ZERO);
            BigDecimal q = new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()), new MathContext(digits, mode)).stripTrailingZeros();
            BigInteger unscaled = q.unscaledValue();
            int exp10 = -q.scale();
            String plain = q.toPlainString();
            String text = plain.length() <= 32 ? plain : unscaled + "e" + exp10;
            return new Decimal(text, Rational.ofDecimal(unscaled, exp10));
        }
    }
}
