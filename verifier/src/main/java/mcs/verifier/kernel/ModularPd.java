package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Fast exact PSD decision of an integer symmetric matrix by modular arithmetic, steered by floating
 * point and falling back (returning empty) whenever floating point steered wrong.
 *
 * <p><b>Method.</b> (1) Pivoted LDLᵀ in floating point (largest remaining diagonal first) gives an order
 * π and a numerical rank r (pivots above 10⁻⁹ of the largest diagonal); it only steers. (2) For primes
 * p &lt; 2³¹ (deterministic Miller–Rabin with bases 2, 7, 61, exact below 4.7·10⁹), Gaussian elimination
 * of M[π, π] mod p through r pivots gives the leading minors D_k ≡ u_1⋯u_k (k ≤ r) and the bordered
 * minors B_ij = det M[P∪{i}, P∪{j}] ≡ D_r·S_ij for the remaining i, j, where P = {π_1..π_r} and S is
 * the Schur complement of M[P]. A prime for which one of the r pivots vanishes mod p is discarded.
 * (3) Primes are used until their product P exceeds 2H with H = Π_i max(1, ‖row_i‖₂), which bounds
 * every minor of M (Hadamard; rows of a submatrix are no longer than full rows). Each D_k and B_ii is
 * then the unique residue in (−P/2, P/2): its sign is exact (Chinese remainder theorem).
 *
 * <p><b>Conclusions</b> (all exact; S = B/D_r with D_r &gt; 0):
 * <ul>
 *   <li>all D_k &gt; 0, r = n: M ≻ 0 (Sylvester's criterion on a symmetric permutation);
 *   <li>all D_k &gt; 0, some B_ii &lt; 0: S_ii &lt; 0, M is not PSD (M ⪰ 0 ⇔ S ⪰ 0);
 *   <li>all D_k &gt; 0, all B_ii = 0, some B_ij ≢ 0 mod some prime: S_ij ≠ 0 with S_ii = 0, the 2×2
 *       principal minor −S_ij² of S is negative, M is not PSD;
 *   <li>all D_k &gt; 0, all B_ij ≡ 0 modulo every prime used: |B_ij| ≤ H &lt; P/2, so B = 0, S = 0 and M is
 *       PSD of rank r.
 * </ul>
 * Any other case (some D_k ≤ 0, some B_ii &gt; 0, too many unlucky primes) returns empty and the caller
 * runs the fraction-free elimination, which decides every case.
 *
 * <p><b>Cost.</b> n³/6 modular multiply-adds per prime and about n(b + log n)/30 primes: O(n⁴ b) word
 * operations against the O(n⁵ b²) of fraction-free elimination with schoolbook arithmetic.
 */
final class ModularPd {
    private ModularPd() {}

    /**
     * Decides M ⪰ 0 when the floating-point guide is confirmed exactly, else returns empty.
     *
     * @param m lower triangle of an integer symmetric matrix (not modified)
     */
    static Optional<PsdDecision> decide(BigInteger[][] m) {
        int n = m.length;
        if (n == 0) return Optional.of(PsdDecision.yes(0, 0));
        Guide guide = floatOrder(m);
        if (guide == null) return Optional.empty();
        int[] order = guide.order;
        int r = guide.rank;
        int rest = n - r;
        // Hadamard bound, in bits, rounded up: covers every minor of order ≤ n of M.
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
        int capacity = (int) (boundBits / 30) + 8;
        int[] primes = new int[capacity];
        Residues res = new Residues(r, rest, capacity);
        int used = 0, unlucky = 0;
        long candidate = (1L << 31) - 1;
        long bitsSoFar = 0;
        long[][] a = new long[n][];
        for (int i = 0; i < n; i++) a[i] = new long[i + 1];
        while (bitsSoFar <= boundBits) {
            Budget.tick();
            candidate = previousPrime(candidate - 1);
            int p = (int) candidate;
            if (!eliminate(limbs, negative, p, a, r, res, used)) {
                if (++unlucky > 4) return Optional.empty();
                continue;
            }
            if (used + 1 >= capacity) return Optional.empty();
            primes[used++] = p;
            bitsSoFar += 30; // every prime used exceeds 2^30
        }
        Crt crt = new Crt(primes, used);
        for (int k = 0; k < r; k++) {
            if (crt.sign(res.minors[k]) <= 0) return Optional.empty(); // the guide was wrong: decide slowly
        }
        if (rest == 0) return Optional.of(PsdDecision.yes(n, n));
        // Bordered minors B_ii = D_r·S_ii of the Schur complement S of the leading r×r block.
        for (int t = 0; t < rest; t++) {
            int sign = crt.sign(res.bordered[t]);
            if (sign < 0) return Optional.of(PsdDecision.negativePivot(n, r, order[r + t], r));
            if (sign > 0) return Optional.empty();
        }
        // S has a zero diagonal; any off-diagonal entry nonzero modulo some prime is nonzero.
        if (res.offRow >= 0) {
            return Optional.of(PsdDecision.zeroPivotNonzeroRow(n, r, order[res.offRow], order[res.offCol], r));
        }
        // Every bordered minor is 0 modulo primes whose product exceeds 2H ≥ 2|B_ij|: S = 0 exactly.
        return Optional.of(PsdDecision.yes(n, r));
    }

    /** Residues per prime slot: leading minors D_1..D_r, bordered diagonal minors, first nonzero off-diagonal. */
    private static final class Residues {
        final long[][] minors;
        final long[][] bordered;
        int offRow = -1, offCol = -1;

        Residues(int r, int rest, int capacity) {
            minors = new long[r][capacity];
            bordered = new long[rest][capacity];
        }
    }

    /** Signs of integers from residues modulo distinct primes whose product P bounds twice their size. */
    private static final class Crt {
        final int[] primes;
        final int used;
        final BigInteger[] prefix;
        final long[] inv;
        final BigInteger half;

        Crt(int[] primes, int used) {
            this.primes = primes;
            this.used = used;
            prefix = new BigInteger[used + 1];
            inv = new long[used];
            prefix[0] = BigInteger.ONE;
            for (int t = 0; t < used; t++) {
                prefix[t + 1] = prefix[t].multiply(BigInteger.valueOf(primes[t]));
                inv[t] = modInverse(prefix[t].mod(BigInteger.valueOf(primes[t])).longValue(), primes[t]);
            }
            half = prefix[used].shiftRight(1);
        }

        /** Sign of the unique x ≡ residues (mod each prime) with |x| &lt; P/2 (Garner, incremental). */
        int sign(long[] residues) {
            BigInteger x = BigInteger.valueOf(residues[0]);
            for (int t = 1; t < used; t++) {
                long p = primes[t];
                long xm = x.mod(BigInteger.valueOf(p)).longValue();
                long c = Math.floorMod(residues[t] - xm, p) * inv[t] % p;
                if (c != 0) x = x.add(prefix[t].multiply(BigInteger.valueOf(c)));
            }
            if (x.signum() == 0) return 0;
            return x.compareTo(half) > 0 ? -1 : 1;
        }
    }

    /**
     * Reduces the permuted matrix mod p into {@code a}, eliminates the first r pivots, and records the
     * residues in {@code slot}. Returns false when one of those pivots is 0 mod p (prime discarded).
     */
    private static boolean eliminate(int[][][] limbs, boolean[][] negative, int p, long[][] a, int r, Residues res, int slot) {
        int n = a.length;
        long shift31 = (1L << 31) % p;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                long v = 0;
                for (int limb : limbs[i][j]) v = (v * shift31 + limb) % p;
                a[i][j] = negative[i][j] && v != 0 ? p - v : v;
            }
        }
        long barrett = Long.divideUnsigned(-1L, p); // floor((2^64 − 1)/p), < 2^34
        long det = 1;
        for (int k = 0; k < r; k++) {
            long piv = a[k][k];
            if (piv == 0) return false;
            det = det * piv % p;
            res.minors[k][slot] = det;
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
        // Remaining block: S_ij mod p; D_r·S_ij is the bordered minor det M[P∪{i}, P∪{j}].
        for (int i = r; i < n; i++) {
            res.bordered[i - r][slot] = det * a[i][i] % p;
            if (res.offRow < 0) {
                for (int j = r; j < i; j++) {
                    if (a[i][j] != 0) {
                        res.offRow = i;
                        res.offCol = j;
                        break;
                    }
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

    /** A pivot order and the number of pivots the floating-point factorization found clearly positive. */
    private record Guide(int[] order, int rank) {}

    /**
     * Pivot order of a floating-point LDLᵀ with largest-diagonal pivoting on the integer matrix scaled
     * into double range. The rank is the number of pivots above 10⁻⁹ of the largest diagonal; the
     * remaining indices follow in their pivoting order. Null when the largest diagonal is not positive.
     */
    private static Guide floatOrder(BigInteger[][] m) {
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
        if (!(maxDiag > 0) || !Double.isFinite(maxDiag)) return null;
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int i = k + 1; i < n; i++) if (a[perm[i]][perm[i]] > a[perm[best]][perm[best]]) best = i;
            int t = perm[k];
            perm[k] = perm[best];
            perm[best] = t;
            int pk = perm[k];
            double piv = a[pk][pk];
            if (!(piv > 1e-9 * maxDiag)) return new Guide(perm, k);
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
        return new Guide(perm, n);
    }
}
