package mcs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import org.junit.jupiter.api.Test;

/** The two PSD oracles agree with each other, with the determinant, and on matrices whose answer is known. */
class NaivePsdTest {
    @Test
    void knownAnswers() {
        Rational[][] zero = Matrices.zeros(3);
        assertTrue(NaivePsd.byElimination(zero) && NaivePsd.byMinors(zero));
        assertFalse(NaivePsd.isPd(zero));
        Rational[][] swap = {{Rational.ZERO, Rational.ONE}, {Rational.ONE, Rational.ZERO}};
        assertFalse(NaivePsd.byElimination(swap) || NaivePsd.byMinors(swap));
        Rational[][] onesRankOne = {{Rational.ONE, Rational.ONE}, {Rational.ONE, Rational.ONE}};
        assertTrue(NaivePsd.byElimination(onesRankOne) && NaivePsd.byMinors(onesRankOne));
        assertEquals(Rational.ZERO, NaivePsd.det(onesRankOne));
        // All 2x2 minors are zero and the diagonal is 1, yet the signs make it indefinite (eigenvalue -1).
        Rational m = Rational.MINUS_ONE, o = Rational.ONE;
        Rational[][] signs = {{o, m, m}, {m, o, m}, {m, m, o}};
        assertFalse(NaivePsd.byElimination(signs) || NaivePsd.byMinors(signs));
    }

    @Test
    void eliminationMinorsAndDeterminantAgreeOnRandomMatrices() {
        SplittableRandom rnd = new SplittableRandom(14);
        int psd = 0, notPsd = 0;
        for (int t = 0; t < 600; t++) {
            int n = 1 + rnd.nextInt(6);
            Rational[][] a = switch (t % 3) {
                case 0 -> gram(rnd, n, 1 + rnd.nextInt(n));
                case 1 -> shifted(gram(rnd, n, 1 + rnd.nextInt(n)), Rational.of(-1, 1 + rnd.nextInt(50)));
                default -> symmetric(rnd, n);
            };
            boolean minors = NaivePsd.byMinors(a);
            assertEquals(minors, NaivePsd.byElimination(a), "case " + t);
            assertEquals(minors && NaivePsd.det(a).signum() > 0, NaivePsd.isPd(a), "case " + t);
            if (minors) psd++;
            else notPsd++;
        }
        assertTrue(psd > 150 && notPsd > 150, psd + " PSD, " + notPsd + " not");
    }

    /** GGᵀ with G of n×r small integers: PSD, singular when r &lt; n. */
    private static Rational[][] gram(SplittableRandom rnd, int n, int r) {
        long[][] g = new long[n][r];
        for (long[] row : g) for (int c = 0; c < r; c++) row[c] = rnd.nextInt(7) - 3;
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int c = 0; c < r; c++) s += g[i][c] * g[j][c];
                a[i][j] = Rational.of(s);
            }
        }
        return a;
    }

    private static Rational[][] shifted(Rational[][] a, Rational d) {
        for (int i = 0; i < a.length; i++) a[i][i] = a[i][i].add(d);
        return a;
    }

    private static Rational[][] symmetric(SplittableRandom rnd, int n) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = Rational.of(rnd.nextInt(9) - 2, 1 + rnd.nextInt(3));
        return a;
    }
}
