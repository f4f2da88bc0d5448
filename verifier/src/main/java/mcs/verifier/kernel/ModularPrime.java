package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A prime p with 2^61 &lt; p &lt; 2^62 and p ≡ 1 (mod 4), with Montgomery arithmetic for R = 2^64, used by
 * the exact permanent and hafnian recomputations ({@link ModularPermanent}, {@link ModularHafnian}).
 *
 * <p>Residues are longs in [0, p). {@link #mul} returns a·b·R⁻¹ mod p (the Montgomery product), so values
 * kept in Montgomery form x·R mod p multiply to the Montgomery form of the product; additions are the same
 * in both forms. Because p &lt; 2^62, every intermediate value of the signed REDC below stays within a
 * 128-bit signed product split by {@link Math#multiplyHigh}, with no overflow (see {@link #mul}).
 *
 * <p>The primes are found by descending from 2^62 over p ≡ 1 (mod 4) and testing with the deterministic
 * Miller–Rabin bases 2, 3, …, 37, which decide primality for every integer below 3.3·10^24. p ≡ 1 (mod 4)
 * makes −1 a square mod p, which the complex recomputation needs; the square root is verified by
 * squaring. The list is grown on demand and cached; it is the same on every run.
 */
final class ModularPrime {
    /** The modulus. */
    final long p;
    /** p⁻¹ mod 2^64. */
    final long pInv;
    /** R² mod p, to enter Montgomery form. */
    final long r2;
    /** R mod p: the Montgomery form of 1. */
    final long one;
    /** A square root of −1 mod p, as a plain residue. */
    final long sqrtMinusOne;

    private static final List<ModularPrime> CACHE = new ArrayList<>();
    private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    private ModularPrime(long p) {
        this.p = p;
        long x = p; // p·p ≡ 1 (mod 8): three correct bits; each Newton step doubles them
        for (int k = 0; k < 5; k++) x *= 2 - p * x;
        this.pInv = x;
        BigInteger bp = BigInteger.valueOf(p);
        this.one = BigInteger.ONE.shiftLeft(64).mod(bp).longValueExact();
        this.r2 = BigInteger.ONE.shiftLeft(128).mod(bp).longValueExact();
        this.sqrtMinusOne = findSqrtMinusOne(bp);
    }

    /** The k-th prime of the fixed list (0-based), computing more primes when needed. */
    static synchronized ModularPrime get(int k) {
        long candidate = CACHE.isEmpty() ? (1L << 62) - 3 : CACHE.get(CACHE.size() - 1).p - 4;
        while (CACHE.size() <= k) {
            while (!isPrime(candidate)) candidate -= 4;
            CACHE.add(new ModularPrime(candidate));
            candidate -= 4;
        }
        return CACHE.get(k);
    }

    /**
     * Montgomery product a·b·2^-64 mod p for a, b in [0, p).
     *
     * <p>Signed REDC: with m = (a·b mod 2^64)·p⁻¹ read as a signed long, a·b − m·p is divisible by 2^64
     * and (a·b − m·p)/2^64 = hi(a·b) − hi(m·p) lies in (−p/2, p/2 + p²/2^64) ⊂ (−p, p) because p &lt; 2^62;
     * one conditional addition of p lands in [0, p).
     */
    static long mul(long a, long b, long p, long pInv) {
        long lo = a * b;
        long r = Math.multiplyHigh(a, b) - Math.multiplyHigh(lo * pInv, p);
        return r + ((r >> 63) & p);
    }

    static long add(long a, long b, long p) {
        long s = a + b - p;
        return s + ((s >> 63) & p);
    }

    static long sub(long a, long b, long p) {
        long s = a - b;
        return s + ((s >> 63) & p);
    }

    long mul(long a, long b) {
        return mul(a, b, p, pInv);
    }

    long add(long a, long b) {
        return add(a, b, p);
    }

    long sub(long a, long b) {
        return sub(a, b, p);
    }

    /** Montgomery form of a plain residue in [0, p). */
    long toMont(long a) {
        return mul(a, r2);
    }

    /** Plain residue of a Montgomery form. */
    long fromMont(long a) {
        return mul(a, 1);
    }

    /** Montgomery form of x mod p for any integer x. */
    long toMont(BigInteger x) {
        return toMont(x.mod(BigInteger.valueOf(p)).longValue());
    }

    /** Montgomery form of x^-1 for a plain residue x ≢ 0. */
    long inverseMont(long x) {
        BigInteger inv = BigInteger.valueOf(x).modInverse(BigInteger.valueOf(p));
        return toMont(inv.longValue());
    }

    BigInteger modulus() {
        return BigInteger.valueOf(p);
    }

    private static long findSqrtMinusOne(BigInteger bp) {
        BigInteger e = bp.subtract(BigInteger.ONE).shiftRight(2);
        BigInteger minusOne = bp.subtract(BigInteger.ONE);
        for (long c = 2; ; c++) {
            // c^((p−1)/4) squares to c^((p−1)/2) = −1 exactly when c is a non-residue (half of all c).
            BigInteger s = BigInteger.valueOf(c).modPow(e, bp);
            if (s.multiply(s).mod(bp).equals(minusOne)) return s.longValueExact();
        }
    }

    /** Deterministic Miller–Rabin for 0 &lt; n &lt; 2^63. */
    static boolean isPrime(long n) {
        if (n < 2) return false;
        for (long w : WITNESSES) if (n % w == 0) return n == w;
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger nm1 = bn.subtract(BigInteger.ONE);
        int s = nm1.getLowestSetBit();
        BigInteger d = nm1.shiftRight(s);
        for (long w : WITNESSES) {
            BigInteger x = BigInteger.valueOf(w).modPow(d, bn);
            if (x.equals(BigInteger.ONE) || x.equals(nm1)) continue;
            boolean composite = true;
            for (int r = 1; r < s && composite; r++) {
                x = x.multiply(x).mod(bn);
                if (x.equals(nm1)) composite = false;
            }
            if (composite) return false;
        }
        return true;
    }
}
