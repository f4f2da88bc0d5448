package mcs.solvers.perm;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import mcs.problems.spi.SolverOptions;

/**
 * The vector kernel of {@link LaneKernel} with the Vector API (JDK 21+, incubator module): column sums of
 * the fixed-point matrix (exponent 51, so every signed sum is an integer below 2^52 and double additions
 * are exact) are kept lane-wise in a double array, updated by a broadcast ±2·a_bj, and multiplied in four
 * interleaved vector products scaled by powers of two at the end; each lane sums its terms with TwoSum.
 * Same rounding per term as {@link GlynnReal} (minus the conversions, which are exact here), so the error
 * analysis of {@link GlynnSum} applies with each lane counted as a task.
 */
final class GlynnLanes implements LaneKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int laneBits() {
        return Integer.numberOfTrailingZeros(S.length());
    }

    @Override
    public List<GlynnPart> task(FixedPointColumns f, int low, int t, SolverOptions options) {
        long[][] q = f.re();
        int n = q.length;
        int lanes = S.length();
        int walk = low - laneBits();
        double[] cs = new double[n * lanes];
        double[] sign = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            boolean[] minus = SignTasks.initialMinus(n, low, t);
            for (int b = 0; b < laneBits(); b++) minus[walk + b] = ((k >>> b) & 1) != 0;
            long[] c = SignTasks.columnSums(q, minus);
            for (int j = 0; j < n; j++) cs[j * lanes + k] = c[j];
            sign[k] = (Integer.bitCount(t) + Integer.bitCount(k)) % 2 == 1 ? -1 : 1;
        }
        double[][] twice = new double[walk][n];
        for (int i = 0; i < walk; i++) for (int j = 0; j < n; j++) twice[i][j] = 2.0 * q[i][j];
        boolean[] minus = new boolean[Math.max(walk, 1)];
        DoubleVector sv = DoubleVector.fromArray(S, sign, 0);
        int head = n % 4;
        int e = LaneKernel.COLUMN_EXPONENT;
        DoubleVector w0 = DoubleVector.broadcast(S, Math.scalb(1.0, -e * (n / 4)));
        DoubleVector w1 = DoubleVector.broadcast(S, Math.scalb(1.0, -e * (n / 4 + (head >= 1 ? 1 : 0))));
        DoubleVector w2 = DoubleVector.broadcast(S, Math.scalb(1.0, -e * (n / 4 + (head >= 2 ? 1 : 0))));
        DoubleVector w3 = DoubleVector.broadcast(S, Math.scalb(1.0, -e * (n / 4 + (head >= 3 ? 1 : 0))));
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector s = DoubleVector.zero(S);
        DoubleVector comp = s;
        DoubleVector abs = s;
        double[] zero = new double[n];
        long steps = 1L << walk;
        for (long step = 0; step < steps; step++) {
            double[] delta = zero;
            double dir = 0;
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                delta = twice[b];
                dir = minus[b] ? 1 : -1;
                minus[b] = !minus[b];
                sv = sv.neg();
                if ((step & 4095) == 0) options.checkDeadline();
            }
            DoubleVector p0 = one, p1 = one, p2 = one, p3 = one;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                p0 = p0.mul(update(cs, j, lanes, dir * delta[j]));
                p1 = p1.mul(update(cs, j + 1, lanes, dir * delta[j + 1]));
                p2 = p2.mul(update(cs, j + 2, lanes, dir * delta[j + 2]));
                p3 = p3.mul(update(cs, j + 3, lanes, dir * delta[j + 3]));
            }
            if (j < n) p1 = p1.mul(update(cs, j, lanes, dir * delta[j++]));
            if (j < n) p2 = p2.mul(update(cs, j, lanes, dir * delta[j++]));
            if (j < n) p3 = p3.mul(update(cs, j, lanes, dir * delta[j]));
            DoubleVector p = p0.mul(w0).mul(p1.mul(w1)).mul(p2.mul(w2).mul(p3.mul(w3)));
            DoubleVector x = p.mul(sv);
            DoubleVector sum = s.add(x);
            DoubleVector bv = sum.sub(s);
            comp = comp.add(s.sub(sum.sub(bv)).add(x.sub(bv)));
            s = sum;
            abs = abs.add(p.abs());
        }
        List<GlynnPart> out = new ArrayList<>(lanes);
        for (int k = 0; k < lanes; k++) {
            out.add(new GlynnPart(s.lane(k), comp.lane(k), 0, 0, abs.lane(k), 0, 0, steps));
        }
        return out;
    }

    /** Adds d to the lanes of column j (exact: integers below 2^52) and returns the new column. */
    private static DoubleVector update(double[] cs, int j, int lanes, double d) {
        DoubleVector v = DoubleVector.fromArray(S, cs, j * lanes).add(d);
        v.intoArray(cs, j * lanes);
        return v;
    }
}
