package mcs.solvers.haf.exact;

import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.GaussianPrime;
import mcs.solvers.engine.parallel.Chunks;

/**
 * The hafnian (loop hafnian) of a symmetric matrix of residues modulo one prime, by the alternating-cycle
 * programme and Glynn-type sieve of {@code mcs.solvers.haf.cycles} (see {@code CycleDp} and {@code GlynnSieve}
 * there for the combinatorics: block weights c(S) of alternating cycles and paths through the pair set S,
 * haf = Σ over set partitions of Π c(block) = 2^-(L−1) Σ_{δ_{L−1}=+1} Π δ · [z^L] exp(Σ_k ĉ_k(δ) z^k)). Here
 * every operation is exact in Z/p: all divisors (2, 1 … L) are units because p &gt; 2^60 &gt; L.
 *
 * <p>Dot products sum up to 64 Montgomery products unreduced in 128 bits ({@link GaussianPrime#reduce}).
 * Layers of the programme are split into fixed chunks and the sieve into fixed blocks, so the work is shared
 * by the threads; sums mod p do not depend on the order anyway.
 *
 * <p>Complexity per prime: about L²·2^L (cycles; twice for loop hafnians) + L²·2^(L−1) (sieve) modular
 * products for n = 2L; memory 2^L + 2·L·C(L, L/2) residues.
 */
final class ModularCycles {
    private static final int CHUNK = 256;

    private final GaussianPrime mp;
    private final int l;
    private final boolean loop;
    /** swapped[w][x] = a[w][x ^ 1] (Montgomery), as in the floating-point engine. */
    private final long[][] swapped;
    /** loops[x] = a[x ^ 1][x ^ 1]. */
    private final long[] loops;
    private final int[][] binom;
    private final long[] c;
    private long[] prev, cur;

    private ModularCycles(GaussianPrime mp, long[][] a, boolean loop) {
        this.mp = mp;
        int n = a.length;
        this.l = n / 2;
        this.loop = loop;
        this.swapped = new long[n][n];
        for (int w = 0; w < n; w++) for (int x = 0; x < n; x++) if ((x ^ 1) != w) swapped[w][x] = a[w][x ^ 1];
        this.loops = new long[n];
        if (loop) for (int x = 0; x < n; x++) loops[x] = a[x ^ 1][x ^ 1];
        this.binom = binomials(l + 1);
        this.c = new long[1 << l];
        int maxBase = loop ? l : Math.max(0, l - 1);
        long largest = 1;
        for (int j = 1; j <= maxBase; j++) largest = Math.max(largest, (long) binom[maxBase][j] * 2 * j);
        prev = new long[(int) largest];
        cur = new long[(int) largest];
    }

    /** Bytes the computation needs for L pairs. */
    static long bytesNeeded(int l, boolean loop) {
        int maxBase = loop ? l : Math.max(0, l - 1);
        int[][] b = binomials(l + 1);
        long largest = 1;
        for (int j = 1; j <= maxBase; j++) largest = Math.max(largest, (long) b[maxBase][j] * 2 * j);
        return 8L * ((1L << l) + 2 * largest + (1L << Math.min(16, Math.max(0, l - 1))) * (l + 1) * 2);
    }

    /**
     * The (loop) hafnian of the symmetric matrix a (Montgomery residues, even order n = 2L, pairs (2P, 2P+1))
     * modulo mp, in Montgomery form.
     */
    static long hafnian(GaussianPrime mp, long[][] a, boolean loop, Chunks chunks, SolverOptions options) {
        if (a.length == 0) return mp.one;
        ModularCycles m = new ModularCycles(mp, a, loop);
        for (int t = 0; t < m.l; t++) m.anchor(t, false, chunks, options);
        if (loop) m.anchor(m.l, true, chunks, options);
        return m.sieve(chunks, options);
    }

    private void anchor(int t, boolean virtual, Chunks chunks, SolverOptions options) {
        int base = virtual ? l : t;
        if (!virtual) c[1 << t] = swapped[2 * t + 1][2 * t + 1];
        if (base == 0) return;
        long[] first = virtual ? loops : swapped[2 * t + 1];
        for (int p = 0; p < base; p++) {
            for (int o = 0; o < 2; o++) cur[2 * p + o] = first[(2 * p + o) ^ 1];
        }
        close(t, 1, base, virtual, chunks);
        for (int j = 2; j <= base; j++) {
            long[] s = prev;
            prev = cur;
            cur = s;
            int count = binom[base][j];
            int layer = j;
            chunks.run((count + CHUNK - 1) / CHUNK, k -> {
                options.checkDeadline();
                step(layer, base, k * CHUNK, Math.min(count, (k + 1) * CHUNK));
            });
            close(t, j, base, virtual, chunks);
        }
    }

    private void close(int t, int j, int base, boolean virtual, Chunks chunks) {
        int count = binom[base][j];
        long[] row = virtual ? loops : swapped[2 * t];
        long half = mp.toMont((mp.p + 1) / 2);
        chunks.run((count + CHUNK - 1) / CHUNK, k -> {
            int from = k * CHUNK, to = Math.min(count, (k + 1) * CHUNK);
            int[] e = new int[j];
            int mask = unrank(from, j);
            for (int r = from; r < to; r++, mask = next(mask)) {
                elements(mask, e);
                long v = dot(cur, r * 2 * j, e, -1, row);
                if (virtual) c[mask] = mp.add(c[mask], mp.mul(v, half));
                else c[mask | (1 << t)] = v;
            }
        });
    }

    private void step(int j, int base, int from, int to) {
        int[] e = new int[j];
        int mask = unrank(from, j);
        for (int r = from; r < to; r++, mask = next(mask)) {
            elements(mask, e);
            int suffix = 0;
            for (int i = 1; i < j; i++) suffix += binom[e[i]][i];
            int prefix = 0;
            for (int p = 0; p < j; p++) {
                int prevBase = (prefix + suffix) * 2 * (j - 1);
                for (int o = 0; o < 2; o++) cur[r * 2 * j + 2 * p + o] = dot(prev, prevBase, e, p, swapped[2 * e[p] + o]);
                prefix += binom[e[p]][p + 1];
                if (p + 1 < j) suffix -= binom[e[p + 1]][p + 1];
            }
        }
    }

    /** Σ over the stored ends of v[k]·row[2e_q + o′] mod p (at most 2L ≤ 64 unreduced products). */
    private long dot(long[] v, int base, int[] e, int skip, long[] row) {
        long hi = 0, lo = 0;
        int k = base;
        for (int q = 0; q < e.length; q++) {
            if (q == skip) continue;
            int x0 = 2 * e[q];
            for (int oo = 0; oo < 2; oo++, k++) {
                long x = v[k], y = row[x0 + oo];
                long pl = x * y;
                long s = lo + pl;
                hi += Math.multiplyHigh(x, y) + (Long.compareUnsigned(s, pl) < 0 ? 1 : 0);
                lo = s;
            }
        }
        return mp.reduce(hi, lo);
    }

    /** The Glynn-type sieve over the block weights c(S), times 2^-(L−1): the (loop) hafnian, Montgomery form. */
    private long sieve(Chunks chunks, SolverOptions options) {
        int low = Math.min(l - 1, 16);
        int high = l - low;
        int count = 1 << (high - 1);
        long[] parts = new long[count];
        long[] inv = new long[l + 1];
        for (int j = 1; j <= l; j++) inv[j] = mp.inverseMont(j);
        chunks.run(count, g -> parts[g] = block(g, low, high, inv, options));
        long total = 0;
        for (long x : parts) total = mp.add(total, x);
        long twoPow = mp.toMont(java.math.BigInteger.TWO.modPow(java.math.BigInteger.valueOf(l - 1), mp.modulus()).longValueExact());
        return mp.mul(total, mp.inverseMont(mp.fromMont(twoPow)));
    }

    private long block(int g, int low, int high, long[] inv, SolverOptions options) {
        int width = l + 1, lowSize = 1 << low;
        long[] buf = new long[lowSize * width];
        for (int sh = 0; sh < (1 << high); sh++) {
            boolean minus = (Integer.bitCount(sh & g) & 1) == 1;
            int shPop = Integer.bitCount(sh);
            int from = sh << low;
            for (int sl = 0; sl < lowSize; sl++) {
                int at = sl * width + Integer.bitCount(sl) + shPop;
                long x = c[from + sl];
                buf[at] = minus ? mp.sub(buf[at], x) : mp.add(buf[at], x);
            }
        }
        options.checkDeadline();
        for (int b = 0; b < low; b++) {
            int bit = 1 << b;
            for (int i = 0; i < lowSize; i++) {
                if ((i & bit) != 0) continue;
                int q = Integer.bitCount(i >>> (b + 1));
                int top = Math.min(l, q + b + high + 1);
                int x = i * width, y = (i | bit) * width;
                for (int k = q; k <= top; k++) {
                    long u = buf[x + k], v = buf[y + k];
                    buf[x + k] = mp.add(u, v);
                    buf[y + k] = mp.sub(u, v);
                }
            }
        }
        options.checkDeadline();
        long[] gk = new long[width];
        long[] f = new long[width];
        long[] kMont = new long[width];
        for (int k = 1; k <= l; k++) kMont[k] = mp.toMont(k);
        long sum = 0;
        boolean chunkMinus = (Integer.bitCount(g) & 1) == 1;
        for (int i = 0; i < lowSize; i++) {
            int row = i * width;
            for (int k = 1; k <= l; k++) gk[k] = mp.mul(buf[row + k], kMont[k]);
            f[0] = mp.one;
            for (int j = 1; j <= l; j++) {
                long hi = 0, lo = 0;
                for (int k = 1; k <= j; k++) {
                    long x = gk[k], y = f[j - k];
                    long pl = x * y;
                    long s = lo + pl;
                    hi += Math.multiplyHigh(x, y) + (Long.compareUnsigned(s, pl) < 0 ? 1 : 0);
                    lo = s;
                }
                f[j] = mp.mul(mp.reduce(hi, lo), inv[j]);
            }
            boolean minus = chunkMinus ^ ((Integer.bitCount(i) & 1) == 1);
            sum = minus ? mp.sub(sum, f[l]) : mp.add(sum, f[l]);
            if ((i & 4095) == 4095) options.checkDeadline();
        }
        return sum;
    }

    private int unrank(int r, int j) {
        int mask = 0;
        for (int i = j; i >= 1; i--) {
            int x = i - 1;
            while (binom[x + 1][i] <= r) x++;
            mask |= 1 << x;
            r -= binom[x][i];
        }
        return mask;
    }

    private static int next(int mask) {
        int c = mask & -mask;
        int r = mask + c;
        return r == 0 ? 0 : (((r ^ mask) >>> 2) / c) | r;
    }

    private static void elements(int mask, int[] e) {
        int k = 0;
        for (int m = mask; m != 0; m &= m - 1) e[k++] = Integer.numberOfTrailingZeros(m);
    }

    static int[][] binomials(int n) {
        int[][] b = new int[n + 1][n + 2];
        for (int i = 0; i <= n; i++) {
            b[i][0] = 1;
            for (int k = 1; k <= i; k++) b[i][k] = b[i - 1][k - 1] + (k <= i - 1 ? b[i - 1][k] : 0);
        }
        return b;
    }
}
