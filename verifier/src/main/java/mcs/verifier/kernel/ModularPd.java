package mcs.verifier.kernel;

import java.math.BigInteger;

/**
 * Fast exact proof that an integer symmetric matrix is positive definite: all leading principal minors
 * of a symmetric permutation are positive (Sylvester's criterion), the minors being computed modulo many
 * word-size primes and reconstructed by the Chinese remainder theorem.
 *
 * <p><b>Method.</b> (1) A pivot order π is chosen by pivoted LDLᵀ in floating point (largest remaining
 * diagonal first); it only steers the computation, any order is sound. (2) For primes p &lt; 2³¹
 * (deterministic Miller–Rabin with bases 2, 7, 61, exact below 4.7·10⁹), Gaussian elimination of
 * M[π, π] mod p without pivoting yields the pivots u_k and the leading minors D_k ≡ u_1⋯u_k (mod p).
 * A prime for which some pivot vanishes mod p is discarded. (3) Primes are used until their product P
 * exceeds 2H, where H = Π_i max(1, ‖row_i‖₂) ≥ |D_k| for every k (Hadamard's inequality, rows of the
 * principal submatrix being shorter than full rows). Then each D_k is the unique residue in (−P/2, P/2),
 * so its sign is exact.
 *
 * <p><b>Outcome.</b> Returns true only when every D_k is positive, which proves M ≻ 0. It returns false
 * when some D_k ≤ 0, when too many primes are unlucky (a leading minor is probably zero), or when the
 * floating-point guide already sees a non-positive pivot; false proves nothing and the caller then runs
 * the exact fraction-free elimination, which decides every case and names the failing entry.
 *
 * <p><b>Cost.</b> n³/6 modular multiply-adds per prime and about n(b + log n)/30 primes: O(n⁴ b) word
 * operations against the O(n⁵ b²) of fraction-free elimination with schoolbook arithmetic.
 */
final class ModularPd {
    private ModularPd() {}

    static boolean provePositiveDefinite(BigInteger[][] m) {
        int n = m.length;
        if (n == 0) return true;
        int[] order = floatOrder(m);
        if (order == null) return false;
        // Hadamard bound, in bits, rounded up.
        long boundBits = 1;
        for (int i = 0; i < n; i++) {
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                BigInteger v = i >= j ? m[i][j] : m[j][i];
                s = s.add(v.multiply(v));
            }
            boundBits += (s.bitLength() + 1) / 2 + 1;
        }
        // Entries as 31-bit limbs (most significant first) with signs, for fast reduction mod p.
        int[][][] limbs = new int[n][][];
        boolean[][] negative = new boolean[n][];
        for (int a = 0; a < n; a++) {
            limbs[a] = new int[a + 1][];
            negative[a] = new boolean[a + 1];
            for (int b = 0; b <= a; b++) {
                int i = order[a], j = order[b];
                BigInteger v = i >= j ? m[i][j] : m[j][i];
                negative[a][b] = v.signum() < 0;
                limbs[a][b] = toLimbs31(v.abs());
            }
        }
        int[] primes = new int[(int) (boundBits / 30) + 8];
        long[][] minors = new long[n][primes.length];
        int used = 0, unlucky = 0;
        long candidate = (1L << 31) - 1;
        long bitsSoFar = 0;
        long[][] a = new long[n][];
        for (int i = 0; i < n; i++) a[i] = new long[i + 1];
        while (bitsSoFar <= boundBits) {
            candidate = previousPrime(candidate - 1);
            int p = (int) candidate;
            if (!eliminate(limbs, negative, p, a, minors, used)) {
                if (++unlucky > 4) return false;
                continue;
            }
            if (used == primes.length) return false;
            primes[used++] = p;
            bitsSoFar += 30; // every prime used exceeds 2^30
        }
        // CRT per leading minor: incremental, x in [0, P); negative iff x > P/2.
        BigInteger[] prefix = new BigInteger[used + 1];
        long[] prefixModP = new long[used];
        long[] inv = new long[used];
        prefix[0] = BigInteger.ONE;
        for (int t = 0; t < used; t++) {
            prefix[t + 1] = prefix[t].multiply(BigInteger.valueOf(primes[t]));
            prefixModP[t] = prefix[t].mod(BigInteger.valueOf(primes[t])).longValue();
            inv[t] = modInverse(prefixModP[t], primes[t]);
        }
        BigInteger half = prefix[used].shiftRight(1);
        for (int k = 0; k < n; k++) {
            BigInteger x = BigInteger.valueOf(minors[k][0]);
            for (int t = 1; t < used; t++) {
                long p = primes[t];
                long xm = x.mod(BigInteger.valueOf(p)).longValue();
                long c = Math.floorMod(minors[k][t] - xm, p) * inv[t] % p;
                if (c != 0) x = x.add(prefix[t].multiply(BigInteger.valueOf(c)));
            }
            if (x.signum() == 0 || x.compareTo(half) > 0) return false;
        }
        return true;
    }

    /**
     * Reduces the permuted matrix mod p into {@code a} and eliminates; stores D_k mod p in
     * {@code minors[k][slot]}. Returns false when a pivot is 0 mod p.
     */
    private static boolean eliminate(int[][][] limbs, boolean[][] negative, int p, long[][] a, long[][] minors, int slot) {
        int n = a.length;
        long shift31 = (1L << 31) % p;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                long r = 0;
                for (int limb : limbs[i][j]) r = (r * shift31 + limb) % p;
                a[i][j] = negative[i][j] && r != 0 ? p - r : r;
            }
        }
        long barrett = Long.divideUnsigned(-1L, p); // floor((2^64 − 1)/p), < 2^34
        long det = 1;
        for (int k = 0; k < n; k++) {
            long piv = a[k][k];
            if (piv == 0) return false;
            det = det * piv % p;
            minors[k][slot] = det;
            long pinv = modInverse(piv, p);
            for (int i = k + 1; i < n; i++) {
                long aik = a[i][k];
                if (aik == 0) continue;
                long f = p - aik * pinv % p; // −a_ik / a_kk
                long[] ri = a[i];
                for (int j = k + 1; j <= i; j++) {
                    long ajk = a[j][k];
                    long t = ri[j] + reduce(f * ajk, p, barrett);
                    ri[j] = t >= p ? t - p : t;
                }
            }
        }
        return true;
    }

    /** x mod p for 0 ≤ x &lt; 2^62 by Barrett reduction. */
    private static long reduce(long x, long p, long barrett) {
        long q = Math.multiplyHigh(x, barrett);
        long r = x - q * p;
        return r >= p ? r - p : r;
    }

    static long modInverse(long a, long p) {
        long t = 0, newT = 1, r = p, newR = a % p;
        while (newR != 0) {
            long q = r / newR;
            long tmp = t - q * newT;
            t = newT;
            newT = tmp;
            tmp = r - q * newR;
            r = newR;
            newR = tmp;
        }
        return t < 0 ? t + p : t;
    }

    private static int[] toLimbs31(BigInteger v) {
        int len = Math.max(1, (v.bitLength() + 30) / 31);
        int[] out = new int[len];
        for (int t = 0; t < len; t++) {
            out[len - 1 - t] = v.shiftRight(31 * t).intValue() & 0x7fffffff;
        }
        return out;
    }

    /** Largest prime ≤ from (deterministic Miller–Rabin, bases 2, 7, 61). */
    static long previousPrime(long from) {
        for (long c = (from % 2 == 0) ? from - 1 : from; c > 2; c -= 2) if (isPrime(c)) return c;
        throw new IllegalStateException("ran out of primes");
    }

    static boolean isPrime(long n) {
        if (n < 2) return false;
        for (long sp : new long[] {2, 3, 5, 7, 11, 13, 61}) {
            if (n % sp == 0) return n == sp;
        }
        long d = n - 1;
        int s = 0;
        while ((d & 1) == 0) {
            d >>= 1;
            s++;
        }
        for (long base : new long[] {2, 7, 61}) {
            long x = powMod(base, d, n);
            if (x == 1 || x == n - 1) continue;
            boolean composite = true;
            for (int r = 1; r < s; r++) {
                x = x * x % n;
                if (x == n - 1) {
                    composite = false;
                    break;
                }
            }
            if (composite) return false;
        }
        return true;
    }

    private static long powMod(long b, long e, long m) {
        long r = 1;
        b %= m;
        while (e > 0) {
            if ((e & 1) == 1) r = r * b % m;
            b = b * b % m;
            e >>= 1;
        }
        return r;
    }

    /**
     * Pivot order of a floating-point LDLᵀ with largest-diagonal pivoting on the integer matrix scaled
     * into double range; null when a pivot is not clearly positive (then elimination decides).
     */
    private static int[] floatOrder(BigInteger[][] m) {
        int n = m.length;
        int maxBits = 0;
        for (BigInteger[] row : m) for (BigInteger v : row) maxBits = Math.max(maxBits, v.bitLength());
        int shift = Math.max(0, maxBits - 900);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double d = m[i][j].shiftRight(shift).doubleValue();
                a[i][j] = d;
                a[j][i] = d;
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, a[i][i]);
        if (!(maxDiag > 0)) return null;
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int i = k + 1; i < n; i++) if (a[perm[i]][perm[i]] > a[perm[best]][perm[best]]) best = i;
            int t = perm[k];
            perm[k] = perm[best];
            perm[best] = t;
            int pk = perm[k];
            double piv = a[pk][pk];
            if (!(piv > 1e-9 * maxDiag)) return null;
            for (int i = k + 1; i < n; i++) {
                int pi = perm[i];
                double f = a[pi][pk] / piv;
                if (f == 0) continue;
                for (int j = k + 1; j <= i; j++) {
                    int pj = perm[j];
                    double v = a[pi][pj] - f * a[pj][pk];
                    a[pi][pj] = v;
                    a[pj][pi] = v;
                }
            }
        }
        return perm;
    }
}
