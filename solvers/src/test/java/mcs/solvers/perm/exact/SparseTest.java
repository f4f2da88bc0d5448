package mcs.solvers.perm.exact;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.perm.PermTesting;
import org.junit.jupiter.api.Test;

/** sparse: closed forms on large sparse matrices, agreement with exact-modular, and when it declines. */
class SparseTest {
    private final SparseSolver sparse = new SparseSolver();
    private final ExactModularSolver modular = new ExactModularSolver();

    private static PermInstance inst(long[][] a) {
        return PermInstance.permanent(RationalMatrix.ofLongs(a));
    }

    @Test
    void tridiagonalOfOrder80IsFibonacci() {
        // The 0/1 tridiagonal matrix of order 80 is one irreducible block with no single-entry line, so
        // sparse declines it. With a zero superdiagonal entry every 10 rows it is block triangular with
        // blocks of order 10, each the tridiagonal matrix with permanent F_11 = 89.
        int n = 80;
        long[][] t = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) t[i][j] = 1;
        assertFalse(sparse.accepts(inst(t)));
        for (int i = 9; i + 1 < n; i += 10) t[i][i + 1] = 0;
        assertEquals(BigInteger.valueOf(89).pow(8).toString(), perm(sparse, t));
    }

    @Test
    void blockDiagonalUnderHiddenPermutationsIsTheProductOfBlocks() {
        Random rnd = new Random(31L);
        for (int trial = 0; trial < 6; trial++) {
            int[] sizes = {1 + rnd.nextInt(4), 1 + rnd.nextInt(5), 2 + rnd.nextInt(4)};
            int n = sizes[0] + sizes[1] + sizes[2];
            long[][] a = new long[n][n];
            int at = 0;
            for (int s : sizes) {
                long[][] b = randomInts(rnd, s, 5);
                for (int i = 0; i < s; i++) for (int j = 0; j < s; j++) a[at + i][at + j] = b[i][j];
                at += s;
            }
            // entries above the blocks keep it block triangular; then shuffle rows and columns
            for (int i = 0; i < sizes[0]; i++) for (int j = sizes[0]; j < n; j++) a[i][j] = rnd.nextInt(7) - 3;
            int[] pr = PermTesting.shuffle(rnd, n);
            int[] pc = PermTesting.shuffle(rnd, n);
            long[][] s = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[pr[i]][pc[j]] = a[i][j];
            assertEquals(perm(modular, s), perm(sparse, s), "trial " + trial);
        }
    }

    @Test
    void zeroAndSingleEntryLines() {
        assertEquals("0", perm(sparse, new long[][] {{1, 2, 3}, {0, 0, 0}, {4, 5, 6}}));
        assertEquals("0", perm(sparse, new long[][] {{1, 0, 3}, {4, 0, 6}, {7, 0, 9}}));
        // single entry 7 in row 1: perm = 7 · perm([[1,3],[7,9]]) = 7·30
        assertEquals("210", perm(sparse, new long[][] {{1, 2, 3}, {0, 7, 0}, {7, 8, 9}}));
        // no zero line and no single-entry line, but rows 0..2 only reach columns 0 and 1 (Hall's condition
        // fails, no perfect matching)
        assertEquals("0", perm(sparse, new long[][] {{1, 1, 0, 0, 0}, {1, 2, 0, 0, 0}, {3, 1, 0, 0, 0}, {1, 1, 1, 1, 1}, {1, 1, 1, 2, 3}}));
    }

    @Test
    void zeroOneBlocksBySubsetDynamicProgramme() {
        Random rnd = new Random(8L);
        for (int trial = 0; trial < 8; trial++) {
            int m = 4 + trial;
            long[][] a = new long[m + 2][m + 2];
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) a[i][j] = rnd.nextInt(3) == 0 ? 0 : 1;
            a[m][m] = 1;
            a[m + 1][m + 1] = 1;
            a[m][m + 1] = 1;
            long[][] block = new long[m][m];
            for (int i = 0; i < m; i++) block[i] = java.util.Arrays.copyOf(a[i], m);
            BigInteger[][] big = new BigInteger[m][m];
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) big[i][j] = BigInteger.valueOf(block[i][j]);
            String expected = perm(modular, block);
            assertEquals(expected, Long.toString(SparseSolver.subsetCount(big, SolverOptions.defaults())));
            assertEquals(expected, perm(sparse, a));
        }
    }

    @Test
    void declinesDenseMatrices() {
        assertFalse(sparse.accepts(inst(randomInts(new Random(1L), 8, 9))));
        assertTrue(sparse.accepts(inst(new long[][] {{1, 2}, {0, 3}})));
    }
}
