package mcs.solvers.haf.repeated;

import java.util.concurrent.atomic.AtomicInteger;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;
import mcs.solvers.engine.repeated.ClassLayout;
import mcs.solvers.engine.repeated.PairwiseSum;

/**
 * {@link RepeatedKan}'s sum Σ_t w(t)·term(t) in double precision, together with the same sum on absolute
 * values and the rounding depth that turn it into a rigorous error bound.
 *
 * <p><b>Error analysis.</b> Every quantity is computed from the (rounded) inputs by additions and
 * multiplications only. By the standard argument (Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, §3.1–3.4), a value computed this way equals the exact result of the same computation in
 * which every monomial (product of inputs) is multiplied by at most D factors (1 + δ), |δ| ≤ u = 2^-53, where
 * D bounds the number of roundings on any path from an input to the result; hence |computed − exact| ≤
 * γ_D·Z with γ_D = Du/(1 − Du) and Z the same computation on the absolute values of the inputs (subtractions
 * turned into additions), as long as nothing underflows or overflows. The walk computes Z alongside (all its
 * operations are on nonnegative numbers, so the computed Z̃ ≥ (1 − u)^D·Z) and counts D:
 * <ul>
 *   <li>inputs rounded to doubles: 1; the scaling by a power of two is exact;
 *   <li>q = (base + lin) + q_inner, each a sum of products of rounded entries and exact small integers,
 *       recomputed per class from scratch: at most 3d + 4 for d digits (input rounding included);
 *   <li>q^m by squaring: m·(3d + 4) + 2⌈log₂(N + 1)⌉; for the loop hafnian N!·F(q, q₁) = Σ_k e_k q^k q₁^(N−2k)
 *       with integer e_k = N!/(k!(N−2k)!) rounded once: N·(3d + 4) + 2N + 2⌈log₂(N + 1)⌉ + 6;
 *   <li>the weight w (exact when N ≤ 52, else d + 2), the product w·term: 1;
 *   <li>the inner sum (recursive): K_I ≤ {@link ClassLayout#INNER_MAX}; the outer sums ({@link PairwiseSum}):
 *       {@value PairwiseSum#DEPTH}; the task sums (recursive, fixed order): the task count; the division by the
 *       normaliser: 2.
 * </ul>
 * The caller scales the matrix by a power of two so that |q| ≤ 1 and |q₁| ≤ 1 for every class, and checks
 * that every nonzero scaled entry is at least 2^-900; then q is a sum of multiples of the smallest entry's
 * last bit (≥ 2^-953) and cannot underflow, and powers cannot overflow. Powers of a small q can underflow;
 * there the model gains an absolute error of at most 2^-1075 per product (Higham §2.1), which the later
 * factors (all of magnitude about 1 or less, except the weight and the loop coefficients) amplify by a
 * bounded amount: {@link Sums#underflowLog2()} bounds the total, and the caller adds it to the bound. It is
 * astronomically small (about 2^-900 for N = 40), but it keeps the bound a theorem.
 *
 * <p>The bound is honest but not tight when Kan's sum cancels: it scales with Z, the sum of the absolute
 * terms, which for matrices of mixed signs (or large N) can exceed |value| by many orders of magnitude.
 */
final class RepeatedKanFloat {
    private RepeatedKanFloat() {}

    /**
     * The sum, the absolute sum, the rounding depth, the number of classes walked, and log₂ of a bound on the
     * absolute error that products in the subnormal range can add to the sum (see the class comment).
     */
    record Sums(double value, double abs, long depth, long classes, double underflowLog2) {}

    /**
     * @param s pair weights in layout order (already scaled; finite, normal or zero)
     * @param mu loop weights in layout order (zeros for the hafnian)
     */
    static Sums sum(double[][] s, double[] mu, ClassLayout l, boolean loop, int total, SolverOptions o) {
        int d = l.digits(), start = l.innerStart(), di = d - start;
        int m = total / 2;
        ClassLayout.InnerWalk walk = l.innerWalk();
        int k = walk.t().length;
        // Inner tables: y of each inner class, q_inner and its absolute counterpart, q₁ parts, weights.
        double[][] yIn = new double[k][di];
        double[] qI = new double[k], qIa = new double[k], q1I = new double[k], q1Ia = new double[k], wI = new double[k];
        int[] r = l.r();
        for (int c = 0; c < k; c++) {
            double w = 1;
            for (int x = 0; x < di; x++) {
                yIn[c][x] = r[start + x] - 2.0 * walk.t()[c][x];
                w *= ClassLayout.signedBinomial(r[start + x], walk.t()[c][x]).doubleValue();
            }
            double[] qq = quadratic(s, yIn[c], r, start, di);
            qI[c] = qq[0];
            qIa[c] = qq[1];
            double a = 0, aa = 0;
            for (int x = 0; x < di; x++) {
                a += mu[start + x] * yIn[c][x];
                aa += Math.abs(mu[start + x]) * Math.abs(yIn[c][x]);
            }
            q1I[c] = a;
            q1Ia[c] = aa;
            wI[c] = w;
        }
        double[] cLoop = loop ? loopCoefficients(total) : null;
        int tasks = l.tasks();
        int workers = Math.max(1, Math.min(o.threads(), tasks));
        double[][] part = new double[tasks][];
        AtomicInteger next = new AtomicInteger();
        SignTasks.run(workers, workers, w -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                part[t] = task(s, mu, l, loop, total, m, t, yIn, qI, qIa, q1I, q1Ia, wI, cLoop, o);
            }
            return null;
        });
        double v = 0, a = 0;
        long classes = 0;
        for (double[] p : part) {
            v += p[0];
            a += p[1];
            classes += (long) p[2];
        }
        long depthQ = 3L * d + 4;
        long log = 64 - Long.numberOfLeadingZeros(total + 1L);
        long depthTerm = loop ? total * depthQ + 2L * total + 2 * log + 6 : m * depthQ + 2 * log;
        long depthW = total <= 52 ? 0 : d + 2;
        long depth = 1 + depthTerm + depthW + 1 + k + PairwiseSum.DEPTH + tasks + 2;
        // Underflow: a product landing in the subnormal range errs by at most 2^-1075 in absolute terms. Every
        // factor it later meets has magnitude ≤ 1 + 2^-40 (the caller scales so that |q|, |q₁| ≤ 1), except the
        // weight (≤ 2^N) and, for the loop hafnian, a coefficient e_k ≤ N!; a term has at most
        // 2·(N + 2)·(log₂ N + 2) products and each error is at most doubled by each of the ≤ 2 log₂ N + 2 later
        // squarings or products, so per class the underflow error is below
        // 2^-1075 · 2^N · N! · (2(N+2)(log₂N+2))·2^(2 log₂ N + 2), summed over the classes.
        double logN = Math.log(Math.max(2, total)) / Math.log(2);
        double logFact = 0;
        if (loop) for (int f = 2; f <= total; f++) logFact += Math.log(f) / Math.log(2);
        double under = -1075 + Math.log(Math.max(1, classes)) / Math.log(2) + total + logFact
                + Math.log(2.0 * (total + 2) * (logN + 2)) / Math.log(2) + 2 * logN + 2 + 1;
        return new Sums(v, a, depth, classes, under);
    }

    /**
     * {Σ_{x&lt;z} s_xz y_x y_z + Σ_x s_xx (y_x² − r_x)/2, the same on absolute values} over the digits
     * [from, from + count); (y² − r)/2 is an exact small integer. Rounding depth at most 3·count + 2.
     */
    private static double[] quadratic(double[][] s, double[] y, int[] r, int from, int count) {
        double v = 0, a = 0;
        for (int x = 0; x < count; x++) {
            double rho = 0, rhoA = 0;
            double[] row = s[from + x];
            for (int z = x + 1; z < count; z++) {
                rho += row[from + z] * y[z];
                rhoA += Math.abs(row[from + z]) * Math.abs(y[z]);
            }
            double h = (y[x] * y[x] - r[from + x]) / 2;
            v += y[x] * rho + row[from + x] * h;
            a += Math.abs(y[x]) * rhoA + Math.abs(row[from + x]) * Math.abs(h);
        }
        return new double[] {v, a};
    }

    /** e_k = N!/(k!·(N − 2k)!), integers ≥ 1, each correctly rounded to a double. */
    static double[] loopCoefficients(int total) {
        double[] c = new double[total / 2 + 1];
        for (int kk = 0; 2 * kk <= total; kk++) c[kk] = factorial(total).divide(factorial(kk).multiply(factorial(total - 2 * kk))).doubleValue();
        return c;
    }

    private static java.math.BigInteger factorial(int n) {
        java.math.BigInteger f = java.math.BigInteger.ONE;
        for (int x = 2; x <= n; x++) f = f.multiply(java.math.BigInteger.valueOf(x));
        return f;
    }

    private static double[] task(double[][] s, double[] mu, ClassLayout l, boolean loop, int total, int m, int task, double[][] yIn,
                                 double[] qI, double[] qIa, double[] q1I, double[] q1Ia, double[] wI, double[] cLoop, SolverOptions o) {
        int d = l.digits(), start = l.innerStart(), di = d - start;
        int[] r = l.r();
        int[] t = l.taskValues(task);
        double[] y = new double[d];
        double[][] yAbs = new double[yIn.length][di];
        for (int c = 0; c < yIn.length; c++) for (int x = 0; x < di; x++) yAbs[c][x] = Math.abs(yIn[c][x]);
        double mirror = l.mirrorFactor(d == 0 ? 0 : t[0]);
        PairwiseSum sum = new PairwiseSum(), abs = new PairwiseSum();
        double[] b = new double[di], ba = new double[di];
        double[][] binom = new double[d][];
        for (int x = 0; x < d; x++) {
            binom[x] = new double[r[x] + 1];
            for (int v = 0; v <= r[x]; v++) binom[x][v] = ClassLayout.signedBinomial(r[x], v).doubleValue();
        }
        long classes = 0;
        while (true) {
            o.checkDeadline();
            for (int x = 0; x < start; x++) y[x] = r[x] - 2.0 * t[x];
            double[] qq = quadratic(s, y, r, 0, start);
            double base = qq[0], baseA = qq[1];
            double w = mirror, q1 = 0, q1a = 0;
            for (int x = 0; x < start; x++) {
                w *= binom[x][t[x]];
                q1 += mu[x] * y[x];
                q1a += Math.abs(mu[x]) * Math.abs(y[x]);
            }
            for (int x = 0; x < di; x++) {
                double bx = 0, bxa = 0;
                double[] row = s[start + x];
                for (int z = 0; z < start; z++) {
                    bx += row[z] * y[z];
                    bxa += Math.abs(row[z]) * Math.abs(y[z]);
                }
                b[x] = bx;
                ba[x] = bxa;
            }
            double inner = 0, innerA = 0;
            double wa = Math.abs(w);
            for (int c = 0; c < qI.length; c++) {
                double[] yc = yIn[c], ya = yAbs[c];
                double lin = 0, linA = 0;
                for (int x = 0; x < di; x++) {
                    lin += b[x] * yc[x];
                    linA += ba[x] * ya[x];
                }
                double q = (base + lin) + qI[c];
                double qa = (baseA + linA) + qIa[c];
                double term, termA;
                if (loop) {
                    double f1 = q1 + q1I[c], f1a = q1a + q1Ia[c];
                    term = loopTerm(q, f1, total, cLoop);
                    termA = loopTerm(qa, f1a, total, cLoop);
                } else {
                    term = pow(q, m);
                    termA = pow(qa, m);
                }
                inner += (w * wI[c]) * term;
                innerA += (wa * Math.abs(wI[c])) * termA;
            }
            classes += qI.length;
            sum.add(inner);
            abs.add(innerA);
            int x = start - 1;
            while (x >= l.taskDigits()) {
                if (t[x] < r[x]) {
                    t[x]++;
                    break;
                }
                t[x] = 0;
                x--;
            }
            if (x < l.taskDigits()) break;
        }
        return new double[] {sum.sum(), abs.sum(), classes};
    }

    static double pow(double x, int e) {
        double r = 1;
        while (e > 0) {
            if ((e & 1) != 0) r *= x;
            e >>= 1;
            if (e > 0) x *= x;
        }
        return r;
    }

    /** Σ_k e_k q^k q₁^(N−2k) = N!·F(q, q₁). */
    static double loopTerm(double q, double q1, int total, double[] c) {
        double sum = 0, pq = 1;
        for (int k = 0; 2 * k <= total; k++) {
            sum += c[k] * pq * pow(q1, total - 2 * k);
            pq *= q;
        }
        return sum;
    }

}
