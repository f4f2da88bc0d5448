package mcs.solvers.engine.exact;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Exact powers of two and integer scalings of rationals, as the structured (banded, repeated) solvers use them to
 * bring rational input to integers or to doubles of a chosen binade. Nothing is rounded.
 */
public final class Dyadic {
    private Dyadic() {}

    /** 2^e exactly, for any sign of e. */
    public static Rational pow2(long e) {
        return e >= 0 ? Rational.of(BigInteger.ONE.shiftLeft((int) e)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft((int) -e));
    }

    /** The largest k with 2^k ≤ x, for x &gt; 0. */
    public static int floorLog2(Rational x) {
        int k = x.numerator().bitLength() - x.denominator().bitLength();
        while (pow2(k).compareTo(x) > 0) k--;
        while (pow2(k + 1).compareTo(x) <= 0) k++;
        return k;
    }

    /** The least k with x ≤ 2^k, for x &gt; 0; 0 for x ≤ 0. */
    public static int ceilLog2(Rational x) {
        if (x.signum() <= 0) return 0;
        int k = x.numerator().bitLength() - x.denominator().bitLength() - 1;
        while (x.compareTo(pow2(k)) > 0) k++;
        while (x.compareTo(pow2(k - 1)) <= 0) k--;
        return k;
    }

    /** lcm(a, b) for positive a and b. */
    public static BigInteger lcm(BigInteger a, BigInteger b) {
        return b.equals(BigInteger.ONE) ? a : a.divide(a.gcd(b)).multiply(b);
    }

    /** x·f as an integer; f must be a multiple of x's denominator. */
    public static BigInteger scaled(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }
}
