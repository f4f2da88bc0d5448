package mcs.solvers.perm.banded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** The band DP permanent against the definition and the Fibonacci closed form. */
class FrontierPermanentTest {
    private static SolverResult run(Solver s, PermInstance p) {
        SolverResult r = s.solve(p, "0".repeat(64), SolverOptions.defaults());
        assertEquals(Status.SOLVED, r.status(), r::message);
        return r;
    }

    @Test
    void tridiagonalZeroOneIsFibonacci() {
        Solver s = new FrontierPermanentSolver.Exact();
        BigInteger a = BigInteger.ONE, b = BigInteger.ONE; // F(1), F(2)
        for (int n = 1; n <= 60; n++) {
            long[][] t = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i][j] = Math.abs(i - j) <= 1 ? 1 : 0;
            assertEquals(b.toString(), run(s, PermInstance.permanent(RationalMatrix.ofLongs(t))).value(), "n=" + n); // F(n+1)
            BigInteger c = a.add(b);
            a = b;
            b = c;
        }
        long[][] t = new long[40][40];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 40; j++) t[i][j] = Math.abs(i - j) <= 1 ? 1 : 0;
        assertEquals("165580141", run(s, PermInstance.permanent(RationalMatrix.ofLongs(t))).value());
    }

    @Test
    void agreesWithTheDefinitionAndFloatBoundsHold() {
        SplittableRandom rng = new SplittableRandom(51);
        Solver exact = new FrontierPermanentSolver.Exact(), flt = new FrontierPermanentSolver.Float();
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rng.nextInt(9);
            int w = rng.nextInt(3);
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                boolean in = trial % 3 == 0 ? rng.nextInt(3) == 0 : j - i <= w && i - j <= w + (trial % 2);
                a[i][j] = in ? Rational.of(rng.nextInt(11) - 5, 1 + rng.nextInt(trial % 4 == 0 ? 9 : 1)) : Rational.ZERO;
            }
            PermInstance p = PermInstance.permanent(RationalMatrix.of(a));
            Rational truth = NaiveGaussian.permanent(a);
            assertEquals(truth.toString(), run(exact, p).value(), "trial " + trial);
            SolverResult f = run(flt, p);
            Rational bound = f.exact() ? Rational.ZERO : f.certificate().errorBound();
            assertTrue(Rational.parse(f.value()).subtract(truth).abs().compareTo(bound) <= 0, "float trial " + trial);
        }
    }
}
