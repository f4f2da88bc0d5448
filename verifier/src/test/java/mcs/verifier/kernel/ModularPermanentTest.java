package mcs.verifier.kernel;

import static mcs.verifier.kernel.PermanentTestMatrices.bruteForcePermanent;
import static mcs.verifier.kernel.PermanentTestMatrices.matrix;
import static mcs.verifier.kernel.PermanentTestMatrices.ryser;
import static mcs.verifier.kernel.PermanentTestMatrices.toBig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class ModularPermanentTest {
    private static BigInteger perm(long[][] a) {
        return ModularPermanent.permanent(toBig(a));
    }

    @Test
    void specVectors() {
        assertEquals(BigInteger.valueOf(10), perm(new long[][] {{1, 2}, {3, 4}}));
        assertEquals(BigInteger.valueOf(450), perm(new long[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
        assertEquals(BigInteger.valueOf(12), perm(new long[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}}));
        assertEquals(BigInteger.valueOf(630), perm(new long[][] {{5, 2, 3}, {1, 4, 6}, {7, 8, 9}}));
        assertEquals(BigInteger.valueOf(-1471), perm(new long[][] {{-1, 2, -3, -2}, {4, 5, 6, 7}, {-8, 0, 3, 1}, {-4, -5, 8, -6}}));
        assertEquals(BigInteger.valueOf(24), perm(new long[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}}));
        long[][] shift = new long[5][5];
        for (int i = 0; i < 5; i++) {
            shift[i][i] = 1;
            shift[i][(i + 1) % 5] = 1;
        }
        assertEquals(BigInteger.TWO, perm(shift));
        assertEquals(BigInteger.valueOf(8), perm(new long[][] {{1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}}));
        assertEquals(BigInteger.ZERO, perm(new long[][] {{1, 1}, {1, -1}}));
    }

    @Test
    void smallOrders() {
        assertEquals(BigInteger.ONE, ModularPermanent.permanent(new BigInteger[0][0]));
        assertEquals(BigInteger.valueOf(-7), perm(new long[][] {{-7}}));
        assertEquals(new ComplexValue(Rational.ONE, Rational.ZERO), ModularPermanent.permanent(RationalMatrix.zeros(0, 0), null));
    }

    @Test
    void derangementsOfTwenty() {
        long[][] a = new long[20][20];
        for (int i = 0; i < 20; i++) for (int j = 0; j < 20; j++) a[i][j] = i == j ? 0 : 1;
        assertEquals(new BigInteger("895014631192902121"), perm(a));
    }

    @Test
    void allOnesGivesFactorial() {
        BigInteger f = BigInteger.ONE;
        for (int n = 1; n <= 14; n++) {
            f = f.multiply(BigInteger.valueOf(n));
            long[][] j = new long[n][n];
            for (long[] row : j) java.util.Arrays.fill(row, 1);
            assertEquals(f, perm(j), "n = " + n);
        }
    }

    @Test
    void menageNumbers() {
        long[] expected = {1, 2, 13, 80, 579, 4738};
        for (int n = 3; n <= 8; n++) {
            long[][] a = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = (j == i || j == (i + 1) % n) ? 0 : 1;
            assertEquals(BigInteger.valueOf(expected[n - 3]), perm(a), "n = " + n);
        }
    }

    @Test
    void randomIntegerMatricesMatchPermutationSum() {
        Random rnd = new Random(20260101L);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rnd.nextInt(8);
            var a = PermanentTestMatrices.randomIntegers(rnd, n, -9, 9);
            assertEquals(bruteForcePermanent(a, null).re(), ModularPermanent.permanent(matrix(a)), "trial " + trial);
        }
    }

    @Test
    void randomRationalMatricesMatchPermutationSum() {
        Random rnd = new Random(77L);
        for (int trial = 0; trial < 25; trial++) {
            int n = 1 + rnd.nextInt(7);
            var a = PermanentTestMatrices.randomRationals(rnd, n);
            assertEquals(bruteForcePermanent(a, null).re(), ModularPermanent.permanent(matrix(a)), "trial " + trial);
        }
    }

    @Test
    void randomComplexMatricesMatchPermutationSum() {
        Random rnd = new Random(4242L);
        for (int trial = 0; trial < 25; trial++) {
            int n = 1 + rnd.nextInt(7);
            var re = trial % 2 == 0 ? PermanentTestMatrices.randomIntegers(rnd, n, -5, 5) : PermanentTestMatrices.randomRationals(rnd, n);
            var im = PermanentTestMatrices.randomIntegers(rnd, n, -5, 5);
            assertEquals(bruteForcePermanent(re, im), ModularPermanent.permanent(matrix(re), matrix(im)), "trial " + trial);
        }
    }

    @Test
    void purelyImaginaryIdentityGivesPowerOfI() {
        // perm(i·I_n) = iⁿ: checks the imaginary reconstruction, including its sign.
        for (int n = 1; n <= 6; n++) {
            RationalMatrix zero = RationalMatrix.zeros(n, n);
            long[][] id = new long[n][n];
            for (int i = 0; i < n; i++) id[i][i] = 1;
            ComplexValue v = ModularPermanent.permanent(zero, RationalMatrix.ofLongs(id));
            Rational[] powers = {Rational.ONE, Rational.ZERO, Rational.MINUS_ONE, Rational.ZERO};
            assertEquals(new ComplexValue(powers[n % 4], powers[(n + 3) % 4]), v, "n = " + n);
        }
    }

    @Test
    void largeEntriesNeedManyPrimesAndMatchBigIntegerRyser() {
        Random rnd = new Random(1_000_000L);
        for (int trial = 0; trial < 3; trial++) {
            long[][] a = new long[12][12];
            for (long[] row : a) for (int j = 0; j < 12; j++) row[j] = rnd.nextInt(2_000_001) - 1_000_000;
            BigInteger[][] b = toBig(a);
            assertTrue(ModularEvaluation.primesFor(ModularPermanent.bound(b, null)) >= 4, "the case should need several primes");
            assertEquals(ryser(b), ModularPermanent.permanent(b), "trial " + trial);
        }
    }

    @Test
    void nonnegativeLargeEntriesHitTheBoundClosely() {
        // All entries equal: perm = n!·vⁿ, within a factor n!/nⁿ of the bound (vn)ⁿ; exercises the top residues.
        long v = 999_999_999_989L;
        long[][] a = new long[9][9];
        for (long[] row : a) java.util.Arrays.fill(row, v);
        BigInteger expected = BigInteger.valueOf(362880).multiply(BigInteger.valueOf(v).pow(9));
        assertEquals(expected, perm(a));
        for (long[] row : a) java.util.Arrays.fill(row, -v);
        assertEquals(expected.negate(), perm(a));
    }

    @Test
    void rankOneAndRowScaling() {
        // perm(x yᵀ) = n!·Πx·Πy, with rational x to exercise the row scaling.
        Rational[] x = {Rational.of(1, 2), Rational.of(-3, 7), Rational.of(5), Rational.of(2, 9), Rational.of(-1, 3)};
        Rational[] y = {Rational.of(4), Rational.of(1, 5), Rational.of(-6, 11), Rational.of(7, 2), Rational.of(3)};
        Rational[][] a = new Rational[5][5];
        Rational expected = Rational.of(120);
        for (int i = 0; i < 5; i++) {
            expected = expected.multiply(x[i]).multiply(y[i]);
            for (int j = 0; j < 5; j++) a[i][j] = x[i].multiply(y[j]);
        }
        assertEquals(expected, ModularPermanent.permanent(matrix(a)));
    }

    @Test
    void invariantUnderTranspositionAndPermutations() {
        Random rnd = new Random(9L);
        int n = 10;
        var a = PermanentTestMatrices.randomIntegers(rnd, n, -20, 20);
        Rational[][] t = new Rational[n][n];
        Rational[][] shuffled = new Rational[n][n];
        int[] rowPerm = {3, 7, 0, 9, 1, 5, 2, 8, 6, 4};
        int[] colPerm = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = a[j][i];
                shuffled[i][j] = a[rowPerm[i]][colPerm[j]];
            }
        }
        Rational p = ModularPermanent.permanent(matrix(a));
        assertEquals(p, ModularPermanent.permanent(matrix(t)));
        assertEquals(p, ModularPermanent.permanent(matrix(shuffled)));
    }
}
