package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.problems.spi.SolverOptions;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** The Rosenbrock function has its only minimum 0 at (1, 1); L-BFGS reaches it from the classic start (−1.2, 1). */
    @Test
    void rosenbrock() {
        Lbfgs.Function fn = (x, g) -> {
            double a = 1 - x[0], b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        double[] x = {-1.2, 1};
        Lbfgs.Result r = Lbfgs.minimise(fn, x, 500, (it, v) -> v < 1e-20, SolverOptions.defaults());
        assertTrue(r.value() < 1e-12, "f = " + r.value());
        assertEquals(1, x[0], 1e-5);
        assertEquals(1, x[1], 1e-5);
    }

    /** A diagonal quadratic with condition 10^4: the minimiser is the known vector b / d. */
    @Test
    void illConditionedQuadratic() {
        int size = 50;
        double[] d = new double[size], b = new double[size];
        for (int q = 0; q < size; q++) {
            d[q] = Math.pow(10, 4.0 * q / (size - 1));
            b[q] = q % 3 - 1;
        }
        Lbfgs.Function fn = (x, g) -> {
            double v = 0;
            for (int q = 0; q < size; q++) {
                v += 0.5 * d[q] * x[q] * x[q] - b[q] * x[q];
                g[q] = d[q] * x[q] - b[q];
            }
            return v;
        };
        double[] x = new double[size];
        Lbfgs.minimise(fn, x, 2000, (it, v) -> false, SolverOptions.defaults());
        for (int q = 0; q < size; q++) assertEquals(b[q] / d[q], x[q], 1e-6);
    }

    /** The preconditioned, parallel path reaches the same minimiser of the ill-conditioned quadratic, faster when P = diag(1/d). */
    @Test
    void preconditionedParallelQuadratic() {
        int size = 400;
        double[] d = new double[size], b = new double[size], p = new double[size];
        for (int q = 0; q < size; q++) {
            d[q] = Math.pow(10, 4.0 * (q % 50) / 49);
            b[q] = q % 3 - 1;
            p[q] = 1 / d[q];
        }
        Lbfgs.Function fn = (x, g) -> {
            double v = 0;
            for (int q = 0; q < size; q++) {
                v += 0.5 * d[q] * x[q] * x[q] - b[q] * x[q];
                g[q] = d[q] * x[q] - b[q];
            }
            return v;
        };
        double best = 0;
        for (int q = 0; q < size; q++) best -= 0.5 * b[q] * b[q] / d[q];
        final double target = best + 1e-12;
        var pool = new mcs.solvers.engine.parallel.Team(2);
        try {
            var blocks = new RowBlocks(mcs.problems.matrix.Pattern.dense(8), pool, 2);
            double[] x = new double[size];
            Lbfgs.Result r = Lbfgs.minimise(fn, x, p, blocks, 2000, (it, v) -> v <= target, SolverOptions.defaults());
            for (int q = 0; q < size; q++) assertEquals(b[q] / d[q], x[q], 1e-6);
            assertTrue(r.iterations() <= 5, "a diagonal quadratic with its exact inverse diagonal needs a step or two, took " + r.iterations());
        } finally {
            pool.close();
        }
    }

    /**
     * The fused passes (each vector step with the next inner product) give the textbook two-loop recursion's −H·g
     * up to rounding, for every number of stored pairs, with the newest pair in any slot, with and without P, in
     * one range and in parts.
     */
    @Test
    void directionIsTheTwoLoopRecursion() {
        int size = 3001, memory = 5;
        SplittableRandom rng = new SplittableRandom(7);
        float[][] s = new float[memory][size], y = new float[memory][size];
        double[] g = new double[size], pre = new double[size];
        for (int q = 0; q < size; q++) {
            g[q] = rng.nextGaussian();
            pre[q] = 0.5 + rng.nextDouble();
        }
        for (int k = 0; k < memory; k++) {
            for (int q = 0; q < size; q++) {
                s[k][q] = (float) rng.nextGaussian();
                // y ≈ A·s for a diagonal A > 0 plus noise: sᵀy > 0, as for pairs L-BFGS keeps.
                y[k][q] = (float) ((1 + q % 7) * s[k][q] + 0.1 * rng.nextGaussian());
            }
        }
        var pool = new mcs.solvers.engine.parallel.Team(2);
        try {
            for (double[] p : new double[][] {null, pre}) {
                double[] rho = new double[memory];
                for (int i = 0; i < memory; i++) {
                    double a = 0;
                    for (int q = 0; q < size; q++) a += (double) s[i][q] * y[i][q];
                    rho[i] = 1 / a;
                }
                for (int stored = 1; stored <= memory; stored++) {
                    for (int newest : new int[] {stored - 1, memory - 1, 2}) {
                        double gamma = 0.7;
                        double[] expected = twoLoop(g, s, y, rho, stored, newest, gamma, p);
                        for (Lbfgs.Ranges ranges : new Lbfgs.Ranges[] {Lbfgs.Ranges.SEQUENTIAL, new RowBlocks(mcs.problems.matrix.Pattern.dense(8), pool, 3)}) {
                            double[] d = new double[size];
                            double gd = Lbfgs.direction(g, d, s, y, rho, new double[memory], stored, newest, gamma, p, ranges);
                            double norm = 0, err = 0, dot = 0;
                            for (int q = 0; q < size; q++) {
                                norm = Math.max(norm, Math.abs(expected[q]));
                                err = Math.max(err, Math.abs(expected[q] - d[q]));
                                dot += g[q] * d[q];
                            }
                            String what = "stored " + stored + ", newest " + newest + (p == null ? "" : ", preconditioned");
                            assertTrue(err <= 1e-9 * norm, what + ": max error " + err + " against max |d| " + norm);
                            assertEquals(dot, gd, 1e-9 * Math.abs(dot), what + ": gᵀd");
                        }
                    }
                }
            }
        } finally {
            pool.close();
        }
    }

    /** Nocedal–Wright Algorithm 7.4 as written: q = g; α_i = ρ_i s_iᵀq, q −= α_i y_i; r = γPq; β_i = ρ_i y_iᵀr, r += (α_i − β_i) s_i; d = −r. */
    private static double[] twoLoop(double[] g, float[][] s, float[][] y, double[] rho, int stored, int newest, double gamma, double[] pre) {
        int size = g.length, memory = s.length;
        double[] q = g.clone(), alpha = new double[memory];
        for (int t = 0; t < stored; t++) {
            int p = Math.floorMod(newest - t, memory);
            double a = 0;
            for (int k = 0; k < size; k++) a += s[p][k] * q[k];
            alpha[p] = rho[p] * a;
            for (int k = 0; k < size; k++) q[k] -= alpha[p] * y[p][k];
        }
        for (int k = 0; k < size; k++) q[k] *= gamma * (pre == null ? 1 : pre[k]);
        for (int t = stored - 1; t >= 0; t--) {
            int p = Math.floorMod(newest - t, memory);
            double b = 0;
            for (int k = 0; k < size; k++) b += y[p][k] * q[k];
            b *= rho[p];
            for (int k = 0; k < size; k++) q[k] += (alpha[p] - b) * s[p][k];
        }
        for (int k = 0; k < size; k++) q[k] = -q[k];
        return q;
    }
}
