package mcs.solvers.haf.cycles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.MatchingSums;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code hafnian-cycles} and {@code loop-hafnian-cycles}: every answer's error bound covers its
 * distance to the exact value (closed forms, the naive matching sums), and the value does not depend on the
 * thread count.
 */
class CycleHafnianSolverTest {
    static final CycleHafnianSolver HAF = new CycleHafnianSolver();
    static final LoopCycleHafnianSolver LOOP = new LoopCycleHafnianSolver();

    /** Asserts that the solver's answer lies within its bound of the exact value; returns |error|₁ / bound. */
    static double covered(SolverResult r, ComplexValue exact) {
        assertEquals(Status.SOLVED, r.status(), r.message());
        ComplexValue v = ComplexValue.parse(r.value());
        Rational bound = r.certificate().errorBound();
        Rational err = v.re().subtract(exact.re()).abs().add(v.im().subtract(exact.im()).abs());
        assertTrue(err.compareTo(bound) <= 0, "value " + r.value() + " is " + err.toDouble() + " from " + exact + ", beyond the bound " + bound.toDouble());
        return bound.isZero() ? 0 : err.divide(bound).toDouble();
    }

    static SolverResult solve(Problem p, RationalMatrix re, RationalMatrix im, int threads) {
        PermInstance inst = new PermInstance(p, im != null ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL, re, im);
        return (p == Problem.HAFNIAN ? HAF : LOOP).solve(inst, null, SolverOptions.defaults().withThreads(threads));
    }

    static RationalMatrix constant(int n, long diag, long off) {
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = i == j ? diag : off;
        return RationalMatrix.ofLongs(a);
    }

    static RationalMatrix randomSymmetric(int n, Random rnd, boolean decimals) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = decimals ? Rational.ofDecimal(rnd.nextInt(20001) - 10000, -4) : Rational.of(rnd.nextInt(11) - 5);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    @Test
    void closedForms() {
        for (int k = 0; k <= 10; k++) {
            covered(solve(Problem.HAFNIAN, constant(2 * k, 7, 1), null, 2), new ComplexValue(Rational.of(MatchingSums.doubleFactorial(k)), Rational.ZERO));
            // haf(I) = 0 (for n ≥ 2), lhaf(I) = 1
            if (k > 0) covered(solve(Problem.HAFNIAN, constant(2 * k, 1, 0), null, 1), new ComplexValue(Rational.ZERO, Rational.ZERO));
        }
        for (int n = 0; n <= 17; n++) {
            covered(solve(Problem.LOOP_HAFNIAN, constant(n, 1, 0), null, 1), new ComplexValue(Rational.ONE, Rational.ZERO));
            covered(solve(Problem.LOOP_HAFNIAN, constant(n, 1, 1), null, 2), new ComplexValue(Rational.of(MatchingSums.involutions(n)), Rational.ZERO));
        }
        // haf(i·J_2k) = i^k (2k−1)!!
        for (int k = 1; k <= 6; k++) {
            BigInteger df = MatchingSums.doubleFactorial(k);
            Rational v = Rational.of(k % 4 == 2 || k % 4 == 3 ? df.negate() : df);
            ComplexValue exact = k % 2 == 0 ? new ComplexValue(v, Rational.ZERO) : new ComplexValue(Rational.ZERO, v);
            covered(solve(Problem.HAFNIAN, constant(2 * k, 0, 0), constant(2 * k, 0, 1), 1), exact);
        }
    }

    @Test
    void emptyMatrixIsOne() {
        RationalMatrix empty = RationalMatrix.ofLongs(new long[0][0]);
        SolverResult r = solve(Problem.HAFNIAN, empty, null, 1);
        assertEquals("1", r.value());
        assertEquals(Rational.ZERO, r.certificate().errorBound());
        assertEquals("1", solve(Problem.LOOP_HAFNIAN, empty, null, 1).value());
    }

    @Test
    void boundsCoverTheNaiveValues() {
        Random rnd = new Random(17);
        for (int n = 1; n <= 12; n++) {
            for (int trial = 0; trial < 3; trial++) {
                boolean decimals = trial > 0;
                RationalMatrix re = randomSymmetric(n, rnd, decimals);
                RationalMatrix im = trial == 2 ? randomSymmetric(n, rnd, true) : null;
                covered(solve(Problem.LOOP_HAFNIAN, re, im, 1 + trial % 2), MatchingSums.loopHafnian(re, im));
                if (n % 2 == 0) covered(solve(Problem.HAFNIAN, re, im, 1 + trial % 2), MatchingSums.hafnian(re, im));
            }
        }
    }

    /** Up to order 26 (the line): exact values from the modular solver, real and complex four-digit decimals. */
    @Test
    void boundsCoverExactValuesUpToOrder26() {
        Random rnd = new Random(26);
        for (int n = 14; n <= 26; n += 4) {
            for (boolean complex : new boolean[] {false, true}) {
                RationalMatrix re = randomSymmetric(n, rnd, true), im = complex ? randomSymmetric(n, rnd, true) : null;
                for (Problem p : new Problem[] {Problem.HAFNIAN, Problem.LOOP_HAFNIAN}) {
                    PermInstance inst = new PermInstance(p, complex ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL, re, im);
                    mcs.problems.spi.Solver exact = p == Problem.HAFNIAN ? new mcs.solvers.haf.exact.ExactCycleHafnianSolver()
                            : new mcs.solvers.haf.exact.ExactLoopCycleHafnianSolver();
                    ComplexValue truth = ComplexValue.parse(exact.solve(inst, null, SolverOptions.defaults()).value());
                    SolverResult r = solve(p, re, im, 2);
                    covered(r, truth);
                    double rel = (double) r.statistics().get("relative_error_bound");
                    assertTrue(rel < 1e-12, p + " n=" + n + (complex ? " complex" : "") + ": relative bound " + rel);
                }
            }
        }
    }

    @Test
    void sameValueForEveryThreadCount() {
        Random rnd = new Random(3);
        RationalMatrix re = randomSymmetric(28, rnd, true), im = randomSymmetric(28, rnd, true);
        for (Problem p : new Problem[] {Problem.HAFNIAN, Problem.LOOP_HAFNIAN}) {
            SolverResult one = solve(p, re, im, 1), three = solve(p, re, im, 3);
            assertEquals(one.value(), three.value());
            assertEquals(one.certificate().errorBound(), three.certificate().errorBound());
        }
    }

    @Test
    void refusesOddOrderAndAsymmetry() {
        assertEquals(Status.UNSUPPORTED, solve(Problem.HAFNIAN, constant(3, 0, 1), null, 1).status());
        RationalMatrix a = RationalMatrix.ofLongs(new long[][] {{0, 1}, {2, 0}});
        assertEquals(Status.UNSUPPORTED, solve(Problem.HAFNIAN, a, null, 1).status());
        assertEquals(Status.UNSUPPORTED, solve(Problem.LOOP_HAFNIAN, a, null, 1).status());
    }
}
