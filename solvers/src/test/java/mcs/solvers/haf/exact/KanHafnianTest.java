package mcs.solvers.haf.exact;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static mcs.solvers.perm.PermTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.perm.exact.ExactModularSolver;
import org.junit.jupiter.api.Test;

/** The exact {@code hafnian} solver against double factorials, brute force, and perm(B) = haf([[0,B],[Bᵀ,0]]). */
class KanHafnianTest {
    private final HafnianSolver haf = new HafnianSolver();

    private static PermInstance hafnian(long[][] s) {
        return PermInstance.hafnian(RationalMatrix.ofLongs(s));
    }

    @Test
    void allOnesGivesDoubleFactorial() {
        BigInteger df = BigInteger.ONE;
        for (int k = 1; k <= 10; k++) {
            df = df.multiply(BigInteger.valueOf(2L * k - 1));
            long[][] j = new long[2 * k][2 * k];
            for (long[] row : j) Arrays.fill(row, 1);
            assertEquals(df.toString(), value(haf, hafnian(j)), "order " + 2 * k);
        }
        assertEquals("1", value(haf, hafnian(new long[0][0])));
    }

    @Test
    void agreesWithBruteForceOnRandomSymmetricMatrices() {
        Random rnd = new Random(17L);
        BruteForceHafnianSolver brute = new BruteForceHafnianSolver();
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 + 2 * (trial % 5);
            long[][] s = randomInts(rnd, n, trial < 6 ? 9 : 100_000);
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) s[i][j] = s[j][i];
            assertEquals(value(brute, hafnian(s)), value(haf, hafnian(s)), "n=" + n + " trial " + trial);
        }
    }

    @Test
    void permanentIsHafnianOfBipartiteEmbedding() {
        Random rnd = new Random(23L);
        ExactModularSolver modular = new ExactModularSolver();
        for (int n = 1; n <= 10; n++) {
            long[][] b = randomInts(rnd, n, 9);
            long[][] s = new long[2 * n][2 * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][n + j] = b[i][j];
                    s[n + j][i] = b[i][j];
                }
            }
            assertEquals(perm(modular, b), value(haf, hafnian(s)), "n=" + n);
        }
    }

    @Test
    void rationalEntriesAndLimits() {
        Rational b = Rational.of(-7, 3);
        PermInstance two = PermInstance.hafnian(RationalMatrix.of(new Rational[][] {{Rational.of(5, 2), b}, {b, Rational.ONE}}));
        assertEquals("-7/3", value(haf, two));
        assertFalse(haf.accepts(hafnian(new long[][] {{0, 1}, {2, 0}})), "not symmetric");
        assertFalse(haf.accepts(hafnian(new long[][] {{1L << 60, 1L << 59}, {1L << 59, 0}})), "pair sum too large");
    }
}
