package mcs.solvers.mc1.ipm;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/** Rounding to the grid 2^e and exact 128-bit dot products of integer vectors, for certificate building. */
final class Dyadic {
    /** Largest magnitude of a rounded integer: keeps every product below 2^110 and sums of 2^16 of them exact in 128 bits. */
    static final double MAX_INT = 0x1p55;

    private Dyadic() {}

    /** Largest exponent e with 2^e ≤ x (x &gt; 0, finite). */
    static int floorLog2(double x) {
        return Math.getExponent(x);
    }

    /** The rational k·2^e. */
    static Rational of(long k, int e) {
        if (k == 0) return Rational.ZERO;
        BigInteger b = BigInteger.valueOf(k);
        return e >= 0 ? Rational.of(b.shiftLeft(e)) : Rational.of(b, BigInteger.ONE.shiftLeft(-e));
    }

    /** Σ_t f[a+t]·f[b+t] for t < len, exactly (two's complement 128-bit accumulation). */
    static BigInteger dot(long[] f, int a, int b, int len) {
        long hi = 0, lo = 0;
        for (int t = 0; t < len; t++) {
            long x = f[a + t], y = f[b + t];
            long plo = x * y;
            long phi = Math.multiplyHigh(x, y);
            long nlo = lo + plo;
            hi += phi + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
            lo = nlo;
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
