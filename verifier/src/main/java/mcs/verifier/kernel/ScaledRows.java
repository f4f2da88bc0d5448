package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.matrix.RationalMatrix;

/**
 * A rational matrix held as integers over one common denominator: entry (i, c) is
 * {@code num(i, c) / den}. Exact dot products of rows, the kernel of every factor check: when every
 * numerator is small enough that a row dot product fits in 126 bits, the products are accumulated in
 * two longs (128-bit two's complement with {@link Math#multiplyHigh}) and converted once; otherwise
 * BigInteger arithmetic is used. Either way the result is exact. Decimal data (a solver's rounded factor) are
 * scaled by {@link DecimalNumerators} without a BigInteger per entry; then only the longs are held.
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
        int logCols = 64 - Long.numberOfLeadingZeros(Math.max(1, cols));
        int bits = (126 - logCols) / 2;
        DecimalNumerators dn = DecimalNumerators.of(m.exactValues(), bits);
        if (dn != null) {
            den = dn.den();
            big = null;
            small = dn.num;
            return;
        }
        CommonDenominator cd = CommonDenominator.of(m.exactValues());
        den = cd.den;
        big = cd.num;
        small = cd.asLongs(bits);
    }

    BigInteger get(int i, int c) {
        return big != null ? big[i * cols + c] : BigInteger.valueOf(small[i * cols + c]);
    }

    boolean rowIsZero(int i) {
        for (int c = 0; c < cols; c++) if (get(i, c).signum() != 0) return false;
        return true;
    }

    /** True when {@link #dotLong} may be used (every numerator is held in a long). */
    boolean hasLongs() {
        return small != null;
    }

    /**
     * {@link #dot} as a long when the exact value fits in one and is not Long.MIN_VALUE; Long.MIN_VALUE otherwise
     * (the caller then asks {@link #dot}). Requires {@link #hasLongs()}.
     */
    long dotLong(int i, int j) {
        long hi = 0, lo = 0;
        int a = i * cols, b = j * cols;
        for (int c = 0; c < cols; c++) {
            long x = small[a + c], y = small[b + c];
            long pl = x * y;
            long ph = Math.multiplyHigh(x, y);
            long nl = lo + pl;
            hi += ph + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
            lo = nl;
        }
        return hi == (lo >> 63) ? lo : Long.MIN_VALUE;
    }

    /** Σ_c num(i, c)·num(j, c), exactly (the dot product of rows i and j times den²). */
    BigInteger dot(int i, int j) {
        if (small != null) {
            long hi = 0, lo = 0;
            int a = i * cols, b = j * cols;
            for (int c = 0; c < cols; c++) {
                long x = small[a + c], y = small[b + c];
                long pl = x * y;
                long ph = Math.multiplyHigh(x, y);
                long nl = lo + pl;
                hi += ph + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
                lo = nl;
            }
            if (hi == (lo >> 63)) return BigInteger.valueOf(lo);
            byte[] bytes = new byte[16];
            for (int t = 0; t < 8; t++) {
                bytes[t] = (byte) (hi >>> (56 - 8 * t));
                bytes[8 + t] = (byte) (lo >>> (56 - 8 * t));
            }
            return new BigInteger(bytes);
        }
        BigInteger s = BigInteger.ZERO;
        int a = i * cols, b = j * cols;
        for (int c = 0; c < cols; c++) {
            BigInteger x = big[a + c];
            BigInteger y = big[b + c];
            if (x.signum() != 0 && y.signum() != 0) s = s.add(x.multiply(y));
        }
        return s;
    }
}
