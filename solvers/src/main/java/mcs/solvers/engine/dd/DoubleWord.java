package mcs.solvers.engine.dd;

import java.math.BigDecimal;
import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Double-word ("double-double") arithmetic: a value is an unevaluated sum hi + lo of two doubles with
 * |lo| ≤ u·|hi| (u = 2^-53, round to nearest), about 106 bits. Hot loops inline these operations by hand;
 * this class holds the reference versions and the error lemmas their callers cite. All lemmas assume no
 * overflow; underflow is accounted for separately by the callers (an absolute error of at most 2^-1074 per
 * product). Java 17 evaluates every double operation in strict IEEE 754, and {@link Math#fma} rounds once.
 *
 * <p><b>Lemma 1 (TwoSum, Knuth).</b> s = fl(a + b), t = (a − (s − (s − a))) + (b − (s − a)) gives s + t = a + b
 * exactly and |t| ≤ u·|s|, for any doubles a, b (also under underflow).
 *
 * <p><b>Lemma 2 (TwoProd).</b> p = fl(a·b), e = fma(a, b, −p) gives p + e = a·b exactly (when a·b does not
 * underflow) and |e| ≤ u·|p|.
 *
 * <p><b>Lemma 3 (sum).</b> For x = xh + xl, y = yh + yl with |xl| ≤ c·u·|xh|, |yl| ≤ c·u·|yh| (c ≤ 3):
 * (s, t) = TwoSum(xh, yh); v = fl(xl + yl); w = fl(t + v); (zh, zl) = TwoSum(s, w). Then
 * |zh + zl − (x + y)| ≤ u²·(c + (1 + u)(1 + c))·(|xh| + |yh|) ≤ (2c + 1.01)·u²·(|x| + |y|)/(1 − c·u), and
 * |zl| ≤ u·|zh|. Proof: z = s + (t + v)(1 + θ₂) with v = (xl + yl)(1 + θ₁), |θ| ≤ u, and s + t = xh + yh; so
 * z − (x + y) = θ₁(xl + yl) + θ₂(t + v), where |xl + yl| ≤ c·u(|xh| + |yh|), |t| ≤ u|s| ≤ u(1 + u)(|xh| + |yh|)
 * and |v| ≤ (1 + u)·c·u(|xh| + |yh|). The bound is in |x| + |y|, not |x + y|: that is all the abs-mass
 * analyses of the callers need, and it holds under any cancellation.
 *
 * <p><b>Lemma 4 (product).</b> For normalised x, y (c = 1): ph = fl(xh·yh), pl = fma(xh, yh, −ph),
 * t = fl(fma(xl, yh, pl)), t = fma(xh, yl, t), (zh, zl) = FastTwoSum(ph, t). Then |z − xy| ≤ 7u²·|xy| and
 * |zl| ≤ u|zh|. Proof: the dropped term |xl·yl| ≤ u²|xh·yh|; |pl| ≤ u|xh yh|(1 + u); the first fma rounds a
 * value of modulus ≤ (2u + u²)|xh yh| and the second one of modulus ≤ (3u + 3u²)|xh yh|, each with relative
 * error ≤ u; so the error is ≤ (1 + 2 + 3 + O(u))u²|xh yh| ≤ 6.1u²|xh yh|, and |xh yh| ≤ |xy|/(1 − u)². FastTwoSum
 * is exact because |t| ≤ 3.1u|xh yh| ≤ |ph|.
 *
 * <p><b>Lemma 5 (dot product, Ogita–Rump–Oishi's Dot2 with renormalisation).</b> For N terms x_i·y_i of
 * normalised double words, accumulate h = fl(xh·yh), r = fma(xh, yh, −h), c = fma(xh, yl, fl(xl·yh)),
 * (p, q) = TwoSum(p, h), σ = fl(σ + fl(q + fl(r + c))); after every B terms (and at the end) replace (p, σ)
 * by TwoSum(p, σ). With W = Σ|xh_i·yh_i|, the result p + σ (a normalised double word) satisfies
 * |p + σ − Σ x_i y_i| ≤ {@link #dotError}(N, B)·Σ|x_i||y_i|. Proof: every TwoSum is exact, so the error is the
 * sum of the dropped xl·yl (≤ u²w_i, w_i = |xh_i yh_i|), the two roundings inside c (≤ (3u² + u³)w_i) and the
 * three roundings per step. Let W' = (1 + 2(N + 1)u)W ≥ every |p|. Then |q_i| ≤ u·W', |r_i| ≤ u(1 + u)w_i,
 * |c_i| ≤ 2.01u·w_i, so fl(r + c) errs by ≤ 3.02u²w_i and fl(q + ·) by ≤ u²(W' + 3.03w_i). Right after a
 * renormalisation |σ| ≤ u·W', and at most B steps later |σ| ≤ (1 + u)^(B+2)·u·((B + 1)W' + 3.02·Σ_block w),
 * which bounds the rounding of σ by u times that. Summing over the N steps (each w_i in at most B blocks'
 * sums): error ≤ u²W·[N(1 + 2(N + 1)u)(1 + (B + 1)(1 + u)^(B+2)) + 10.06 + 3.02B(1 + u)^(B+2)], and
 * W ≤ Σ|x_i||y_i|/(1 − u)². Without renormalisation (B = N) the same argument gives the N² of plain Dot2.
 */
public final class DoubleWord {
    /** The unit roundoff of double: 2^-53. */
    public static final double U = 0x1p-53;

    private DoubleWord() {}

    /**
     * The factor of Lemma 5 for N terms renormalised every B terms, relative to Σ|x_i||y_i|, rounded up:
     * u²[N(1 + 2(N + 1)u)(1 + (B + 1)g) + 10.06 + 3.02·B·g]/(1 − u)² with g = (1 + u)^(B+2).
     */
    public static double dotError(long n, int b) {
        double nn = n, g = 1 + (b + 3) * U;
        double k = nn * (1 + 2 * (nn + 1) * U) * (1 + (b + 1) * g) + 10.06 + 3.02 * b * g;
        return Math.nextUp(Math.nextUp(k * U * U) * (1 + 4 * U));
    }

    /** The bound factor of Lemma 3 for normalised inputs (c = 1), relative to |x| + |y|: 3.02u², rounded up. */
    public static final double SUM_ERROR = 3.02 * U * U;

    /** The bound factor of Lemma 4: 7u². */
    public static final double PRODUCT_ERROR = 7 * U * U;

    /** hi of the nearest double word to x: the nearest double. */
    public static double hi(Rational x) {
        return x.toDouble();
    }

    /**
     * The double word (hi, lo) nearest to an exact rational: hi = fl(x), lo = fl(x − hi), so that
     * |x − hi − lo| ≤ u·|x − hi| ≤ u²|x| (plus 2^-1075 in the subnormal range). x must lie within the double range.
     */
    public static double[] of(Rational x) {
        double h = x.toDouble();
        if (Double.isInfinite(h)) throw new ArithmeticException("value outside the double range: " + x);
        Rational rest = x.subtract(Rational.ofDouble(h));
        return new double[] {h, rest.toDouble()};
    }

    /** The exact rational value hi + lo. */
    public static Rational exact(double hi, double lo) {
        return Rational.ofDouble(hi).add(Rational.ofDouble(lo));
    }

    /** The exact value hi + lo as a BigDecimal. */
    public static BigDecimal exactDecimal(double hi, double lo) {
        return new BigDecimal(hi).add(new BigDecimal(lo));
    }

    /** Lemma 3: (hi, lo) of x + y, written to out[at], out[at + 1]. */
    public static void add(double xh, double xl, double yh, double yl, double[] out, int at) {
        double s = xh + yh;
        double bb = s - xh;
        double t = (xh - (s - bb)) + (yh - bb);
        double w = t + (xl + yl);
        double zh = s + w;
        double b2 = zh - s;
        out[at] = zh;
        out[at + 1] = (s - (zh - b2)) + (w - b2);
    }

    /** Lemma 4: (hi, lo) of x·y, written to out[at], out[at + 1]. */
    public static void mul(double xh, double xl, double yh, double yl, double[] out, int at) {
        double ph = xh * yh;
        double pl = Math.fma(xh, yh, -ph);
        double t = Math.fma(xl, yh, pl);
        t = Math.fma(xh, yl, t);
        double zh = ph + t;
        out[at] = zh;
        out[at + 1] = t - (zh - ph);
    }

    /** 2^k as a BigInteger-backed rational, exactly. */
    public static Rational pow2(int k) {
        return k >= 0 ? Rational.of(BigInteger.ONE.shiftLeft(k)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(-k));
    }
}
