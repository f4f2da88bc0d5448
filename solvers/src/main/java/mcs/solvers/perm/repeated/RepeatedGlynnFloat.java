package mcs.solvers.perm.repeated;

import java.util.concurrent.atomic.AtomicInteger;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;
import mcs.solvers.engine.repeated.ClassLayout;
import mcs.solvers.engine.repeated.PairwiseSum;

/**
 * {@link RepeatedGlynn}'s sum Σ_t w(t)·Π_j v_j^{c_j} in double precision with its absolute counterpart and
 * rounding depth (the error analysis of {@code RepeatedKanFloat} in {@code haf.repeated}: |computed − exact|
 * ≤ γ_D·Z for a computation by additions and multiplications of depth D, Z its value on absolute inputs).
 *
 * <p>Per class v = v_outer + v_inner[c]: v_outer = Σ_{outer i} y_i a_i· recomputed per outer class, v_inner
 * tabulated per inner class (depth ≤ d + 3 with the input rounding); the product of the N factors v_j (each
 * c_j times) adds N·(d + 3) + N; the weight (exact for N ≤ 52, else d + 2) and the product with it 1; the
 * inner sum K_I, the outer {@link PairwiseSum} {@value PairwiseSum#DEPTH}, the tasks their count. The caller
 * scales A so that every |v_j| ≤ 1 (no overflow) and checks every nonzero scaled entry is at least 2^-900;
 * products that underflow add at most 2^-1075 each, amplified by at most the weight: {@link Sums#underflowLog2()}.
 */
final class RepeatedGlynnFloat {
    private RepeatedGlynnFloat() {}

    /** underflowLog2: log₂ of a bound on what products in the subnormal range can add (see the class comment). */
    record Sums(double value, double abs, long depth, double underflowLog2) {}

    /** a indexed by original modes (already scaled), rows grouped by r, columns repeated by c. */
    static Sums sum(double[][] a, int[] r, int[] c, SolverOptions o) {
        ClassLayout l = ClassLayout.of(r);
        int n = a.length, d = l.digits(), start = l.innerStart(), di = d - start;
        int total = 0;
        for (int x : c) total += x;
        int[] modes = l.modes(), rr = l.r();
        ClassLayout.InnerWalk walk = l.innerWalk();
        int k = walk.t().length;
        double[][] vIn = new double[k][n], vInA = new double[k][n];
        double[] wIn = new double[k];
        for (int cc = 0; cc < k; cc++) {
            double w = 1;
            for (int x = 0; x < di; x++) {
                int t = walk.t()[cc][x];
                double y = rr[start + x] - 2.0 * t;
                w *= ClassLayout.signedBinomial(rr[start + x], t).doubleValue();
                double[] row = a[modes[start + x]];
                for (int j = 0; j < n; j++) {
                    vIn[cc][j] += y * row[j];
                    vInA[cc][j] += Math.abs(y) * Math.abs(row[j]);
                }
            }
            wIn[cc] = w;
        }
        int[] factor = new int[total];
        for (int j = 0, f = 0; j < n; j++) for (int e = 0; e < c[j]; e++) factor[f++] = j;
        int tasks = l.tasks();
        double[][] part = new double[tasks][];
        int workers = Math.max(1, Math.min(o.threads(), tasks));
        AtomicInteger next = new AtomicInteger();
        int tot = total;
        SignTasks.run(workers, workers, w -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) part[t] = task(a, l, factor, tot, t, vIn, vInA, wIn, o);
            return null;
        });
        double v = 0, ab = 0;
        for (double[] p : part) {
            v += p[0];
            ab += p[1];
        }
        long depthV = d + 3L;
        long depth = total * depthV + total + (total <= 52 ? 0 : d + 2) + 1 + k + PairwiseSum.DEPTH + tasks;
        // A product in the subnormal range errs by ≤ 2^-1075; the later factors have magnitude ≤ 1 + 2^-40 (columns
        // scaled to sums ≤ 1) except the weight ≤ 2^N: per class at most N + 1 such errors of at most 2^(N+1)·2^-1075.
        double walked = 1;
        for (int x = 0; x < d; x++) walked *= x == 0 ? rr[0] / 2 + 1 : rr[x] + 1;
        double under = -1075 + Math.log(walked) / Math.log(2) + total + 1 + Math.log(total + 2.0) / Math.log(2) + 1;
        return new Sums(v, ab, depth, under);
    }

    private static double[] task(double[][] a, ClassLayout l, int[] factor, int total, int task, double[][] vIn, double[][] vInA,
                                 double[] wIn, SolverOptions o) {
        int n = a.length, d = l.digits(), start = l.innerStart();
        int[] rr = l.r(), modes = l.modes();
        int[] t = l.taskValues(task);
        double mirror = l.mirrorFactor(d == 0 ? 0 : t[0]);
        double[] vo = new double[n], voA = new double[n];
        PairwiseSum sum = new PairwiseSum(), abs = new PairwiseSum();
        while (true) {
            o.checkDeadline();
            java.util.Arrays.fill(vo, 0);
            java.util.Arrays.fill(voA, 0);
            double w = mirror;
            for (int x = 0; x < start; x++) {
                double y = rr[x] - 2.0 * t[x];
                w *= ClassLayout.signedBinomial(rr[x], t[x]).doubleValue();
                double[] row = a[modes[x]];
                for (int j = 0; j < n; j++) {
                    vo[j] += y * row[j];
                    voA[j] += Math.abs(y) * Math.abs(row[j]);
                }
            }
            double inner = 0, innerA = 0;
            for (int c = 0; c < vIn.length; c++) {
                double[] vi = vIn[c], via = vInA[c];
                double p = 1, pa = 1;
                for (int f : factor) {
                    double v = vo[f] + vi[f];
                    p *= v;
                    pa *= voA[f] + via[f];
                }
                inner += (w * wIn[c]) * p;
                innerA += Math.abs(w * wIn[c]) * pa;
            }
            sum.add(inner);
            abs.add(innerA);
            int x = start - 1;
            while (x >= l.taskDigits()) {
                if (t[x] < rr[x]) {
                    t[x]++;
                    break;
                }
                t[x] = 0;
                x--;
            }
            if (x < l.taskDigits()) break;
        }
        return new double[] {sum.sum(), abs.sum()};
    }
}
