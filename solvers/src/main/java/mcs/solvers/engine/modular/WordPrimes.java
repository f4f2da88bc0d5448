package mcs.solvers.engine.modular;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Odd primes in (2^60, 2^61) with signed Montgomery multiplication (R = 2^64), and Chinese remaindering.
 *
 * <p><b>Signed Montgomery.</b> For |a|, |b| &lt; p &lt; 2^61 let T = a·b (|T| &lt; 2^122), m = T·p⁻¹ mod 2^64
 * taken as a signed word. Then T − m·p ≡ 0 (mod 2^64), and (T − m·p)/2^64 equals
 * {@code multiplyHigh(a,b) − multiplyHigh(m,p)} exactly (the low words cancel). Its absolute value is
 * below p²/2^64 + p/2 &lt; p, so the result r ≡ a·b·2^-64 (mod p) stays a valid signed residue in (−p, p)
 * without any correction step. Four word multiplications per product.
 */
public final class WordPrimes {
    private static final List<Long> PRIMES = new ArrayList<>();

    private WordPrimes() {}

    /** The k-th prime below 2^61 (descending, from 2^61 − 1), k ≥ 0. */
    public static synchronized long prime(int k) {
        while (PRIMES.size() <= k) {
            long c = PRIMES.isEmpty() ? (1L << 61) - 1 : PRIMES.get(PRIMES.size() - 1) - 2;
            while (!BigInteger.valueOf(c).isProbablePrime(64)) c -= 2;
            PRIMES.add(c);
        }
        return PRIMES.get(k);
    }

    /** The fewest primes whose product exceeds 2·bound (so the symmetric residue class fixes a value of |v| ≤ bound). */
    public static long[] enoughFor(BigInteger bound) {
        BigInteger target = bound.shiftLeft(1);
        List<Long> ps = new ArrayList<>();
        BigInteger m = BigInteger.ONE;
        while (m.compareTo(target) <= 0) {
            long p = prime(ps.size());
            ps.add(p);
            m = m.multiply(BigInteger.valueOf(p));
        }
        return ps.stream().mapToLong(Long::longValue).toArray();
    }

    /** p⁻¹ mod 2^64 for odd p, by Newton's iteration (each step doubles the number of correct bits). */
    public static long inverse64(long p) {
        long x = p; // correct to 3 bits for odd p
        for (int i = 0; i < 5; i++) x *= 2 - p * x;
        return x;
    }

    /** a·b·2^-64 mod p as a signed residue in (−p, p), for |a|, |b| &lt; p &lt; 2^61 and pinv = p⁻¹ mod 2^64. */
    public static long mont(long a, long b, long p, long pinv) {
        long m = a * b * pinv;
        return Math.multiplyHigh(a, b) - Math.multiplyHigh(m, p);
    }

    /** Adds a signed residue r ∈ (−p, p) to acc ∈ (−p, p), keeping the result in (−p, p); p &lt; 2^61. */
    public static long addMod(long acc, long r, long p) {
        long s = acc + r;
        s -= p & ~((s - p) >> 63);
        s += p & ((s + p - 1) >> 63);
        return s;
    }

    /**
     * The unique integer v with |v| ≤ (Π p)/2 − 1/2 and v ≡ r_k (mod p_k) for every k (Chinese remaindering).
     */
    public static BigInteger crt(long[] primes, BigInteger[] residues) {
        BigInteger m = BigInteger.ONE;
        for (long p : primes) m = m.multiply(BigInteger.valueOf(p));
        BigInteger x = BigInteger.ZERO;
        for (int k = 0; k < primes.length; k++) {
            BigInteger p = BigInteger.valueOf(primes[k]);
            BigInteger mk = m.divide(p);
            x = x.add(residues[k].mod(p).multiply(mk.modInverse(p)).multiply(mk));
        }
        x = x.mod(m);
        return x.shiftLeft(1).compareTo(m) > 0 ? x.subtract(m) : x;
    }
}
