package mcs.solvers.perm.repeated;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.MontPrime;
import mcs.solvers.engine.parallel.SignTasks;
import mcs.solvers.engine.repeated.ClassLayout;

/**
 * Glynn's formula for the permanent of a matrix with repeated rows and columns, summed over sign classes:
 * Π(r_i + 1) terms instead of 2^(N−1).
 *
 * <p><b>Formula.</b> B repeats row i of A r_i times and column j c_j times (Σr = Σc = N). Glynn on B's rows,
 * 2^N·perm(B) = Σ_{δ∈{±1}^N} Πδ·Π_{columns} (Σ_rows δ·B), depends on δ only through y_i = r_i − 2t_i (t_i
 * copies of row i with sign −1; C(r_i, t_i) sign vectors each; Πδ = (−1)^{Σt}): a column copy of j sums to
 * v_j = Σ_i y_i a_ij, so
 * <pre>  2^N·perm(B) = Σ_t w(t)·Π_j v_j^{c_j},   w(t) = Π_i (−1)^{t_i} C(r_i, t_i).</pre>
 * Under t ↦ r − t both w and Π v^c change by (−1)^N, so {@link ClassLayout}'s mirror halving applies.
 *
 * <p><b>Word path</b> ({@link #sumWords}, N ≤ 62 and every Σ_i |a_ij| r_i below 2^59): v is kept exactly in
 * longs, updated by one scaled row per odometer step (O(n)); the N factors of Π v^c are multiplied in
 * exact word chunks (k factors while V^k &lt; 2^60) and the chunks modulo each prime. <b>Modular path</b>
 * ({@link #sumModular}): everything modulo each prime, for any entries and N.
 */
final class RepeatedGlynn {
    static final long MAX_COLUMN_SUM = 1L << 59;

    private RepeatedGlynn() {}

    /** max_j Σ_i |a_ij| r_i, or −1 when some column reaches 2^59. */
    static long columnBound(BigInteger[][] a, int[] r) {
        long max = 0;
        for (int j = 0; j < a.length; j++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = 0; i < a.length; i++) s = s.add(a[i][j].abs().multiply(BigInteger.valueOf(r[i])));
            if (s.compareTo(BigInteger.valueOf(MAX_COLUMN_SUM)) >= 0) return -1;
            max = Math.max(max, s.longValueExact());
        }
        return max;
    }

    /** Σ_t w(t)·Π_j v_j^{c_j} as Montgomery forms per prime; a is indexed by original modes, rows grouped by r. */
    static long[] sumWords(long[][] a, int[] r, int[] c, long colMax, MontPrime[] primes, SolverOptions o) {
        ClassLayout l = ClassLayout.of(r);
        int n = a.length;
        int total = 0;
        for (int x : c) total += x;
        int chunk = 1;
        BigInteger limit = BigInteger.ONE.shiftLeft(60);
        while (chunk < total && BigInteger.valueOf(Math.max(1, colMax)).pow(chunk + 1).compareTo(limit) < 0) chunk++;
        int[] factor = new int[total]; // column of each of the N factors
        for (int j = 0, f = 0; j < n; j++) for (int e = 0; e < c[j]; e++) factor[f++] = j;
        int chunks = (total + chunk - 1) / chunk;
        int tasks = l.tasks();
        int workers = Math.max(1, Math.min(o.threads(), tasks));
        AtomicInteger next = new AtomicInteger();
        int ch = chunk;
        List<long[]> parts = SignTasks.run(workers, workers, w -> {
            long[] acc = new long[primes.length];
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) walk(a, l, c, factor, ch, chunks, t, acc, primes, o);
            return acc;
        });
        long[] out = new long[primes.length];
        for (long[] p : parts) for (int k = 0; k < primes.length; k++) out[k] = primes[k].add(out[k], p[k]);
        return out;
    }

    private static void walk(long[][] a, ClassLayout l, int[] c, int[] factor, int chunk, int chunks, int task, long[] acc,
                             MontPrime[] primes, SolverOptions o) {
        int n = a.length, d = l.digits();
        int[] r = l.r(), modes = l.modes();
        int[] t = l.taskValues(task);
        long[] v = new long[n];
        for (int x = 0; x < d; x++) {
            long y = r[x] - 2L * t[x];
            long[] row = a[modes[x]];
            for (int j = 0; j < n; j++) v[j] += y * row[j];
        }
        long[][] w = new long[d][];
        for (int x = 0; x < d; x++) {
            w[x] = new long[r[x] + 1];
            for (int e = 0; e <= r[x]; e++) w[x][e] = ClassLayout.signedBinomial(r[x], e).longValueExact();
        }
        long mirror = l.mirrorFactor(d == 0 ? 0 : t[0]);
        long[] words = new long[chunks];
        long steps = 0;
        while (true) {
            if ((++steps & 4095) == 0) o.checkDeadline();
            boolean zero = false;
            for (int h = 0, f = 0; h < chunks && !zero; h++) {
                long x = v[factor[f++]];
                for (int e = 1; e < chunk && f < factor.length; e++) x *= v[factor[f++]];
                words[h] = x;
                zero = x == 0;
            }
            if (!zero) {
                long weight = mirror;
                for (int x = 0; x < d; x++) weight *= w[x][t[x]];
                for (int k = 0; k < primes.length; k++) {
                    MontPrime mp = primes[k];
                    long term = mp.form(words[0]);
                    for (int h = 1; h < chunks; h++) term = mp.mul(term, mp.form(words[h]));
                    acc[k] = mp.add(acc[k], mp.mul(mp.form(weight), term));
                }
            }
            int x = d - 1;
            while (x >= l.taskDigits()) {
                long delta;
                if (t[x] < r[x]) {
                    t[x]++;
                    delta = -2;
                } else {
                    t[x] = 0;
                    delta = 2L * r[x];
                }
                long[] row = a[modes[x]];
                for (int j = 0; j < n; j++) v[j] += delta * row[j];
                if (t[x] != 0) break;
                x--;
            }
            if (x < l.taskDigits()) return;
        }
    }

    /** The same sum modulo each prime for any integer entries and any N; O(n + N) per class and prime. */
    static long[] sumModular(BigInteger[][] a, int[] r, int[] c, MontPrime[] primes, SolverOptions o) {
        ClassLayout l = ClassLayout.of(r);
        int n = a.length, d = l.digits();
        List<long[]> parts = SignTasks.run(primes.length, o.threads(), k -> {
            MontPrime mp = primes[k];
            long[][] am = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) am[i][j] = mp.form(a[i][j]);
            long[][] w = new long[d][];
            for (int x = 0; x < d; x++) {
                w[x] = new long[l.r()[x] + 1];
                for (int e = 0; e <= l.r()[x]; e++) w[x][e] = mp.form(ClassLayout.signedBinomial(l.r()[x], e));
            }
            long acc = 0;
            int[] rr = l.r(), modes = l.modes();
            for (int t0 = 0; t0 <= (d == 0 ? 0 : rr[0] / 2); t0++) {
                int[] t = new int[d];
                if (d > 0) t[0] = t0;
                long[] v = new long[n];
                for (int x = 0; x < d; x++) {
                    long y = mp.form(rr[x] - 2L * t[x]);
                    for (int j = 0; j < n; j++) v[j] = mp.add(v[j], mp.mul(y, am[modes[x]][j]));
                }
                long mirror = mp.form(l.mirrorFactor(t0));
                long steps = 0;
                while (true) {
                    if ((++steps & 1023) == 0) o.checkDeadline();
                    long term = mirror;
                    for (int x = 0; x < d; x++) term = mp.mul(term, w[x][t[x]]);
                    for (int j = 0; j < n; j++) if (c[j] > 0) term = mp.mul(term, mp.pow(v[j], c[j]));
                    acc = mp.add(acc, term);
                    int x = d - 1;
                    while (x >= 1) {
                        long delta;
                        if (t[x] < rr[x]) {
                            t[x]++;
                            delta = mp.form(-2);
                        } else {
                            t[x] = 0;
                            delta = mp.form(2L * rr[x]);
                        }
                        for (int j = 0; j < n; j++) v[j] = mp.add(v[j], mp.mul(delta, am[modes[x]][j]));
                        if (t[x] != 0) break;
                        x--;
                    }
                    if (x < 1) break;
                }
            }
            return new long[] {acc};
        });
        long[] out = new long[primes.length];
        for (int k = 0; k < primes.length; k++) out[k] = parts.get(k)[0];
        return out;
    }
}
