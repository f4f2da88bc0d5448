package mcs.solvers.haf.exact;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static mcs.solvers.perm.PermTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.perm.exact.BruteForcePermanentSolver;
import org.junit.jupiter.api.Test;

class HafnianTest {
    private final BruteForceHafnianSolver haf = new BruteForceHafnianSolver();

    @Test
    void allOnesGivesDoubleFactorial() {
        long[] expected = {1, 1, 3, 15, 105, 945, 10395};
        for (int k = 0; k <= 6; k++) {
            long[][] j = new long[2 * k][2 * k];
            for (long[] row : j) java.util.Arrays.fill(row, 1);
            assertEquals(Long.toString(expected[k]), value(haf, PermInstance.hafnian(RationalMatrix.ofLongs(j))), "order " + 2 * k);
        }
    }

    @Test
    void permanentIsHafnianOfBipartiteEmbedding() {
        Random rnd = new Random(29L);
        BruteForcePermanentSolver brute = new BruteForcePermanentSolver();
        for (int trial = 0; trial < 15; trial++) {
            int n = 1 + trial % 6;
            long[][] b = randomInts(rnd, n, 5);
            long[][] s = new long[2 * n][2 * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][n + j] = b[i][j];
                    s[n + j][i] = b[i][j];
                }
            }
            assertEquals(perm(brute, b), value(haf, PermInstance.hafnian(RationalMatrix.ofLongs(s))), "n=" + n);
        }
    }

    @Test
    void rationalEntriesScaleUniformly() {
        // haf of [[a, b],[b, c]] is b; haf(t·S) = t^{n/2}·haf(S) for order 4.
        Rational b = Rational.of(-7, 3);
        PermInstance two = PermInstance.hafnian(RationalMatrix.of(new Rational[][] {{Rational.of(5, 2), b}, {b, Rational.ONE}}));
        assertEquals("-7/3", value(haf, two));
        long[][] s = {{0, 1, 2, 3}, {1, 0, 4, 5}, {2, 4, 0, 6}, {3, 5, 6, 0}};
        // haf = s01·s23 + s02·s13 + s03·s12 = 6 + 10 + 12 = 28.
        assertEquals("28", value(haf, PermInstance.hafnian(RationalMatrix.ofLongs(s))));
        Rational t = Rational.of(2, 5);
        Rational[][] scaled = new Rational[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) scaled[i][j] = t.multiply(Rational.of(s[i][j]));
        assertEquals(t.square().multiply(28).toString(), value(haf, PermInstance.hafnian(RationalMatrix.of(scaled))));
    }

    @Test
    void complexEntries() {
        long[][] re = {{0, 1, 2, 3}, {1, 0, 4, 5}, {2, 4, 0, 6}, {3, 5, 6, 0}};
        long[][] zero = new long[4][4];
        // haf(i·S) = i²·haf(S) = −28 for order 4; haf([[a, b],[b, c]]) = b.
        assertEquals("-28", value(haf, complex(zero, re)));
        assertEquals("28", value(haf, complex(re, zero)));
        assertEquals("1+2i", value(haf, complex(new long[][] {{5, 1}, {1, 7}}, new long[][] {{3, 2}, {2, 0}})));
    }

    private static PermInstance complex(long[][] re, long[][] im) {
        return new PermInstance(mcs.problems.instance.Problem.HAFNIAN, PermInstance.Field.COMPLEX, RationalMatrix.ofLongs(re),
                RationalMatrix.ofLongs(im));
    }

    @Test
    void rejectsOddOrNonSymmetricInput() {
        assertFalse(haf.accepts(PermInstance.hafnian(RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}))));
        assertFalse(haf.accepts(PermInstance.hafnian(RationalMatrix.ofLongs(new long[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}))));
    }
}
