package mcs.solvers.perm.glynn;

import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * One task of the real floating-point Glynn sum Σ_δ (Π_i δ_i) Π_j ĉ_j with ĉ_j = C_j·2^-60, where
 * C_j = Σ_i δ_i q_ij are exact {@code long} column sums of the fixed-point matrix ({@link FixedPointColumns}):
 * a Gray code over the low sign bits updates the C_j by ±2·(one row) without any rounding, so the column
 * sums never drift (which makes the periodic recomputation that a double-valued running sum needs
 * unnecessary). The product runs in four interleaved partial products of the raw sums, each scaled by a power of two at the end (n ≤ 62 keeps a partial product of at most 16 sums below 2^976), n + 3 roundings in all; the terms are
 * added with TwoSum (error-free transformation) and their rounding errors summed separately. When the
 * quantisation was inexact, a second product Π(|ĉ_j| + ε_j) bounds the effect of the residuals (see
 * {@link GlynnBound}). Complexity: 2^low terms of O(n) flops; the deadline is checked every 2^12 terms.
 */
final class GlynnReal {
    private static final double SCALE = 0x1p-60;

    private GlynnReal() {}

    static GlynnPart task(FixedPointColumns f, int low, int t, SolverOptions options) {
        long[][] q = f.re();
        int n = q.length;
        double[] eps = f.epsilon();
        boolean bounded = !f.exactColumns();
        boolean[] minus = SignTasks.initialMinus(n, low, t);
        long[] c = SignTasks.columnSums(q, minus);
        boolean negative = Integer.bitCount(t) % 2 == 1;
        double s = 0, comp = 0, abs = 0, slack = 0;
        // Partial products of at most 16 raw sums (|C_j| < 2^61) stay below 2^976; each is then scaled by
        // 2^(-60·count), exactly, instead of scaling every factor.
        int head = n % 4;
        double w0 = Math.scalb(1.0, -60 * (n / 4));
        double w1 = Math.scalb(1.0, -60 * (n / 4 + (head >= 1 ? 1 : 0)));
        double w2 = Math.scalb(1.0, -60 * (n / 4 + (head >= 2 ? 1 : 0)));
        double w3 = Math.scalb(1.0, -60 * (n / 4 + (head >= 3 ? 1 : 0)));
        long steps = 1L << low;
        for (long step = 0; step < steps; step++) {
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                long[] row = q[b];
                if (minus[b]) {
                    for (int j = 0; j < n; j++) c[j] += 2 * row[j];
                } else {
                    for (int j = 0; j < n; j++) c[j] -= 2 * row[j];
                }
                minus[b] = !minus[b];
                negative = !negative;
                if ((step & 4095) == 0) options.checkDeadline();
            }
            double p0 = 1, p1 = 1, p2 = 1, p3 = 1;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                p0 *= c[j];
                p1 *= c[j + 1];
                p2 *= c[j + 2];
                p3 *= c[j + 3];
            }
            if (j < n) p1 *= c[j++];
            if (j < n) p2 *= c[j++];
            if (j < n) p3 *= c[j];
            double p = (p0 * w0) * (p1 * w1) * ((p2 * w2) * (p3 * w3));
            double x = negative ? -p : p;
            double sum = s + x;
            double bv = sum - s;
            comp += (s - (sum - bv)) + (x - bv);
            s = sum;
            double a = Math.abs(p);
            abs += a;
            if (bounded) {
                double b0 = 1, b1 = 1;
                for (j = 0; j + 1 < n; j += 2) {
                    b0 *= Math.abs(c[j] * SCALE) + eps[j];
                    b1 *= Math.abs(c[j + 1] * SCALE) + eps[j + 1];
                }
                if (j < n) b0 *= Math.abs(c[j] * SCALE) + eps[j];
                double d = b0 * b1 - a;
                if (d > 0) slack += d;
            }
        }
        return new GlynnPart(s, comp, 0, 0, abs, slack, 0, steps, 1);
    }
}
