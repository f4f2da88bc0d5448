package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.MatchingSums;
import org.junit.jupiter.api.Test;

/** The kernel's verdicts on (loop) hafnian certificates: exact and bounded claims, and its budgets. */
class LoopHafnianCheckTest {
    static PermInstance instance(Problem p, RationalMatrix re, RationalMatrix im) {
        return new PermInstance(p, im == null ? PermInstance.Field.REAL : PermInstance.Field.COMPLEX, re, im);
    }

    static RationalMatrix symmetric(int n, Random rnd, boolean decimals) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
            Rational v = decimals ? Rational.ofDecimal(rnd.nextLong() % 100_000_000_000_000_000L, -17) : Rational.of(rnd.nextInt(5) - 2);
            a[i][j] = v;
            a[j][i] = v;
        }
        return RationalMatrix.of(a);
    }

    @Test
    void exactAndBoundedLoopHafnianClaims() {
        Random rnd = new Random(1);
        RationalMatrix re = symmetric(9, rnd, false), im = symmetric(9, rnd, false);
        PermInstance inst = instance(Problem.LOOP_HAFNIAN, re, im);
        ComplexValue truth = MatchingSums.loopHafnian(re, im);
        KernelOptions o = KernelOptions.defaults();
        assertEquals(Outcome.ACCEPTED, PermanentCheck.check(inst, Certificate.exactValue(Problem.LOOP_HAFNIAN, null, truth.toString()), o).outcome());
        ComplexValue off = new ComplexValue(truth.re().add(Rational.ONE), truth.im());
        Judgement wrong = PermanentCheck.check(inst, Certificate.exactValue(Problem.LOOP_HAFNIAN, null, off.toString()), o);
        assertEquals(Outcome.REJECTED, wrong.outcome());
        assertEquals("value", wrong.check());
        assertEquals(Outcome.ACCEPTED, PermanentCheck.check(inst, Certificate.approximateValue(Problem.LOOP_HAFNIAN, null, off.toString(), Rational.ONE), o).outcome());
        Judgement tooTight = PermanentCheck.check(inst, Certificate.approximateValue(Problem.LOOP_HAFNIAN, null, off.toString(), Rational.HALF), o);
        assertEquals(Outcome.REJECTED, tooTight.outcome());
        assertEquals("error-bound", tooTight.check());
    }

    @Test
    void hafnianBudgets() {
        Random rnd = new Random(2);
        KernelOptions o = KernelOptions.defaults();
        // order: 26 + 10 = 36 is the default hafnian budget
        RationalMatrix big = symmetric(38, rnd, false);
        Judgement j = PermanentCheck.check(instance(Problem.HAFNIAN, big, null), Certificate.exactValue(Problem.HAFNIAN, null, "0"), o);
        assertEquals(Outcome.UNVERIFIED, j.outcome());
        assertTrue(j.reason().contains("budget of 36"), j.reason());
        // work: 17-digit complex decimals at order 36 need many primes and two parts
        RationalMatrix re = symmetric(36, rnd, true), im = symmetric(36, rnd, true);
        j = PermanentCheck.check(instance(Problem.HAFNIAN, re, im), Certificate.approximateValue(Problem.HAFNIAN, null, "0", Rational.ONE), o);
        assertEquals(Outcome.UNVERIFIED, j.outcome());
        assertTrue(j.reason().contains("work budget"), j.reason());
        // a hafnian of order 30 beyond the permanent budget is recomputed
        RationalMatrix ones = RationalMatrix.ofLongs(filled(30));
        j = PermanentCheck.check(instance(Problem.HAFNIAN, ones, null), Certificate.exactValue(Problem.HAFNIAN, null, MatchingSums.doubleFactorial(15).toString()), o);
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
    }

    static long[][] filled(int n) {
        long[][] a = new long[n][n];
        for (long[] row : a) java.util.Arrays.fill(row, 1);
        return a;
    }
}
