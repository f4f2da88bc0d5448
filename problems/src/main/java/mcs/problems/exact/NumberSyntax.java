package mcs.problems.exact;

/**
 * Fast scanning of numeric tokens into (unscaled, exponent) pairs and correctly rounded doubles,
 * without allocating. Used by the readers on their hot path; anything unusual falls back to
 * {@link Rational#parse(CharSequence)}.
 */
public final class NumberSyntax {
    private NumberSyntax() {}

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * The correctly rounded double of unscaled·10^e when it can be computed with one rounding
     * (Clinger's fast path), else NaN so that the caller falls back to {@link Double#parseDouble}.
     */
    public static double fastDouble(long unscaled, int e) {
        if (unscaled == 0) return 0.0;
        if (Math.abs(unscaled) > (1L << 53)) return Double.NaN;
        if (e == 0) return unscaled;
        if (e > 0 && e <= 22) return unscaled * POW10[e];
        if (e < 0 && e >= -22) return unscaled / POW10[-e];
        return Double.NaN;
    }
}
