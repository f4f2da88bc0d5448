package mcs.solvers.engine.lowrank;

import java.math.BigInteger;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.engine.exact.Int128;
import mcs.solvers.engine.exact.ScaledValues;

/**
 * A rational matrix as integers over one common denominator, with exact row dot products: the Gram
 * entries (AAᵀ)_ij = dot(i, j) / den². Three exact paths, fastest first: when cols·max|num|² ≤ 2^53 every
 * product and partial sum is an integer that a double holds exactly, so the dot is taken in double
 * (small-integer data, the common case); when every numerator is below 2^((126 − log₂ cols)/2) the
 * products are accumulated in 128-bit two's complement (two longs, {@link Math#multiplyHigh}); otherwise
 * in BigInteger. Cost of one dot: O(cols).
 */
public final class ScaledRows {
    final int rows;
    final int cols;
    public final BigInteger den;
    private final BigInteger[] big;
    private final long[] small;
    private final double[] tiny;

    public ScaledRows(RationalMatrix m) {
        rows = m.rows();
        cols = m.cols();
        ScaledValues sv = ScaledValues.of(m.exactValues());
        den = sv.den;
        big = sv.num;
        int logCols = 64 - Long.numberOfLeadingZeros(Math.max(1, cols));
        int bits = (126 - logCols) / 2;
        long[] s = new long[big.length];
        for (int k = 0; k < big.length && s != null; k++) {
            if (big[k].bitLength() >= bits) s = null;
            else s[k] = big[k].longValue();
        }
        small = s;
        double[] d = null;
        if (s != null) {
            long max = 0;
            for (long v : s) max = Math.max(max, Math.abs(v));
            if ((double) max * max * Math.max(1, cols) <= 0x1p53) {
                d = new double[s.length];
                for (int k = 0; k < s.length; k++) d[k] = s[k];
            }
        }
        tiny = d;
    }

    /** Σ_c num(i, c)·num(j, c), exactly. */
    public BigInteger dot(int i, int j) {
        int a = i * cols, b = j * cols;
        if (tiny != null) {
            double acc = 0;
            for (int c = 0; c < cols; c++) acc += tiny[a + c] * tiny[b + c];
            return BigInteger.valueOf((long) acc);
        }
        if (small != null) return Int128.dot(small, a, b, cols);
        BigInteger s = BigInteger.ZERO;
        for (int c = 0; c < cols; c++) {
            BigInteger x = big[a + c], y = big[b + c];
            if (x.signum() != 0 && y.signum() != 0) s = s.add(x.multiply(y));
        }
        return s;
    }
}
