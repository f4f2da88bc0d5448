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
 * same certificate digit for digit, for the default part count and for another one. The instance is just above the
 * size where the row parts are used.
 */
class BurerMonteiroThreadsTest {
    private static final BurerMonteiro.Settings SETTINGS = new BurerMonteiro.Settings(400, 0, Integer.MAX_VALUE, 1, BurerMonteiro.DELTA_FRACTION, BurerMonteiro.GOAL, true, Lbfgs.MEMORY);

    @Test
    void certificateIsBitIdenticalForAnyThreadCount() {
        FitTarget t = target();
        BurerMonteiro.Result one = BurerMonteiro.run(t, SolverOptions.defaults().withThreads(1), SETTINGS);
        assertEquals(BurerMonteiro.PARALLEL_BLOCKS, one.statistics().get("blocks"));
        for (int threads : new int[] {2, 3}) assertSame(one, BurerMonteiro.run(t, SolverOptions.defaults().withThreads(threads), SETTINGS), threads + " threads");
    }

    /** With another part count ({@code -O parts=8}) the certificate is again the same for 1 and 2 threads. */
    @Test
    void otherPartCountIsBitIdenticalToo() {
        FitTarget t = target();
        SolverOptions eight = SolverOptions.defaults().withExtra(Map.of("parts", "8"));
        BurerMonteiro.Result one = BurerMonteiro.run(t, eight.withThreads(1), SETTINGS);
        assertEquals(8, one.statistics().get("blocks"));
        assertSame(one, BurerMonteiro.run(t, eight.withThreads(2), SETTINGS), "parts=8, 2 threads");
    }

    private static FitTarget target() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(6000, 2, Map.of("degree", "18", "margin", "1/10")).instance();
        FitTarget t = FitTarget.of(inst);
        assertTrue(t.omega.m() >= BurerMonteiro.PARALLEL_MIN_ENTRIES, "large enough for the row parts");
        return t;
    }

    private static void assertSame(BurerMonteiro.Result one, BurerMonteiro.Result other, String what) {
        assertNotNull(one.body(), one.message());
        assertNotNull(other.body(), other.message());
        assertEquals(one.statistics().get("iterations"), other.statistics().get("iterations"), what + ": iterations");
        assertEquals(one.statistics().get("residual"), other.statistics().get("residual"), what + ": residual");
        assertEquals(one.body().shift(), other.body().shift(), what + ": shift");
        RationalArray a = one.body().factor().exactValues(), b = other.body().factor().exactValues();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) assertEquals(a.get(k), b.get(k), what + ": factor entry " + k);
        assertArrayEquals(one.body().factor().approxValues(), other.body().factor().approxValues(), 0.0);
    }

    /** The stated array bytes follow the formula of the class comment. */
    @Test
    void arrayBytesFormula() {
        assertEquals((48L + 40) * 1_000_000 * 21 + 16L * 10_000_000 + 20L * 1_000_000, BurerMonteiro.arrayBytes(1_000_000, 11_000_000, 21, 5));
    }
}
