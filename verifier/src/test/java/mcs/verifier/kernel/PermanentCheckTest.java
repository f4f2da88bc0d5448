package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class PermanentCheckTest {
    private static final String SHA = "0".repeat(64);
    private static final KernelOptions OPTS = KernelOptions.defaults();
    private static final PermInstance NEG = PermInstance.permanent(RationalMatrix.ofLongs(
            new long[][] {{-1, 2, -3, -2}, {4, 5, 6, 7}, {-8, 0, 3, 1}, {-4, -5, 8, -6}}));

    private static Judgement exact(PermInstance inst, Problem problem, String value) {
        return PermanentCheck.check(inst, Certificate.exactValue(problem, SHA, value), OPTS);
    }

    private static Judgement approx(PermInstance inst, String value, String bound) {
        return PermanentCheck.check(inst, Certificate.approximateValue(inst.problem(), SHA, value, bound == null ? null : Rational.parse(bound)), OPTS);
    }

    private static void assertOutcome(Outcome o, String check, Judgement j) {
        assertEquals(o, j.outcome(), j.reason());
        assertEquals(check, j.check(), j.reason());
        assertEquals(Method.EXACT, j.method());
    }

    @Test
    void acceptsTheTrueValueInAnyExactSpelling() {
        for (String v : new String[] {"-1471", "-1471/1", "-1471.000", "-1.471e3"}) {
            Judgement j = exact(NEG, Problem.PERMANENT, v);
            assertOutcome(Outcome.ACCEPTED, "value", j);
            assertEquals("-1471", j.bounds().get("value"));
        }
    }

    @Test
    void rejectsOffByOneAndWrongSign() {
        for (String v : new String[] {"-1470", "-1472", "1471", "-1471/2", "-1471+1i"}) {
            Judgement j = exact(NEG, Problem.PERMANENT, v);
            assertOutcome(Outcome.REJECTED, "value", j);
            assertTrue(j.reason().contains("-1471"), j.reason());
        }
    }

    @Test
    void rejectsWrongProblemAndVerdict() {
        assertOutcome(Outcome.REJECTED, "problem", exact(NEG, Problem.HAFNIAN, "-1471"));
        assertOutcome(Outcome.REJECTED, "problem", exact(NEG, Problem.PSD_COMPLETION, "-1471"));
        PermInstance haf = PermInstance.hafnian(RationalMatrix.ofLongs(new long[][] {{0, 1}, {1, 0}}));
        assertOutcome(Outcome.REJECTED, "problem", exact(haf, Problem.PERMANENT, "1"));
        Certificate unknown = new Certificate(Problem.PERMANENT, SHA, Verdict.UNKNOWN, null, null, true, null);
        assertOutcome(Outcome.UNVERIFIED, "verdict", PermanentCheck.check(NEG, unknown, OPTS));
        Certificate completable = new Certificate(Problem.PERMANENT, SHA, Verdict.COMPLETABLE, null, "-1471", true, null);
        assertOutcome(Outcome.REJECTED, "verdict", PermanentCheck.check(NEG, completable, OPTS));
    }

    @Test
    void rejectsMalformedValues() {
        for (String v : new String[] {"", "abc", "1/0", "--3", "3+", "1471j", "1+i", "NaN", "1e999999999"}) {
            assertOutcome(Outcome.REJECTED, "value-syntax", exact(NEG, Problem.PERMANENT, v));
        }
        Certificate noValue = new Certificate(Problem.PERMANENT, SHA, Verdict.SOLVED, null, null, true, null);
        assertOutcome(Outcome.REJECTED, "value-syntax", PermanentCheck.check(NEG, noValue, OPTS));
    }

    @Test
    void inexactClaimsAreJudgedByTheirBound() {
        Judgement in = approx(NEG, "-1470.5", "0.5");
        assertOutcome(Outcome.ACCEPTED, "error-bound", in);
        assertEquals("1/2", in.bounds().get("abs_error"));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(NEG, "-1470.4", "0.5"));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(NEG, "1471", "100"));
        assertOutcome(Outcome.ACCEPTED, "error-bound", approx(NEG, "-1471", "0"));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(NEG, "-1471", null));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(NEG, "-1471", "-1"));
    }

    @Test
    void hafnianValues() {
        long[][] ones = new long[6][6];
        for (long[] row : ones) Arrays.fill(row, 1);
        PermInstance haf = PermInstance.hafnian(RationalMatrix.ofLongs(ones));
        assertOutcome(Outcome.ACCEPTED, "value", exact(haf, Problem.HAFNIAN, "15"));
        assertOutcome(Outcome.REJECTED, "value", exact(haf, Problem.HAFNIAN, "16"));
        assertOutcome(Outcome.REJECTED, "value", exact(haf, Problem.HAFNIAN, "-15"));
        PermInstance lopsided = new PermInstance(Problem.HAFNIAN, PermInstance.Field.INTEGER,
                RationalMatrix.ofLongs(new long[][] {{0, 1}, {2, 0}}), null);
        assertOutcome(Outcome.UNVERIFIED, "instance", exact(lopsided, Problem.HAFNIAN, "1"));
    }

    @Test
    void complexValues() {
        // perm([[1+i, 2], [3, 4-2i]]) = (1+i)(4-2i) + 6 = 12 + 2i.
        PermInstance c = new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX,
                RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}), RationalMatrix.ofLongs(new long[][] {{1, 0}, {0, -2}}));
        assertOutcome(Outcome.ACCEPTED, "value", exact(c, Problem.PERMANENT, "12+2i"));
        assertOutcome(Outcome.REJECTED, "value", exact(c, Problem.PERMANENT, "12-2i"));
        assertOutcome(Outcome.REJECTED, "value", exact(c, Problem.PERMANENT, "12"));
        // |(12.3 + 2.4i) − (12 + 2i)|² = 0.09 + 0.16 = 1/4, so a bound of exactly 1/2 holds.
        Judgement in = approx(c, "12.3+2.4i", "1/2");
        assertOutcome(Outcome.ACCEPTED, "error-bound", in);
        assertEquals("1/4", in.bounds().get("abs_error_squared"));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(c, "12.3+2.4i", "0.49"));
    }

    @Test
    void aboveTheBudgetIsUnverified() {
        long[][] big = new long[30][30];
        for (int i = 0; i < 30; i++) big[i][i] = 1;
        big[29][0] = 1; // a corner entry: not banded, so the band recomputation does not apply either
        PermInstance inst = PermInstance.permanent(RationalMatrix.ofLongs(big));
        Judgement j = exact(inst, Problem.PERMANENT, "1");
        assertOutcome(Outcome.UNVERIFIED, "budget", j);
        assertEquals("n = 30 exceeds the exact recomputation budget of 26 (--perm-max-n)", j.reason());
        Judgement raised = PermanentCheck.check(inst, Certificate.exactValue(Problem.PERMANENT, SHA, "1"), OPTS.withPermanentMaxN(4));
        assertEquals("n = 30 exceeds the exact recomputation budget of 4 (--perm-max-n)", raised.reason());
    }

    @Test
    void estimatesAreScoredNotVerified() {
        PermInstance est = new PermInstance(Problem.PERMANENT_ESTIMATE, PermInstance.Field.INTEGER,
                RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}), null);
        // est_row of SPEC §6 is 21/2; the permanent is 10.
        Certificate plain = new Certificate(Problem.PERMANENT_ESTIMATE, SHA, Verdict.SOLVED, null, "21/2", false, null);
        assertOutcome(Outcome.UNVERIFIED, "estimate", PermanentCheck.check(est, plain, OPTS));
        Certificate honest = new Certificate(Problem.PERMANENT_ESTIMATE, SHA, Verdict.SOLVED, null, "21/2", false, Rational.ONE);
        assertOutcome(Outcome.UNVERIFIED, "estimate", PermanentCheck.check(est, honest, OPTS));
        Certificate overclaimed = new Certificate(Problem.PERMANENT_ESTIMATE, SHA, Verdict.SOLVED, null, "21/2", false, Rational.of(1, 4));
        assertOutcome(Outcome.REJECTED, "error-bound", PermanentCheck.check(est, overclaimed, OPTS));
        assertOutcome(Outcome.ACCEPTED, "value", exact(est, Problem.PERMANENT, "10"));
        assertOutcome(Outcome.ACCEPTED, "value", exact(est, Problem.PERMANENT_ESTIMATE, "10"));
        assertOutcome(Outcome.REJECTED, "value", exact(est, Problem.PERMANENT_ESTIMATE, "21/2"));
        assertOutcome(Outcome.REJECTED, "problem", exact(est, Problem.HAFNIAN, "10"));
    }

    /** hafnian-estimate mirrors permanent-estimate with the hafnian: haf(J_4) = 3; cumulant propagation of order 1 gives 0. */
    @Test
    void hafnianEstimatesAreScoredAgainstTheHafnian() {
        long[][] ones = new long[4][4];
        for (long[] row : ones) Arrays.fill(row, 1);
        PermInstance est = new PermInstance(Problem.HAFNIAN_ESTIMATE, PermInstance.Field.INTEGER, RationalMatrix.ofLongs(ones), null);
        assertOutcome(Outcome.UNVERIFIED, "estimate", approx(est, "0", null));
        assertOutcome(Outcome.UNVERIFIED, "estimate", approx(est, "0", "3"));
        assertOutcome(Outcome.REJECTED, "error-bound", approx(est, "0", "2"));
        assertOutcome(Outcome.ACCEPTED, "value", exact(est, Problem.HAFNIAN, "3"));
        assertOutcome(Outcome.ACCEPTED, "value", exact(est, Problem.HAFNIAN_ESTIMATE, "3"));
        assertOutcome(Outcome.REJECTED, "value", exact(est, Problem.HAFNIAN_ESTIMATE, "24"));
        assertOutcome(Outcome.REJECTED, "problem", exact(est, Problem.PERMANENT, "24"));
    }

    @Test
    void hugeNumbersAreAbbreviatedInReasonsButNotInBounds() {
        long[][] a = new long[8][8];
        for (long[] row : a) Arrays.fill(row, 99_999_999_999L);
        PermInstance inst = PermInstance.permanent(RationalMatrix.ofLongs(a));
        Judgement j = exact(inst, Problem.PERMANENT, "1" + "0".repeat(100));
        assertOutcome(Outcome.REJECTED, "value", j);
        assertTrue(j.reason().contains("(101 digits)"), j.reason());
        assertTrue(j.reason().length() < 250, j.reason());
        String truth = j.bounds().get("value");
        assertTrue(truth.length() > 60 && truth.chars().allMatch(Character::isDigit));
        assertOutcome(Outcome.ACCEPTED, "value", exact(inst, Problem.PERMANENT, truth));
        assertFalse(PermanentCheck.abbreviate("123").contains("..."));
    }
}
