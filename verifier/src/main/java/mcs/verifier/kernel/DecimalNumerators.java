package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.exact.RationalArray;

/**
 * Integer numerators in {@code long}s over the common denominator 10^exp, for an array whose values are all
 * compact decimals u·10^e (the common case: parsed decimal data, rounded factors): value k equals
 * {@code num[k] / 10^exp} exactly, with exp = max(0, −min e) and num[k] = u·10^(exp + e). Null when some value is not
 * compact, exp would exceed 18, or a numerator would reach 2^bits; the caller then takes the BigInteger route
 * ({@link CommonDenominator}). No object per value: 8 bytes each. O(N).
 */
final class DecimalNumerators {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int k = 1; k < POW10.length; k++) POW10[k] = POW10[k - 1] * 10;
    }

    final long[] num;
    final int exp;

    private DecimalNumerators(long[] num, int exp) {
        this.num = num;
        this.exp = exp;
    }

    /** The common denominator 10^exp. */
    BigInteger den() {
        return BigInteger.TEN.pow(exp);
    }

    /** @param bits every |numerator| must be below 2^bits (1 ≤ bits ≤ 63) */
    static DecimalNumerators of(RationalArray a, int bits) {
        int size = a.size();
        int minE = 0;
        for (int k = 0; k < size; k++) {
            if (!a.isCompact(k)) return null;
            if (a.unscaled(k) != 0) minE = Math.min(minE, a.exponent(k));
        }
        int exp = -minE;
        if (exp >= POW10.length) return null;
        long limit = bits >= 63 ? Long.MAX_VALUE : (1L << bits) - 1;
        long[] num = new long[size];
        for (int k = 0; k < size; k++) {
            long u = a.unscaled(k);
            if (u == 0) continue;
            int shift = exp + a.exponent(k);
            if (shift >= POW10.length || u == Long.MIN_VALUE) return null;
            long p = POW10[shift];
            if (Math.abs(u) > limit / p) return null;
            num[k] = u * p;
        }
        return new DecimalNumerators(num, exp);
    }
}
