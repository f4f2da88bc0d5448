package mcs.solvers.haf.repeated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.repeated.RepeatedPermanentFloatSolver;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** The float repeated solvers: every stated error bound covers the exact error; values agree across thread counts. */
class RepeatedFloatBoundTest {
    private static void covers(Solver s, RepeatedInstance inst, Rational exact, String what) {
        SolverResult one = s.solve(inst, "0".repeat(64), SolverOptions.defaults().withThreads(1));
        SolverResult two = s.solve(inst, "0".repeat(64), SolverOptions.defaults().withThreads(2));
        assertEquals(Status.SOLVED, one.status(), one::message);
        assertEquals(one.value(), two.value(), what + ": thread count changed the value");
        Rational err = Rational.parse(one.value()).subtract(exact).abs();
        Rational bound = one.exact() ? Rational.ZERO : one.certificate().errorBound();
        assertTrue(err.compareTo(bound) <= 0, what + ": |" + one.value() + " - " + exact + "| = " + err.toDouble() + " > bound " + bound.toDouble());
    }

    /** Entries with many digits (not integers): p/q with q up to 97, and decimals. */
    private static RationalMatrix messy(SplittableRandom rng, int n, boolean symmetric) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (symmetric && j < i) {
                    a[i][j] = a[j][i];
                    continue;
                }
                a[i][j] = rng.nextInt(4) == 0 ? Rational.parse("0." + (100000 + rng.nextInt(900000))) : Rational.of(rng.nextInt(21) - 10, 1 + rng.nextInt(97));
            }
        }
        return RationalMatrix.of(a);
    }

    @Test
    void boundsCoverTheExactError() {
        SplittableRandom rng = new SplittableRandom(31);
        Solver haf = new RepeatedHafnianFloatSolver(), loop = new RepeatedHafnianFloatSolver.Loop(), perm = new RepeatedPermanentFloatSolver();
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(5);
            int[] r = new int[n];
            int t = 0;
            for (int i = 0; i < n; i++) t += r[i] = rng.nextInt(4);
            RationalMatrix a = messy(rng, n, true);
            RepeatedInstance l = RepeatedInstance.symmetric(new PermInstance(Problem.LOOP_HAFNIAN, PermInstance.Field.REAL, a, null), r);
            covers(loop, l, NaiveGaussian.value(l), "loop trial " + trial);
            int[] re = r.clone();
            if (t % 2 != 0) re[0]++;
            RepeatedInstance h = RepeatedInstance.symmetric(new PermInstance(Problem.HAFNIAN, PermInstance.Field.REAL, a, null), re);
            covers(haf, h, NaiveGaussian.value(h), "hafnian trial " + trial);
            int[] c = new int[n];
            for (int k = 0; k < t; k++) c[rng.nextInt(n)]++;
            RepeatedInstance p = new RepeatedInstance(PermInstance.permanent(messy(rng, n, false)), r, c);
            covers(perm, p, NaiveGaussian.value(p), "permanent trial " + trial);
        }
    }

    @Test
    void boundIsTightOnPositiveMatrices() {
        // No cancellation: the bound is a small multiple of u·|value|.
        Rational[][] a = new Rational[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) a[i][j] = Rational.of(1 + (i * 7 + j * 3) % 5, 3);
        for (int i = 0; i < 4; i++) for (int j = 0; j < i; j++) a[i][j] = a[j][i];
        RepeatedInstance h = RepeatedInstance.symmetric(new PermInstance(Problem.HAFNIAN, PermInstance.Field.REAL, RationalMatrix.of(a), null), new int[] {2, 3, 1, 2});
        Rational exact = NaiveGaussian.value(h);
        SolverResult r = new RepeatedHafnianFloatSolver().solve(h, null, SolverOptions.defaults());
        assertEquals(Status.SOLVED, r.status(), r::message);
        assertTrue(r.certificate().errorBound().compareTo(exact.abs().multiply(Rational.parse("1e-9"))) < 0, "bound " + r.certificate().errorBound().toDouble());
    }
}
