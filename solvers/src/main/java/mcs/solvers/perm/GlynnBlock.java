package mcs.solvers.perm;

import java.util.List;
import mcs.problems.spi.SolverOptions;

/**
 * One task of the real Glynn sum over exact column sums, written so that the JIT vectorises it without the
 * Vector API ("lanes across the low sign bits", {@link LaneTables}): the lowest sign rows are not walked,
 * each of the L lanes is one setting of them and adds a tabulated constant to every column, and a term of
 * lane u multiplies B_j + O_uj over the columns. Per column the inner loop runs over the L lanes with one
 * addition and one multiplication each (three additions with two words), contiguous and independent,
 * which C2's superword pass turns into SIMD instructions; the Gray-code update is amortised over L terms.
 *
 * <p>Arithmetic: columns are integers below 2^52 in one word (exponent 51, {@link FixedPointColumns}), or two
 * words ({@link DoubleWordColumns}) whose parts add exactly and whose final addition rounds once, so each
 * factor carries one rounding at most. Products run in groups of {@link LaneTables#GROUP} columns scaled
 * exactly by powers of two; each lane sums its terms with TwoSum and is returned as one {@link GlynnPart},
 * in lane order, so {@link GlynnSum}'s error analysis applies with each lane counted as a task and the value
 * does not depend on the thread count.
 *
 * <p>Complexity: 2^low terms of about 2n flops (one word) or 4n flops (two words); O(n·L) setup.
 */
final class GlynnBlock {
    /** log₂ of the lane count: 64 lanes make the inner loops long enough for the superword pass while the offset tables stay in the L1 cache. */
    static final int LANE_BITS = 6;

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
        double[][] p = new double[groups][lanes];
        double[] term = new double[lanes];
        for (long step = 0; step < z.steps; step++) {
            if (step != 0) z.advance(step, options);
            for (int g = 0; g < groups; g++) {
                if (lo == null) {
                    products(p[g], z.baseHi, z.offHi, g * LaneTables.GROUP, z.groupEnd(g), lanes);
                } else {
                    products(p[g], z.baseHi, z.offHi, z.baseLo, z.offLo, g * LaneTables.GROUP, z.groupEnd(g), lanes);
                }
            }
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
        return z.parts();
    }

    /** pg[u] = Π_{from ≤ j < to} (B_j + O_uj), one word. */
    private static void products(double[] pg, double[] bh, double[][] oh, int from, int to, int lanes) {
        double b = bh[from];
        double[] o = oh[from];
        for (int u = 0; u < lanes; u++) pg[u] = b + o[u];
        for (int j = from + 1; j < to; j++) {
            double c = bh[j];
            double[] oj = oh[j];
            for (int u = 0; u < lanes; u++) pg[u] *= c + oj[u];
        }
    }

    /** pg[u] = Π_{from ≤ j < to} ((H_j + OH_uj) + (L_j + OL_uj)), two words: one rounding per factor. */
    private static void products(double[] pg, double[] bh, double[][] oh, double[] bl, double[][] ol, int from, int to, int lanes) {
        double h0 = bh[from];
        double l0 = bl[from];
        double[] oh0 = oh[from];
        double[] ol0 = ol[from];
        for (int u = 0; u < lanes; u++) pg[u] = (h0 + oh0[u]) + (l0 + ol0[u]);
        for (int j = from + 1; j < to; j++) {
            double h = bh[j];
            double l = bl[j];
            double[] ohj = oh[j];
            double[] olj = ol[j];
            for (int u = 0; u < lanes; u++) pg[u] *= (h + ohj[u]) + (l + olj[u]);
        }
    }
}
