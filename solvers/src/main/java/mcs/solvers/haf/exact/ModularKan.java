package mcs.solvers.haf.exact;

import java.math.BigInteger;
import java.util.List;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.WordPrimes;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * The exact hafnian of a symmetric integer matrix S of order n = 2m by Kan's moment formula
 * <pre>  Σ_{ε∈{±1}ⁿ} (Π_k ε_k)·q(ε)^m = 2ⁿ·m!·haf(S),   q(ε) = Σ_{i&lt;j} s_ij ε_i ε_j,</pre>
 * computed modulo primes in (2^60, 2^61) and rebuilt by CRT.
 *
 * <p><b>Why the formula holds.</b> Expanding q^m gives ordered m-tuples of pairs {i, j} with weight
 * Π s_ij ε_i ε_j. Multiplied by Π_k ε_k and averaged over ε, a monomial survives only if every ε_k has
 * odd degree; n = 2m variables and total degree 2m leave degree exactly one each, so the m pairs form a
 * perfect matching, met in m! orders. The diagonal never enters. As q(−ε) = q(ε) and n is even, the terms
 * with ε_{n−1} = +1 give half: H = 2^(n−1)·m!·haf(S).
 *
 * <p><b>Arithmetic.</b> q and r_k = Σ_{j≠k} s_kj ε_j are exact longs (Σ_{i&lt;j} |s_ij| &lt; 2^59 is
 * required); flipping ε_b changes q by −2ε_b r_b and every r_j by −2ε_b s_jb (O(n) per step, Gray-code
 * order). q^m is formed from the exact word q^k (largest k with Q^k &lt; 2^60) with ⌈m/k⌉ − 1 signed
 * Montgomery products per prime ({@link WordPrimes}). |H| ≤ 2^(n−1)·Q^m fixes the number of primes.
 *
 * <p>Complexity: 2^(n−1) terms of O(n + P·m/k) word operations for P primes; memory O(n²).
 */
final class ModularKan {
    static final long MAX_PAIR_SUM = 1L << 59;

    private ModularKan() {}

    /** Σ_{i&lt;j} |s_ij|, or −1 when it reaches 2^59. */
    static long pairSum(BigInteger[][] s) {
        BigInteger t = BigInteger.ZERO;
        for (int i = 0; i < s.length; i++) for (int j = i + 1; j < s.length; j++) t = t.add(s[i][j].abs());
        return t.compareTo(BigInteger.valueOf(MAX_PAIR_SUM)) >= 0 ? -1 : t.longValueExact();
    }

    /** The exact hafnian of a symmetric integer matrix of even order with pair sum below 2^59. */
    static BigInteger hafnian(BigInteger[][] s, SolverOptions options) {
        int n = s.length;
        if (n == 0) return BigInteger.ONE;
        int m = n / 2;
        long big = pairSum(s);
        if (big < 0 || n % 2 != 0) throw new IllegalArgumentException("needs even order and pair sum below 2^59");
        if (big == 0) return BigInteger.ZERO;
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = i == j ? 0 : s[i][j].longValueExact();
        int chunk = 1;
        BigInteger limit = BigInteger.ONE.shiftLeft(60);
        while (chunk < m && BigInteger.valueOf(big).pow(chunk + 1).compareTo(limit) < 0) chunk++;
        int k = chunk;
        long[] primes = WordPrimes.enoughFor(BigInteger.valueOf(big).pow(m).shiftLeft(n - 1));
        int free = n - 1;
        int split = SignTasks.splitBits(free);
        int low = free - split;
        int full = m / k;
        int rest = m % k;
        int factors = full + (rest > 0 ? 1 : 0);
        List<long[]> parts = SignTasks.run(1 << split, options.threads(), t -> walk(a, low, t, k, full, rest, primes, options));
        BigInteger[] residues = new BigInteger[primes.length];
        for (int x = 0; x < primes.length; x++) {
            BigInteger p = BigInteger.valueOf(primes[x]);
            BigInteger acc = BigInteger.ZERO;
            for (long[] part : parts) acc = acc.add(BigInteger.valueOf(part[x]));
            residues[x] = acc.multiply(BigInteger.TWO.modPow(BigInteger.valueOf(64L * (factors - 1)), p)).mod(p);
        }
        BigInteger h = WordPrimes.crt(primes, residues);
        BigInteger div = BigInteger.ONE.shiftLeft(n - 1);
        for (int f = 2; f <= m; f++) div = div.multiply(BigInteger.valueOf(f));
        BigInteger[] qr = h.divideAndRemainder(div);
        if (qr[1].signum() != 0) throw new IllegalStateException("Kan sum not divisible by 2^(n-1)*m!: arithmetic defect");
        return qr[0];
    }

    private static long[] walk(long[][] a, int low, int t, int k, int full, int rest, long[] primes, SolverOptions options) {
        int n = a.length;
        int np = primes.length;
        long[] pinv = new long[np];
        for (int x = 0; x < np; x++) pinv[x] = WordPrimes.inverse64(primes[x]);
        boolean[] minus = SignTasks.initialMinus(n, low, t);
        long[] r = new long[n];
        long q = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (j != i) r[i] += minus[j] ? -a[i][j] : a[i][j];
            q += minus[i] ? -r[i] : r[i];
        }
        q /= 2; // Σ_i ε_i r_i counts every pair twice
        boolean negative = Integer.bitCount(t) % 2 == 1;
        long[] acc = new long[np];
        long steps = 1L << low;
        for (long step = 0; step < steps; step++) {
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                // ε_b = +1 becomes −1 (or back): q changes by −2ε_b r_b, r_j by −2ε_b a_jb.
                long e2 = minus[b] ? -2 : 2;
                q -= e2 * r[b];
                long[] col = a[b];
                for (int j = 0; j < n; j++) r[j] -= e2 * col[j];
                minus[b] = !minus[b];
                negative = !negative;
                if ((step & 4095) == 0) options.checkDeadline();
            }
            if (q == 0) continue;
            long x = q;
            for (int e = 1; e < k; e++) x *= q;
            long y = 1;
            for (int e = 0; e < rest; e++) y *= q;
            for (int z = 0; z < np; z++) {
                long p = primes[z];
                long v = full > 0 ? x : y;
                for (int e = 1; e < full; e++) v = WordPrimes.mont(v, x, p, pinv[z]);
                if (full > 0 && rest > 0) v = WordPrimes.mont(v, y, p, pinv[z]);
                acc[z] = WordPrimes.addMod(acc[z], negative ? -v : v, p);
            }
        }
        return acc;
    }
}
