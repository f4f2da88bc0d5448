package mcs.solvers.mc2;

import java.math.BigInteger;
import mcs.problems.matrix.RationalMatrix;

/**
 * A rational matrix as integers over one common denominator, with exact row dot products: the Gram
 * entries (AAᵀ)_ij = dot(i, j) / den². When every numerator is below 2^((126 − log₂ cols)/2) the products
 * are accumulated in 128-bit two's complement (two longs, {@link Math#multiplyHigh}); otherwise in
 * BigInteger. Either way exact. Cost of one dot: O(cols).
 */
final class ScaledRows {
    final int rows;
    final int cols;
    final BigInteger den;
    private final BigInteger[] big;
    private final long[] small;

    ScaledRows(RationalMatrix m) {
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
    }

    /** Σ_c num(i, c)·num(j, c), exactly. */
    BigInteger dot(int i, int j) {
        int a = i * cols, b = j * cols;
        if (small != null) return Int128.dot(small, a, b, cols);
        BigInteger s = BigInteger.ZERO;
        for (int c = 0; c < cols; c++) {
            BigInteger x = big[a + c], y = big[b + c];
            if (x.signum() != 0 && y.signum() != 0) s = s.add(x.multiply(y));
        }
        return s;
    }
}
