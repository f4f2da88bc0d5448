package mcs.solvers.haf.repeated;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.MontPrime;
import mcs.solvers.engine.parallel.SignTasks;
import mcs.solvers.engine.repeated.ClassLayout;

/**
 * Kan's formula for the hafnian and the loop hafnian of a matrix with repeated rows and columns, summed over
 * sign classes instead of sign vectors: Π(r_i + 1) terms instead of 2^N.
 *
 * <p><b>Formula.</b> B is A with row and column i repeated r_i times (N = Σ r_i, m = N/2); copies of i pair
 * with weight a_ii and, for the loop hafnian, carry the loop weight μ_i = a_ii. Kan's identity on B
 * (Σ_{δ∈{±1}^N} Πδ·q(δ)^m = 2^N m!·haf(B), q(δ) = Σ_{pairs} B δδ) depends on δ only through
 * y_i = r_i − 2t_i (t_i copies of i with sign −1): q = Σ_{i&lt;j} a_ij y_i y_j + Σ_i a_ii (y_i² − r_i)/2, an
 * integer (y_i² ≡ r_i mod 2), and Πδ = (−1)^{Σt}, with C(r_i, t_i) sign vectors per value of t_i. Hence
 * <pre>  2^N·m!·haf(B) = Σ_t w(t)·q(t)^m,   w(t) = Π_i (−1)^{t_i} C(r_i, t_i).</pre>
 * For the loop hafnian, with q₁ = Σ_i μ_i y_i and F(q, q₁) = Σ_{2k+s=N} q^k q₁^s/(k!·s!) (the degree-N part
 * of exp(q + q₁)), 2^N·lhaf(B) = Σ_t w(t)·F(q(t), q₁(t)) (same argument: the multilinear coefficient of
 * exp(q + q₁) on B is the loop hafnian). Under t ↦ r − t, y ↦ −y: q and w are unchanged (N even) and
 * F(q, −q₁)·w ↦ (−1)^N·(−1)^N F·w; so {@link ClassLayout}'s mirror halving applies to both.
 *
 * <p><b>Exact word path</b> ({@link #sumWords}): when N ≤ 62 and Q = Σ_{i&lt;j}|a_ij| r_i r_j + Σ_i |a_ii| r_i²/2
 * (|q| ≤ Q) is below 2^58, q and w are exact longs (|w| ≤ 2^N). q = base + lin + q_inner splits into a part
 * of the outer digits, a part bilinear between outer and inner digits (Σ_{k inner} b_k y_k with
 * b = A·y_outer), and a part of the inner digits tabulated once; per inner class the walk costs O(1): one
 * addition to lin, one to q. When q (and q₁) range over at most {@link #HISTOGRAM_MAX} values, the exact
 * weights are collected in a histogram H[q] (Σ|w| ≤ 2^N keeps every bucket exact) and the powers are taken
 * once per value at the end; otherwise each term's power is taken modulo every prime.
 *
 * <p><b>Modular path</b> ({@link #sumModular}), for any entries and any N: the same sum with every quantity
 * reduced modulo each prime, O(n) per class and prime.
 *
 * <p>Both return Σ_t w(t)·term(t) modulo each prime (as Montgomery forms of {@link MontPrime}); the caller
 * divides by the normaliser and rebuilds the value by CRT. Deadline checked per outer class (at most every
 * {@link ClassLayout#INNER_MAX} terms).
 */
final class RepeatedKan {
    /** Largest histogram (buckets of one long): 16 MiB per worker. */
    static final int HISTOGRAM_MAX = 1 << 21;

    private RepeatedKan() {}

    /** The matrix in layout order: s[x][z] = a_{modes[x], modes[z]}, mu[x] the loop weight. */
    record Data(long[][] s, long[] mu, ClassLayout layout, boolean loop, int total) {}

    /** Q, the bound on |q| over all classes, in exact arithmetic. */
    static BigInteger qBound(BigInteger[][] s, int[] r) {
        BigInteger q = BigInteger.ZERO;
        for (int i = 0; i < s.length; i++) {
            for (int j = i + 1; j < s.length; j++) q = q.add(s[i][j].abs().multiply(BigInteger.valueOf((long) r[i] * r[j])));
            q = q.add(s[i][i].abs().multiply(BigInteger.valueOf((long) r[i] * r[i])).add(BigInteger.ONE).shiftRight(1));
        }
        return q;
    }

    /** Σ_i |μ_i| r_i, the bound on |q₁|. */
    static BigInteger q1Bound(BigInteger[] mu, int[] r) {
        BigInteger q = BigInteger.ZERO;
        for (int i = 0; i < mu.length; i++) q = q.add(mu[i].abs().multiply(BigInteger.valueOf(r[i])));
        return q;
    }

    /**
     * Whether the exact word path applies: N ≤ 62 (weights below 2^62) and Q, Σ|μ| r below 2^58 (every
     * intermediate of the walk, at most a few times Q, stays below 2^62).
     */
    static boolean wordsFit(BigInteger[][] s, BigInteger[] mu, int[] r, int total) {
        BigInteger limit = BigInteger.ONE.shiftLeft(58);
        return total <= 62 && qBound(s, r).compareTo(limit) < 0 && (mu == null || q1Bound(mu, r).compareTo(limit) < 0);
    }

    // ------------------------------------------------------------------ exact word path

    /** Σ_t w(t)·term(t) as Montgomery forms, one per prime. Requires {@link #wordsFit}. */
    static long[] sumWords(Data d, long qMax, long q1Max, MontPrime[] primes, SolverOptions o) {
        ClassLayout l = d.layout();
        Inner inner = Inner.of(d);
        long range2 = 2 * qMax + 1, range1 = d.loop() ? 2 * q1Max + 1 : 1;
        boolean histogram = range2 <= HISTOGRAM_MAX && range1 <= HISTOGRAM_MAX / range2;
        int tasks = l.tasks();
        int workers = Math.max(1, Math.min(o.threads(), tasks));
        AtomicInteger next = new AtomicInteger();
        java.util.List<long[]> parts = SignTasks.run(workers, workers, w -> {
            long[] hist = histogram ? new long[(int) (range2 * range1)] : null;
            long[] acc = new long[primes.length];
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) walkTask(d, inner, t, hist, qMax, q1Max, range1, acc, primes, o);
            return histogram ? reduceHistogram(d, hist, qMax, q1Max, range1, primes) : acc;
        });
        long[] out = new long[primes.length];
        for (long[] part : parts) for (int k = 0; k < primes.length; k++) out[k] = primes[k].add(out[k], part[k]);
        return out;
    }

    /** The inner digits' tables: q, q₁ and w of each inner class, and the odometer steps. */
    private record Inner(long[] q, long[] q1, long[] w, int[] lowestChanged, int start, int digits) {
        static Inner of(Data d) {
            ClassLayout l = d.layout();
            ClassLayout.InnerWalk walk = l.innerWalk();
            int k = walk.t().length, start = l.innerStart(), digits = l.digits() - start;
            long[] q = new long[k], q1 = new long[k], w = new long[k];
            for (int c = 0; c < k; c++) {
                long[] y = new long[digits];
                long wc = 1;
                for (int x = 0; x < digits; x++) {
                    int r = l.r()[start + x], t = walk.t()[c][x];
                    y[x] = r - 2L * t;
                    wc *= ClassLayout.signedBinomial(r, t).longValueExact();
                }
                long qc = 0, q1c = 0;
                for (int x = 0; x < digits; x++) {
                    long[] row = d.s()[start + x];
                    for (int z = x + 1; z < digits; z++) qc += row[start + z] * y[x] * y[z];
                    qc += row[start + x] * ((y[x] * y[x] - l.r()[start + x]) / 2);
                    q1c += d.mu()[start + x] * y[x];
                }
                q[c] = qc;
                q1[c] = q1c;
                w[c] = wc;
            }
            return new Inner(q, q1, w, walk.lowestChanged(), start, digits);
        }
    }

    private static void walkTask(Data d, Inner in, int task, long[] hist, long qMax, long q1Max, long range1, long[] acc,
                                 MontPrime[] primes, SolverOptions o) {
        ClassLayout l = d.layout();
        int n = l.digits(), start = l.innerStart(), m = d.total() / 2;
        long[][] s = d.s();
        long[] mu = d.mu();
        int[] r = l.r();
        int[] t = l.taskValues(task);
        long[] y = new long[n];
        for (int x = 0; x < n; x++) y[x] = r[x] - 2L * t[x];
        // u_k = Σ_{j outer} s_kj y_j for every digit k; base = ½(Σ_{i outer} y_i u_i − Σ_{i outer} s_ii r_i).
        long[] u = new long[n];
        for (int k = 0; k < n; k++) for (int j = 0; j < start; j++) u[k] += s[k][j] * y[j];
        long twice = 0, q1Outer = 0;
        for (int i = 0; i < start; i++) {
            twice += y[i] * u[i] - s[i][i] * r[i];
            q1Outer += mu[i] * y[i];
        }
        long base = twice / 2;
        long[][] w = new long[n][];
        for (int x = 0; x < n; x++) {
            w[x] = new long[r[x] + 1];
            for (int v = 0; v <= r[x]; v++) w[x][v] = ClassLayout.signedBinomial(r[x], v).longValueExact();
        }
        long mirror = l.mirrorFactor(t[0]);
        int di = in.digits();
        long[] stepVal = new long[di + 1];
        long[][] invFact = new long[primes.length][];
        if (d.loop() && hist == null) for (int k = 0; k < primes.length; k++) invFact[k] = inverseFactorials(primes[k], d.total());
        while (true) {
            o.checkDeadline();
            long wOuter = mirror;
            for (int x = 0; x < start; x++) wOuter *= w[x][t[x]];
            // lin = Σ_{inner x} b_x y_x with b = u on the inner digits; stepping inner digit x (after wrapping the
            // lower ones from r to 0) changes it by −2b_x + Σ_{x'<x} 2r_{x'} b_{x'}.
            long lin = 0, wrapped = 0;
            for (int x = 0; x < di; x++) {
                long b = u[start + x];
                lin += b * r[start + x];
                stepVal[x] = wrapped - 2 * b;
                wrapped += 2L * r[start + x] * b;
            }
            long[] qI = in.q(), q1I = in.q1(), wI = in.w();
            int[] lc = in.lowestChanged();
            stepVal[di] = 0; // after the last inner class nothing changes
            if (hist != null && !d.loop()) {
                // The hot loop: one addition for lin, one for q, one multiply-add into the histogram.
                long off = base + qMax;
                for (int c = 0; c < qI.length; c++) {
                    hist[(int) (off + lin + qI[c])] += wOuter * wI[c];
                    lin += stepVal[lc[c]];
                }
            } else if (hist != null) {
                long off = (base + qMax) * range1 + q1Outer + q1Max;
                for (int c = 0; c < qI.length; c++) {
                    hist[(int) (off + (lin + qI[c]) * range1 + q1I[c])] += wOuter * wI[c];
                    lin += stepVal[lc[c]];
                }
            } else {
                for (int c = 0; c < qI.length; c++) {
                    addTerm(d.loop(), base + lin + qI[c], q1Outer + q1I[c], wOuter * wI[c], m, d.total(), acc, primes, invFact);
                    lin += stepVal[lc[c]];
                }
            }
            // Next outer class (odometer over the outer digits that are not fixed by the task).
            int x = start - 1;
            while (x >= l.taskDigits()) {
                long delta;
                if (t[x] < r[x]) {
                    t[x]++;
                    delta = -2;
                } else {
                    t[x] = 0;
                    delta = 2L * r[x];
                }
                base += delta * u[x] + s[x][x] * (delta * delta / 2);
                q1Outer += delta * mu[x];
                y[x] += delta;
                for (int k = 0; k < n; k++) u[k] += delta * s[k][x];
                if (t[x] != 0) break;
                x--;
            }
            if (x < l.taskDigits()) return;
        }
    }

    /** acc_k += w·term(q, q₁) mod p_k, term = q^m or F(q, q₁). */
    private static void addTerm(boolean loop, long q, long q1, long weight, int m, int total, long[] acc, MontPrime[] primes, long[][] invFact) {
        // |q|, |q₁| < 2^58 < p (wordsFit), so their forms need no division; |weight| ≤ 2^62 may exceed p.
        for (int k = 0; k < primes.length; k++) {
            MontPrime mp = primes[k];
            long term = loop ? loopTerm(mp, mp.formSmall(q), mp.formSmall(q1), total, invFact[k]) : mp.pow(mp.formSmall(q), m);
            long w = Math.abs(weight) < mp.p() ? mp.formSmall(weight) : mp.form(weight);
            acc[k] = mp.add(acc[k], mp.mul(w, term));
        }
    }

    private static long[] reduceHistogram(Data d, long[] hist, long qMax, long q1Max, long range1, MontPrime[] primes) {
        long[] out = new long[primes.length];
        int m = d.total() / 2;
        for (int k = 0; k < primes.length; k++) {
            MontPrime mp = primes[k];
            long[] inv = d.loop() ? inverseFactorials(mp, d.total()) : null;
            long sum = 0;
            for (int idx = 0; idx < hist.length; idx++) {
                long h = hist[idx];
                if (h == 0) continue;
                long q = idx / range1 - qMax;
                long term = d.loop() ? loopTerm(mp, mp.form(q), mp.form(idx % range1 - q1Max), d.total(), inv) : mp.pow(mp.form(q), m);
                sum = mp.add(sum, mp.mul(mp.form(h), term));
            }
            out[k] = sum;
        }
        return out;
    }

    /** F(q, q₁) = Σ_{2k+s=N} q^k q₁^s/(k!·s!) as a form, from forms of q and q₁. */
    static long loopTerm(MontPrime mp, long q, long q1, int total, long[] invFact) {
        long[] p1 = new long[total + 1];
        p1[0] = mp.form(1);
        for (int s = 1; s <= total; s++) p1[s] = mp.mul(p1[s - 1], q1);
        long sum = 0, pq = mp.form(1);
        for (int k = 0; 2 * k <= total; k++) {
            sum = mp.add(sum, mp.mul(mp.mul(pq, p1[total - 2 * k]), mp.mul(invFact[k], invFact[total - 2 * k])));
            pq = mp.mul(pq, q);
        }
        return sum;
    }

    /** Forms of 1/k! for k = 0 … n. */
    static long[] inverseFactorials(MontPrime mp, int n) {
        long[] inv = new long[n + 1];
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
        inv[n] = mp.inverse(f);
        for (int k = n; k >= 1; k--) inv[k - 1] = mp.mul(inv[k], mp.form(k));
        return inv;
    }

    // ------------------------------------------------------------------ modular path

    /**
     * The same sum for any integer entries and any N, every quantity modulo each prime: O(n) per class and
     * prime (u = A·y is updated as one digit changes). Walks all Π(r_i + 1) classes with the mirror halving.
     */
    static long[] sumModular(BigInteger[][] s, BigInteger[] mu, ClassLayout l, boolean loop, int total, MontPrime[] primes, SolverOptions o) {
        int n = l.digits();
        long[] out = new long[primes.length];
        java.util.List<long[]> parts = SignTasks.run(primes.length, o.threads(), k -> {
            MontPrime mp = primes[k];
            long[][] a = new long[n][n];
            long[] m1 = new long[n];
            for (int x = 0; x < n; x++) {
                for (int z = 0; z < n; z++) a[x][z] = mp.form(s[x][z]);
                m1[x] = loop ? mp.form(mu[x]) : 0;
            }
            long[][] w = new long[n][];
            for (int x = 0; x < n; x++) {
                w[x] = new long[l.r()[x] + 1];
                for (int v = 0; v <= l.r()[x]; v++) w[x][v] = mp.form(ClassLayout.signedBinomial(l.r()[x], v));
            }
            long half = mp.inverse(BigInteger.TWO);
            long[] inv = loop ? inverseFactorials(mp, total) : null;
            long diag = 0;
            for (int x = 0; x < n; x++) diag = mp.add(diag, mp.mul(a[x][x], mp.form(l.r()[x])));
            long acc = 0;
            int[] r = l.r();
            for (int t0 = 0; t0 <= (n == 0 ? 0 : r[0] / 2); t0++) {
                int[] t = new int[n];
                if (n > 0) t[0] = t0;
                long[] y = new long[n];
                for (int x = 0; x < n; x++) y[x] = mp.form(r[x] - 2L * t[x]);
                long[] u = new long[n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) u[i] = mp.add(u[i], mp.mul(a[i][j], y[j]));
                long mirror = mp.form(l.mirrorFactor(t0));
                long steps = 0;
                while (true) {
                    if ((++steps & 1023) == 0) o.checkDeadline();
                    long wt = mirror;
                    for (int x = 0; x < n; x++) wt = mp.mul(wt, w[x][t[x]]);
                    long yu = 0, q1 = 0;
                    for (int x = 0; x < n; x++) {
                        yu = mp.add(yu, mp.mul(y[x], u[x]));
                        q1 = mp.add(q1, mp.mul(m1[x], y[x]));
                    }
                    long q = mp.mul(mp.add(yu, -diag), half);
                    long term = loop ? loopTerm(mp, q, q1, total, inv) : mp.pow(q, total / 2);
                    acc = mp.add(acc, mp.mul(wt, term));
                    int x = n - 1;
                    while (x >= 1) {
                        long delta;
                        if (t[x] < r[x]) {
                            t[x]++;
                            delta = mp.form(-2);
                        } else {
                            t[x] = 0;
                            delta = mp.form(2L * r[x]);
                        }
                        y[x] = mp.add(y[x], delta);
                        for (int i = 0; i < n; i++) u[i] = mp.add(u[i], mp.mul(delta, a[i][x]));
                        if (t[x] != 0) break;
                        x--;
                    }
                    if (x < 1) break;
                }
            }
            return new long[] {acc};
        });
        for (int k = 0; k < primes.length; k++) out[k] = parts.get(k)[0];
        return out;
    }
}
