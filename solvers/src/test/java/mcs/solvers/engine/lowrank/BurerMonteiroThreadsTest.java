package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.exact.RationalArray;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.spi.SolverOptions;
import org.junit.jupiter.api.Test;

/**
 * The whole search in its default (parallel) mode is bit-identical for 1, 2 and 3 threads: the same iterations, the
 * same certificate digit for digit. The instance is just above the size where the row parts are used.
 */
class BurerMonteiroThreadsTest {
    private static final BurerMonteiro.Settings SETTINGS = new BurerMonteiro.Settings(400, 0, Integer.MAX_VALUE, 1, BurerMonteiro.DELTA_FRACTION, BurerMonteiro.GOAL, true, Lbfgs.MEMORY);

    @Test
    void certificateIsBitIdenticalForAnyThreadCount() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(6000, 2, Map.of("degree", "18", "margin", "1/10")).instance();
        FitTarget t = FitTarget.of(inst);
        assertTrue(t.omega.m() >= BurerMonteiro.PARALLEL_MIN_ENTRIES, "large enough for the row parts");
        BurerMonteiro.Result one = BurerMonteiro.run(t, SolverOptions.defaults().withThreads(1), SETTINGS);
        assertNotNull(one.body(), one.message());
        assertEquals(BurerMonteiro.PARALLEL_BLOCKS, one.statistics().get("blocks"));
        for (int threads : new int[] {2, 3}) {
            BurerMonteiro.Result other = BurerMonteiro.run(t, SolverOptions.defaults().withThreads(threads), SETTINGS);
            assertNotNull(other.body(), other.message());
            assertEquals(one.statistics().get("iterations"), other.statistics().get("iterations"), threads + " threads: iterations");
            assertEquals(one.statistics().get("residual"), other.statistics().get("residual"), threads + " threads: residual");
            assertEquals(one.body().shift(), other.body().shift(), threads + " threads: shift");
            RationalArray a = one.body().factor().exactValues(), b = other.body().factor().exactValues();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) assertEquals(a.get(k), b.get(k), threads + " threads: factor entry " + k);
            assertArrayEquals(one.body().factor().approxValues(), other.body().factor().approxValues(), 0.0);
        }
    }

    /** The stated array bytes follow the formula of the class comment. */
    @Test
    void arrayBytesFormula() {
        assertEquals((48L + 40) * 1_000_000 * 21 + 16L * 10_000_000 + 20L * 1_000_000, BurerMonteiro.arrayBytes(1_000_000, 11_000_000, 21, 5));
    }
}
