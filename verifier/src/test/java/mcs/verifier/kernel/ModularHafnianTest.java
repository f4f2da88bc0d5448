package mcs.verifier.kernel;

import static mcs.verifier.kernel.PermanentTestMatrices.bruteForceHafnian;
import static mcs.verifier.kernel.PermanentTestMatrices.matrix;
import static mcs.verifier.kernel.PermanentTestMatrices.symmetrize;
import static mcs.verifier.kernel.PermanentTestMatrices.toBig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class ModularHafnianTest {
    private static long[][] ones(int n) {
        long[][] a = new long[n][n];
        for (long[] row : a) Arrays.fill(row, 1);
        return a;
    }

    @Test
    void allOnesGivesDoubleFactorial() {
        BigInteger df = BigInteger.ONE;
        for (int k = 1; k <= 10; k++) {
            df = df.multiply(BigInteger.valueOf(2L * k - 1));
            assertEquals(df, ModularHafnian.hafnian(toBig(ones(2 * k))), "order " + 2 * k);
        }
        assertEquals(BigInteger.valueOf(105), ModularHafnian.hafnian(toBig(ones(8))));
    }

    @Test
    void diagonalIsIgnoredAndOddOrderIsZero() {
        long[][] a = ones(4);
        for (int i = 0; i < 4; i++) a[i][i] = 1000 + i;
        assertEquals(BigInteger.valueOf(3), ModularHafnian.hafnian(toBig(a)));
        assertEquals(BigInteger.ZERO, ModularHafnian.hafnian(toBig(ones(5))));
        assertEquals(BigInteger.ONE, ModularHafnian.hafnian(new BigInteger[0][0]));
        assertEquals(BigInteger.valueOf(-6), ModularHafnian.hafnian(toBig(new long[][] {{9, -6}, {-6, 9}})));
    }

    @Test
    void randomSymmetricIntegerMatricesMatchMatchingSum() {
        Random rnd = new Random(31L);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 * (1 + rnd.nextInt(5));
            var a = symmetrize(PermanentTestMatrices.randomIntegers(rnd, n, -9, 9));
            assertEquals(bruteForceHafnian(a, null).re(), ModularHafnian.hafnian(matrix(a)), "trial " + trial);
        }
    }

    @Test
    void randomSymmetricRationalAndComplexMatricesMatchMatchingSum() {
        Random rnd = new Random(32L);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 * (1 + rnd.nextInt(4));
            var re = symmetrize(PermanentTestMatrices.randomRationals(rnd, n));
            assertEquals(bruteForceHafnian(re, null).re(), ModularHafnian.hafnian(matrix(re)), "rational trial " + trial);
            var im = symmetrize(PermanentTestMatrices.randomIntegers(rnd, n, -4, 4));
            assertEquals(bruteForceHafnian(re, im), ModularHafnian.hafnian(matrix(re), matrix(im)), "complex trial " + trial);
        }
    }

    @Test
    void bipartiteBlockMatrixGivesThePermanent() {
        Random rnd = new Random(33L);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + trial;
            var b = PermanentTestMatrices.randomIntegers(rnd, n, -50, 50);
            Rational[][] s = new Rational[2 * n][2 * n];
            for (Rational[] row : s) Arrays.fill(row, Rational.ZERO);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][n + j] = b[i][j];
                    s[n + j][i] = b[i][j];
                }
            }
            assertEquals(ModularPermanent.permanent(matrix(b)), ModularHafnian.hafnian(matrix(s)), "n = " + n);
        }
    }

    @Test
    void largeEntriesNeedSeveralPrimes() {
        // haf(c·J_{2k}) = (2k−1)!!·c^k; with c ≈ 10^12 and 2k = 12 the value has about 78 digits.
        long c = -999_999_999_989L;
        long[][] a = new long[12][12];
        for (long[] row : a) Arrays.fill(row, c);
        BigInteger[][] b = toBig(a);
        assertTrue(ModularEvaluation.primesFor(ModularHafnian.bound(b, null)) >= 4);
        assertEquals(BigInteger.valueOf(10395).multiply(BigInteger.valueOf(c).pow(6)), ModularHafnian.hafnian(b));
    }

    @Test
    void boundHoldsOnNonnegativeMatrices() {
        // For nonnegative A the bound must dominate haf(A) itself, the worst case of |haf|.
        Random rnd = new Random(34L);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 * (1 + rnd.nextInt(4));
            long[][] a = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rnd.nextInt(trial % 2 == 0 ? 3 : 100);
            BigInteger[][] b = toBig(a);
            assertTrue(ModularHafnian.hafnian(b).compareTo(ModularHafnian.bound(b, null)) <= 0, "trial " + trial);
        }
        assertEquals(BigInteger.valueOf(945), ModularHafnian.bound(toBig(ones(10)), null), "(2k−1)!! is attained by J");
    }

    @Test
    void nonSymmetricInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModularHafnian.hafnian(toBig(new long[][] {{0, 1}, {2, 0}})));
        assertThrows(IllegalArgumentException.class, () -> ModularHafnian.hafnian(RationalMatrix.ofLongs(new long[][] {{0, 1}, {2, 0}})));
    }
}
