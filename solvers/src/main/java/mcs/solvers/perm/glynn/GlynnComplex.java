package mcs.solvers.perm.glynn;

import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * One task of the complex floating-point Glynn sum: as {@link GlynnReal}, with exact {@code long} real and
 * imaginary column sums, two interleaved complex partial products ((a+bi)(x+yi) = (ax − by) + (ay + bx)i,
 * relative error at most √2·γ₂ per multiplication), and TwoSum on each part. When the quantisation was
 * inexact, each term also forms A = Π ā_j and B = Π (ā_j + ε_j) with ā_j ≥ |ĉ_j| an upper bound of the
 * modulus (|Re| + |Im|, rounded up by a factor 1 + 2^-51), which bounds the residuals' effect because
 * Π(a_j + ε_j) − Π a_j increases with every a_j. Complexity: 2^low terms of O(n) flops (about 3× the
 * real case, 5× with inexact columns).
 */
final class GlynnComplex {
    private static final double SCALE = 0x1p-60;
    private static final double UP = 1 + 0x1p-51;

    private GlynnComplex() {}

    static GlynnPart task(FixedPointColumns f, int low, int t, SolverOptions options) {
        long[][] qr = f.re();
        long[][] qi = f.im();
        int n = qr.length;
        double[] eps = f.epsilon();
        boolean bounded = !f.exactColumns();
        boolean[] minus = SignTasks.initialMinus(n, low, t);
        long[] cr = SignTasks.columnSums(qr, minus);
        long[] ci = SignTasks.columnSums(qi, minus);
        boolean negative = Integer.bitCount(t) % 2 == 1;
        double sr = 0, compR = 0, si = 0, compI = 0, abs = 0, slack = 0, weight = 0;
        long steps = 1L << low;
        for (long step = 0; step < steps; step++) {
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                long[] rr = qr[b];
                long[] ri = qi[b];
                long k = minus[b] ? 2 : -2;
                for (int j = 0; j < n; j++) {
                    cr[j] += k * rr[j];
                    ci[j] += k * ri[j];
                }
                minus[b] = !minus[b];
                negative = !negative;
                if ((step & 4095) == 0) options.checkDeadline();
            }
            double ar = 1, ai = 0, br = 1, bi = 0;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                double xr = cr[j] * SCALE, xi = ci[j] * SCALE;
                double t0 = ar * xr - ai * xi;
                ai = ar * xi + ai * xr;
                ar = t0;
                double yr = cr[j + 1] * SCALE, yi = ci[j + 1] * SCALE;
                double t1 = br * yr - bi * yi;
                bi = br * yi + bi * yr;
                br = t1;
            }
            if (j < n) {
                double xr = cr[j] * SCALE, xi = ci[j] * SCALE;
                double t0 = ar * xr - ai * xi;
                ai = ar * xi + ai * xr;
                ar = t0;
            }
            double pr = ar * br - ai * bi;
            double pi = ar * bi + ai * br;
            if (negative) {
                pr = -pr;
                pi = -pi;
            }
            double sum = sr + pr;
            double bv = sum - sr;
            compR += (sr - (sum - bv)) + (pr - bv);
            sr = sum;
            sum = si + pi;
            bv = sum - si;
            compI += (si - (sum - bv)) + (pi - bv);
            si = sum;
            abs += Math.abs(pr) + Math.abs(pi);
            if (bounded) {
                double a = 1, bb = 1;
                for (j = 0; j < n; j++) {
                    double m = (Math.abs(cr[j] * SCALE) + Math.abs(ci[j] * SCALE)) * UP;
                    a *= m;
                    bb *= m + eps[j];
                }
                double d = bb - a;
                if (d > 0) slack += d;
                weight += a + bb;
            }
        }
        return new GlynnPart(sr, compR, si, compI, abs, slack, weight, steps, 1);
    }
}
