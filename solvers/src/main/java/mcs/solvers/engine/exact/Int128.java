package mcs.solvers.engine.exact;

import java.math.BigInteger;

/** Exact dot products of long vectors accumulated in 128-bit two's complement (caller keeps the sum below 2^127). */
public final class Int128 {
    private Int128() {}

    /** Σ_t v[a+t]·v[b+t] for t &lt; len, exactly. */
    public static BigInteger dot(long[] v, int a, int b, int len) {
        long hi = 0, lo = 0;
        for (int t = 0; t < len; t++) {
            long x = v[a + t], y = v[b + t];
            long pl = x * y;
            long ph = Math.multiplyHigh(x, y);
            long nl = lo + pl;
            hi += ph + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
            lo = nl;
        }
        if (hi == (lo >> 63)) return BigInteger.valueOf(lo);
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
