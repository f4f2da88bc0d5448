package mcs.solvers.perm.glynn;

import java.util.List;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * One task of the real Glynn sum over exact column sums, written so that the JIT vectorises it without the
 * Vector API ("lanes across the low sign bits", {@link LaneTables}): the lowest sign rows are not walked,
 * each of the L lanes is one setting of them and adds a tabulated constant to every column, and a term of
 * lane u multiplies B_j + O_uj over the columns. The inner loops run over the L lanes, two columns per pass
 * (p·(f_j·f_{j+1}), which halves the loads and stores of the partial products), contiguous and independent,
 * which C2's superword pass turns into SIMD instructions on JDK 17 and later; the Gray-code update is
 * amortised over L terms.
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
    /**
     * log₂ of the lane count: 256 lanes make the inner loops long enough for the superword pass (its scalar
     * pre- and post-loops are then a small share); the offset tables (n·256 doubles per word) sit in L2.
     * (Development runs at n = 28 measured 32, 64 and 128 lanes 5–25% slower; see bench/RESULTS-perm.md.)
     */
    static final int LANE_BITS = 8;

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

    /** pg[u] = Π_{from ≤ j < to} (B_j + O_uj), one word, in pairs: p·(f_j·f_{j+1}) halves the passes over pg. */
    private static void products(double[] pg, double[] bh, double[][] oh, int from, int to, int lanes) {
        int j = from;
        if (((to - from) & 1) == 1) {
            double b = bh[j];
            double[] o = oh[j];
            for (int u = 0; u < lanes; u++) pg[u] = b + o[u];
            j++;
        } else {
            java.util.Arrays.fill(pg, 0, lanes, 1.0);
        }
        for (; j < to; j += 2) {
            double b1 = bh[j], b2 = bh[j + 1];
            double[] o1 = oh[j], o2 = oh[j + 1];
            for (int u = 0; u < lanes; u++) pg[u] *= (b1 + o1[u]) * (b2 + o2[u]);
        }
    }

    /** pg[u] = Π_{from ≤ j < to} ((H_j + OH_uj) + (L_j + OL_uj)), two words (one rounding per factor), in pairs. */
    private static void products(double[] pg, double[] bh, double[][] oh, double[] bl, double[][] ol, int from, int to, int lanes) {
        int j = from;
        if (((to - from) & 1) == 1) {
            double h = bh[j], l = bl[j];
            double[] oj = oh[j], qj = ol[j];
            for (int u = 0; u < lanes; u++) pg[u] = (h + oj[u]) + (l + qj[u]);
            j++;
        } else {
            java.util.Arrays.fill(pg, 0, lanes, 1.0);
        }
        for (; j < to; j += 2) {
            double h1 = bh[j], l1 = bl[j], h2 = bh[j + 1], l2 = bl[j + 1];
            double[] o1 = oh[j], q1 = ol[j], o2 = oh[j + 1], q2 = ol[j + 1];
            for (int u = 0; u < lanes; u++) pg[u] *= ((h1 + o1[u]) + (l1 + q1[u])) * ((h2 + o2[u]) + (l2 + q2[u]));
        }
    }
}
