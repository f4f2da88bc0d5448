package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

class RepeatedCheckTest {
    private static final String SHA = "0".repeat(64);

    private static int[] repeats(SplittableRandom rng, int n, int max, boolean even) {
        int[] r = new int[n];
        int t = 0;
        for (int i = 0; i < n; i++) t += r[i] = rng.nextInt(max + 1);
        if (even && t % 2 != 0) r[rng.nextInt(n)]++;
        return r;
    }

    private static RepeatedInstance symmetric(Problem p, RationalMatrix a, int[] r) {
        return RepeatedInstance.symmetric(new PermInstance(p, PermInstance.Field.REAL, a, null), r);
    }

    @Test
    void loopHafnianMatchesTheDefinition() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            int n = rng.nextInt(9);
            RationalMatrix a = NaiveGaussian.randomSymmetric(rng, n, -4, 4, trial % 3 == 0 ? 3 : 1);
            assertEquals(NaiveGaussian.loopHafnian(NaiveGaussian.array(a)), RecursiveHafnian.value(a, null, true).re(), "trial " + trial + " n " + n);
        }
    }

    @Test
    void loopHafnianClosedForms() {
        // lhaf(I) = 1 (all singletons); lhaf(J_n) = number of involutions 1, 1, 2, 4, 10, 26, 76, 232.
        long[] involutions = {1, 1, 2, 4, 10, 26, 76, 232};
        for (int n = 0; n < involutions.length; n++) {
            Rational[][] j = new Rational[n][n];
            Rational[][] id = new Rational[n][n];
            for (int x = 0; x < n; x++) for (int y = 0; y < n; y++) {
                j[x][y] = Rational.ONE;
                id[x][y] = x == y ? Rational.ONE : Rational.ZERO;
            }
            assertEquals(Rational.of(involutions[n]), RecursiveHafnian.value(RationalMatrix.of(j), null, true).re(), "J_" + n);
            assertEquals(Rational.ONE, RecursiveHafnian.value(RationalMatrix.of(id), null, true).re(), "I_" + n);
        }
    }

    @Test
    void groupedValuesMatchTheExpandedDefinitions() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rng.nextInt(4);
            int den = trial % 4 == 0 ? 4 : 1;
            for (Problem p : new Problem[] {Problem.HAFNIAN, Problem.LOOP_HAFNIAN}) {
                int[] r = repeats(rng, n, 3, p == Problem.HAFNIAN);
                RepeatedInstance inst = symmetric(p, NaiveGaussian.randomSymmetric(rng, n, -3, 3, den), r);
                assertEquals(new ComplexValue(NaiveGaussian.value(inst), Rational.ZERO), ModularRepeated.value(inst), p + " trial " + trial);
            }
            int[] rows = repeats(rng, n, 3, false);
            int[] cols = new int[n];
            int left = java.util.Arrays.stream(rows).sum();
            for (int k = 0; k < left; k++) cols[rng.nextInt(n)]++;
            RepeatedInstance perm = new RepeatedInstance(PermInstance.permanent(NaiveGaussian.random(rng, n, -3, 3, den)), rows, cols);
            assertEquals(new ComplexValue(NaiveGaussian.value(perm), Rational.ZERO), ModularRepeated.value(perm), "permanent trial " + trial);
        }
    }

    @Test
    void complexGroupedValuesMatchTheExpandedRecomputation() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(3);
            Problem p = trial % 2 == 0 ? Problem.HAFNIAN : Problem.LOOP_HAFNIAN;
            int[] r = repeats(rng, n, 3, p == Problem.HAFNIAN);
            RationalMatrix re = NaiveGaussian.randomSymmetric(rng, n, -3, 3, 2), im = NaiveGaussian.randomSymmetric(rng, n, -3, 3, 1);
            RepeatedInstance inst = RepeatedInstance.symmetric(new PermInstance(p, PermInstance.Field.COMPLEX, re, im), r);
            PermInstance b = inst.expand();
            ComplexValue expanded = p == Problem.HAFNIAN ? ModularHafnian.hafnian(b.re(), b.im()) : RecursiveHafnian.value(b.re(), b.im(), true);
            assertEquals(expanded, ModularRepeated.value(inst), p + " trial " + trial);
        }
    }

    @Test
    void judgesBothWaysOnBothPaths() {
        // haf of J_3 with repeats (3, 3, 2): the expanded matrix is J_8, so 105.
        Rational[][] j = new Rational[3][3];
        for (Rational[] row : j) java.util.Arrays.fill(row, Rational.ONE);
        RepeatedInstance inst = symmetric(Problem.HAFNIAN, RationalMatrix.of(j), new int[] {3, 3, 2});
        for (KernelOptions o : new KernelOptions[] {KernelOptions.defaults(), KernelOptions.defaults().withPermanentMaxN(7)}) {
            Judgement ok = Kernel.check(inst, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "105"), o);
            assertTrue(ok.isAccepted(), ok.reason());
            Judgement wrong = Kernel.check(inst, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "106"), o);
            assertEquals(Outcome.REJECTED, wrong.outcome(), wrong.reason());
            Judgement inBound = Kernel.check(inst, SHA, Certificate.approximateValue(Problem.HAFNIAN, SHA, "105.5", Rational.parse("1/2")), o);
            assertTrue(inBound.isAccepted(), inBound.reason());
            Judgement outOfBound = Kernel.check(inst, SHA, Certificate.approximateValue(Problem.HAFNIAN, SHA, "105.5", Rational.parse("0.49")), o);
            assertEquals(Outcome.REJECTED, outOfBound.outcome(), outOfBound.reason());
        }
        // 4*4*3 sign classes of order 3 cost less than the recursion on the expanded order 8.
        assertTrue(Kernel.check(inst, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "105"), KernelOptions.defaults()).reason()
                .contains("repeated rows grouped"));
        // J_19 with repeats (2, 1, ..., 1): 3*2^18 classes of order 19 cost more than the recursion on J_20, whose hafnian is 19!!.
        Rational[][] j19 = new Rational[19][19];
        for (Rational[] row : j19) java.util.Arrays.fill(row, Rational.ONE);
        int[] r = new int[19];
        java.util.Arrays.fill(r, 1);
        r[0] = 2;
        RepeatedInstance mostlyOnce = symmetric(Problem.HAFNIAN, RationalMatrix.of(j19), r);
        Judgement expanded = Kernel.check(mostlyOnce, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "654729075"), KernelOptions.defaults());
        assertTrue(expanded.isAccepted() && expanded.reason().contains("expanded to order 20"), expanded.reason());
        assertEquals(Outcome.REJECTED, Kernel.check(mostlyOnce, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "654729076"),
                KernelOptions.defaults()).outcome());
        Judgement wrongProblem = Kernel.check(inst, SHA, Certificate.exactValue(Problem.PERMANENT, SHA, "105"), KernelOptions.defaults());
        assertEquals(Outcome.REJECTED, wrongProblem.outcome());
    }

    @Test
    void beyondBothBudgetsIsUnverified() {
        Rational[][] j = new Rational[20][20];
        for (Rational[] row : j) java.util.Arrays.fill(row, Rational.ONE);
        int[] r = new int[20];
        java.util.Arrays.fill(r, 2);
        RepeatedInstance inst = symmetric(Problem.HAFNIAN, RationalMatrix.of(j), r);
        Judgement u = Kernel.check(inst, SHA, Certificate.exactValue(Problem.HAFNIAN, SHA, "1"), KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, u.outcome());
        assertEquals("budget", u.check());
    }
}
