package mcs.solvers.perm;

import static mcs.solvers.perm.PermTesting.perm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mcs.problems.spi.Solver;
import mcs.solvers.perm.exact.BruteForcePermanentSolver;
import mcs.solvers.perm.exact.ExactModularSolver;
import mcs.solvers.perm.exact.RyserExactSolver;
import org.junit.jupiter.api.Test;

/** The permanents of SPEC §6, with the dense exact permanent solvers. */
class PermanentSpecVectorsTest {
    private static final List<Solver> SOLVERS = List.of(new BruteForcePermanentSolver(), new RyserExactSolver(), new ExactModularSolver());

    private static void expect(String value, long[][] a) {
        for (Solver s : SOLVERS) assertEquals(value, perm(s, a), s.name());
    }

    @Test
    void twoByTwo() {
        expect("10", new long[][] {{1, 2}, {3, 4}});
    }

    @Test
    void oneToNine() {
        expect("450", new long[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    }

    @Test
    void tridiagonal() {
        expect("12", new long[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}});
    }

    @Test
    void mixed3() {
        expect("630", new long[][] {{5, 2, 3}, {1, 4, 6}, {7, 8, 9}});
    }

    @Test
    void negativeEntries4() {
        expect("-1471", new long[][] {{-1, 2, -3, -2}, {4, 5, 6, 7}, {-8, 0, 3, 1}, {-4, -5, 8, -6}});
    }

    @Test
    void allOnes4() {
        expect("24", new long[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}});
    }

    @Test
    void identityPlusCyclicShift5() {
        long[][] a = new long[5][5];
        for (int i = 0; i < 5; i++) {
            a[i][i] = 1;
            a[i][(i + 1) % 5] = 1;
        }
        expect("2", a);
    }

    @Test
    void sylvesterHadamard() {
        expect("8", new long[][] {{1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}});
        expect("0", new long[][] {{1, 1}, {1, -1}});
    }

    @Test
    void emptyMatrixHasPermanentOne() {
        expect("1", new long[0][0]);
    }
}
