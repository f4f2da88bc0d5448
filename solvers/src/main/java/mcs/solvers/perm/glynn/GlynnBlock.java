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
 * <p><b>Passes of several columns.</b> Each inner loop takes a block ("pass") of {@value #WIDTH_ONE_WORD}
 * columns (one word) or {@value #WIDTH_TWO_WORDS} (two words), whose base sums stay in registers, and
 * multiplies the block's factors as a balanced tree before one load and one store of the lane's partial
 * product (the first pass of a group stores without loading). The offsets of a pass lie in one array at
 * constant distances ({@link #STRIDE}), so that every load is base + constant. Wider passes are not
 * vectorised by C2 on JDK 17 or 25: their loop body exceeds its unrolling limit ({@code LoopUnrollLimit}),
 * and the superword pass only works on unrolled loops (bench/RESULTS-perm.md).
 *
 * <p>Arithmetic: columns are integers below 2^52 in one word (exponent 51, {@link FixedPointColumns}), or two
 * words ({@link DoubleWordColumns}) whose parts add exactly and whose final addition rounds once, so each
 * factor carries one rounding at most. Products run in groups of {@link LaneTables#GROUP} columns scaled
 * exactly by powers of two; every multiplication rounds once (the order within a group does not change the
 * count: n − 1 + 2⌈n/16⌉ in all, as {@link GlynnSum} assumes); each lane sums its terms with TwoSum and is
 * returned as one {@link GlynnPart}, in lane order, so {@link GlynnSum}'s error analysis applies with each
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
    /** Columns per pass: with one word, 8 base sums and the temporaries fit AVX2's 16 vector registers. */
    static final int WIDTH_ONE_WORD = 4;
    /** Columns per pass with two words (8 base words). */
    static final int WIDTH_TWO_WORDS = 2;

    private GlynnBlock() {}

    /**
     * Task t: rows at and above {@code low} have the signs of t's bits ({@link SignTasks#initialMinus}).
     *
     * @param hi exact integer entries (one word), or the high words
     * @param lo the low words times 2^-47 ({@link DoubleWordColumns}), or null for one word
     * @return one part per lane
     */
    static List<GlynnPart> task(double[][] hi, double[][] lo, int low, int t, SolverOptions options) {
        LaneTables z = new LaneTables(hi, lo, low, t, LANE_BITS);
        int lanes = z.lanes;
        int groups = z.groups();
        int passes = z.passStart.length;
        double[][] p = new double[groups][lanes];
        double[] term = groups > 2 ? new double[lanes] : null;
        for (long step = 0; step < z.steps; step++) {
            if (step != 0) z.advance(step, options);
            for (int q = 0; q < passes; q++) {
                double[] pg = p[z.passGroup[q]];
                boolean first = q == 0 || z.passGroup[q] != z.passGroup[q - 1];
                int j = z.passStart[q];
                if (lo == null) {
                    double[] t1 = z.passHi[q];
                    switch (z.passWidth[q]) {
                        case 4 -> pass4(pg, first, z.baseHi, j, t1, lanes);
                        case 2 -> pass2(pg, first, z.baseHi, j, t1, lanes);
                        default -> pass1(pg, first, z.baseHi, j, t1, lanes);
                    }
                } else {
                    double[] th = z.passHi[q], tl = z.passLo[q];
                    switch (z.passWidth[q]) {
                        case 2 -> pass2(pg, first, z.baseHi, z.baseLo, j, th, tl, lanes);
                        default -> pass1(pg, first, z.baseHi, z.baseLo, j, th, tl, lanes);
                    }
                }
            }
            if (groups <= 2) {
                z.accumulate(p[0], groups == 2 ? p[1] : null);
            } else {
                double w0 = z.weight(0);
                double[] p0 = p[0];
                for (int u = 0; u < lanes; u++) term[u] = p0[u] * w0;
                for (int g = 1; g < groups; g++) {
                    double[] pg = p[g];
                    double w = z.weight(g);
                    for (int u = 0; u < lanes; u++) term[u] *= pg[u] * w;
                }
                z.accumulate(term);
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

    /** pg[u] = (first) or ·= Π_{k<2} ((H_(j+k) + OH_u,(j+k)) + (L_(j+k) + OL_u,(j+k))), two words: one rounding per factor. */
    private static void pass2(double[] pg, boolean first, double[] bh, double[] bl, int j, double[] th, double[] tl, int lanes) {
        double h0 = bh[j], l0 = bl[j];
        double h1 = bh[j + 1], l1 = bl[j + 1];
        if (first) {
            for (int u = 0; u < lanes; u++) pg[u] = ((h0 + th[u]) + (l0 + tl[u])) * ((h1 + th[u + STRIDE]) + (l1 + tl[u + STRIDE]));
        } else {
            for (int u = 0; u < lanes; u++) pg[u] *= ((h0 + th[u]) + (l0 + tl[u])) * ((h1 + th[u + STRIDE]) + (l1 + tl[u + STRIDE]));
        }
    }

    /** pg[u] = (first) or ·= ((H_(j+k) + OH_u,(j+k)) + (L_(j+k) + OL_u,(j+k))), two words: one rounding per factor. */
    private static void pass1(double[] pg, boolean first, double[] bh, double[] bl, int j, double[] th, double[] tl, int lanes) {
        double h0 = bh[j], l0 = bl[j];
        if (first) {
            for (int u = 0; u < lanes; u++) pg[u] = ((h0 + th[u]) + (l0 + tl[u]));
        } else {
            for (int u = 0; u < lanes; u++) pg[u] *= ((h0 + th[u]) + (l0 + tl[u]));
        }
    }
}
