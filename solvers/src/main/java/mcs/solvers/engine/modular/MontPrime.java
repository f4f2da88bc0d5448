package mcs.solvers.engine.modular;

import java.math.BigInteger;

/**
 * One prime of {@link WordPrimes} with what signed Montgomery arithmetic needs: residues are longs in
 * (−p, p), Montgomery forms x·2^64 mod p. {@link #mul} of two forms is the form of the product.
 *
 * @param p an odd prime in (2^60, 2^61)
 * @param pinv p⁻¹ mod 2^64
 * @param r2 2^128 mod p (turns a residue into its form)
 */
public record MontPrime(long p, long pinv, long r2) {
    public static MontPrime of(long p) {
        long r2 = BigInteger.ONE.shiftLeft(128).mod(BigInteger.valueOf(p)).longValueExact();
        return new MontPrime(p, WordPrimes.inverse64(p), r2);
    }

    /** The primes of {@link WordPrimes#enoughFor}. */
    public static MontPrime[] enoughFor(BigInteger bound) {
        long[] ps = WordPrimes.enoughFor(bound);
        MontPrime[] out = new MontPrime[ps.length];
        for (int k = 0; k < ps.length; k++) out[k] = of(ps[k]);
        return out;
    }

    /** The form of any long x. */
    public long form(long x) {
        return WordPrimes.mont(x % p, r2, p, pinv);
    }

    /** The form of x for |x| &lt; p (no division). */
    public long formSmall(long x) {
        return WordPrimes.mont(x, r2, p, pinv);
    }

    /** The form of any integer x. */
    public long form(BigInteger x) {
        return form(x.mod(BigInteger.valueOf(p)).longValue());
    }

    public long mul(long a, long b) {
        return WordPrimes.mont(a, b, p, pinv);
    }

    public long add(long a, long b) {
        return WordPrimes.addMod(a, b, p);
    }

    /** The form of x^e for a form x, e ≥ 0 (left-to-right binary powering: ⌊log₂ e⌋ squarings). */
    public long pow(long x, int e) {
        if (e == 0) return formSmall(1);
        long r = x;
        for (int b = 30 - Integer.numberOfLeadingZeros(e); b >= 0; b--) {
            r = mul(r, r);
            if (((e >>> b) & 1) != 0) r = mul(r, x);
        }
        return r;
    }

    /** The residue in [0, p) of a form. */
    public BigInteger value(long form) {
        return BigInteger.valueOf(WordPrimes.mont(form, 1, p, pinv)).mod(BigInteger.valueOf(p));
    }

    /** The form of x⁻¹ for an integer x prime to p. */
    public long inverse(BigInteger x) {
        return form(x.modInverse(BigInteger.valueOf(p)));
    }
}
