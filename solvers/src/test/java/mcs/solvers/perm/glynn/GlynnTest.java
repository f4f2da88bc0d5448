package mcs.solvers.perm.glynn;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.PermTesting;
import mcs.solvers.perm.exact.BruteForcePermanentSolver;
import mcs.solvers.perm.exact.ExactModularSolver;
import mcs.solvers.perm.exact.RyserExactSolver;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/**
 * glynn and glynn-complex: the stated error bound covers the true error (exact values from exact-modular,
 * brute force or the Laplace expansion), the bound is small where it should be, values are bit-identical
 * for any thread count, and huge or tiny entries neither overflow nor underflow.
 */
class GlynnTest {
    private final GlynnSolver glynn = new GlynnSolver();
    private final GlynnComplexSolver complex = new GlynnComplexSolver();

    /** Asserts |value − exact| ≤ bound and returns bound / |exact| (or the bound when exact is 0). */
    private static double covers(SolverResult r, Rational exact, String where) {
        assertEquals(Status.SOLVED, r.status(), where + ": " + r.message());
        assertFalse(r.exact());
        Rational bound = r.certificate().errorBound();
        Rational err = Rational.parse(r.value()).subtract(exact).abs();
        assertTrue(err.compareTo(bound) <= 0, where + ": error " + err.toDouble() + " exceeds bound " + bound.toDouble());
        return exact.isZero() ? bound.toDouble() : bound.divide(exact.abs()).toDouble();
    }

    private SolverResult run(PermInstance inst, int threads) {
        return glynn.solve(inst, null, SolverOptions.defaults().withThreads(threads));
    }

    @Test
    void boundCoversTheErrorOnIntegersRationalsAndDoubles() {
        Random rnd = new Random(42L);
        ExactModularSolver modular = new ExactModularSolver();
        for (int trial = 0; trial < 14; trial++) {
            int n = 1 + trial % 12;
            long[][] ints = randomInts(rnd, n, 9);
            PermInstance inst = PermInstance.permanent(RationalMatrix.ofLongs(ints));
            double rel = covers(run(inst, 2), Rational.parse(perm(modular, ints)), "integers n=" + n);
            assertTrue(rel < 1e-6 || n < 3, "integer bound too loose: " + rel);
            Rational[][] q = new Rational[n][n];
            Rational[][] d = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q[i][j] = Rational.of(rnd.nextInt(2001) - 1000, 1 + rnd.nextInt(999));
                    d[i][j] = Rational.ofDouble(rnd.nextDouble() * 2 - 1);
                }
            }
            for (Rational[][] a : new Rational[][][] {q, d}) {
                PermInstance in = PermInstance.permanent(RationalMatrix.of(a));
                Rational exact = n <= 7 ? NaiveValues.permanent(a) : Rational.parse(PermTesting.value(new RyserExactSolver(), in));
                covers(run(in, 2), exact, "rational n=" + n);
            }
        }
    }

    @Test
    void knownValuesAndSpecVectors() {
        covers(run(PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}})), 1), Rational.of(10), "2x2");
        covers(run(PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{-1, 2, -3, -2}, {4, 5, 6, 7}, {-8, 0, 3, 1}, {-4, -5, 8, -6}})), 1),
                Rational.of(-1471), "4x4");
        covers(run(PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 1}, {1, -1}})), 1), Rational.ZERO, "H2");
        int n = 18;
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i][j] = i == j ? 0 : 1;
        double rel = covers(run(PermInstance.permanent(RationalMatrix.ofLongs(d)), 2), Rational.parse("2355301661033953"), "derangements 18");
        assertTrue(rel < 1e-10, "bound " + rel);
        assertEquals("0", run(PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 2}, {0, 0}})), 1).value());
        assertEquals("1", run(PermInstance.permanent(RationalMatrix.ofLongs(new long[0][0])), 1).value());
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        Random rnd = new Random(9L);
        Rational[][] a = new Rational[17][17];
        for (int i = 0; i < 17; i++) for (int j = 0; j < 17; j++) a[i][j] = Rational.ofDouble(rnd.nextDouble() * 2 - 1);
        PermInstance inst = PermInstance.permanent(RationalMatrix.of(a));
        SolverResult one = run(inst, 1);
        assertTrue((int) one.statistics().get("tasks") > 1, "the sum is split");
        for (int threads = 2; threads <= 4; threads++) {
            SolverResult r = run(inst, threads);
            assertEquals(one.value(), r.value(), threads + " threads");
            assertEquals(one.certificate().errorBound(), r.certificate().errorBound());
        }
    }

    @Test
    void hugeAndTinyEntriesAreScaledInLogSpace() {
        // perm(D·J·E) = n!·Πd·Πe with entries from 10^-400 to 10^400, far outside the double range.
        int n = 7;
        Rational[][] a = new Rational[n][n];
        Rational expected = Rational.of(5040);
        for (int i = 0; i < n; i++) {
            Rational di = Rational.ofDecimal(1 + i, 400 - 130 * i);
            expected = expected.multiply(di).multiply(Rational.ofDecimal(3, -50 * i));
            for (int j = 0; j < n; j++) a[i][j] = di.multiply(Rational.ofDecimal(3, -50 * j));
        }
        double rel = covers(run(PermInstance.permanent(RationalMatrix.of(a)), 1), expected, "log-space scaling");
        assertTrue(rel < 1e-12, "bound " + rel);
    }

    @Test
    void rowsOfVeryDifferentSizeStayAccurate() {
        // Row 0 is a long decimal (scaled by a power of two), row 1 small integers (scaled by its LCM): both
        // must end at comparable magnitudes, or the Glynn sum cancels away all accuracy.
        Rational[][] a = {{Rational.parse("0.1234567890123456789"), Rational.parse("0.2")}, {Rational.of(3, 10), Rational.of(4, 10)}};
        Rational exact = a[0][0].multiply(a[1][1]).add(a[0][1].multiply(a[1][0]));
        double rel = covers(run(PermInstance.permanent(RationalMatrix.of(a)), 1), exact, "unbalanced rows");
        assertTrue(rel < 1e-14, "bound " + rel);
    }

    @Test
    void identitiesHoldWithinTheBounds() {
        Random rnd = new Random(77L);
        int n = 7;
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rnd.nextInt(201) - 100, 100);
        Rational exact = NaiveValues.permanent(a);
        Rational[][] t = new Rational[n][n];
        Rational[][] p = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
                p[(i + 4) % n][(2 * j + 1) % n] = a[i][j].multiply(Rational.of(i + 1, 2));
            }
        }
        Rational scale = Rational.ONE;
        for (int i = 0; i < n; i++) scale = scale.multiply(Rational.of(i + 1, 2));
        covers(run(PermInstance.permanent(RationalMatrix.of(t)), 1), exact, "transpose");
        covers(run(PermInstance.permanent(RationalMatrix.of(p)), 1), exact.multiply(scale), "permuted and row-scaled");
    }

    @Test
    void eachInputKeepsItsColumnsInTheRightForm() {
        Random rnd = new Random(23L);
        int n = 9;
        Rational[][] d = new Rational[n][n];
        Rational[][] tiny = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Rational.ofDouble(rnd.nextDouble() * 2 - 1);
                tiny[i][j] = d[i][j];
            }
        }
        // An entry 2^-80 beside entries near 1 (with 53-bit mantissas) is not exact at exponent 98.
        tiny[3][5] = Rational.ofDouble(Math.scalb(0.7853981633974483, -80));
        long[][] ints = randomInts(rnd, n, 9);
        Rational[][] i9 = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) i9[i][j] = Rational.of(ints[i][j]);
        // 17-digit decimals, the usual text form of doubles, are exact in two words after LCM row scaling.
        Rational[][] dec = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) dec[i][j] = Rational.parse(Double.toString(rnd.nextDouble() * 2 - 1));
        String[] expected = {"two-word", "bounded", "one-word", "two-word"};
        Rational[][][] inputs = {d, tiny, i9, dec};
        for (int k = 0; k < inputs.length; k++) {
            PermInstance inst = PermInstance.permanent(RationalMatrix.of(inputs[k]));
            SolverResult r = run(inst, 2);
            assertEquals(expected[k], r.statistics().get("columns"));
            double rel = covers(r, NaiveValues.permanent(inputs[k]), expected[k]);
            assertTrue(rel < 1e-9, expected[k] + " bound " + rel);
        }
    }

    @Test
    void complexAgainstBruteForce() {
        Random rnd = new Random(13L);
        BruteForcePermanentSolver brute = new BruteForcePermanentSolver();
        for (int n = 1; n <= 8; n++) {
            Rational[][] re = new Rational[n][n];
            Rational[][] im = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i][j] = Rational.of(rnd.nextInt(19) - 9);
                    im[i][j] = n % 2 == 0 ? Rational.of(rnd.nextInt(19) - 9) : Rational.ofDouble(rnd.nextGaussian());
                }
            }
            PermInstance inst = new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX, RationalMatrix.of(re), RationalMatrix.of(im));
            ComplexValue exact = ComplexValue.parse(PermTesting.value(brute, inst));
            SolverResult r = complex.solve(inst, null, SolverOptions.defaults().withThreads(2));
            assertEquals(Status.SOLVED, r.status());
            ComplexValue v = ComplexValue.parse(r.value());
            Rational dr = v.re().subtract(exact.re());
            Rational di = v.im().subtract(exact.im());
            assertTrue(dr.square().add(di.square()).compareTo(r.certificate().errorBound().square()) <= 0, "n=" + n);
            if (n % 2 == 0) {
                Rational mod2 = exact.re().square().add(exact.im().square());
                assertTrue(r.certificate().errorBound().square().compareTo(mod2.multiply(Rational.of(1, 1_000_000_000_000L))) <= 0, "tight for integers");
            }
        }
        assertFalse(complex.accepts(PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1}}))));
        assertFalse(glynn.accepts(new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX,
                RationalMatrix.ofLongs(new long[][] {{1}}), RationalMatrix.ofLongs(new long[][] {{1}}))));
    }
}
