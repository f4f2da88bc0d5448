package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * Exact integer numerators of a list of rationals over one common positive denominator: value k equals
 * {@code num[k] / den}. The denominator is the least common multiple of the distinct denominators met,
 * found without a gcd per value (distinct denominators are few in practice: decimal data has one per
 * exponent). Compact decimal entries of a {@link RationalArray} are read without building a
 * {@link Rational}.
 *
 * <p>Cost: O(N) BigInteger multiplications of the size of the numerators plus one lcm per distinct
 * denominator. Nothing is rounded. Budget: a common denominator above {@link #MAX_LCM_BITS} bits, or
 * scaled numerators above {@link Budget#MAX_ELIMINATION_BITS} bits in total, stop the check
 * ({@link Budget}).
 */
final class CommonDenominator {
    final BigInteger[] num;
    final BigInteger den;

    private CommonDenominator(BigInteger[] num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    /** Value k as a rational (reduced). */
    Rational value(int k) {
        return Rational.of(num[k], den);
    }

    /** The numerators as longs when every one satisfies |x| &lt; 2^bits, else null. */
    long[] asLongs(int bits) {
        long[] out = new long[num.length];
        for (int k = 0; k < num.length; k++) {
            if (num[k].bitLength() >= bits) return null;
            out[k] = num[k].longValue();
        }
        return out;
    }

    static CommonDenominator of(Rational[] values) {
        int size = values.length;
        BigInteger[] p = new BigInteger[size];
        BigInteger[] q = new BigInteger[size];
        for (int k = 0; k < size; k++) {
            p[k] = values[k].numerator();
            q[k] = values[k].denominator();
        }
        return build(p, q);
    }

    static CommonDenominator of(RationalArray values) {
        int size = values.size();
        BigInteger[] p = new BigInteger[size];
        BigInteger[] q = new BigInteger[size];
        Map<Integer, BigInteger> pow10 = new HashMap<>();
        for (int k = 0; k < size; k++) {
            if (values.isCompact(k)) {
                long u = values.unscaled(k);
                int e = values.exponent(k);
                if (u == 0 || e == 0) {
                    p[k] = BigInteger.valueOf(u);
                    q[k] = BigInteger.ONE;
                } else if (e > 0) {
                    p[k] = BigInteger.valueOf(u).multiply(pow10.computeIfAbsent(e, BigInteger.TEN::pow));
                    q[k] = BigInteger.ONE;
                } else {
                    p[k] = BigInteger.valueOf(u);
                    q[k] = pow10.computeIfAbsent(-e, BigInteger.TEN::pow);
                }
            } else {
                Rational r = values.get(k);
                p[k] = r.numerator();
                q[k] = r.denominator();
            }
        }
        return build(p, q);
    }

    /** Largest common denominator, in bits: many distinct large denominators make every later step slow. */
    static final int MAX_LCM_BITS = 1 << 18;

    private static CommonDenominator build(BigInteger[] p, BigInteger[] q) {
        BigInteger lcm = BigInteger.ONE;
        Map<BigInteger, BigInteger> factor = new HashMap<>();
        for (BigInteger d : q) {
            if (d.equals(BigInteger.ONE) || factor.containsKey(d)) continue;
            factor.put(d, BigInteger.ZERO);
            lcm = lcm.divide(lcm.gcd(d)).multiply(d);
            Budget.require(lcm.bitLength(), MAX_LCM_BITS, "the common denominator of " + p.length + " values (in bits)");
            Budget.tick();
        }
        // The scaled numerators are about |p| + |lcm| − |q| bits each: refuse before building them.
        double total = 0;
        for (int k = 0; k < p.length; k++) total += p[k].bitLength() + lcm.bitLength() - q[k].bitLength() + 1;
        Budget.require(total, Budget.MAX_ELIMINATION_BITS, "the scaled numerators of " + p.length + " values (in bits)");
        final BigInteger l = lcm;
        factor.replaceAll((d, unused) -> l.divide(d));
        for (int k = 0; k < p.length; k++) {
            if (q[k].equals(BigInteger.ONE)) {
                if (!l.equals(BigInteger.ONE)) p[k] = p[k].multiply(l);
            } else {
                p[k] = p[k].multiply(factor.get(q[k]));
            }
        }
        return new CommonDenominator(p, l);
    }
}
