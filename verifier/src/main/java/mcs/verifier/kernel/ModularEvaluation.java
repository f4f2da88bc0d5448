package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * The shared driver of {@link ModularPermanent} and {@link ModularHafnian}: evaluates an integer polynomial
 * function of an integer (or Gaussian-integer) matrix modulo enough primes of {@link ModularPrime} and
 * rebuilds the exact integer by the Chinese remainder theorem.
 *
 * <p><b>Exactness.</b> Let V be the true value (an integer, or for complex input the real part X or the
 * imaginary part Y of a Gaussian integer X + iY) and B ≥ |V| a proven bound. With distinct primes
 * p_1, …, p_t and M = Π p_k &gt; 2B, the residues V mod p_k determine V mod M (CRT); the integers in
 * (−M/2, M/2] form a complete residue system mod M and contain V because |V| ≤ B &lt; M/2, so the
 * symmetric representative of the reconstructed residue is V itself. Nothing is rounded anywhere.
 *
 * <p><b>Complex input.</b> For A = R + iI with integer R, I and p ≡ 1 (mod 4) with s² ≡ −1 (mod p), the map
 * Z[i] → Z/p sending i to s (or to −s) is a ring homomorphism. The value is a polynomial with integer
 * coefficients in the entries, so evaluating it on R + sI and on R − sI gives X + sY and X − sY mod p;
 * hence X ≡ (P₊ + P₋)/2 and Y ≡ (P₊ − P₋)/(2s) (mod p), 2 and s being units. Both X and Y are bounded by
 * |X + iY|, so one bound serves both reconstructions.
 *
 * <p><b>Work split.</b> A {@link SignSum} is a sum over Gray-code indices 0 … terms−1; the range is cut into
 * at most 64 chunks, each of which rebuilds its running state in O(n²) and walks its part of the Gray code.
 * Chunks of all primes run on the common fork-join pool. Sums mod p do not depend on the order of
 * addition, so the result is the same whatever the scheduling.
 */
final class ModularEvaluation {
    private static final long MIN_CHUNK = 1L << 14;
    private static final int MAX_CHUNKS = 64;

    private ModularEvaluation() {
    }

    /** A sum over sign vectors, evaluated on a matrix of Montgomery residues. */
    interface SignSum {
        /** Number of Gray-code indices of the sum for an n×n matrix. */
        long terms(int n);

        /** Montgomery form of the sum over the Gray-code indices [from, to), 0 ≤ from &lt; to ≤ terms(n). */
        long partial(ModularPrime mp, long[][] a, long from, long to);

        /** Montgomery form of the factor that turns the complete sum into the value. */
        long normaliser(ModularPrime mp, int n);
    }

    /** How many primes of {@link ModularPrime} have a product exceeding 2·bound (at least one). */
    static int primesFor(BigInteger bound) {
        BigInteger need = bound.shiftLeft(1);
        BigInteger prod = BigInteger.ONE;
        int t = 0;
        while (t == 0 || prod.compareTo(need) <= 0) prod = prod.multiply(ModularPrime.get(t++).modulus());
        return t;
    }

    /**
     * Evaluates {@code sum} exactly on re + i·im.
     *
     * @param re integer real part, n×n with n ≥ 1
     * @param im integer imaginary part, or null for real input
     * @param bound a proven bound on the absolute value of the result (of both parts for complex input)
     * @return {X} for real input, {X, Y} for complex input
     */
    static BigInteger[] evaluate(BigInteger[][] re, BigInteger[][] im, BigInteger bound, SignSum sum) {
        int n = re.length;
        if (n < 1 || n > 62) throw new IllegalArgumentException("order " + n + " is outside 1..62 (2^(n-1) sign vectors must fit a long)");
        int primes = primesFor(bound);
        int evals = im == null ? 1 : 2;
        long terms = sum.terms(n);
        int chunks = (int) Math.max(1, Math.min(MAX_CHUNKS, terms / MIN_CHUNK));
        long[][][][] mats = new long[primes][evals][][];
        for (int k = 0; k < primes; k++) {
            ModularPrime mp = ModularPrime.get(k);
            for (int e = 0; e < evals; e++) mats[k][e] = reduce(mp, re, im, e == 0 ? 1 : -1);
        }
        long[] parts = new long[primes * evals * chunks];
        IntStream tasks = IntStream.range(0, parts.length);
        if (parts.length > 1 && terms >= MIN_CHUNK) tasks = tasks.parallel();
        tasks.forEach(task -> {
            int c = task % chunks;
            int e = (task / chunks) % evals;
            int k = task / (chunks * evals);
            long size = terms / chunks; // both are powers of two
            long from = c * size;
            long to = from + size;
            parts[task] = sum.partial(ModularPrime.get(k), mats[k][e], from, to);
        });
        long[][] residues = new long[evals][primes];
        for (int k = 0; k < primes; k++) {
            ModularPrime mp = ModularPrime.get(k);
            long norm = sum.normaliser(mp, n);
            long[] value = new long[evals];
            for (int e = 0; e < evals; e++) {
                long s = 0;
                for (int c = 0; c < chunks; c++) s = mp.add(s, parts[(k * evals + e) * chunks + c]);
                value[e] = mp.fromMont(mp.mul(s, norm));
            }
            if (evals == 1) {
                residues[0][k] = value[0];
            } else {
                BigInteger p = mp.modulus();
                BigInteger plus = BigInteger.valueOf(value[0]);
                BigInteger minus = BigInteger.valueOf(value[1]);
                BigInteger two = BigInteger.TWO;
                BigInteger twoS = BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1);
                residues[0][k] = plus.add(minus).multiply(two.modInverse(p)).mod(p).longValue();
                residues[1][k] = plus.subtract(minus).multiply(twoS.modInverse(p)).mod(p).longValue();
            }
        }
        BigInteger[] out = new BigInteger[evals];
        for (int e = 0; e < evals; e++) out[e] = crt(residues[e]);
        return out;
    }

    /** Montgomery forms of re + sign·s·im mod p (s² ≡ −1), or of re when im is null. */
    private static long[][] reduce(ModularPrime mp, BigInteger[][] re, BigInteger[][] im, int sign) {
        int n = re.length;
        long s = sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne;
        long sMont = mp.toMont(s);
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long v = mp.toMont(re[i][j]);
                if (im != null) v = mp.add(v, mp.mul(sMont, mp.toMont(im[i][j])));
                out[i][j] = v;
            }
        }
        return out;
    }

    /**
     * Garner's mixed-radix reconstruction: the unique x in (−M/2, M/2] with x ≡ r_k (mod p_k) for the
     * first r.length primes, M their product.
     */
    static BigInteger crt(long[] r) {
        BigInteger x = BigInteger.valueOf(r[0]);
        BigInteger m = ModularPrime.get(0).modulus();
        for (int k = 1; k < r.length; k++) {
            BigInteger p = ModularPrime.get(k).modulus();
            BigInteger t = BigInteger.valueOf(r[k]).subtract(x).mod(p).multiply(m.mod(p).modInverse(p)).mod(p);
            x = x.add(m.multiply(t));
            m = m.multiply(p);
        }
        return x.compareTo(m.shiftRight(1)) > 0 ? x.subtract(m) : x;
    }
}
