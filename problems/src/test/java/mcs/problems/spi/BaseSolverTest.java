package mcs.problems.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class BaseSolverTest {
    /** Answers the trace as the "value"; takes orders up to 3 and times out on order 3. */
    static final class Toy extends BaseSolver<PermInstance> {
        Toy() {
            super(PermInstance.class, new SolverInfo("toy", Problem.PERMANENT, SolverKind.HEURISTIC, 7, "nothing; a test double"));
        }

        @Override
        protected String refusal(PermInstance p) {
            return p.n() > 3 ? "toy takes n <= 3, got " + p.n() : null;
        }

        @Override
        protected SolverResult run(PermInstance p, String sha, SolverOptions o) {
            if (p.n() == 3) throw new DeadlineExceededException();
            return SolverResult.of(name(), Status.ERROR, "ran on n = " + p.n());
        }
    }

    private static RationalMatrix identity(int n) {
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) a[i][i] = 1;
        return RationalMatrix.ofLongs(a);
    }

    private static PermInstance perm(int n) {
        return PermInstance.permanent(identity(n));
    }

    @Test
    void metadataComesFromTheInfo() {
        Toy t = new Toy();
        assertEquals("toy", t.name());
        assertEquals(Problem.PERMANENT, t.problem());
        assertEquals(SolverKind.HEURISTIC, t.kind());
        assertEquals(7, t.autoRank());
        assertEquals("nothing; a test double", t.guarantees());
    }

    @Test
    void outsideTheDomainIsUnsupportedWithTheReason() {
        Toy t = new Toy();
        SolverResult wrongProblem = t.solve(PermInstance.hafnian(identity(2)), null, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, wrongProblem.status());
        assertEquals("toy takes permanent instances, got hafnian", wrongProblem.message());
        SolverResult tooLarge = t.solve(perm(4), null, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, tooLarge.status());
        assertEquals("toy takes n <= 3, got 4", tooLarge.message());
        assertFalse(t.accepts(perm(4)));
        assertTrue(t.accepts(perm(2)));
        assertEquals("ran on n = 2", t.solve(perm(2), null, SolverOptions.defaults()).message());
    }

    @Test
    void anEscapingDeadlineIsATimeout() {
        assertEquals(Status.TIMEOUT, new Toy().solve(perm(3), null, SolverOptions.defaults()).status());
    }

    @Test
    void badInfoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SolverInfo("Bad Name", Problem.PERMANENT, SolverKind.EXACT, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SolverInfo("ok", Problem.PERMANENT, SolverKind.EXACT, 1, " "));
    }
}
