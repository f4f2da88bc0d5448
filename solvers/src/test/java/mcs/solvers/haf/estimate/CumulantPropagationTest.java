package mcs.solvers.haf.estimate;

import static mcs.solvers.perm.estimate.EstimateTesting.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.perm.estimate.EstimateTesting;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

class CumulantPropagationTest {
    @Test
    void specVectorOrderTwoOnAllOnesEight() {
        assertEquals(Rational.of(25), CumulantPropagation.estimate(ones(8), 2));
        PermInstance inst = new PermInstance(Problem.HAFNIAN_ESTIMATE, PermInstance.Field.INTEGER, ones(8), null);
        assertEquals("25", EstimateTesting.run("cumulant-propagation", inst, Map.of(), 1).value());
        assertEquals("25", EstimateTesting.run("cumulant-propagation", inst, Map.of("order", "2"), 1).value());
    }

    @Test
    void orderOneGivesZeroForCentredInputs() {
        assertEquals(Rational.ZERO, CumulantPropagation.estimate(ones(8), 1));
        assertEquals(Rational.ZERO, CumulantPropagation.estimate(ones(6), 1));
    }

    /** Without truncation (k ≥ N) the propagation is exact: (N−1)!! on all-ones, haf(S) on random symmetric S. */
    @Test
    void untruncatedIsTheHafnian() {
        assertEquals(Rational.of(105), CumulantPropagation.estimate(ones(8), 8));
        assertEquals(Rational.of(15), CumulantPropagation.estimate(ones(6), 6));
        assertEquals(Rational.of(3), CumulantPropagation.estimate(ones(4), 4));
        SplittableRandom rng = new SplittableRandom(21);
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 * rng.nextInt(1, 5);
            RationalMatrix s = randomSymmetric(rng, n);
            assertEquals(NaiveValues.hafnian(s), CumulantPropagation.estimate(s, n), "N = " + n);
        }
    }

    /** With N = 4 and k = 2, the tree (x1x2)(x3x4) keeps every pairing: the estimate is exact already. */
    @Test
    void orderTwoIsExactOnFourLeaves() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 5; trial++) {
            RationalMatrix s = randomSymmetric(rng, 4);
            assertEquals(NaiveValues.hafnian(s), CumulantPropagation.estimate(s, 2));
        }
    }

    /** Raising the order to the frontier size reproduces the exact value on six leaves (tree (x1(x2x3))((x4)(x5x6)) is unbalanced). */
    @Test
    void unevenTreeAtFullOrderIsExact() {
        RationalMatrix s = randomSymmetric(new SplittableRandom(2), 6);
        assertEquals(NaiveValues.hafnian(s), CumulantPropagation.estimate(s, 6));
    }

    private static RationalMatrix randomSymmetric(SplittableRandom rng, int n) {
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.nextInt(-5, 6);
        return RationalMatrix.ofLongs(a);
    }

    /** Independent: haf(S) = Σ_j s_0j·haf(S without 0 and j). */

}
