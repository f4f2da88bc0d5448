package mcs.problems.families;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * Builds the core value stores so that decimal values (denominator 2^a·5^b) use {@link RationalArray}'s
 * compact 10-byte form instead of one object per entry: generated data are mostly short decimals, and
 * this is what keeps a 10^6-row instance in tens of megabytes. Other rationals are stored as they are.
 */
final class Compact {
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private Compact() {}

    static RationalArray array(Rational[] v) {
        RationalArray a = new RationalArray(v.length);
        for (int k = 0; k < v.length; k++) store(a, k, v[k]);
        return a;
    }

    static double[] approx(Rational[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) d[k] = v[k].toDouble();
        return d;
    }

    static PartialSymmetricMatrix partial(Pattern p, Rational[] values) {
        return new PartialSymmetricMatrix(p, array(values), approx(values));
    }

    static RationalMatrix matrix(int rows, int cols, Rational[] rowMajor) {
        return new RationalMatrix(rows, cols, array(rowMajor), approx(rowMajor));
    }

    /** Stores x as unscaled·10^−e when its denominator is 2^a·5^b and the unscaled value fits a long. */
    private static void store(RationalArray a, int k, Rational x) {
        BigInteger den = x.denominator();
        if (den.equals(BigInteger.ONE)) {
            a.set(k, x);
            return;
        }
        int twos = den.getLowestSetBit();
        BigInteger rest = den.shiftRight(twos);
        int fives = 0;
        while (rest.mod(FIVE).signum() == 0) {
            rest = rest.divide(FIVE);
            fives++;
        }
        int e = Math.max(twos, fives);
        if (rest.equals(BigInteger.ONE) && e <= 30_000) {
            BigInteger unscaled = x.numerator().multiply(BigInteger.TEN.pow(e)).divide(den);
            if (unscaled.bitLength() < 64) {
                a.setDecimal(k, unscaled.longValue(), -e);
                return;
            }
        }
        a.set(k, x);
    }
}
