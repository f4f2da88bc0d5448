package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.parallel.Team;
import org.junit.jupiter.api.Test;

/** {@link FactorObjective} against its definition, its gradient against central differences, and threads against one. */
class FactorObjectiveTest {
    /** F_i·F_j + δ[i=j] − a_e for entry e = (i, j). */
    private static double residual(FitTarget t, double[] f, int r, double delta, int i, int j, int e) {
        double d = 0;
        for (int c = 0; c < r; c++) d += f[i * r + c] * f[j * r + c];
        return d + (i == j ? delta : 0) - t.approx[e];
    }

    /** f(F) = Σ_{lower entries} w·(F_i·F_j + δ[i=j] − a)², straight from the definition. */
    private static double direct(FitTarget t, double[] f, int r, double delta) {
        Pattern p = t.omega;
        double sum = 0;
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                int j = p.col(e);
                if (!t.constrains(e, i)) continue;
                double x = residual(t, f, r, delta, i, j, e);
                sum += (i == j ? 1 : 2) * x * x;
            }
        }
        return sum;
    }

    /** ∇f from the definition: for each constrained entry, d/dF_i and d/dF_j of w·R² in pattern order. */
    private static double[] directGradient(FitTarget t, double[] f, int r, double delta) {
        Pattern p = t.omega;
        double[] g = new double[f.length];
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                int j = p.col(e);
                if (!t.constrains(e, i)) continue;
                double x = residual(t, f, r, delta, i, j, e);
                for (int c = 0; c < r; c++) {
                    if (i == j) {
                        g[i * r + c] += 4 * x * f[i * r + c];
                    } else {
                        g[i * r + c] += 4 * x * f[j * r + c];
                        g[j * r + c] += 4 * x * f[i * r + c];
                    }
                }
            }
        }
        return g;
    }

    private static double[] random(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[size];
        for (int q = 0; q < size; q++) f[q] = rng.nextGaussian() * 0.5;
        return f;
    }

    private static void checkAgainstDefinition(FitTarget t, int r, double delta) {
        checkAgainstDefinition(t, r, delta, new RowBlocks(t.omega, null, 1));
        Team pool = new Team(2);
        try {
            checkAgainstDefinition(t, r, delta, new RowBlocks(t.omega, pool, 2));
        } finally {
            pool.close();
        }
    }

    private static void checkAgainstDefinition(FitTarget t, int r, double delta, RowBlocks blocks) {
        FactorObjective obj = new FactorObjective(t, r, delta, blocks);
        double[] f = random(t.n() * r, 7);
        double[] g = new double[f.length];
        double v = obj.evaluate(f, g);
        assertEquals(direct(t, f, r, delta), v, 1e-10 * Math.max(1, v));
        double[] gp = new double[f.length];
        for (int q = 0; q < f.length; q += 7) {
            double h = 1e-6, keep = f[q];
            f[q] = keep + h;
            double up = obj.evaluate(f, gp);
            f[q] = keep - h;
            double down = obj.evaluate(f, gp);
            f[q] = keep;
            assertEquals((up - down) / (2 * h), g[q], 1e-5 * Math.max(1, Math.abs(g[q])), "gradient component " + q);
        }
    }

    @Test
    void mc1ValueAndGradient() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(40, 3, Map.of("degree", "5")).instance();
        checkAgainstDefinition(FitTarget.of(inst), 4, 0.05);
    }

    @Test
    void mc2WithoutDiagonalValueAndGradient() {
        Mc2Instance inst = (Mc2Instance) Families.byName("mc2-random").orElseThrow()
                .generate(30, 4, Map.of("degree", "4", "k", "3", "diagonal", "false")).instance();
        checkAgainstDefinition(FitTarget.of(inst), 3, 0);
    }

    /**
     * Both passes (one block: each pair once; 16 blocks: each pair from both ends) equal the definition to 1e-12, at
     * several ranks, with the default column blocks and with one-row and all-rows column blocks.
     */
    @Test
    void blockedPassesEqualTheNaiveGradient() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(2500, 9, Map.of("degree", "10")).instance();
        FitTarget t = FitTarget.of(inst);
        for (int r : new int[] {1, 3, 8, 21, 300}) {
            double[] f = random(t.n() * r, 13 + r);
            double[] want = directGradient(t, f, r, 0.03);
            double wantValue = direct(t, f, r, 0.03);
            double scale = 0;
            for (double x : want) scale = Math.max(scale, Math.abs(x));
            for (int blocks : new int[] {1, 16}) {
                for (long bytes : new long[] {FactorObjective.defaultBlockBytes(t.n(), r), 16L * r, 16L * r * t.n()}) {
                    double[] g = new double[f.length];
                    java.util.Arrays.fill(g, Double.NaN); // every entry must be written
                    double v = new FactorObjective(t, r, 0.03, new RowBlocks(t.omega, null, blocks), bytes).evaluate(f, g);
                    String where = "r = " + r + ", blocks = " + blocks + ", column block bytes = " + bytes;
                    assertEquals(wantValue, v, 1e-12 * wantValue, "value, " + where);
                    assertArrayEquals(want, g, 1e-12 * scale, "gradient, " + where);
                }
            }
        }
    }

    /** With a fixed block count the result is bit-identical whether the blocks run on 1, 2 or 3 threads. */
    @Test
    void fixedBlocksGiveBitIdenticalResultsForAnyThreadCount() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(2000, 6, Map.of("degree", "12")).instance();
        FitTarget t = FitTarget.of(inst);
        int r = 7;
        double[] f0 = random(t.n() * r, 17);
        double[] g1 = new double[f0.length];
        double v1 = new FactorObjective(t, r, 0.02, new RowBlocks(t.omega, null, 16)).evaluate(f0, g1);
        // A short L-BFGS run as well: the vector passes split the same way.
        double[] x1 = f0.clone();
        RowBlocks seq = new RowBlocks(t.omega, null, 16);
        Lbfgs.Result r1 = Lbfgs.minimise(new FactorObjective(t, r, 0.02, seq), x1, null, seq, 25, (it, v) -> false, mcs.problems.spi.SolverOptions.defaults());
        for (int threads : new int[] {2, 3}) {
            Team pool = new Team(threads);
            try {
                RowBlocks par = new RowBlocks(t.omega, pool, 16);
                double[] g2 = new double[f0.length];
                double v2 = new FactorObjective(t, r, 0.02, par).evaluate(f0, g2);
                assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v2), threads + " threads: value");
                assertArrayEquals(g1, g2, 0.0, threads + " threads: gradient");
                double[] x2 = f0.clone();
                Lbfgs.Result r2 = Lbfgs.minimise(new FactorObjective(t, r, 0.02, par), x2, null, par, 25, (it, v) -> false, mcs.problems.spi.SolverOptions.defaults());
                assertEquals(r1, r2, threads + " threads: L-BFGS result");
                assertArrayEquals(x1, x2, 0.0, threads + " threads: L-BFGS iterate");
            } finally {
                pool.close();
            }
        }
    }

    @Test
    void threadsGiveTheSameGradientAndNearlyTheSameValue() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(300, 5, Map.of("degree", "6")).instance();
        FitTarget t = FitTarget.of(inst);
        int r = 5;
        double[] f = random(t.n() * r, 11);
        double[] g1 = new double[f.length], g2 = new double[f.length];
        double v1 = new FactorObjective(t, r, 0.02, new RowBlocks(t.omega, null, 1)).evaluate(f, g1);
        Team pool = new Team(2);
        try {
            double v2 = new FactorObjective(t, r, 0.02, new RowBlocks(t.omega, pool, 2)).evaluate(f, g2);
            // The threaded pass visits each pair from both ends, the sequential one once: same numbers up to rounding.
            double scale = 0;
            for (double x : g1) scale = Math.max(scale, Math.abs(x));
            assertArrayEquals(g1, g2, 1e-12 * scale);
            assertEquals(v1, v2, 1e-12 * v1);
        } finally {
            pool.close();
        }
    }
}
