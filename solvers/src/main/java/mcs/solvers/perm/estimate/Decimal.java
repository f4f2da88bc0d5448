package mcs.solvers.perm.estimate;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact decimal text for floating-point estimates, also beyond the double range: a value is carried as
 * a sign and a natural logarithm and printed with 17 significant digits ({@code d.ddd…E±e}), which
 * {@link mcs.problems.exact.Rational#parse} reads back exactly.
 */
final class Decimal {
    private Decimal() {}

    /** sign·exp(log) as text; sign 0 gives "0". */
    static String of(int sign, double log) {
        if (sign == 0 || log == Double.NEGATIVE_INFINITY) return "0";
        if (!Double.isFinite(log)) throw new ArithmeticException("estimate is not finite (log = " + log + ")");
        if (Math.abs(log) < 700) return of(sign * Math.exp(log));
        double log10 = log / Math.log(10);
        long e = (long) Math.floor(log10);
        double mantissa = Math.pow(10, log10 - e);
        BigDecimal m = new BigDecimal(mantissa, new MathContext(17));
        String text = m.scaleByPowerOfTen((int) e).round(new MathContext(17)).toString();
        return sign < 0 ? "-" + text : text;
    }

    /** A finite double as text. */
    static String of(double v) {
        if (!Double.isFinite(v)) throw new ArithmeticException("estimate is not finite: " + v);
        return v == 0 ? "0" : new BigDecimal(v, new MathContext(17)).toString();
    }
}
