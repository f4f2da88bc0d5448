package mcs.solvers.haf.cycles;

import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.dd.DoubleWord;
import mcs.solvers.engine.parallel.Chunks;

/**
 * The weights c(S) of the alternating cycles (and, for loop hafnians, paths) through exactly the pairs S,
 * for every set S of pairs, in double-word arithmetic, with their abs-masses M(S).
 *
 * <p><b>Definitions.</b> The vertices are paired (2P, 2P + 1), P = 0 … L−1 (the red edges). A blue edge is an
 * entry a_xy between vertices of different pairs, or between the two vertices of one pair. Every perfect
 * matching M (blue) together with the red edges splits into disjoint cycles that alternate red and blue, a
 * red edge standing alone closing with its parallel blue edge. cyc(S) is the total weight (product of blue
 * entries) of the alternating cycles whose red edges are exactly S. For the loop hafnian a partial matching
 * splits into such cycles and alternating paths that start and end with a red edge at a vertex carrying its
 * loop; path(S) is the total weight of these paths (blue entries times the two end loops), and c(S) =
 * cyc(S) + path(S). Then haf (lhaf) = Σ over set partitions of the pairs into blocks B of Π c(B).
 *
 * <p><b>Dynamic programme.</b> A cycle is anchored at its largest pair t and walked from vertex 2t to 2t + 1
 * first, which fixes its start and direction, so every cycle is generated once. V_t[T][(P, o)] is the weight
 * of the alternating walks that leave 2t + 1, pass through exactly the pairs of T ⊆ {0 … t−1} and end by
 * crossing pair P in orientation o (entry 2P + o, exit 2P + 1 − o):
 * V[{P}][(P, o)] = a[2t+1][entry], V[U ∪ {P}][(P, o)] = Σ_{(Q, o′), Q ∈ U} V[U][(Q, o′)]·a[exit(Q, o′)][entry(P, o)],
 * and cyc(U ∪ {t}) = Σ V[U][(Q, o′)]·a[exit(Q, o′)][2t], cyc({t}) = a[2t+1][2t]. Paths use a virtual anchor: the
 * walks start at a loop (V[{P}][(P, o)] = a[entry][entry]) over subsets of all pairs and close at a loop
 * (× a[exit][exit]); each path is found in both directions, hence the factor ½. The sets of one size form a
 * layer (ranked in colex order); each source set U pushes its walks to every pair P outside U at once: for each
 * end of U, the whole row a[exit][·] is multiplied into per-vertex accumulators (a loop over contiguous arrays,
 * which C2 turns into SIMD code; the entries of vertices inside U are computed and ignored). Memory: two
 * layers, C(t, j)·2j values each.
 *
 * <p><b>Arithmetic and error.</b> Every V and c is a double word computed by the dot product of
 * {@link DoubleWord} Lemma 5, the ends of U taken in rank order and the accumulators renormalised after each
 * pair of U (two ends); beside it the same recurrence on the upper bounds of |a|₁ = |Re a| + |Im a| runs in
 * double (fused multiply-add), which gives M ≥ the exact abs-mass of each value (the sum of |weight|₁ of its
 * walks), up to the rounding of that positive recurrence (at most a factor (1 − u)^-depth, {@link #massDepth}).
 * By induction over layers, |computed − exact|₁ ≤ κ_j·M with κ_1 = u² (the rounding of the input to double
 * words) and κ_{j+1} = κ_j(1 + u²) + u² + β_N(1 + κ_j)(1 + u²), β_N the dot-product factor of Lemma 5 for the N
 * real products in each accumulator ({@link #kappa}). The loop variant adds cyc and ½·path with one
 * double-word sum (Lemma 3).
 *
 * <p>Complexity: about Σ_t Σ_j C(t, j)·2j·2t complex products ≈ L²·2^L (twice that for loop hafnians), memory
 * O(2^L + L·C(L, L/2)) double words.
 */
final class CycleDp {
    /** Source sets per chunk of a layer: large enough to amortise a task, small enough to balance two threads. */
    private static final int CHUNK = 128;

    private final CycleInput in;
    private final boolean complex;
    private final int[][] binom;
    /** c(S) by bit set S: high and low words of the real and imaginary parts. */
    final double[] ch, cl, cih, cil;
    /** M(S) by bit set S (before the final inflation). */
    final double[] mass;
    private Layer prev, cur;
    long products;

    /** One layer of walks: values by slot rank·2j + 2·position + orientation. */
    private static final class Layer {
        final double[] h, l, ih, il, m;

        Layer(int size, boolean complex) {
            h = new double[size];
            l = new double[size];
            ih = complex ? new double[size] : null;
            il = complex ? new double[size] : null;
            m = new double[size];
        }
    }

    private CycleDp(CycleInput in) {
        this.in = in;
        this.complex = in.complex();
        int l = in.pairs();
        this.binom = binomials(l + 1);
        int size = 1 << l;
        this.ch = new double[size];
        this.cl = new double[size];
        this.cih = complex ? new double[size] : null;
        this.cil = complex ? new double[size] : null;
        this.mass = new double[size];
        int largest = (int) largestLayer(l, in.loop(), binom);
        prev = new Layer(largest, complex);
        cur = new Layer(largest, complex);
    }

    private static long largestLayer(int l, boolean loop, int[][] b) {
        int maxBase = loop ? l : Math.max(0, l - 1);
        long largest = 1;
        for (int j = 1; j <= maxBase; j++) largest = Math.max(largest, (long) b[maxBase][j] * 2 * j);
        return largest;
    }

    /** Bytes of heap the programme needs for L pairs, loop hafnian or not. */
    static long bytesNeeded(int l, boolean complex, boolean loop) {
        int words = complex ? 5 : 3;
        long largest = largestLayer(l, loop, binomials(l + 1));
        return 8L * words * ((1L << l) + 2 * largest);
    }

    static CycleDp run(CycleInput in, Chunks chunks, SolverOptions options) {
        CycleDp dp = new CycleDp(in);
        int l = in.pairs();
        for (int t = 0; t < l; t++) dp.anchor(t, false, chunks, options);
        if (in.loop()) dp.anchor(l, true, chunks, options);
        return dp;
    }

    /** All cycles anchored at pair t (virtual: all paths, over all L pairs). */
    private void anchor(int t, boolean virtual, Chunks chunks, SolverOptions options) {
        int base = virtual ? in.pairs() : t;
        if (!virtual) {
            // the 2-cycle of pair t alone: a[2t+1][2t]
            int s = 1 << t;
            ch[s] = in.rh()[2 * t + 1][2 * t];
            cl[s] = in.rl()[2 * t + 1][2 * t];
            if (complex) {
                cih[s] = in.ih()[2 * t + 1][2 * t];
                cil[s] = in.il()[2 * t + 1][2 * t];
            }
            mass[s] = in.weight()[2 * t + 1][2 * t];
        }
        if (base == 0) return;
        // layer 1: V[{P}][(P, o)] = a[2t+1][2P + o] (or the loop a[2P+o][2P+o])
        for (int x = 0; x < 2 * base; x++) {
            if (virtual) {
                cur.h[x] = in.dh()[x];
                cur.l[x] = in.dl()[x];
                if (complex) {
                    cur.ih[x] = in.dih()[x];
                    cur.il[x] = in.dil()[x];
                }
                cur.m[x] = in.dWeight()[x];
            } else {
                cur.h[x] = in.rh()[2 * t + 1][x];
                cur.l[x] = in.rl()[2 * t + 1][x];
                if (complex) {
                    cur.ih[x] = in.ih()[2 * t + 1][x];
                    cur.il[x] = in.il()[2 * t + 1][x];
                }
                cur.m[x] = in.weight()[2 * t + 1][x];
            }
        }
        for (int m = 1; m <= base; m++) {
            Layer s = prev;
            prev = cur;
            cur = s;
            int count = binom[base][m];
            int size = m;
            chunks.run((count + CHUNK - 1) / CHUNK, c -> {
                options.checkDeadline();
                push(t, virtual, base, size, c * CHUNK, Math.min(count, (c + 1) * CHUNK));
            });
            products += (long) count * 2 * m * (2 * base + 1);
        }
    }

    /** Per-thread accumulators over the vertices 0 … width−1 (width = 2·base + 1). */
    private static final class Acc {
        final double[] pr, sr, pi, si, m;
        final int[] e;

        Acc(int width, int pairs, boolean complex) {
            pr = new double[width];
            sr = new double[width];
            pi = complex ? new double[width] : null;
            si = complex ? new double[width] : null;
            m = new double[width];
            e = new int[pairs];
        }
    }

    /**
     * The source sets U of size m with colex ranks [from, to) (their walks in {@code prev}): close them (cyc of
     * U ∪ {t}, or path of U) and push them to every pair outside U (layer m + 1 in {@code cur}).
     */
    private void push(int t, boolean virtual, int base, int m, int from, int to) {
        int width = 2 * base + (virtual ? 0 : 1);
        Acc acc = new Acc(width, base, complex);
        int[] e = acc.e;
        int[] prefix = new int[m + 1], suffix = new int[m + 1];
        int mask = unrank(from, m);
        for (int r = from; r < to; r++, mask = next(mask)) {
            elements(mask, e);
            clear(acc, width);
            int src = r * 2 * m;
            for (int q = 0; q < m; q++) {
                int x0 = 2 * e[q];
                for (int o = 0; o < 2; o++) {
                    int k = src + 2 * q + o;
                    int exit = x0 + 1 - o;
                    if (complex) axpyComplex(acc, width, prev.h[k], prev.l[k], prev.ih[k], prev.il[k], prev.m[k], exit);
                    else axpyReal(acc, width, prev.h[k], prev.l[k], prev.m[k], exit);
                }
                renormalise(acc, width);
            }
            // closing
            int s = virtual ? mask : mask | (1 << t);
            if (virtual) closeAtLoops(src, m, e, s);
            else store(acc, 2 * t, ch, cl, cih, cil, s, mass);
            if (m == base) continue;
            // targets: pairs P outside U, at insertion position k; colex rank of U ∪ {P}
            prefix[0] = 0;
            for (int i = 0; i < m; i++) prefix[i + 1] = prefix[i] + binom[e[i]][i + 1];
            suffix[m] = 0;
            for (int i = m - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + binom[e[i]][i + 2];
            int k = 0;
            for (int p = 0; p < base; p++) {
                if (k < m && e[k] == p) {
                    k++;
                    continue;
                }
                int rank = prefix[k] + binom[p][k + 1] + suffix[k];
                int slot = rank * 2 * (m + 1) + 2 * k;
                for (int o = 0; o < 2; o++) store(acc, 2 * p + o, cur.h, cur.l, cur.ih, cur.il, slot + o, cur.m);
            }
        }
    }

    private void clear(Acc a, int width) {
        java.util.Arrays.fill(a.pr, 0, width, 0);
        java.util.Arrays.fill(a.sr, 0, width, 0);
        java.util.Arrays.fill(a.m, 0, width, 0);
        if (complex) {
            java.util.Arrays.fill(a.pi, 0, width, 0);
            java.util.Arrays.fill(a.si, 0, width, 0);
        }
    }

    /** acc[w] += x·a[exit][w] for every vertex w (a Lemma 5 step), and the mass recurrence. */
    private void axpyReal(Acc a, int width, double xh, double xl, double xm, int exit) {
        step(a.pr, a.sr, in.rh()[exit], in.rl()[exit], xh, xl, width);
        mass(a.m, in.weight()[exit], xm, width);
    }

    /**
     * The complex version: re += xr·ar − xi·ai, im += xr·ai + xi·ar, as four Lemma 5 steps per vertex. Four
     * short loops rather than one long one: C2 vectorises loop bodies only below a size limit.
     */
    private void axpyComplex(Acc a, int width, double xrh, double xrl, double xih, double xil, double xm, int exit) {
        double[] arh = in.rh()[exit], arl = in.rl()[exit], aih = in.ih()[exit], ail = in.il()[exit];
        step(a.pr, a.sr, arh, arl, xrh, xrl, width);
        step(a.pr, a.sr, aih, ail, -xih, -xil, width);
        step(a.pi, a.si, aih, ail, xrh, xrl, width);
        step(a.pi, a.si, arh, arl, xih, xil, width);
        mass(a.m, in.weight()[exit], xm, width);
    }

    /** One Lemma 5 step per lane: (p, σ)[w] += x·y[w]. */
    static void step(double[] pr, double[] sr, double[] yh, double[] yl, double xh, double xl, int width) {
        for (int w = 0; w < width; w++) {
            double h = xh * yh[w];
            double rr = Math.fma(xh, yh[w], -h);
            double c = Math.fma(xh, yl[w], xl * yh[w]);
            double p = pr[w];
            double s = p + h;
            double bb = s - p;
            sr[w] += ((p - (s - bb)) + (h - bb)) + (rr + c);
            pr[w] = s;
        }
    }

    private static void mass(double[] m, double[] yw, double xm, int width) {
        for (int w = 0; w < width; w++) m[w] = Math.fma(xm, yw[w], m[w]);
    }

    /** (p, σ) ← TwoSum(p, σ) for every vertex: the renormalisation of Lemma 5. */
    private void renormalise(Acc a, int width) {
        twoSums(a.pr, a.sr, width);
        if (complex) twoSums(a.pi, a.si, width);
    }

    static void twoSums(double[] p, double[] s, int width) {
        for (int w = 0; w < width; w++) {
            double x = p[w], y = s[w];
            double z = x + y;
            double bb = z - x;
            s[w] = (x - (z - bb)) + (y - bb);
            p[w] = z;
        }
    }

    /** Stores the finished accumulator of vertex w (already renormalised: p + σ is the double word). */
    private static void store(Acc a, int w, double[] h, double[] l, double[] ih, double[] il, int at, double[] m) {
        h[at] = a.pr[w];
        l[at] = a.sr[w];
        if (ih != null) {
            ih[at] = a.pi[w];
            il[at] = a.si[w];
        }
        m[at] = a.m[w];
    }

    /** path(U) = ½ Σ V[U][(Q, o′)]·a[exit][exit], added to c(U) (Lemma 5, then Lemma 3 for the sum). */
    private void closeAtLoops(int src, int m, int[] e, int s) {
        double pr = 0, sr = 0, pi = 0, si = 0, ms = 0;
        for (int q = 0; q < m; q++) {
            for (int o = 0; o < 2; o++) {
                int k = src + 2 * q + o;
                int exit = 2 * e[q] + 1 - o;
                double xrh = prev.h[k], xrl = prev.l[k], brh = in.dh()[exit], brl = in.dl()[exit];
                double h = xrh * brh;
                double rr = Math.fma(xrh, brh, -h);
                double c = Math.fma(xrh, brl, xrl * brh);
                double t = pr + h;
                double bb = t - pr;
                sr += ((pr - (t - bb)) + (h - bb)) + (rr + c);
                pr = t;
                if (complex) {
                    double xih = prev.ih[k], xil = prev.il[k], bih = in.dih()[exit], bil = in.dil()[exit];
                    h = -xih * bih;
                    rr = Math.fma(-xih, bih, -h);
                    c = Math.fma(-xih, bil, -xil * bih);
                    t = pr + h;
                    bb = t - pr;
                    sr += ((pr - (t - bb)) + (h - bb)) + (rr + c);
                    pr = t;
                    h = xrh * bih;
                    rr = Math.fma(xrh, bih, -h);
                    c = Math.fma(xrh, bil, xrl * bih);
                    t = pi + h;
                    bb = t - pi;
                    si += ((pi - (t - bb)) + (h - bb)) + (rr + c);
                    pi = t;
                    h = xih * brh;
                    rr = Math.fma(xih, brh, -h);
                    c = Math.fma(xih, brl, xil * brh);
                    t = pi + h;
                    bb = t - pi;
                    si += ((pi - (t - bb)) + (h - bb)) + (rr + c);
                    pi = t;
                }
                ms = Math.fma(prev.m[k], in.dWeight()[exit], ms);
            }
            double z = pr + sr;
            double bb = z - pr;
            sr = (pr - (z - bb)) + (sr - bb);
            pr = z;
            z = pi + si;
            bb = z - pi;
            si = (pi - (z - bb)) + (si - bb);
            pi = z;
        }
        double[] out = new double[2];
        DoubleWord.add(ch[s], cl[s], 0.5 * pr, 0.5 * sr, out, 0);
        ch[s] = out[0];
        cl[s] = out[1];
        if (complex) {
            DoubleWord.add(cih[s], cil[s], 0.5 * pi, 0.5 * si, out, 0);
            cih[s] = out[0];
            cil[s] = out[1];
        }
        mass[s] += 0.5 * ms;
    }

    /**
     * κ of the class comment after the deepest layer and the closing dot product, for L pairs: the bound
     * factor of |ĉ(S) − c(S)|₁ relative to the exact abs-mass M(S), rounded up. Each complex product puts
     * two real products into each accumulator; the accumulators are renormalised after each pair (two ends).
     */
    static double kappa(int l, boolean complex, boolean loop) {
        double u2 = DoubleWord.U * DoubleWord.U;
        int per = complex ? 2 : 1;
        int deepest = loop ? l : Math.max(1, l - 1);
        int block = 2 * per;
        double k = u2;
        for (int j = 2; j <= deepest; j++) k = up(up(k * (1 + 2 * u2)) + u2 + up(DoubleWord.dotError((long) per * 2 * (j - 1), block) * (1 + k) * (1 + 2 * u2)));
        k = up(up(k * (1 + 2 * u2)) + u2 + up(DoubleWord.dotError((long) per * 2 * deepest, block) * (1 + k) * (1 + 2 * u2)));
        if (loop) k = up(k + DoubleWord.SUM_ERROR * (1 + k) * 1.01); // cyc + path/2 (Lemma 3)
        return k;
    }

    /** Depth of the positive mass recurrence (roundings on any path), for the inflation (1 − u)^-depth. */
    static long massDepth(int l) {
        long d = 0;
        for (int j = 1; j <= l + 1; j++) d += 2L * j + 2;
        return d + 2; // plus cyc + path/2
    }

    private static double up(double x) {
        return Math.nextUp(x);
    }

    /** The colex-rank-r subset of size j, as a bit mask. */
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

    /** The next larger integer with the same number of set bits (Gosper): the colex successor. */
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
        int[][] b = new int[n + 1][n + 3];
        for (int i = 0; i <= n; i++) {
            b[i][0] = 1;
            for (int k = 1; k <= i; k++) b[i][k] = b[i - 1][k - 1] + (k <= i - 1 ? b[i - 1][k] : 0);
        }
        return b;
    }
}
