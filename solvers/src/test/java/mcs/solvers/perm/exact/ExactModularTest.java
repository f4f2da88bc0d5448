package mcs.solvers.perm.exact;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static mcs.solvers.perm.PermTesting.toRationals;
import static mcs.solvers.perm.PermTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.WordPrimes;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/** exact-modular against closed forms, brute force, Ryser and the Laplace expansion; its arithmetic helpers. */
class ExactModularTest {
    private final ExactModularSolver modular = new ExactModularSolver();

    @Test
    void agreesWithBruteForceRyserAndLaplaceOnRandomIntegers() {
        Random rnd = new Random(606L);
        RyserExactSolver ryser = new RyserExactSolver();
        BruteForcePermanentSolver brute = new BruteForcePermanentSolver();
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial % 9;
            long[][] a = randomInts(rnd, n, trial < 20 ? 9 : 1_000_000);
            String expected = perm(brute, a);
            assertEquals(expected, perm(modular, a), "n=" + n + " trial " + trial);
            assertEquals(expected, perm(ryser, a));
            if (n <= 5) assertEquals(NaiveValues.permanent(toRationals(a)).toString(), expected);
        }
        for (int n = 14; n <= 17; n++) {
            long[][] a = randomInts(rnd, n, 9);
            assertEquals(perm(ryser, a), perm(modular, a), "n=" + n);
        }
    }

    @Test
    void closedForms() {
        int n = 20;
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i][j] = i == j ? 0 : 1;
        assertEquals("895014631192902121", perm(modular, d), "derangements of 20");
        long[][] ones = new long[13][13];
        for (long[] row : ones) java.util.Arrays.fill(row, 1);
        assertEquals("6227020800", perm(modular, ones), "13!");
        // rank one: perm(x yᵀ) = n!·Πx·Πy
        long[] x = {1, -2, 3, 1, 2, -1, 1, 2, 1, 1, -3, 2};
        long[] y = {2, 1, 1, -1, 1, 3, 1, 1, -2, 1, 1, 1};
        long[][] r = new long[12][12];
        BigInteger expected = BigInteger.ONE;
        for (int i = 0; i < 12; i++) {
            expected = expected.multiply(BigInteger.valueOf((long) (i + 1) * x[i] * y[i]));
            for (int j = 0; j < 12; j++) r[i][j] = x[i] * y[j];
        }
        assertEquals(expected.toString(), perm(modular, r));
        // 0/1 tridiagonal of order 16: Fibonacci F_17 = 1597
        long[][] t = new long[16][16];
        for (int i = 0; i < 16; i++) for (int j = Math.max(0, i - 1); j <= Math.min(15, i + 1); j++) t[i][j] = 1;
        assertEquals("1597", perm(modular, t));
    }

    @Test
    void rationalRowsAreScaledExactly() {
        Random rnd = new Random(3L);
        for (int n = 1; n <= 6; n++) {
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rnd.nextInt(21) - 10, 1 + rnd.nextInt(12));
            assertEquals(NaiveValues.permanent(a).toString(), value(modular, PermInstance.permanent(RationalMatrix.of(a))), "n=" + n);
        }
    }

    @Test
    void sameValueForEveryThreadCount() {
        long[][] a = randomInts(new Random(5L), 16, 9);
        PermInstance inst = PermInstance.permanent(RationalMatrix.ofLongs(a));
        String one = modular.solve(inst, null, SolverOptions.defaults().withThreads(1)).value();
        for (int threads = 2; threads <= 3; threads++) {
            assertEquals(one, modular.solve(inst, null, SolverOptions.defaults().withThreads(threads)).value());
        }
    }

    @Test
    void largeColumnSumsAreLeftToOtherSolvers() {
        long[][] a = {{1L << 58, 1L << 58}, {1L << 58, 1}};
        assertFalse(modular.accepts(PermInstance.permanent(RationalMatrix.ofLongs(a))));
        long[][] b = {{1L << 57, 1L << 57}, {1L << 57, -3}};
        assertEquals(NaiveValues.permanent(toRationals(b)).toString(), perm(modular, b));
    }

    @Test
    void montgomeryAndCrtArithmetic() {
        Random rnd = new Random(1L);
        for (int k = 0; k < 3; k++) {
            long p = WordPrimes.prime(k);
            assertTrue(p > 1L << 60 && p < 1L << 61 && BigInteger.valueOf(p).isProbablePrime(50));
            long pinv = WordPrimes.inverse64(p);
            assertEquals(1L, p * pinv);
            BigInteger bp = BigInteger.valueOf(p);
            BigInteger rInv = BigInteger.TWO.pow(64).modInverse(bp);
            for (int t = 0; t < 200; t++) {
                long a = rnd.nextLong() % p;
                long b = rnd.nextLong() % p;
                long m = WordPrimes.mont(a, b, p, pinv);
                assertTrue(Math.abs(m) < p);
                assertEquals(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(rInv).mod(bp), BigInteger.valueOf(m).mod(bp));
                long s = WordPrimes.addMod(m, a, p);
                assertTrue(Math.abs(s) < p);
                assertEquals(BigInteger.valueOf(m + (a - 0)).mod(bp), BigInteger.valueOf(s).mod(bp));
            }
        }
        BigInteger v = BigInteger.valueOf(-123456789012345L).multiply(BigInteger.valueOf(987654321098765L));
        long[] primes = {WordPrimes.prime(0), WordPrimes.prime(1)};
        BigInteger[] res = {v.mod(BigInteger.valueOf(primes[0])), v.mod(BigInteger.valueOf(primes[1]))};
        assertEquals(v, WordPrimes.crt(primes, res));
    }
}
