package mcs.verifier.search.shrink;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * The simplest rational in a closed interval: the one with the smallest denominator (then the smallest
 * |numerator|), found by descending the Stern–Brocot tree, i.e. by the continued fractions of the end
 * points. O(number of partial quotients) big-integer steps.
 */
public final class SternBrocot {
    private SternBrocot() {}

    /** @throws IllegalArgumentException when lo &gt; hi */
    public static Rational simplestBetween(Rational lo, Rational hi) {
        if (lo.compareTo(hi) > 0) throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        if (lo.signum() <= 0 && hi.signum() >= 0) return Rational.ZERO;
        if (hi.signum() < 0) return positive(hi.negate(), lo.negate()).negate();
        return positive(lo, hi);
    }

    /** 0 &lt; lo ≤ hi. */
    private static Rational positive(Rational lo, Rational hi) {
        BigInteger floor = lo.numerator().divide(lo.denominator()); // lo > 0: truncation is the floor
        if (lo.isInteger()) return lo;
        Rational ceil = Rational.of(floor.add(BigInteger.ONE));
        if (ceil.compareTo(hi) <= 0) return ceil;
        Rational f = Rational.of(floor);
        // lo and hi lie in (floor, floor + 1): recurse on the reciprocals of their fractional parts
        return f.add(positive(hi.subtract(f).reciprocal(), lo.subtract(f).reciprocal()).reciprocal());
    }
}
