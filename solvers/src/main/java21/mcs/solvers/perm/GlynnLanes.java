package mcs.solvers.perm;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import mcs.problems.spi.SolverOptions;

/**
 * The Vector API form of {@link GlynnBlock} (JDK 21+, incubator module): same lanes ({@link LaneTables}),
 * same factors, same order of multiplication per lane and the same TwoSum, so the parts are bit-identical
 * to the scalar kernel's. Lanes are taken four vectors at a time, whose partial products stay in registers
 * across the columns of a group (four independent multiplication chains hide the latency), where the scalar
 * kernel goes through memory. Vectors never cross a call that the JIT might not inline (that would allocate
 * them): the methods exchange arrays.
 */
final class GlynnLanes implements LaneKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int CHUNK = 4 * V;

    @Override
    public List<GlynnPart> task(double[][] hi, double[][] lo, int low, int t, SolverOptions options) {
        LaneTables z = new LaneTables(hi, lo, low, t, GlynnBlock.LANE_BITS);
        int lanes = z.lanes;
        if (lanes % CHUNK != 0) return GlynnBlock.task(hi, lo, low, t, options);
        double[] term = new double[lanes];
        double[] part = new double[lanes];
        int groups = z.groups();
        for (long step = 0; step < z.steps; step++) {
            if (step != 0) z.advance(step, options);
            for (int g = 0; g < groups; g++) {
                int from = g * LaneTables.GROUP;
                int to = z.groupEnd(g);
                for (int c = 0; c < lanes; c += CHUNK) {
                    if (lo == null) {
                        products(z.baseHi, z.offHi, from, to, c, part);
                    } else {
                        products(z.baseHi, z.offHi, z.baseLo, z.offLo, from, to, c, part);
                    }
                }
                fold(part, term, z.weight(g), g == 0);
            }
            z.accumulate(term);
        }
        return z.parts();
    }

    /** One word: Π_{from ≤ j < to} (B_j + O_uj) for lanes c .. c+4V−1, written to {@code part}. */
    private static void products(double[] bh, double[][] oh, int from, int to, int c, double[] part) {
        double b = bh[from];
        DoubleVector a0 = DoubleVector.fromArray(S, oh[from], c).add(b);
        DoubleVector a1 = DoubleVector.fromArray(S, oh[from], c + V).add(b);
        DoubleVector a2 = DoubleVector.fromArray(S, oh[from], c + 2 * V).add(b);
        DoubleVector a3 = DoubleVector.fromArray(S, oh[from], c + 3 * V).add(b);
        for (int j = from + 1; j < to; j++) {
            b = bh[j];
            a0 = a0.mul(DoubleVector.fromArray(S, oh[j], c).add(b));
            a1 = a1.mul(DoubleVector.fromArray(S, oh[j], c + V).add(b));
            a2 = a2.mul(DoubleVector.fromArray(S, oh[j], c + 2 * V).add(b));
            a3 = a3.mul(DoubleVector.fromArray(S, oh[j], c + 3 * V).add(b));
        }
        a0.intoArray(part, c);
        a1.intoArray(part, c + V);
        a2.intoArray(part, c + 2 * V);
        a3.intoArray(part, c + 3 * V);
    }

    /** Two words: Π_{from ≤ j < to} ((H_j + OH_uj) + (L_j + OL_uj)) for lanes c .. c+4V−1, written to {@code part}. */
    private static void products(double[] bh, double[][] oh, double[] bl, double[][] ol, int from, int to, int c, double[] part) {
        double h = bh[from], l = bl[from];
        DoubleVector a0 = DoubleVector.fromArray(S, oh[from], c).add(h).add(DoubleVector.fromArray(S, ol[from], c).add(l));
        DoubleVector a1 = DoubleVector.fromArray(S, oh[from], c + V).add(h).add(DoubleVector.fromArray(S, ol[from], c + V).add(l));
        DoubleVector a2 = DoubleVector.fromArray(S, oh[from], c + 2 * V).add(h).add(DoubleVector.fromArray(S, ol[from], c + 2 * V).add(l));
        DoubleVector a3 = DoubleVector.fromArray(S, oh[from], c + 3 * V).add(h).add(DoubleVector.fromArray(S, ol[from], c + 3 * V).add(l));
        for (int j = from + 1; j < to; j++) {
            h = bh[j];
            l = bl[j];
            a0 = a0.mul(DoubleVector.fromArray(S, oh[j], c).add(h).add(DoubleVector.fromArray(S, ol[j], c).add(l)));
            a1 = a1.mul(DoubleVector.fromArray(S, oh[j], c + V).add(h).add(DoubleVector.fromArray(S, ol[j], c + V).add(l)));
            a2 = a2.mul(DoubleVector.fromArray(S, oh[j], c + 2 * V).add(h).add(DoubleVector.fromArray(S, ol[j], c + 2 * V).add(l)));
            a3 = a3.mul(DoubleVector.fromArray(S, oh[j], c + 3 * V).add(h).add(DoubleVector.fromArray(S, ol[j], c + 3 * V).add(l)));
        }
        a0.intoArray(part, c);
        a1.intoArray(part, c + V);
        a2.intoArray(part, c + 2 * V);
        a3.intoArray(part, c + 3 * V);
    }

    /** term = w·part for the first group, else term·(part·w): the scalar kernel's order. */
    private static void fold(double[] part, double[] term, double w, boolean first) {
        for (int u = 0; u < part.length; u += V) {
            DoubleVector a = DoubleVector.fromArray(S, part, u).mul(w);
            (first ? a : DoubleVector.fromArray(S, term, u).mul(a)).intoArray(term, u);
        }
    }
}
