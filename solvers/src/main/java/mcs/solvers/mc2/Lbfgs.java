package mcs.solvers.mc2;

import mcs.problems.spi.SolverOptions;

/**
 * Limited-memory BFGS (Nocedal–Wright, Algorithm 7.4 two-loop recursion) with Armijo backtracking
 * (c₁ = 10⁻⁴, halving, at most 40 trials). Memory: {@value #MEMORY} pairs, i.e. 2·{@value #MEMORY} + 4
 * vectors of the problem's size. The initial Hessian scaling is γ = sᵀy / yᵀy of the newest pair; pairs
 * with sᵀy ≤ 10⁻¹²·|s||y| are skipped (keeps H positive definite), and a non-descent direction resets the
 * memory to steepest descent.
 */
final class Lbfgs {
    static final int MEMORY = 5;

    /** A smooth function: returns f(x) and writes ∇f(x) into g. */
    interface Function {
        double evaluate(double[] x, double[] g);
    }

    /** Decides after each iteration whether to stop: {@code iteration} counts from 0, {@code value} is f(x). */
    interface Stop {
        boolean test(int iteration, double value);
    }

    /** @param iterations iterations taken; @param evaluations function evaluations; @param value f at the returned x; @param lineSearchFailed no Armijo step was found */
    record Result(int iterations, int evaluations, double value, boolean lineSearchFailed) {}

    private Lbfgs() {}

    /**
     * Minimises from x (overwritten with the final iterate).
     *
     * @param maxIterations upper bound on iterations (≥ 0)
     * @param options deadline checked once per iteration
     */
    static Result minimise(Function fn, double[] x, int maxIterations, Stop stop, SolverOptions options) {
        return minimise(fn, x, null, maxIterations, stop, options);
    }

    /**
     * As {@link #minimise(Function, double[], int, Stop, SolverOptions)} with a diagonal preconditioner: the initial
     * inverse Hessian is H₀ = γ·diag(p) with γ = sᵀy / yᵀdiag(p)y, so that p should approximate the inverse of
     * the Hessian's diagonal up to a common factor.
     *
     * @param precondition positive entries, one per variable; null for the identity
     */
    static Result minimise(Function fn, double[] x, double[] precondition, int maxIterations, Stop stop, SolverOptions options) {
        double[] p0 = precondition;
        int size = x.length;
        double[][] s = new double[MEMORY][size];
        double[][] y = new double[MEMORY][size];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[size];
        double[] d = new double[size];
        double[] xn = new double[size];
        double[] gn = new double[size];
        int stored = 0, newest = -1;
        double f = fn.evaluate(x, g);
        int evals = 1;
        int it = 0;
        for (; it < maxIterations; it++) {
            if (stop.test(it, f)) return new Result(it, evals, f, false);
            options.checkDeadline();
            // Two-loop recursion: d = −H·g.
            System.arraycopy(g, 0, d, 0, size);
            for (int t = 0; t < stored; t++) {
                int p = Math.floorMod(newest - t, MEMORY);
                alpha[p] = rho[p] * dot(s[p], d);
                axpy(-alpha[p], y[p], d);
            }
            if (p0 == null) {
                double gamma = stored > 0 ? dot(s[newest], y[newest]) / dot(y[newest], y[newest]) : 1;
                for (int q = 0; q < size; q++) d[q] *= gamma;
            } else {
                double gamma = 1;
                if (stored > 0) {
                    double yhy = 0;
                    for (int q = 0; q < size; q++) yhy += y[newest][q] * p0[q] * y[newest][q];
                    gamma = dot(s[newest], y[newest]) / yhy;
                }
                for (int q = 0; q < size; q++) d[q] *= gamma * p0[q];
            }
            for (int t = stored - 1; t >= 0; t--) {
                int p = Math.floorMod(newest - t, MEMORY);
                double beta = rho[p] * dot(y[p], d);
                axpy(alpha[p] - beta, s[p], d);
            }
            for (int q = 0; q < size; q++) d[q] = -d[q];
            double gd = dot(g, d);
            if (!(gd < 0)) {
                stored = 0;
                for (int q = 0; q < size; q++) d[q] = -(p0 == null ? 1 : p0[q]) * g[q];
                gd = dot(g, d);
                if (gd == 0) return new Result(it, evals, f, false);
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-gd)) : 1;
            double fn1 = Double.NaN;
            boolean found = false;
            for (int trial = 0; trial < 40; trial++) {
                for (int q = 0; q < size; q++) xn[q] = x[q] + step * d[q];
                fn1 = fn.evaluate(xn, gn);
                evals++;
                if (fn1 <= f + 1e-4 * step * gd) {
                    found = true;
                    break;
                }
                step *= 0.5;
            }
            if (!found) return new Result(it, evals, f, true);
            newest = (newest + 1) % MEMORY;
            double sy = 0, ss = 0, yy = 0;
            for (int q = 0; q < size; q++) {
                double sq = xn[q] - x[q], yq = gn[q] - g[q];
                s[newest][q] = sq;
                y[newest][q] = yq;
                sy += sq * yq;
                ss += sq * sq;
                yy += yq * yq;
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                rho[newest] = 1 / sy;
                stored = Math.min(MEMORY, stored + 1);
            } else {
                // The slot just written held the oldest pair when the memory was full: it is lost either way.
                newest = Math.floorMod(newest - 1, MEMORY);
                if (stored == MEMORY) stored--;
            }
            System.arraycopy(xn, 0, x, 0, size);
            System.arraycopy(gn, 0, g, 0, size);
            f = fn1;
        }
        return new Result(it, evals, f, false);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) s += a[q] * b[q];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int q = 0; q < x.length; q++) y[q] += a * x[q];
    }
}
