package mcs.solvers.perm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.exact.BruteForcePermanentSolver;
import mcs.solvers.perm.exact.RyserExactSolver;
import org.junit.jupiter.api.Test;

/** Size and field limits answer UNSUPPORTED; an expired deadline answers TIMEOUT. */
class PermanentLimitsTest {
    private static final SolverOptions EXPIRED = new SolverOptions(System.nanoTime() - 1_000_000L, null, 1, 1, Map.of());

    private static PermInstance ones(int n) {
        long[][] a = new long[n][n];
        for (long[] row : a) java.util.Arrays.fill(row, 1);
        return PermInstance.permanent(RationalMatrix.ofLongs(a));
    }

    @Test
    void sizeLimits() {
        BruteForcePermanentSolver brute = new BruteForcePermanentSolver();
        RyserExactSolver ryser = new RyserExactSolver();
        assertTrue(brute.accepts(ones(10)));
        assertFalse(brute.accepts(ones(11)));
        assertTrue(ryser.accepts(ones(22)));
        assertFalse(ryser.accepts(ones(23)));
        SolverResult r = brute.solve(ones(11), null, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, r.status());
        assertTrue(r.message().contains("n <= 10"), r.message());
    }

    @Test
    void ryserRejectsComplexInput() {
        RyserExactSolver ryser = new RyserExactSolver();
        PermInstance c = PermanentIdentitiesTest.complex(new long[][] {{1}}, new long[][] {{1}});
        assertFalse(ryser.accepts(c));
        SolverResult r = ryser.solve(c, null, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, r.status());
        assertTrue(r.message().contains("complex"), r.message());
    }

    @Test
    void expiredDeadlineGivesTimeout() {
        assertEquals(Status.TIMEOUT, new RyserExactSolver().solve(ones(20), null, EXPIRED).status());
        assertEquals(Status.TIMEOUT, new BruteForcePermanentSolver().solve(ones(10), null, EXPIRED).status());
    }
}
