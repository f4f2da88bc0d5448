package mcs.solvers.engine.modular;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A prime p ≡ 1 (mod 4) below 2^61 with unsigned Montgomery arithmetic (R = 2^64) and a square root s of −1,
 * so that the Gaussian integers map onto Z/p by i ↦ s and by i ↦ −s (two ring homomorphisms). The primes are
 * the largest ones below 2^61 with p ≡ 1 (mod 4), in descending order, found by a deterministic Miller–Rabin
 * test (bases 2 … 37 decide every n &lt; 3.3·10^24).
 *
 * <p><b>Arithmetic.</b> Residues are longs in [0, p) in Montgomery form x·R mod p. A product of two
 * residues is below p² &lt; 2^122, so up to 64 products can be summed exactly in an unsigned 128-bit pair
 * (hi, lo) before one reduction: {@link #reduce} takes hi mod p (hi &lt; 2^64 read unsigned), then Montgomery's
 * REDC of hi·2^64 + lo &lt; p·2^64 gives (hi·2^64 + lo)·R⁻¹ mod p, so a sum of Montgomery products stays in
 * Montgomery form.
 */
public final class GaussianPrime {
    public final long p;
    /** −p⁻¹ mod 2^64. */
    final long nInv;
    /** R² mod p. */
    private final long r2;
    /** Montgomery form of 1. */
    public final long one;
    /** A square root of −1 mod p, plain (not Montgomery). */
    public final long sqrtMinusOne;

    private static final List<GaussianPrime> CACHE = new ArrayList<>();
    private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    private GaussianPrime(long p) {
        this.p = p;
        long x = p; // Newton: correct bits double each step
        for (int i = 0; i < 6; i++) x *= 2 - p * x;
        this.nInv = -x;
        BigInteger bp = BigInteger.valueOf(p);
        this.one = BigInteger.ONE.shiftLeft(64).mod(bp).longValueExact();
        this.r2 = BigInteger.ONE.shiftLeft(128).mod(bp).longValueExact();
        BigInteger e = bp.subtract(BigInteger.ONE).shiftRight(2);
        BigInteger minusOne = bp.subtract(BigInteger.ONE);
        long s = 0;
        for (long c = 2; s == 0; c++) {
            BigInteger r = BigInteger.valueOf(c).modPow(e, bp);
            if (r.multiply(r).mod(bp).equals(minusOne)) s = r.longValueExact();
        }
        this.sqrtMinusOne = s;
    }

    /** The k-th prime (0-based) of the fixed descending list. */
    public static synchronized GaussianPrime get(int k) {
        long c = CACHE.isEmpty() ? (1L << 61) - 3 : CACHE.get(CACHE.size() - 1).p - 4; // 2^61 − 3 ≡ 1 (mod 4)
        while (CACHE.size() <= k) {
            while (!isPrime(c)) c -= 4;
            CACHE.add(new GaussianPrime(c));
            c -= 4;
        }
        return CACHE.get(k);
    }

    /** The fewest primes of the list whose product exceeds 2·bound. */
    public static int countFor(BigInteger bound) {
        BigInteger need = bound.shiftLeft(1);
        BigInteger m = BigInteger.ONE;
        int k = 0;
        while (m.compareTo(need) <= 0) m = m.multiply(BigInteger.valueOf(get(k++).p));
        return Math.max(k, 1);
    }

    /** Montgomery product a·b·R⁻¹ mod p for a, b in [0, p). */
    public long mul(long a, long b) {
        return reduce(Math.multiplyHigh(a, b), a * b);
    }

    /**
     * (hi·2^64 + lo)·R⁻¹ mod p for an unsigned 128-bit value (hi read unsigned): hi is first reduced mod p,
     * then REDC: m = lo·(−p⁻¹) mod 2^64, t = (T + m·p)/2^64 &lt; 2p.
     */
    public long reduce(long hi, long lo) {
        long h = Long.remainderUnsigned(hi, p);
        long m = lo * nInv;
        long mpHi = Math.multiplyHigh(m, p) + ((m >> 63) & p); // unsigned high word of m·p
        long carry = lo != 0 ? 1 : 0; // lo + (m·p mod 2^64) ≡ 0 (mod 2^64), so it carries exactly when lo ≠ 0
        long t = h + mpHi + carry;
        return t >= p ? t - p : t;
    }

    /**
     * Montgomery product a·b·R⁻¹ mod p for 0 ≤ a &lt; 2^63 and 0 ≤ b &lt; p: the high word of a·b is below
     * 2^60 &lt; p, so REDC needs no preliminary reduction (no division).
     */
    public long mulSmall(long a, long b) {
        long lo = a * b;
        long m = lo * nInv;
        long t = Math.multiplyHigh(a, b) + Math.multiplyHigh(m, p) + ((m >> 63) & p) + (lo != 0 ? 1 : 0);
        return t >= p ? t - p : t;
    }

    /** R² mod p: {@code mulSmall(x, r2())} is the Montgomery form of any 0 ≤ x &lt; 2^63. */
    public long r2() {
        return r2;
    }

    public long add(long a, long b) {
        long s = a + b;
        return s >= p ? s - p : s;
    }

    public long sub(long a, long b) {
        long s = a - b;
        return s < 0 ? s + p : s;
    }

    /** Montgomery form of x mod p. */
    public long toMont(BigInteger x) {
        long r = x.mod(BigInteger.valueOf(p)).longValueExact();
        return mul(r, r2);
    }

    /** Montgomery form of a plain residue in [0, p). */
    public long toMont(long plain) {
        return mul(plain, r2);
    }

    /** The plain residue of a Montgomery form. */
    public long fromMont(long a) {
        return reduce(0, a);
    }

    /** Montgomery form of x⁻¹ for a plain residue x ≢ 0. */
    public long inverseMont(long plain) {
        return toMont(BigInteger.valueOf(plain).modInverse(BigInteger.valueOf(p)).longValueExact());
    }

    public BigInteger modulus() {
        return BigInteger.valueOf(p);
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

    /**
     * The unique integers v with |v| ≤ (Π p_k − 1)/2 and v ≡ r_k (mod p_k) for the first residues.length
     * primes (Garner). residues are plain (not Montgomery).
     */
    public static BigInteger crt(long[] residues) {
        BigInteger x = BigInteger.valueOf(residues[0]);
        BigInteger m = get(0).modulus();
        for (int k = 1; k < residues.length; k++) {
            BigInteger p = get(k).modulus();
            BigInteger t = BigInteger.valueOf(residues[k]).subtract(x).mod(p).multiply(m.mod(p).modInverse(p)).mod(p);
            x = x.add(m.multiply(t));
            m = m.multiply(p);
        }
        return x.compareTo(m.shiftRight(1)) > 0 ? x.subtract(m) : x;
    }
}
