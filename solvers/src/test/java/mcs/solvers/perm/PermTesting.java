package mcs.solvers.perm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/** Shared helpers of the permanent tests: running a solver, random matrices, an the definition as an independent value. */
public final class PermTesting {
    private PermTesting() {}

    public static String value(Solver s, PermInstance inst) {
        SolverResult r = s.solve(inst, "0".repeat(64), SolverOptions.defaults());
        assertEquals(Status.SOLVED, r.status(), () -> s.name() + ": " + r.message());
        assertEquals(r.value(), r.certificate().value());
        assertEquals(true, r.exact());
        return r.value();
    }

    public static String perm(Solver s, long[][] a) {
        return value(s, PermInstance.permanent(RationalMatrix.ofLongs(a)));
    }

    public static long[][] randomInts(Random rnd, int n, int bound) {
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = rnd.nextInt(2 * bound + 1) - bound;
        return a;
    }

    public static Rational[][] toRationals(long[][] a) {
        Rational[][] r = new Rational[a.length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) r[i][j] = Rational.of(a[i][j]);
        return r;
    }

    /** A seeded random permutation of 0..n−1 (Fisher–Yates). */
    public static int[] shuffle(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
