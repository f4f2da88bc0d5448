package mcs.solvers.perm.glynn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;
import org.junit.jupiter.api.Test;

/**
 * {@link GlynnBlock} computes {@link GlynnBlock#STEPS_TOGETHER} Gray-code steps pass by pass (for cache reuse);
 * every lane must still see the same roundings in the same order as one step at a time, so each task's parts
 * are bit-identical for any number of steps together, on both the one-word and the two-word path, and also
 * where a task has fewer steps than that number.
 */
class GlynnBlockStepsTest {
    private static PermInstance doubles(Random rnd, int n, boolean grid) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = rnd.nextDouble() * 2 - 1;
                a[i][j] = Rational.ofDouble(grid ? Math.scalb(Math.rint(Math.scalb(x, 20)), -20) : x);
            }
        }
        return PermInstance.permanent(RationalMatrix.of(a));
    }

    private static void assertSameParts(double[][] hi, double[][] lo, int n) {
        int free = n - 1;
        int split = SignTasks.splitBits(free);
        int low = free - split;
        SolverOptions o = SolverOptions.defaults();
        for (int t : new int[] {0, (1 << split) - 1}) {
            List<GlynnPart> one = GlynnBlock.task(hi, lo, low, t, o, 1);
            for (int together : new int[] {2, GlynnBlock.STEPS_TOGETHER, 8}) {
                assertEquals(one, GlynnBlock.task(hi, lo, low, t, o, together), "n = " + n + ", task " + t + ", " + together + " steps together");
            }
        }
    }

    @Test
    void partsDoNotDependOnStepsTogether() {
        Random rnd = new Random(4L);
        assertTrue(GlynnBlock.STEPS_TOGETHER > 1, "the batched path is the one in use");
        // n = 11: 2^(10 − 8) = 4 steps per lane; n = 10: 2 (fewer than STEPS_TOGETHER); n = 15: 2^(14 − 2 − 8) = 16.
        for (int n : new int[] {10, 11, 15}) {
            FixedPointColumns f = FixedPointColumns.of(doubles(rnd, n, true), 51);
            assertTrue(f.exactColumns(), "grid 2^-20 fits one word");
            assertSameParts(FixedPointColumns.asDoubles(f.re()), null, n);
            DoubleWordColumns dw = DoubleWordColumns.of(doubles(rnd, n, false));
            assertNotNull(dw, "53-bit doubles take two words");
            assertSameParts(dw.hi(), dw.lo(), n);
        }
    }
}
