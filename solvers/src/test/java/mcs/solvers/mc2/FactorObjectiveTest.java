package mcs.solvers.mc2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FactorObjective} against its definition, its gradient against central differences, and threads against one. */
class FactorObjectiveTest {
    /** f(F) = Σ_{lower entries} w·(F_i·F_j + δ[i=j] − a)², straight from the definition. */
    private static double direct(FitTarget t, double[] f, int r, double delta) {
        Pattern p = t.omega;
        double sum = 0;
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                int j = p.col(e);
                if (!t.constrains(e, i)) continue;
                double d = 0;
                for (int c = 0; c < r; c++) d += f[i * r + c] * f[j * r + c];
                double x = d + (i == j ? delta : 0) - t.approx[e];
                sum += (i == j ? 1 : 2) * x * x;
            }
        }
        return sum;
    }

    private static double[] random(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[size];
        for (int q = 0; q < size; q++) f[q] = rng.nextGaussian() * 0.5;
        return f;
    }

    private static void checkAgainstDefinition(FitTarget t, int r, double delta) {
        checkAgainstDefinition(t, r, delta, new RowBlocks(t.omega, null, 1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            checkAgainstDefinition(t, r, delta, new RowBlocks(t.omega, pool, 2));
        } finally {
            pool.shutdownNow();
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

    @Test
    void threadsGiveTheSameGradientAndNearlyTheSameValue() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(300, 5, Map.of("degree", "6")).instance();
        FitTarget t = FitTarget.of(inst);
        int r = 5;
        double[] f = random(t.n() * r, 11);
        double[] g1 = new double[f.length], g2 = new double[f.length];
        double v1 = new FactorObjective(t, r, 0.02, new RowBlocks(t.omega, null, 1)).evaluate(f, g1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            double v2 = new FactorObjective(t, r, 0.02, new RowBlocks(t.omega, pool, 2)).evaluate(f, g2);
            // The threaded pass visits each pair from both ends, the sequential one once: same numbers up to rounding.
            double scale = 0;
            for (double x : g1) scale = Math.max(scale, Math.abs(x));
            assertArrayEquals(g1, g2, 1e-12 * scale);
            assertEquals(v1, v2, 1e-12 * v1);
        } finally {
            pool.shutdownNow();
        }
    }
}
