package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
