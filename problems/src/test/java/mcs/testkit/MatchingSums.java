package mcs.testkit;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * Naive exact oracles for tests, by the definitions: the hafnian (sum over perfect matchings), the loop
 * hafnian (sum over matchings, unmatched vertices weighted by their diagonal entries) and the permanent
 * (sum over permutations, by Laplace expansion over column subsets), of real or complex rational matrices.
 * Exponential: meant for order ≤ 14 or so. Independent of every solver and of the kernel.
 */
public final class MatchingSums {
    private MatchingSums() {}

    /** haf(re + i·im); im may be null. Reads the lower triangle a[max(i,j)][min(i,j)]. */
    public static ComplexValue hafnian(RationalMatrix re, RationalMatrix im) {
        return matchings(re, im, false);
    }

    /** lhaf(re + i·im): loops weighted by the diagonal; im may be null. */
    public static ComplexValue loopHafnian(RationalMatrix re, RationalMatrix im) {
        return matchings(re, im, true);
    }

    /** perm(re + i·im); im may be null. */
    public static ComplexValue permanent(RationalMatrix re, RationalMatrix im) {
        int n = re.rows();
        Rational[][][] memo = new Rational[1 << n][][];
        Rational[] v = perm(re, im, 0, (1 << n) - 1, memo);
        return new ComplexValue(v[0], v[1]);
    }

    private static Rational[] perm(RationalMatrix re, RationalMatrix im, int row, int cols, Rational[][][] memo) {
        if (cols == 0) return new Rational[] {Rational.ONE, Rational.ZERO};
        if (memo[cols] != null) return memo[cols][0];
        Rational sr = Rational.ZERO, si = Rational.ZERO;
        for (int c = cols; c != 0; c &= c - 1) {
            int j = Integer.numberOfTrailingZeros(c);
            Rational ar = re.get(row, j), ai = im == null ? Rational.ZERO : im.get(row, j);
            if (ar.isZero() && ai.isZero()) continue;
            Rational[] sub = perm(re, im, row + 1, cols & ~(1 << j), memo);
            sr = sr.add(ar.multiply(sub[0]).subtract(ai.multiply(sub[1])));
            si = si.add(ar.multiply(sub[1]).add(ai.multiply(sub[0])));
        }
        Rational[] out = {sr, si};
        memo[cols] = new Rational[][] {out};
        return out;
    }

    private static ComplexValue matchings(RationalMatrix re, RationalMatrix im, boolean loops) {
        int n = re.rows();
        if (n > 30) throw new IllegalArgumentException("too large for the naive oracle: " + n);
        java.util.Map<Integer, Rational[]> memo = new java.util.HashMap<>();
        Rational[] v = sum(re, im, loops, (int) ((1L << n) - 1), memo);
        return new ComplexValue(v[0], v[1]);
    }

    private static Rational[] sum(RationalMatrix re, RationalMatrix im, boolean loops, int free, java.util.Map<Integer, Rational[]> memo) {
        if (free == 0) return new Rational[] {Rational.ONE, Rational.ZERO};
        Rational[] known = memo.get(free);
        if (known != null) return known;
        int i = Integer.numberOfTrailingZeros(free);
        int rest = free & ~(1 << i);
        Rational sr = Rational.ZERO, si = Rational.ZERO;
        if (loops) {
            Rational[] t = times(re.get(i, i), im == null ? Rational.ZERO : im.get(i, i), sum(re, im, true, rest, memo));
            sr = sr.add(t[0]);
            si = si.add(t[1]);
        }
        for (int r = rest; r != 0; r &= r - 1) {
            int j = Integer.numberOfTrailingZeros(r);
            Rational ar = re.get(j, i), ai = im == null ? Rational.ZERO : im.get(j, i);
            if (ar.isZero() && ai.isZero()) continue;
            Rational[] t = times(ar, ai, sum(re, im, loops, rest & ~(1 << j), memo));
            sr = sr.add(t[0]);
            si = si.add(t[1]);
        }
        Rational[] out = {sr, si};
        memo.put(free, out);
        return out;
    }

    private static Rational[] times(Rational ar, Rational ai, Rational[] x) {
        return new Rational[] {ar.multiply(x[0]).subtract(ai.multiply(x[1])), ar.multiply(x[1]).add(ai.multiply(x[0]))};
    }

    /** (2k−1)!! = 1·3·5⋯(2k−1): the hafnian of the all-ones matrix of order 2k. */
    public static BigInteger doubleFactorial(int k) {
        BigInteger r = BigInteger.ONE;
        for (int j = 1; j < 2 * k; j += 2) r = r.multiply(BigInteger.valueOf(j));
        return r;
    }

    /** The number of involutions of n elements (1, 1, 2, 4, 10, 26, 76, …): the loop hafnian of the all-ones matrix. */
    public static BigInteger involutions(int n) {
        BigInteger a = BigInteger.ONE, b = BigInteger.ONE; // T(0), T(1)
        if (n == 0) return a;
        for (int m = 2; m <= n; m++) {
            BigInteger c = b.add(a.multiply(BigInteger.valueOf(m - 1)));
            a = b;
            b = c;
        }
        return b;
    }
}
