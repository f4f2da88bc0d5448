package mcs.solvers.engine.exact;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * Exact integer numerators of a {@link RationalArray} over one common positive denominator: value k is
 * {@code num[k] / den}. Compact decimal entries are read without building a {@link Rational}; the
 * denominator is the lcm of the distinct denominators met (few in practice: one per decimal exponent).
 * Cost: O(N) BigInteger operations. Nothing is rounded.
 */
public final class ScaledValues {
    public final BigInteger[] num;
    public final BigInteger den;

    private ScaledValues(BigInteger[] num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    public static ScaledValues of(RationalArray values) {
        int size = values.size();
        BigInteger[] p = new BigInteger[size];
        BigInteger[] q = new BigInteger[size];
        Map<Integer, BigInteger> pow10 = new HashMap<>();
        for (int k = 0; k < size; k++) {
            if (values.isCompact(k)) {
                long u = values.unscaled(k);
                int e = values.exponent(k);
                p[k] = BigInteger.valueOf(u);
                q[k] = BigInteger.ONE;
                if (u != 0 && e > 0) p[k] = p[k].multiply(pow10.computeIfAbsent(e, BigInteger.TEN::pow));
                if (u != 0 && e < 0) q[k] = pow10.computeIfAbsent(-e, BigInteger.TEN::pow);
            } else {
                Rational r = values.get(k);
                p[k] = r.numerator();
                q[k] = r.denominator();
            }
        }
        BigInteger lcm = BigInteger.ONE;
        Map<BigInteger, BigInteger> factor = new HashMap<>();
        for (BigInteger d : q) {
            if (d.equals(BigInteger.ONE) || factor.containsKey(d)) continue;
            factor.put(d, BigInteger.ZERO);
            lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        }
        final BigInteger l = lcm;
        factor.replaceAll((d, unused) -> l.divide(d));
        if (!l.equals(BigInteger.ONE)) {
            for (int k = 0; k < size; k++) p[k] = p[k].multiply(q[k].equals(BigInteger.ONE) ? l : factor.get(q[k]));
        }
        return new ScaledValues(p, l);
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int k = 1; k < POW10.length; k++) POW10[k] = POW10[k - 1] * 10;
    }

    /**
     * Numerators over 10^exp in longs, without a BigInteger per value, when every value is a compact decimal u·10^e:
     * {@code result[k] / 10^exp} is value k exactly, exp = max(0, −min e) ≤ 18 and every |numerator| &lt; 2^bits;
     * null otherwise (use {@link #of}). {@code exp[0]} receives the exponent. O(N), 8 bytes per value.
     */
    public static long[] decimalLongs(RationalArray values, int bits, int[] exp) {
        int size = values.size(), minE = 0;
        for (int k = 0; k < size; k++) {
            if (!values.isCompact(k)) return null;
            if (values.unscaled(k) != 0) minE = Math.min(minE, values.exponent(k));
        }
        int e0 = -minE;
        if (e0 >= POW10.length) return null;
        long limit = bits >= 63 ? Long.MAX_VALUE : (1L << bits) - 1;
        long[] num = new long[size];
        for (int k = 0; k < size; k++) {
            long u = values.unscaled(k);
            if (u == 0) continue;
            int shift = e0 + values.exponent(k);
            if (shift >= POW10.length || u == Long.MIN_VALUE || Math.abs(u) > limit / POW10[shift]) return null;
            num[k] = u * POW10[shift];
        }
        exp[0] = e0;
        return num;
    }
}
