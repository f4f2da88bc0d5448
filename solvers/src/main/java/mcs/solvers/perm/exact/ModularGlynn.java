package mcs.solvers.perm.exact;

import java.math.BigInteger;
import java.util.List;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.WordPrimes;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * The exact Glynn sum H = Σ_δ (Π_i δ_i) Π_j (Σ_i δ_i a_ij) = 2^(n−1)·perm(A) of an integer matrix, over the
 * sign vectors δ ∈ {±1}ⁿ with δ_{n−1} = +1, computed modulo several primes and rebuilt by the Chinese
 * remainder theorem.
 *
 * <p><b>Method.</b> The column sums c_j = Σ_i δ_i a_ij are kept as exact {@code long} integers
 * (|c_j| ≤ S_j = Σ_i |a_ij| &lt; 2^59 is required), updated in Gray-code order by ±2·(one row). The
 * product of the n column sums is formed in chunks of k columns whose exact product fits a word
 * (S^k &lt; 2^60 for S = max_j S_j): for entries in [−9, 9] and n = 25, chunks of 8, so only 3 modular
 * multiplications per prime and term (instead of n). Chunk products, already valid residues, are
 * multiplied with signed Montgomery reduction ({@link WordPrimes#mont}), which leaves the extra factor
 * 2^(−64·(chunks−1)), removed once at the end. Since |H| ≤ 2^(n−1)·Π_j S_j, primes whose product
 * exceeds twice that bound determine H exactly; then perm(A) = H / 2^(n−1) (an exact division).
 *
 * <p><b>Parallelism.</b> The top sign bits are fixed per task ({@link SignTasks}); every task walks its
 * own Gray code and returns residues, added in task order (the result is exact anyway).
 *
 * <p>Complexity: 2^(n−1) terms, each n word additions, n − chunks word multiplications and
 * (chunks − 1)·primes Montgomery products. Memory O(n²). The deadline is checked every 2^12 terms.
 */
final class ModularGlynn {
    /** Column sums must stay below this (so that ±2·a updates and chunk products cannot overflow). */
    static final long MAX_COLUMN_SUM = 1L << 59;

    private ModularGlynn() {}

    /** Whether every column's absolute sum is below 2^59, the condition for {@link #permanent}. */
    static boolean fits(BigInteger[][] a) {
        return columnSums(a) != null;
    }

    /** Σ_i |a_ij| per column, or null when one of them reaches 2^59. */
    static long[] columnSums(BigInteger[][] a) {
        int n = a.length;
        long[] s = new long[n];
        for (int j = 0; j < n; j++) {
            BigInteger t = BigInteger.ZERO;
            for (int i = 0; i < n; i++) t = t.add(a[i][j].abs());
            if (t.compareTo(BigInteger.valueOf(MAX_COLUMN_SUM)) >= 0) return null;
            s[j] = t.longValueExact();
        }
        return s;
    }

    /** The number of primes {@link #permanent} uses on this matrix. */
    static int primesNeeded(BigInteger[][] a) {
        long[] s = columnSums(a);
        return s == null ? -1 : WordPrimes.enoughFor(bound(s)).length;
    }

    private static BigInteger bound(long[] colSums) {
        BigInteger b = BigInteger.ONE.shiftLeft(Math.max(0, colSums.length - 1));
        for (long s : colSums) b = b.multiply(BigInteger.valueOf(s));
        return b;
    }

    /**
     * The exact permanent of a square integer matrix whose column absolute sums are below 2^59.
     *
     * @throws IllegalArgumentException if a column sum is too large
     * @throws mcs.problems.spi.DeadlineExceededException when the options' deadline passes
     */
    static BigInteger permanent(BigInteger[][] a, SolverOptions options) {
        int n = a.length;
        if (n == 0) return BigInteger.ONE;
        long[] s = columnSums(a);
        if (s == null) throw new IllegalArgumentException("a column's absolute sum reaches 2^59");
        long[][] q = new long[n][n];
        long max = 1;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q[i][j] = a[i][j].longValueExact();
        for (long x : s) max = Math.max(max, x);
        int chunk = 1;
        BigInteger limit = BigInteger.ONE.shiftLeft(60);
        while (chunk < n && BigInteger.valueOf(max).pow(chunk + 1).compareTo(limit) < 0) chunk++;
        long[] primes = WordPrimes.enoughFor(bound(s));
        int free = n - 1;
        int split = SignTasks.splitBits(free);
        int chunks = (n + chunk - 1) / chunk;
        Walk walk = new Walk(q, chunk, chunks, primes, free - split, options);
        List<long[]> parts = SignTasks.run(1 << split, options.threads(), walk::task);
        BigInteger[] residues = new BigInteger[primes.length];
        for (int k = 0; k < primes.length; k++) {
            BigInteger p = BigInteger.valueOf(primes[k]);
            BigInteger acc = BigInteger.ZERO;
            for (long[] part : parts) acc = acc.add(BigInteger.valueOf(part[k]));
            residues[k] = acc.multiply(BigInteger.TWO.modPow(BigInteger.valueOf(64L * (chunks - 1)), p)).mod(p);
        }
        BigInteger h = WordPrimes.crt(primes, residues);
        BigInteger[] qr = h.divideAndRemainder(BigInteger.ONE.shiftLeft(n - 1));
        if (qr[1].signum() != 0) throw new IllegalStateException("Glynn sum not divisible by 2^(n-1): arithmetic defect");
        return qr[0];
    }

    /** One Gray-code walk per task; immutable, so tasks share it. */
    private record Walk(long[][] q, int chunk, int chunks, long[] primes, int low, SolverOptions options) {
        long[] task(int t) {
            int n = q.length;
            int np = primes.length;
            long[] pinv = new long[np];
            for (int k = 0; k < np; k++) pinv[k] = WordPrimes.inverse64(primes[k]);
            long[] acc = new long[np];
            boolean[] minus = SignTasks.initialMinus(n, low, t);
            long[] c = SignTasks.columnSums(q, minus);
            boolean negative = Integer.bitCount(t) % 2 == 1;
            long[] ch = new long[chunks];
            long steps = 1L << low;
            for (long step = 0; step < steps; step++) {
                if (step != 0) {
                    int b = Long.numberOfTrailingZeros(step);
                    long[] row = q[b];
                    if (minus[b]) {
                        for (int j = 0; j < n; j++) c[j] += 2 * row[j];
                    } else {
                        for (int j = 0; j < n; j++) c[j] -= 2 * row[j];
                    }
                    minus[b] = !minus[b];
                    negative = !negative;
                    if ((step & 4095) == 0) options.checkDeadline();
                }
                boolean zero = false;
                for (int h = 0, j = 0; h < chunks; h++) {
                    long x = c[j++];
                    for (int e = j + chunk - 1; j < e && j < n; j++) x *= c[j];
                    ch[h] = x;
                    zero |= x == 0;
                }
                if (zero) continue;
                for (int k = 0; k < np; k++) {
                    long p = primes[k];
                    long r = ch[0];
                    for (int h = 1; h < chunks; h++) r = WordPrimes.mont(r, ch[h], p, pinv[k]);
                    acc[k] = WordPrimes.addMod(acc[k], negative ? -r : r, p);
                }
            }
            return acc;
        }
    }
}
