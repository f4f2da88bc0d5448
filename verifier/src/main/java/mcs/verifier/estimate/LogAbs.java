package mcs.verifier.estimate;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/** Natural logarithms of rationals of any size, to about 1e-15 relative accuracy. */
final class LogAbs {
    private static final double LN2 = Math.log(2);

    private LogAbs() {}

    /** ln|r|; −∞ for 0. */
    static double of(Rational r) {
        if (r.isZero()) return Double.NEGATIVE_INFINITY;
        return of(r.numerator().abs()) - of(r.denominator());
    }

    private static double of(BigInteger x) {
        int shift = Math.max(0, x.bitLength() - 62);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * LN2;
    }
}
