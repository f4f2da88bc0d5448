package mcs.solvers.perm.glynn;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * The state one task of the lane-parallel Glynn kernel ({@link GlynnBlock}) starts from, and its Gray-code
 * step, sign changes and lane-wise sums. The lowest {@code lb} sign rows are the
 * lanes: lane u has row i negated when bit i of u is set, which adds the constant O_uj = −2·Σ_{i∈u} a_ij to
 * column j. The base sums B_j (lane rows all +1) follow a Gray code over rows lb .. low−1; rows from
 * {@code low} up have the signs of t's bits. With two words (hi and lo, see {@link DoubleWordColumns}) every
 * table exists once per word. All entries are exact: integers (times 2^-47 for lo) below 2^53.
 *
 * <p><b>Sums.</b> Each lane adds its terms into a plain block sum and folds the block into its TwoSum pair
 * (sum, comp) every {@link #BLOCK} steps (and at the end): a TwoSum per lane and step cost about 1 ns per term,
 * a quarter of a one-word term (bench/RESULTS-perm.md). The block's recursive summation of at most k =
 * {@link #BLOCK} terms errs by at most γ_(k−1) times the sum of their |term|, which {@link GlynnSum}'s bound adds
 * ({@link GlynnPart#block()}); the blocks are per lane and in step order, so the value still does not depend on
 * the thread count.
 */
final class LaneTables {
    /** Columns per partial product: each factor is below 2^51, so a group of 16 stays below 2^816. */
    static final int GROUP = 16;
    /**
     * Terms per block sum: γ_15 = 15u adds about 6% to the bound's product term γ_(8n) at n = 30, and the fold
     * (a TwoSum) is paid once per 16 terms.
     */
    static final int BLOCK = 16;
    /** Column sums enter the products as c·2^-51. */
    private static final int WEIGHT_EXPONENT = 51;

    final int n;
    final int laneBits;
    final int lanes;
    /** Base sums B_j, per word (lo null for one word). */
    final double[] baseHi;
    final double[] baseLo;
    /**
     * The column passes of {@link GlynnBlock}: pass q covers columns passStart[q] .. passStart[q] + passWidth[q] − 1,
     * all in group passGroup[q], and its offsets O_uj sit in passHi[q][k·STRIDE + u] for column passStart[q] + k
     * (passLo likewise for the low words): one array per pass, indexed by the lane plus a constant, so that the
     * JIT's superword pass turns the loop over lanes into SIMD code and the address of every column is
     * base + constant.
     */
    final int[] passStart;
    final int[] passWidth;
    final int[] passGroup;
    final double[][] passHi;
    /** Two words: offsets O[j][u] per word, one array per column (the loops of {@link GlynnBlock} take two columns at a time). */
    final double[][] offHi;
    final double[][] offLo;
    /** Sign of lane u's first term: (−1)^(|u| + |t|). */
    private final double[] sign;
    /** Exact scale 2^(−51·size) of each column group's product. */
    private final double[] weight;
    /** Number of Gray-code steps (terms per lane). */
    final long steps;
    /** Per lane: TwoSum sum of the folded blocks, sum of its rounding errors, and Σ|term|. */
    private final double[] sum;
    private final double[] comp;
    private final double[] abs;
    /** Per lane: plain sum of the signed terms since the last fold, and the number of steps in it. */
    private final double[] blk;
    private int inBlock;
    /** (−1)^step: the sign every lane's term changes by at each Gray-code step. */
    private double flip = 1;
    private final double[][] twiceHi;
    private final double[][] twiceLo;
    private final boolean[] minus;

    LaneTables(double[][] hi, double[][] lo, int low, int t, int maxLaneBits) {
        n = hi.length;
        laneBits = Math.min(maxLaneBits, low);
        lanes = 1 << laneBits;
        minus = SignTasks.initialMinus(n, low, t);
        baseHi = signedSums(hi, minus);
        baseLo = lo == null ? null : signedSums(lo, minus);
        int[][] plan = plan(n, GlynnBlock.WIDTH_ONE_WORD);
        passStart = plan[0];
        passWidth = plan[1];
        passGroup = plan[2];
        passHi = lo == null ? passTables(offsets(hi, laneBits), passStart, passWidth) : null;
        offHi = lo == null ? null : offsets(hi, laneBits);
        offLo = lo == null ? null : offsets(lo, laneBits);
        twiceHi = twice(hi);
        twiceLo = lo == null ? null : twice(lo);
        sign = new double[lanes];
        boolean odd = Integer.bitCount(t) % 2 == 1;
        for (int u = 0; u < lanes; u++) sign[u] = (Integer.bitCount(u) % 2 == 1) != odd ? -1 : 1;
        weight = new double[groups()];
        for (int g = 0; g < weight.length; g++) weight[g] = Math.scalb(1.0, -WEIGHT_EXPONENT * (groupEnd(g) - g * GROUP));
        steps = 1L << (low - laneBits);
        sum = new double[lanes];
        comp = new double[lanes];
        abs = new double[lanes];
        blk = new double[lanes];
    }

    int groups() {
        return (n + GROUP - 1) / GROUP;
    }

    int groupEnd(int g) {
        return Math.min(n, (g + 1) * GROUP);
    }

    /**
     * Gray-code step s ≥ 1: flips row lb + ctz(s) in the base sums (exact) and the terms' sign; checks the
     * deadline about every 4096 terms per lane set.
     */
    void advance(long s, SolverOptions options) {
        int b = laneBits + Long.numberOfTrailingZeros(s);
        flip(baseHi, twiceHi[b], minus[b]);
        if (baseLo != null) flip(baseLo, twiceLo[b], minus[b]);
        minus[b] = !minus[b];
        flip = -flip;
        if ((s & (Math.max(1, 4096 >>> laneBits) - 1)) == 0) options.checkDeadline();
    }

    /** The current step's sign (−1)^step. */
    double flip() {
        return flip;
    }

    /** Weight of group g's product, with the sign {@code flip} of its step folded into group 0. */
    double weight(int g, double flip) {
        return g == 0 ? weight[0] * flip : weight[g];
    }

    /**
     * Splits each group of columns into passes of {@code maxWidth} columns (a power of two), then halves, so
     * that a group of s columns takes about s / maxWidth + log₂ maxWidth passes. Returns {starts, widths, groups}.
     */
    static int[][] plan(int n, int maxWidth) {
        List<int[]> passes = new ArrayList<>();
        for (int g = 0; g * GROUP < n; g++) {
            int j = g * GROUP, end = Math.min(n, (g + 1) * GROUP);
            for (int w = maxWidth; w >= 1; w >>= 1) {
                while (end - j >= w) {
                    passes.add(new int[] {j, w, g});
                    j += w;
                }
            }
        }
        int[][] out = new int[3][passes.size()];
        for (int q = 0; q < passes.size(); q++) for (int k = 0; k < 3; k++) out[k][q] = passes.get(q)[k];
        return out;
    }

    private static double[][] passTables(double[][] off, int[] start, int[] width) {
        double[][] out = new double[start.length][];
        for (int q = 0; q < start.length; q++) {
            out[q] = new double[width[q] * GlynnBlock.STRIDE];
            for (int k = 0; k < width[q]; k++) System.arraycopy(off[start[q] + k], 0, out[q], k * GlynnBlock.STRIDE, off[start[q] + k].length);
        }
        return out;
    }

    /**
     * Adds the step's terms, group 0's product p0 times group 1's p1 (null for one group), scaled, to the lanes'
     * block sums. The step's sign {@code flip} is in group 0's weight; each lane's own sign is constant, so it is applied
     * once in {@link #parts()} (negation is exact): that saves a load and a multiplication per term.
     */
    void accumulate(double[] p0, double[] p1, double flip) {
        double w0 = weight(0, flip);
        double[] b = blk, a = abs;
        if (p1 == null) {
            for (int u = 0; u < lanes; u++) {
                double x = p0[u] * w0;
                b[u] += x;
                a[u] += Math.abs(x);
            }
        } else {
            double w1 = weight(1, flip);
            for (int u = 0; u < lanes; u++) {
                double x = (p0[u] * w0) * (p1[u] * w1);
                b[u] += x;
                a[u] += Math.abs(x);
            }
        }
        endStep();
    }

    /** Adds the step's signed terms (the step's sign is already in them) to the lanes' block sums. */
    void accumulate(double[] term) {
        double[] b = blk, a = abs;
        for (int u = 0; u < lanes; u++) {
            double x = term[u];
            b[u] += x;
            a[u] += Math.abs(x);
        }
        endStep();
    }

    private void endStep() {
        if (++inBlock == BLOCK) fold();
    }

    /** TwoSum of each lane's block sum into its (sum, comp), and a new block. */
    private void fold() {
        for (int u = 0; u < lanes; u++) {
            double x = blk[u];
            double si = sum[u];
            double t = si + x;
            double bv = t - si;
            comp[u] += (si - (t - bv)) + (x - bv);
            sum[u] = t;
            blk[u] = 0;
        }
        inBlock = 0;
    }

    /** One part per lane, in lane order (after the last, possibly partial, block is folded). */
    List<GlynnPart> parts() {
        if (inBlock > 0) fold();
        int block = (int) Math.min(BLOCK, steps);
        List<GlynnPart> out = new ArrayList<>(lanes);
        for (int u = 0; u < lanes; u++) out.add(new GlynnPart(sum[u] * sign[u], comp[u] * sign[u], 0, 0, abs[u], 0, 0, steps, block));
        return out;
    }

    private static void flip(double[] base, double[] twiceRow, boolean wasMinus) {
        int n = base.length;
        if (wasMinus) {
            for (int j = 0; j < n; j++) base[j] += twiceRow[j];
        } else {
            for (int j = 0; j < n; j++) base[j] -= twiceRow[j];
        }
    }

    private static double[] signedSums(double[][] a, boolean[] minus) {
        int n = a.length;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[j] += minus[i] ? -a[i][j] : a[i][j];
        return c;
    }

    private static double[][] offsets(double[][] a, int lb) {
        int n = a.length;
        int lanes = 1 << lb;
        double[][] o = new double[n][lanes];
        for (int j = 0; j < n; j++) {
            for (int u = 1; u < lanes; u++) o[j][u] = o[j][u & (u - 1)] - 2 * a[Integer.numberOfTrailingZeros(u)][j];
        }
        return o;
    }

    private static double[][] twice(double[][] a) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i][j] = 2 * a[i][j];
        return out;
    }
}
