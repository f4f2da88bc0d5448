package mcs.solvers.perm.glynn;

import java.util.List;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * One task of the real Glynn sum over exact column sums, written so that the JIT vectorises it without the
 * Vector API ("lanes across the low sign bits", {@link LaneTables}): the lowest sign rows are not walked,
 * each of the L lanes is one setting of them and adds a tabulated constant to every column, and a term of
 * lane u multiplies B_j + O_uj over the columns. The inner loops run over the L lanes, contiguous and
 * independent, which C2's superword pass turns into SIMD instructions on JDK 17 and later; the Gray-code
 * update is amortised over L terms.
 *
 * <p><b>Passes of several columns.</b> With one word each inner loop takes a block ("pass") of
 * {@value #WIDTH_ONE_WORD} columns, whose base sums stay in registers, and multiplies the block's factors as a
 * balanced tree before one load and one store of the lane's partial product (the first pass of a group stores
 * without loading); the offsets of a pass lie in one array at constant distances ({@link #STRIDE}), so that
 * every load is base + constant. With two words a loop takes two columns (four loads and six additions per
 * lane already). Wider loops are not vectorised by C2 on JDK 17 or 25: their body exceeds its unrolling limit
 * ({@code LoopUnrollLimit}), and the superword pass only works on unrolled loops (bench/RESULTS-perm.md).
 *
 * <p>Arithmetic: columns are integers below 2^52 in one word (exponent 51, {@link FixedPointColumns}), or two
 * words ({@link DoubleWordColumns}) whose parts add exactly and whose final addition rounds once, so each
 * factor carries one rounding at most. Products run in groups of {@link LaneTables#GROUP} columns scaled
 * exactly by powers of two; every multiplication rounds once (the order within a group does not change the
 * count: n − 1 + 2⌈n/16⌉ in all, as {@link GlynnSum} assumes); each lane adds its terms in blocks of
 * {@link LaneTables#BLOCK} steps, TwoSums the blocks, and is returned as one {@link GlynnPart}, in lane order, so {@link GlynnSum}'s error analysis applies with each
 * lane counted as a task and the value does not depend on the thread count.
 *
 * <p>Complexity: 2^low terms of about 2n flops (one word) or 4n flops (two words); O(n·L) setup.
 */
final class GlynnBlock {
    /**
     * log₂ of the lane count: 256 lanes make the inner loops long enough for the superword pass (its scalar
     * pre- and post-loops are then a small share); the offset tables (n·256 doubles per word) sit in L2.
     */
    static final int LANE_BITS = 8;
    /** Distance between two columns' offsets in a pass table: the largest lane count. */
    static final int STRIDE = 1 << LANE_BITS;
    /** Columns per pass (one word): the widest loop that C2 still unrolls and vectorises. */
    static final int WIDTH_ONE_WORD = 4;
    /**
     * Gray-code steps computed together: each pass (one word) or column pair (two words) runs for these steps
     * one after the other, so its offsets come from L2 once and from L1 for the other steps. A task's tables
     * (n·256 doubles per word, 61 KB at n = 30) do not fit Zen 3's 32 KB L1, a pass's do (8 KB), and so do the
     * steps' partial products (4·2·256 doubles). Measured in CPU time of one thread at n = 28 against one step at a
     * time (bench/glynn-cpu.sh, bench/RESULTS-perm.md): 0.81–0.93× on two words, 0.79–0.97× on one word, JDK 17
     * and 25; 2 and 8 steps measured like 4. Each lane still adds its terms in step order, so the value is
     * bit-identical to computing one step at a time ({@code GlynnBlockStepsTest}).
     */
    static final int STEPS_TOGETHER = 4;

    private GlynnBlock() {}

    /**
     * Task t: rows at and above {@code low} have the signs of t's bits ({@link SignTasks#initialMinus}).
     *
     * @param hi exact integer entries (one word), or the high words
     * @param lo the low words times 2^-47 ({@link DoubleWordColumns}), or null for one word
     * @return one part per lane
     */
    static List<GlynnPart> task(double[][] hi, double[][] lo, int low, int t, SolverOptions options) {
        return task(hi, lo, low, t, options, STEPS_TOGETHER);
    }

    /** {@link #task} computing {@code together} Gray-code steps per round (tests: the parts do not depend on it). */
    static List<GlynnPart> task(double[][] hi, double[][] lo, int low, int t, SolverOptions options, int together) {
        LaneTables z = new LaneTables(hi, lo, low, t, LANE_BITS);
        int lanes = z.lanes;
        int groups = z.groups();
        int passes = z.passStart.length;
        int ss = (int) Math.min(Integer.highestOneBit(together), z.steps); // powers of two: ss divides steps
        double[][][] p = new double[ss][groups][lanes];
        double[][] bh = new double[ss][z.n];
        double[][] bl = lo == null ? null : new double[ss][z.n];
        double[] flips = new double[ss];
        double[] term = groups > 2 ? new double[lanes] : null;
        for (long step0 = 0; step0 < z.steps; step0 += ss) {
            for (int k = 0; k < ss; k++) {
                long step = step0 + k;
                if (step != 0) z.advance(step, options);
                System.arraycopy(z.baseHi, 0, bh[k], 0, z.n);
                if (lo != null) System.arraycopy(z.baseLo, 0, bl[k], 0, z.n);
                flips[k] = z.flip();
            }
            if (lo == null) {
                for (int q = 0; q < passes; q++) {
                    int g = z.passGroup[q];
                    boolean first = q == 0 || g != z.passGroup[q - 1];
                    int j = z.passStart[q];
                    double[] t1 = z.passHi[q];
                    int w = z.passWidth[q];
                    for (int k = 0; k < ss; k++) {
                        double[] pg = p[k][g];
                        switch (w) {
                            case 4 -> pass4(pg, first, bh[k], j, t1, lanes);
                            case 2 -> pass2(pg, first, bh[k], j, t1, lanes);
                            default -> pass1(pg, first, bh[k], j, t1, lanes);
                        }
                    }
                }
            } else {
                for (int g = 0; g < groups; g++) products(p, g, bh, z.offHi, bl, z.offLo, g * LaneTables.GROUP, z.groupEnd(g), lanes, ss);
            }
            for (int k = 0; k < ss; k++) {
                double[][] pk = p[k];
                if (groups <= 2) {
                    z.accumulate(pk[0], groups == 2 ? pk[1] : null, flips[k]);
                } else {
                    double w0 = z.weight(0, flips[k]);
                    double[] p0 = pk[0];
                    for (int u = 0; u < lanes; u++) term[u] = p0[u] * w0;
                    for (int g = 1; g < groups; g++) {
                        double[] pg = pk[g];
                        double w = z.weight(g, 1);
                        for (int u = 0; u < lanes; u++) term[u] *= pg[u] * w;
                    }
                    z.accumulate(term);
                }
            }
        }
        return z.parts();
    }

    /** pg[u] = (first) or ·= Π_{k<4} (B_(j+k) + O_u,(j+k)), one word. */
    private static void pass4(double[] pg, boolean first, double[] b, int j, double[] t, int lanes) {
        double b0 = b[j];
        double b1 = b[j + 1];
        double b2 = b[j + 2];
        double b3 = b[j + 3];
        if (first) {
            for (int u = 0; u < lanes; u++) pg[u] = ((b0 + t[u]) * (b1 + t[u + STRIDE])) * ((b2 + t[u + 2 * STRIDE]) * (b3 + t[u + 3 * STRIDE]));
        } else {
            for (int u = 0; u < lanes; u++) pg[u] *= ((b0 + t[u]) * (b1 + t[u + STRIDE])) * ((b2 + t[u + 2 * STRIDE]) * (b3 + t[u + 3 * STRIDE]));
        }
    }

    /** pg[u] = (first) or ·= Π_{k<2} (B_(j+k) + O_u,(j+k)), one word. */
    private static void pass2(double[] pg, boolean first, double[] b, int j, double[] t, int lanes) {
        double b0 = b[j];
        double b1 = b[j + 1];
        if (first) {
            for (int u = 0; u < lanes; u++) pg[u] = (b0 + t[u]) * (b1 + t[u + STRIDE]);
        } else {
            for (int u = 0; u < lanes; u++) pg[u] *= (b0 + t[u]) * (b1 + t[u + STRIDE]);
        }
    }

    /** pg[u] = (first) or ·= (B_(j+k) + O_u,(j+k)), one word. */
    private static void pass1(double[] pg, boolean first, double[] b, int j, double[] t, int lanes) {
        double b0 = b[j];
        if (first) {
            for (int u = 0; u < lanes; u++) pg[u] = (b0 + t[u]);
        } else {
            for (int u = 0; u < lanes; u++) pg[u] *= (b0 + t[u]);
        }
    }


    /**
     * p[k][g][u] = Π_{from ≤ j < to} ((H_j + OH_uj) + (L_j + OL_uj)) for the steps k &lt; ss together, two words (one
     * rounding per factor), two columns at a time, each pair's offsets reused by all ss steps while in L1.
     */
    private static void products(double[][][] p, int g, double[][] bh, double[][] oh, double[][] bl, double[][] ol, int from, int to, int lanes, int ss) {
        int j = from;
        if (((to - from) & 1) == 1) {
            double[] oj = oh[j], qj = ol[j];
            for (int k = 0; k < ss; k++) {
                double[] pg = p[k][g];
                double h = bh[k][j], l = bl[k][j];
                for (int u = 0; u < lanes; u++) pg[u] = (h + oj[u]) + (l + qj[u]);
            }
            j++;
        } else {
            for (int k = 0; k < ss; k++) java.util.Arrays.fill(p[k][g], 0, lanes, 1.0);
        }
        for (; j < to; j += 2) {
            double[] o1 = oh[j], q1 = ol[j], o2 = oh[j + 1], q2 = ol[j + 1];
            for (int k = 0; k < ss; k++) {
                double[] pg = p[k][g];
                double h1 = bh[k][j], l1 = bl[k][j], h2 = bh[k][j + 1], l2 = bl[k][j + 1];
                for (int u = 0; u < lanes; u++) pg[u] *= ((h1 + o1[u]) + (l1 + q1[u])) * ((h2 + o2[u]) + (l2 + q2[u]));
            }
        }
    }
}
