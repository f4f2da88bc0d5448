package mcs.solvers.engine.lowrank;

import mcs.problems.spi.SolverOptions;

/**
 * Limited-memory BFGS (Nocedal–Wright, Algorithm 7.4 two-loop recursion) with Armijo backtracking
 * (c₁ = 10⁻⁴, halving, at most 40 trials). Memory: {@value #MEMORY} pairs, i.e. 2·{@value #MEMORY} float and 5
 * double vectors of the problem's size. The initial inverse Hessian is H₀ = γ·P with P an optional diagonal
 * preconditioner (identity by default) and γ = sᵀy / yᵀPy of the newest pair; pairs with
 * sᵀy ≤ 10⁻¹²·|s||y| are skipped (keeps H positive definite), and a non-descent direction resets the memory to
 * the preconditioned steepest descent −P·g.
 *
 * <p>Each vector step of the recursion is fused with the inner product the next step needs, so an iteration
 * makes about 2·(pairs stored) + 3 passes over the vectors; on large problems these passes are bound by memory
 * bandwidth. The pairs (s, y) are therefore stored in float (ρ, γ and the skip test use the stored values, so
 * H stays positive definite): it halves the bytes of 19 of the ~55 vector streams of an iteration, and seven
 * significant digits are plenty for a curvature model; x, g and the direction stay in double. Passes run on {@link Ranges} (in parallel when given a pool),
 * their partial sums combined in a fixed order.
 */
public final class Lbfgs {
    public static final int MEMORY = 5;

    /** A smooth function: returns f(x) and writes ∇f(x) into g. */
    public interface Function {
        double evaluate(double[] x, double[] g);
    }

    /** Decides after each iteration whether to stop: {@code iteration} counts from 0, {@code value} is f(x). */
    interface Stop {
        boolean test(int iteration, double value);
    }

    /** Runs a pass over index ranges [from, to) covering [0, size) and returns the sum of its partial results. */
    interface Ranges {
        double sum(int size, RowBlocks.Body body);

        /** As {@link #sum} for k sums at once: the body writes its k partial results into {@code out}. */
        double[] sums(int size, int k, RowBlocks.MultiBody body);

        /** On the calling thread, in one range. */
        Ranges SEQUENTIAL = new Ranges() {
            @Override
            public double sum(int size, RowBlocks.Body body) {
                return body.run(0, size);
            }

            @Override
            public double[] sums(int size, int k, RowBlocks.MultiBody body) {
                double[] out = new double[k];
                body.run(0, size, out);
                return out;
            }
        };
    }

    /** @param iterations iterations taken; @param evaluations function evaluations; @param value f at the returned x; @param lineSearchFailed no Armijo step was found */
    record Result(int iterations, int evaluations, double value, boolean lineSearchFailed) {}

    private Lbfgs() {}

    /**
     * Minimises from x (overwritten with the final iterate), sequentially and without preconditioner.
     *
     * @param maxIterations upper bound on iterations (≥ 0)
     * @param options deadline checked once per iteration
     */
    static Result minimise(Function fn, double[] x, int maxIterations, Stop stop, SolverOptions options) {
        return minimise(fn, x, null, Ranges.SEQUENTIAL, maxIterations, stop, options);
    }

    /**
     * @param precondition P: positive entries approximating the inverse Hessian diagonal up to a common
     *     factor, one per variable; null for the identity
     * @param ranges how the vector passes run
     */
    static Result minimise(Function fn, double[] x, double[] precondition, Ranges ranges, int maxIterations, Stop stop,
            SolverOptions options) {
        return minimise(fn, x, precondition, ranges, MEMORY, maxIterations, stop, options);
    }

    /** @param memory number of (s, y) pairs kept (≥ 1) */
    static Result minimise(Function fn, double[] x, double[] precondition, Ranges ranges, int memory, int maxIterations, Stop stop,
            SolverOptions options) {
        int size = x.length;
        final int MEMORY = Math.max(1, memory);
        float[][] s = new float[MEMORY][size];
        float[][] y = new float[MEMORY][size];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        // The iterate and gradient swap roles with the trial point's instead of being copied back (cur/trial).
        double[] cur = x, g = new double[size];
        double[] d = new double[size];
        double[] trial = new double[size], gt = new double[size];
        double[] pre = precondition;
        int stored = 0, newest = -1;
        double gamma = 1;
        double f = fn.evaluate(cur, g);
        int evals = 1;
        int it = 0;
        Result result = null;
        for (; it < maxIterations; it++) {
            if (stop.test(it, f)) {
                result = new Result(it, evals, f, false);
                break;
            }
            options.checkDeadline();
            double gd = direction(g, d, s, y, rho, alpha, stored, newest, gamma, pre, ranges);
            if (!(gd < 0)) {
                stored = 0;
                final double[] gg = g;
                gd = ranges.sum(size, (from, to) -> {
                    double acc = 0;
                    for (int q = from; q < to; q++) {
                        d[q] = -(pre == null ? 1 : pre[q]) * gg[q];
                        acc += gg[q] * d[q];
                    }
                    return acc;
                });
                if (gd == 0) {
                    result = new Result(it, evals, f, false);
                    break;
                }
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-gd)) : 1;
            double fn1 = Double.NaN;
            boolean found = false;
            for (int trialNo = 0; trialNo < 40; trialNo++) {
                final double h = step;
                final double[] xc = cur, xt = trial;
                ranges.sum(size, (from, to) -> {
                    for (int q = from; q < to; q++) xt[q] = xc[q] + h * d[q];
                    return 0;
                });
                fn1 = fn.evaluate(trial, gt);
                evals++;
                if (fn1 <= f + 1e-4 * step * gd) {
                    found = true;
                    break;
                }
                step *= 0.5;
            }
            if (!found) {
                result = new Result(it, evals, f, true);
                break;
            }
            int slot = (newest + 1) % MEMORY;
            float[] sn = s[slot], yn = y[slot];
            final double h = step;
            final double[] gOld = g, gNew = gt;
            // One pass: the new pair (stored in float, see the class comment; s = h·d is the step taken) and
            // sᵀy, sᵀs, yᵀy, yᵀPy of the stored pair. The trial point and its gradient then become current by a swap.
            double[] dots = ranges.sums(size, 4, (from, to, out) -> {
                double sy = 0, ss = 0, yy = 0, ypy = 0;
                for (int q = from; q < to; q++) {
                    float sf = (float) (h * d[q]), yf = (float) (gNew[q] - gOld[q]);
                    sn[q] = sf;
                    yn[q] = yf;
                    double sq = sf, yq = yf;
                    sy += sq * yq;
                    ss += sq * sq;
                    yy += yq * yq;
                    ypy += yq * yq * (pre == null ? 1 : pre[q]);
                }
                out[0] = sy;
                out[1] = ss;
                out[2] = yy;
                out[3] = ypy;
            });
            double[] swap = cur;
            cur = trial;
            trial = swap;
            swap = g;
            g = gt;
            gt = swap;
            f = fn1;
            if (dots[0] > 1e-12 * Math.sqrt(dots[1] * dots[2])) {
                newest = slot;
                rho[newest] = 1 / dots[0];
                gamma = dots[0] / dots[3];
                stored = Math.min(MEMORY, stored + 1);
            } else if (stored == MEMORY) {
                // The slot just written held the oldest pair: it is lost either way.
                stored--;
            }
        }
        if (result == null) result = new Result(it, evals, f, false);
        if (cur != x) {
            final double[] from = cur;
            ranges.sum(size, (a, b) -> {
                System.arraycopy(from, a, x, a, b - a);
                return 0;
            });
        }
        return result;
    }

    /**
     * d = −H·g by the two-loop recursion, each vector update fused with the next inner product; returns gᵀd.
     * Pairs are p_t = newest − t (t = 0 newest, stored − 1 oldest).
     */
    static double direction(double[] g, double[] d, float[][] s, float[][] y, double[] rho, double[] alpha, int stored,
            int newest, double gamma, double[] pre, Ranges ranges) {
        int size = g.length;
        final int MEMORY = s.length;
        if (stored == 0) {
            return ranges.sum(size, (from, to) -> {
                double acc = 0;
                for (int q = from; q < to; q++) {
                    d[q] = -gamma * (pre == null ? 1 : pre[q]) * g[q];
                    acc += g[q] * d[q];
                }
                return acc;
            });
        }
        int p0 = newest;
        float[] s0 = s[p0];
        alpha[p0] = rho[p0] * ranges.sum(size, (from, to) -> {
            double acc = 0;
            for (int q = from; q < to; q++) {
                d[q] = g[q];
                acc += s0[q] * g[q];
            }
            return acc;
        });
        // First loop: d −= α_p y_p, then α of the next older pair, or (after the oldest) scale by H₀ and take β of the oldest.
        for (int t = 0; t < stored; t++) {
            int p = Math.floorMod(newest - t, MEMORY);
            double a = alpha[p];
            float[] yp = y[p];
            if (t + 1 < stored) {
                int pn = Math.floorMod(newest - t - 1, MEMORY);
                float[] sNext = s[pn];
                alpha[pn] = rho[pn] * ranges.sum(size, (from, to) -> {
                    double acc = 0;
                    for (int q = from; q < to; q++) {
                        d[q] -= a * yp[q];
                        acc += sNext[q] * d[q];
                    }
                    return acc;
                });
            } else {
                alpha[p] = a;
            }
        }
        int oldest = Math.floorMod(newest - stored + 1, MEMORY);
        double aOld = alpha[oldest];
        float[] yOld = y[oldest];
        double beta = rho[oldest] * ranges.sum(size, (from, to) -> {
            double acc = 0;
            for (int q = from; q < to; q++) {
                double v = (d[q] - aOld * yOld[q]) * gamma * (pre == null ? 1 : pre[q]);
                d[q] = v;
                acc += yOld[q] * v;
            }
            return acc;
        });
        // Second loop, oldest to newest: d += (α_p − β_p) s_p, then β of the next newer pair, or (after the newest) negate and take gᵀd.
        for (int t = stored - 1; t >= 0; t--) {
            int p = Math.floorMod(newest - t, MEMORY);
            double c = alpha[p] - beta;
            float[] sp = s[p];
            if (t > 0) {
                int pn = Math.floorMod(newest - t + 1, MEMORY);
                float[] yNext = y[pn];
                beta = rho[pn] * ranges.sum(size, (from, to) -> {
                    double acc = 0;
                    for (int q = from; q < to; q++) {
                        d[q] += c * sp[q];
                        acc += yNext[q] * d[q];
                    }
                    return acc;
                });
            } else {
                return ranges.sum(size, (from, to) -> {
                    double acc = 0;
                    for (int q = from; q < to; q++) {
                        double v = -(d[q] + c * sp[q]);
                        d[q] = v;
                        acc += g[q] * v;
                    }
                    return acc;
                });
            }
        }
        throw new AssertionError("unreachable: stored > 0");
    }
}
