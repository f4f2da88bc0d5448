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
 * V[{P}][(P, o)] = a[2t+1][entry], V[T][(P, o)] = Σ_{(Q, o′), Q ∈ T∖P} V[T∖P][(Q, o′)]·a[exit(Q, o′)][entry(P, o)],
 * and cyc(T ∪ {t}) = Σ V[T][(P, o)]·a[exit(P, o)][2t], cyc({t}) = a[2t+1][2t]. Paths use a virtual anchor:
 * the walks start at a loop (V[{P}][(P, o)] = a[entry][entry]) over subsets of all pairs, and close at a loop
 * (× a[exit][exit]); each path is found in both directions, hence the factor ½. The sets T of one size j form
 * a layer (ranked in colex order), computed from the previous one: memory two layers, C(t, j)·2j values each.
 *
 * <p><b>Arithmetic and error.</b> Every V and c is a double word computed by the dot product of
 * {@link DoubleWord} Lemma 5; beside it the same recurrence on the upper bounds of |a|₁ = |Re a| + |Im a| runs
 * in double, which gives M ≥ the exact abs-mass of each value (the sum of |weight|₁ of its walks), up to the
 * rounding of that positive recurrence (at most a factor (1 − u)^-depth, {@link #massDepth}). By induction over
 * layers, |computed − exact|₁ ≤ κ_j·M with κ_1 = u² (the rounding of the input to double words) and
 * κ_{j+1} = κ_j(1 + u²) + u² + β_N(1 + κ_j)(1 + u²), β_N the dot-product factor of Lemma 5 for the N real
 * products in each accumulator, renormalised after each pair ({@link #kappa}). The loop variant adds cyc and ½·path with one double-word sum
 * (Lemma 3).
 *
 * <p>Complexity: Σ_t Σ_j C(t, j)·4j(j−1) products ≈ L²·2^L (twice that for loop hafnians), memory
 * O(2^L + L·C(L, L/2)) double words.
 */
final class CycleDp {
    /** Subsets per chunk of a layer: large enough to amortise a task, small enough to balance two threads. */
    private static final int CHUNK = 256;

    private final CycleInput in;
    private final int stride;
    private final int[][] binom;
    /** c(S), double words (stride) by bit set S. */
    final double[] values;
    /** M(S) by bit set S (before the final inflation). */
    final double[] mass;
    private double[] prevV, curV, prevM, curM;
    long products;

    private CycleDp(CycleInput in) {
        this.in = in;
        this.stride = in.stride();
        int l = in.pairs();
        this.binom = binomials(l + 1);
        this.values = new double[(1 << l) * stride];
        this.mass = new double[1 << l];
        int maxBase = in.loop() ? l : Math.max(0, l - 1);
        long largest = 0;
        for (int j = 1; j <= maxBase; j++) largest = Math.max(largest, (long) binom[maxBase][j] * 2 * j);
        prevV = new double[(int) largest * stride];
        curV = new double[(int) largest * stride];
        prevM = new double[(int) largest];
        curM = new double[(int) largest];
    }

    /** Bytes of heap the programme needs for L pairs (stride 2 real, 4 complex), loop hafnian or not. */
    static long bytesNeeded(int l, boolean complex, boolean loop) {
        int stride = complex ? 4 : 2;
        int maxBase = loop ? l : Math.max(0, l - 1);
        long largest = 0;
        int[][] b = binomials(l + 1);
        for (int j = 1; j <= maxBase; j++) largest = Math.max(largest, (long) b[maxBase][j] * 2 * j);
        return 8L * ((1L << l) * (stride + 1) + 2 * largest * (stride + 1));
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
            // the 2-cycle of pair t alone: a[2t+1][2t] = swapped[2t+1] at vertex 2t+1
            int w = 2 * t + 1;
            int at = (1 << t);
            System.arraycopy(in.swapped()[w], w * stride, values, at * stride, stride);
            mass[at] = in.weight()[w][w];
        }
        if (base == 0) return;
        // layer 1: V[{P}][(P, o)] = a[2t+1][2P + o] (or the loop a[2P+o][2P+o]); swapped index (2P+o) ^ 1
        double[] first = virtual ? in.loops() : in.swapped()[2 * t + 1];
        double[] firstW = virtual ? in.loopWeight() : in.weight()[2 * t + 1];
        for (int p = 0; p < base; p++) {
            for (int o = 0; o < 2; o++) {
                int x = (2 * p + o) ^ 1;
                System.arraycopy(first, x * stride, curV, (2 * p + o) * stride, stride);
                curM[2 * p + o] = firstW[x];
            }
        }
        closeLayer(t, 1, base, virtual, chunks, options);
        for (int j = 2; j <= base; j++) {
            double[] sv = prevV;
            prevV = curV;
            curV = sv;
            double[] sm = prevM;
            prevM = curM;
            curM = sm;
            int count = binom[base][j];
            int nChunks = (count + CHUNK - 1) / CHUNK;
            int layer = j;
            chunks.run(nChunks, c -> {
                options.checkDeadline();
                step(layer, base, c * CHUNK, Math.min(count, (c + 1) * CHUNK));
            });
            products += (long) count * 2 * layer * 2 * (layer - 1);
            closeLayer(t, j, base, virtual, chunks, options);
        }
    }

    /** Closes the walks of layer j (in curV) into cycles through T ∪ {t}, or into paths through T. */
    private void closeLayer(int t, int j, int base, boolean virtual, Chunks chunks, SolverOptions options) {
        int count = binom[base][j];
        int nChunks = (count + CHUNK - 1) / CHUNK;
        chunks.run(nChunks, c -> close(t, j, base, virtual, c * CHUNK, Math.min(count, (c + 1) * CHUNK)));
        products += (long) count * 2 * j;
    }

    private void close(int t, int j, int base, boolean virtual, int from, int to) {
        double[] row = virtual ? in.loops() : in.swapped()[2 * t];
        double[] rowW = virtual ? in.loopWeight() : in.weight()[2 * t];
        int[] e = new int[j];
        int mask = unrank(from, j);
        double[] out = new double[stride];
        for (int r = from; r < to; r++, mask = next(mask)) {
            elements(mask, e);
            double m = dot(curV, curM, r * 2 * j, e, -1, row, rowW, out);
            int s = virtual ? mask : mask | (1 << t);
            if (virtual) {
                // c(S) = cyc(S) + path(S)/2; halving is exact
                for (int k = 0; k < stride; k++) out[k] *= 0.5;
                int at = s * stride;
                DoubleWord.add(values[at], values[at + 1], out[0], out[1], values, at);
                if (stride == 4) DoubleWord.add(values[at + 2], values[at + 3], out[2], out[3], values, at + 2);
                mass[s] += 0.5 * m;
            } else {
                System.arraycopy(out, 0, values, s * stride, stride);
                mass[s] = m;
            }
        }
    }

    /** Layer j ≥ 2 for the subsets of colex ranks [from, to). */
    private void step(int j, int base, int from, int to) {
        int[] e = new int[j];
        double[] out = new double[stride];
        int mask = unrank(from, j);
        int[][] bn = binom;
        for (int r = from; r < to; r++, mask = next(mask)) {
            elements(mask, e);
            // colex rank of T∖e_p = Σ_{i<p} C(e_i, i+1) + Σ_{i>p} C(e_i, i)
            int suffix = 0;
            for (int i = 1; i < j; i++) suffix += bn[e[i]][i];
            int prefix = 0;
            for (int p = 0; p < j; p++) {
                int prevRank = prefix + suffix;
                int prevBase = prevRank * 2 * (j - 1);
                for (int o = 0; o < 2; o++) {
                    int w = 2 * e[p] + o;
                    int slot = r * 2 * j + 2 * p + o;
                    curM[slot] = dot(prevV, prevM, prevBase, e, p, in.swapped()[w], in.weight()[w], out);
                    System.arraycopy(out, 0, curV, slot * stride, stride);
                }
                prefix += bn[e[p]][p + 1];
                if (p + 1 < j) suffix -= bn[e[p + 1]][p + 1];
            }
        }
    }

    /**
     * Σ over the ends (q, o′) of the walks stored from {@code base} (elements of {@code e} without index
     * {@code skip}, both orientations) of value × row[2e_q + o′], by Lemma 5; the double word goes to
     * {@code out}, the mass recurrence is returned.
     */
    private double dot(double[] v, double[] mv, int base, int[] e, int skip, double[] row, double[] rowW, double[] out) {
        int k = base;
        double mass = 0;
        if (stride == 2) {
            double p = 0, sigma = 0;
            for (int q = 0; q < e.length; q++) {
                if (q == skip) continue;
                int x0 = 2 * e[q];
                for (int oo = 0; oo < 2; oo++, k++) {
                    int xi = k * 2, yi = (x0 + oo) * 2;
                    double xh = v[xi], xl = v[xi + 1], yh = row[yi], yl = row[yi + 1];
                    double h = xh * yh;
                    double rr = Math.fma(xh, yh, -h);
                    double c = Math.fma(xh, yl, xl * yh);
                    double s = p + h;
                    double bb = s - p;
                    double qq = (p - (s - bb)) + (h - bb);
                    p = s;
                    sigma += qq + (rr + c);
                    mass += mv[k] * rowW[x0 + oo];
                }
                double zh = p + sigma;
                double bb = zh - p;
                sigma = (p - (zh - bb)) + (sigma - bb);
                p = zh;
            }
            double zh = p + sigma;
            double bb = zh - p;
            out[0] = zh;
            out[1] = (p - (zh - bb)) + (sigma - bb);
            return mass;
        }
        double pr = 0, sr = 0, pi = 0, si = 0;
        for (int q = 0; q < e.length; q++) {
            if (q == skip) continue;
            int x0 = 2 * e[q];
            for (int oo = 0; oo < 2; oo++, k++) {
                int xi = k * 4, yi = (x0 + oo) * 4;
                double arh = v[xi], arl = v[xi + 1], aih = v[xi + 2], ail = v[xi + 3];
                double brh = row[yi], brl = row[yi + 1], bih = row[yi + 2], bil = row[yi + 3];
                // re += ar·br
                double h = arh * brh;
                double rr = Math.fma(arh, brh, -h);
                double c = Math.fma(arh, brl, arl * brh);
                double s = pr + h;
                double bb = s - pr;
                sr += ((pr - (s - bb)) + (h - bb)) + (rr + c);
                pr = s;
                // re += (−ai)·bi
                h = -aih * bih;
                rr = Math.fma(-aih, bih, -h);
                c = Math.fma(-aih, bil, -ail * bih);
                s = pr + h;
                bb = s - pr;
                sr += ((pr - (s - bb)) + (h - bb)) + (rr + c);
                pr = s;
                // im += ar·bi
                h = arh * bih;
                rr = Math.fma(arh, bih, -h);
                c = Math.fma(arh, bil, arl * bih);
                s = pi + h;
                bb = s - pi;
                si += ((pi - (s - bb)) + (h - bb)) + (rr + c);
                pi = s;
                // im += ai·br
                h = aih * brh;
                rr = Math.fma(aih, brh, -h);
                c = Math.fma(aih, brl, ail * brh);
                s = pi + h;
                bb = s - pi;
                si += ((pi - (s - bb)) + (h - bb)) + (rr + c);
                pi = s;
                mass += mv[k] * rowW[x0 + oo];
            }
            double zh = pr + sr;
            double bb = zh - pr;
            sr = (pr - (zh - bb)) + (sr - bb);
            pr = zh;
            zh = pi + si;
            bb = zh - pi;
            si = (pi - (zh - bb)) + (si - bb);
            pi = zh;
        }
        double zh = pr + sr;
        double bb = zh - pr;
        out[0] = zh;
        out[1] = (pr - (zh - bb)) + (sr - bb);
        zh = pi + si;
        bb = zh - pi;
        out[2] = zh;
        out[3] = (pi - (zh - bb)) + (si - bb);
        return mass;
    }

    /**
     * κ of the class comment after the deepest layer and the closing dot product, for L pairs: the bound
     * factor of |ĉ(S) − c(S)|₁ relative to the exact abs-mass M(S), rounded up. Each complex product puts
     * two real products into each accumulator.
     */
    static double kappa(int l, boolean complex, boolean loop) {
        double u2 = DoubleWord.U * DoubleWord.U;
        int per = complex ? 2 : 1;
        int deepest = loop ? l : Math.max(1, l - 1);
        double k = u2;
        int block = 2 * per; // renormalised after each pair: two ends, each 1 (real) or 2 (complex) products per accumulator
        for (int j = 2; j <= deepest; j++) k = up(up(k * (1 + 2 * u2)) + u2 + up(DoubleWord.dotError((long) per * 2 * (j - 1), block) * (1 + k) * (1 + 2 * u2)));
        k = up(up(k * (1 + 2 * u2)) + u2 + up(DoubleWord.dotError((long) per * 2 * deepest, block) * (1 + k) * (1 + 2 * u2)));
        if (loop) k = up(k + DoubleWord.SUM_ERROR * (1 + k) * 1.01); // cyc + path/2 (Lemma 3)
        return k;
    }

    /** Depth of the positive mass recurrence (multiplications and additions on any path), for the inflation (1 − u)^-depth. */
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
        int[][] b = new int[n + 1][n + 2];
        for (int i = 0; i <= n; i++) {
            b[i][0] = 1;
            for (int k = 1; k <= i; k++) b[i][k] = b[i - 1][k - 1] + (k <= i - 1 ? b[i - 1][k] : 0);
        }
        return b;
    }
}
