package mcs.solvers.haf.lowrank;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.solvers.engine.modular.GaussianPrime;

/**
 * The exact hafnian of a symmetric matrix of small rank r (the low-rank formula of Björklund–Gupt–Quesada,
 * appendix C, for A = G·D·Gᵀ), modulo primes p ≡ 1 (mod 4) with CRT on the real and imaginary parts.
 *
 * <p><b>Formula.</b> If A = Σ_k d_k·g_k·g_kᵀ (G = [g_1 … g_r] of size n×r, D = diag(d)), then
 * <pre>  haf(A) = Σ_{α ∈ ℕ^r, |α| = n/2} Π_k d_k^(α_k)·(2α_k − 1)!! · [x^(2α)] Π_{i=1}^{n} (Σ_k G_ik x_k).</pre>
 * Proof: expanding each edge weight a_ij = Σ_k d_k G_ik G_jk colours every edge of a perfect matching with a
 * k; the coloured matchings with α_k edges of colour k correspond, through the colours of their vertices, to
 * the vertex colourings with 2α_k vertices of colour k (the coefficient [x^(2α)] sums Π_i G_i,colour(i) over
 * them) times the (2α_k − 1)!! perfect matchings inside each colour class.
 *
 * <p><b>Modular evaluation.</b> Every symmetric matrix over a field of characteristic ≠ 2 is congruent to a
 * diagonal one: symmetric elimination with a nonzero diagonal pivot, or, when the remaining diagonal is zero
 * but an entry a_kj is not, after replacing row and column k by their sum with j (pivot 2a_kj ≠ 0), gives
 * A ≡ G·D·Gᵀ (mod p) with as many columns as the rank of A mod p, at most the rank over the rationals. The
 * identity above holds in Z/p, so each prime gives haf(A) mod p exactly whatever its rank; the rank only
 * sets the work. The diagonal, which no hafnian term reads, is kept as given, since it is what makes a matrix
 * G·D·Gᵀ of low rank. Rational entries are scaled by the LCM d of the denominators (haf(dA) = d^(n/2)·haf(A));
 * complex entries go through i ↦ ±s (s² ≡ −1) as in {@code GaussianCycleHafnian}, with its bound on |haf|.
 *
 * <p>Complexity per prime and part: O(n³) for the congruence, Σ_{m≤n} C(m + r − 1, r − 1)·r products for the
 * coefficients, C(n/2 + r − 1, r − 1) terms for the sum; memory C(n + r − 1, r − 1) residues.
 */
public final class LowRankHafnian {
    /** Largest rank handled (monomial tables grow as n^(r−1)). */
    public static final int MAX_RANK = 4;

    private LowRankHafnian() {}

    /** Rank of re + s·im modulo the first prime (an estimate of the rank over the rationals, never above it). */
    public static int rankEstimate(PermInstance inst) {
        Scaled s = scale(inst);
        GaussianPrime mp = GaussianPrime.get(0);
        return congruence(mp, reduce(mp, s, 1)).rank;
    }

    /** Coefficient-table work for order n and rank r (to refuse what would be slow). */
    public static double work(int n, int r) {
        double w = 0;
        for (int m = 0; m <= n; m++) w += binomial(m + r - 1, r - 1) * r;
        return w;
    }

    record Scaled(BigInteger[][] re, BigInteger[][] im, BigInteger divisor, BigInteger bound) {}

    static Scaled scale(PermInstance inst) {
        int n = inst.n();
        BigInteger d = BigInteger.ONE;
        // the diagonal never enters a hafnian, but it is kept: it is what makes A = G·D·Gᵀ of low rank
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d = lcm(d, inst.re().get(i, j).denominator());
                if (inst.isComplex()) d = lcm(d, inst.im().get(i, j).denominator());
            }
        }
        BigInteger[][] re = new BigInteger[n][n], im = inst.isComplex() ? new BigInteger[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = times(inst.re().get(i, j), d);
                if (im != null) im[i][j] = times(inst.im().get(i, j), d);
            }
        }
        return new Scaled(re, im, d.pow(n / 2), bound(re, im));
    }

    /**
     * The exact hafnian (n even), or null when some prime's rank exceeds {@link #MAX_RANK} (the estimate of
     * the first prime was too low: the caller falls back).
     */
    public static ComplexValue hafnian(PermInstance inst) {
        int n = inst.n();
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        if (n % 2 != 0) return new ComplexValue(Rational.ZERO, Rational.ZERO);
        Scaled s = scale(inst);
        int primes = GaussianPrime.countFor(s.bound());
        long[] xs = new long[primes], ys = new long[primes];
        for (int k = 0; k < primes; k++) {
            GaussianPrime mp = GaussianPrime.get(k);
            Long plus = evaluate(mp, reduce(mp, s, 1));
            if (plus == null) return null;
            if (s.im() == null) {
                xs[k] = plus;
                continue;
            }
            Long minus = evaluate(mp, reduce(mp, s, -1));
            if (minus == null) return null;
            BigInteger p = mp.modulus(), a = BigInteger.valueOf(plus), b = BigInteger.valueOf(minus);
            xs[k] = a.add(b).multiply(BigInteger.TWO.modInverse(p)).mod(p).longValueExact();
            ys[k] = a.subtract(b).multiply(BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1).modInverse(p)).mod(p).longValueExact();
        }
        Rational x = Rational.of(GaussianPrime.crt(xs), s.divisor());
        Rational y = s.im() == null ? Rational.ZERO : Rational.of(GaussianPrime.crt(ys), s.divisor());
        return new ComplexValue(x, y);
    }

    /** haf mod p (plain residue) of a symmetric matrix of plain residues, or null when its rank exceeds MAX_RANK. */
    static Long evaluate(GaussianPrime mp, long[][] a) {
        Congruence c = congruence(mp, a);
        int n = a.length, r = c.rank;
        if (r > MAX_RANK) return null;
        if (r == 0) return 0L;
        long p = mp.p;
        // coefficients of Π_i (Σ_k G_ik x_k): monomials of degree m ranked by the colex rank of their bar
        // positions (stars and bars: bar j sits at β_1 + … + β_j + j − 1)
        long[][] binom = binomials(n + r);
        long[] cur = {1};
        int[] bars = new int[Math.max(1, r - 1)];
        int[] beta = new int[r];
        for (int i = 0; i < n; i++) {
            int m = i + 1;
            long[] next = new long[(int) binom[m + r - 1][r - 1]];
            for (int j = 0; j < r - 1; j++) bars[j] = j;
            for (int idx = 0; idx < next.length; idx++) {
                exponents(bars, m, r, beta);
                long acc = 0;
                for (int k = 0; k < r; k++) {
                    if (beta[k] == 0) continue;
                    // rank of β − e_k: the bars from k on move one place down
                    long rank = 0;
                    for (int j = 0; j < r - 1; j++) rank += binom[j >= k ? bars[j] - 1 : bars[j]][j + 1];
                    acc = mp.add(acc, mulmod(mp, cur[(int) rank], c.g[i][k]));
                }
                next[idx] = acc;
                nextCombination(bars, m + r - 1);
            }
            cur = next;
        }
        // Σ over α with |α| = n/2 of Π d_k^α_k (2α_k − 1)!! · coeff(2α)
        long[] dfact = new long[n / 2 + 1];
        dfact[0] = 1;
        for (int q = 1; q <= n / 2; q++) dfact[q] = mulmod(mp, dfact[q - 1], 2L * q - 1);
        long sum = 0;
        for (int j = 0; j < r - 1; j++) bars[j] = j;
        for (int idx = 0; idx < cur.length; idx++, nextCombination(bars, n + r - 1)) {
            exponents(bars, n, r, beta);
            boolean even = true;
            for (int k = 0; k < r && even; k++) even = beta[k] % 2 == 0;
            if (!even || cur[idx] == 0) continue;
            long t = cur[idx];
            for (int k = 0; k < r; k++) {
                long dk = BigInteger.valueOf(c.d[k]).modPow(BigInteger.valueOf(beta[k] / 2), BigInteger.valueOf(p)).longValueExact();
                t = mulmod(mp, mulmod(mp, t, dfact[beta[k] / 2]), dk);
            }
            sum = (sum + t) % p;
        }
        return sum;
    }

    /** The exponents of the composition of m with r parts whose bars sit at the given positions. */
    private static void exponents(int[] bars, int m, int r, int[] beta) {
        int prev = -1;
        for (int j = 0; j < r - 1; j++) {
            beta[j] = bars[j] - prev - 1;
            prev = bars[j];
        }
        beta[r - 1] = m + r - 2 - prev;
    }

    /** The colex successor of an increasing tuple of bar positions in {0 … size−1}. */
    private static void nextCombination(int[] bars, int size) {
        int k = bars.length;
        if (k == 0) return;
        int j = 0;
        while (j < k - 1 && bars[j] + 1 == bars[j + 1]) j++;
        bars[j]++;
        for (int t = 0; t < j; t++) bars[t] = t;
    }

    private static long[][] binomials(int n) {
        long[][] b = new long[n + 1][n + 2];
        for (int i = 0; i <= n; i++) {
            b[i][0] = 1;
            for (int k = 1; k <= i; k++) b[i][k] = b[i - 1][k - 1] + (k <= i - 1 ? b[i - 1][k] : 0);
        }
        return b;
    }

    /** A ≡ G·diag(d)·Gᵀ (mod p): G is n×rank, d the pivots. */
    record Congruence(int rank, long[][] g, long[] d) {}

    static Congruence congruence(GaussianPrime mp, long[][] a0) {
        long p = mp.p;
        int n = a0.length;
        long[][] a = new long[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        // P tracks the congruence: A_current = P·A_original·Pᵀ; we need A = G D Gᵀ with G = P⁻¹ restricted
        long[][] inv = new long[n][n]; // P⁻¹, updated by the inverse of each elementary operation
        for (int i = 0; i < n; i++) inv[i][i] = 1;
        long[] d = new long[n];
        int[] pivotCol = new int[n];
        boolean[] done = new boolean[n];
        int rank = 0;
        while (true) {
            int piv = -1;
            for (int i = 0; i < n && piv < 0; i++) if (!done[i] && a[i][i] != 0) piv = i;
            if (piv < 0) {
                // all remaining diagonal entries zero: find a_kj ≠ 0 and add row/column j to k (pivot 2a_kj)
                int pk = -1, pj = -1;
                for (int k = 0; k < n && pk < 0; k++) {
                    if (done[k]) continue;
                    for (int j = 0; j < n; j++) {
                        if (!done[j] && j != k && a[k][j] != 0) {
                            pk = k;
                            pj = j;
                            break;
                        }
                    }
                }
                if (pk < 0) break;
                // row_k += row_j; col_k += col_j  (E = I + e_k e_jᵀ; A ← E A Eᵀ; P⁻¹ ← P⁻¹ E⁻¹: column j −= column k)
                for (int t = 0; t < n; t++) a[pk][t] = (a[pk][t] + a[pj][t]) % p;
                for (int t = 0; t < n; t++) a[t][pk] = (a[t][pk] + a[t][pj]) % p;
                for (int t = 0; t < n; t++) inv[t][pj] = (inv[t][pj] - inv[t][pk] + p) % p;
                piv = pk;
                if (a[piv][piv] == 0) throw new IllegalStateException("zero pivot after the sum step");
            }
            long pv = a[piv][piv];
            long pinv = BigInteger.valueOf(pv).modInverse(BigInteger.valueOf(p)).longValueExact();
            // eliminate: row_t −= (a_t,piv/pv) row_piv (and the same on columns); P⁻¹: column piv += f·column t
            for (int t = 0; t < n; t++) {
                if (t == piv || done[t] || a[t][piv] == 0) continue;
                long f = mulmod(mp, a[t][piv], pinv);
                for (int u = 0; u < n; u++) a[t][u] = (a[t][u] - mulmod(mp, f, a[piv][u]) + p) % p;
                for (int u = 0; u < n; u++) a[u][t] = (a[u][t] - mulmod(mp, f, a[u][piv]) + p) % p;
                for (int u = 0; u < n; u++) inv[u][piv] = (inv[u][piv] + mulmod(mp, f, inv[u][t])) % p;
            }
            done[piv] = true;
            d[rank] = pv;
            pivotCol[rank] = piv;
            rank++;
        }
        long[][] g = new long[n][rank];
        for (int i = 0; i < n; i++) for (int k = 0; k < rank; k++) g[i][k] = inv[i][pivotCol[k]];
        return new Congruence(rank, g, java.util.Arrays.copyOf(d, rank));
    }

    /** Plain residues of re + sign·s·im. */
    static long[][] reduce(GaussianPrime mp, Scaled s, int sign) {
        int n = s.re().length;
        BigInteger p = mp.modulus();
        BigInteger sq = BigInteger.valueOf(sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne);
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger v = s.re()[i][j];
                if (s.im() != null) v = v.add(sq.multiply(s.im()[i][j]));
                out[i][j] = v.mod(p).longValueExact();
            }
        }
        return out;
    }

    /** a·b mod p for plain residues: the 128-bit product through two Montgomery reductions (T·R⁻¹, then ·R² ·R⁻¹). */
    static long mulmod(GaussianPrime mp, long a, long b) {
        return mp.mul(mp.reduce(Math.multiplyHigh(a, b), a * b), mp.r2());
    }

    static BigInteger bound(BigInteger[][] re, BigInteger[][] im) {
        int n = re.length;
        BigInteger max = BigInteger.ZERO;
        java.util.List<BigInteger> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger r = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                BigInteger m = re[i][j].abs();
                if (im != null) m = m.add(im[i][j].abs());
                max = max.max(m);
                r = r.add(m);
            }
            rows.add(r);
        }
        rows.sort(java.util.Collections.reverseOrder());
        int k = n / 2;
        BigInteger byRows = BigInteger.ONE, byMax = max.pow(k);
        for (int i = 0; i < k; i++) byRows = byRows.multiply(rows.get(i));
        for (int j = 1; j < 2 * k; j += 2) byMax = byMax.multiply(BigInteger.valueOf(j));
        return byRows.min(byMax).max(BigInteger.ONE);
    }

    private static double binomial(int a, int b) {
        double r = 1;
        for (int i = 1; i <= b; i++) r = r * (a - b + i) / i;
        return r;
    }

    private static BigInteger times(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return b.equals(BigInteger.ONE) ? a : a.divide(a.gcd(b)).multiply(b);
    }
}
