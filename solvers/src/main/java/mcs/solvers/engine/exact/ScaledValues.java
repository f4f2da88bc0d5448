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
}
