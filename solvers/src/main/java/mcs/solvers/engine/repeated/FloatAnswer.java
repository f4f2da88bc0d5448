package mcs.solvers.engine.repeated;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import mcs.problems.exact.Rational;

/**
 * Turns a floating-point sum with its rounding analysis into an answer: the value as a 17-digit decimal and
 * a rigorous bound on |decimal − exact value|, both exact rationals.
 *
 * <p>Given the computed sum S̃ of a computation of rounding depth D whose absolute counterpart was computed
 * as Z̃, and an exact normaliser ν (value = sum/ν): |S̃ − S| ≤ γ_D·Z with γ_D = Du/(1 − Du), and
 * Z ≤ Z̃/(1 − (D + g)·u) where g bounds the degree of the computation in its rounded inputs (each of the
 * D roundings of Z̃ lowers it by at most a factor 1 − u, and each rounded input is at least (1 − u) times
 * its exact absolute value). The decimal rounding of S̃/ν is added exactly; the bound is rounded up to
 * three significant digits.
 */
public final class FloatAnswer {
    static final Rational U = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(53));

    private FloatAnswer() {}

    /** @param text the value, 17 significant digits; @param bound a rigorous bound on |text − exact| */
    public record Answer(String text, Rational bound) {}

    /** The answer for value = sum/ν, or null when D·u or (D + g)·u is not below 1/2. */
    public static Answer of(double sum, double abs, long depth, long degree, Rational normaliser) {
        return of(sum, abs, depth, degree, normaliser, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #of(double, double, long, long, Rational)}, with an extra absolute error 2^extraLog2 on the sum
     * (the errors of products that may have underflowed, bounded by the caller).
     */
    public static Answer of(double sum, double abs, long depth, long degree, Rational normaliser, double extraLog2) {
        Rational du = U.multiply(Rational.of(depth));
        Rational dgu = U.multiply(Rational.of(depth + degree));
        Rational half = Rational.HALF;
        if (du.compareTo(half) >= 0 || dgu.compareTo(half) >= 0 || !Double.isFinite(sum) || !Double.isFinite(abs)) return null;
        Rational gamma = du.divide(Rational.ONE.subtract(du));
        Rational z = Rational.ofDouble(abs).divide(Rational.ONE.subtract(dgu));
        Rational bound = gamma.multiply(z);
        if (extraLog2 > Double.NEGATIVE_INFINITY) {
            int e = (int) Math.ceil(extraLog2) + 1;
            bound = bound.add(e >= 0 ? Rational.of(BigInteger.ONE.shiftLeft(e)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(-e)));
        }
        bound = bound.divide(normaliser.abs());
        Rational value = Rational.ofDouble(sum).divide(normaliser);
        if (value.isZero()) return new Answer("0", up(bound));
        BigDecimal q = new BigDecimal(value.numerator()).divide(new BigDecimal(value.denominator()), new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        BigInteger unscaled = q.unscaledValue();
        int exp10 = -q.scale();
        Rational shown = Rational.ofDecimal(unscaled, exp10);
        String text = exp10 == 0 ? unscaled.toString() : unscaled + "e" + exp10;
        return new Answer(text, up(bound.add(value.subtract(shown).abs())));
    }

    /** x rounded up to three significant decimal digits (x ≥ 0). */
    static Rational up(Rational x) {
        if (x.isZero()) return x;
        BigDecimal q = new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()), new MathContext(3, RoundingMode.UP)).stripTrailingZeros();
        return Rational.ofDecimal(q.unscaledValue(), -q.scale());
    }
}
