package mcs.problems.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SolverOptionsTest {
    @Test
    void typedExtrasParseOrNameTheKey() {
        SolverOptions o = SolverOptions.defaults().withExtra(Map.of("a", "12", "b", " 7 ", "c", "0.25", "bad", "x1", "big", "3000000000"));
        assertEquals(12, o.extraInt("a", 0));
        assertEquals(7L, o.extraLong("b", 0));
        assertEquals(0.25, o.extraDouble("c", 1), 0.0);
        assertEquals(5, o.extraInt("absent", 5));
        assertEquals(3_000_000_000L, o.extraLong("big", 0));
        assertTrue(assertThrows(NumberFormatException.class, () -> o.extraInt("bad", 0)).getMessage().contains("bad"));
        assertThrows(NumberFormatException.class, () -> o.extraInt("big", 0));
        assertThrows(NumberFormatException.class, () -> o.extraDouble("bad", 0));
    }

    @Test
    void withExtraMergesAndOverridesByKey() {
        SolverOptions base = SolverOptions.defaults().withSeed(9).withExtra(Map.of("max-general", "60", "stop", "converged"));
        SolverOptions o = base.withExtra(Map.of("max-general", "0", "rank", "4"));
        assertEquals(Map.of("max-general", "0", "stop", "converged", "rank", "4"), o.extra());
        assertEquals(9, o.seed());
        assertEquals(Map.of("max-general", "60", "stop", "converged"), base.extra(), "the receiver is unchanged");
        assertEquals(base.extra(), base.withExtra(Map.of()).extra(), "merging nothing keeps every option");
    }

    @Test
    void deadlines() {
        assertTrue(!SolverOptions.defaults().expired());
        SolverOptions past = SolverOptions.defaults().withTimeoutSeconds(-1);
        assertTrue(past.expired());
        assertThrows(DeadlineExceededException.class, past::checkDeadline);
    }
}
