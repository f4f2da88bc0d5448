package mcs.solvers.perm;

import static mcs.solvers.perm.PermTesting.perm;
import static mcs.solvers.perm.PermTesting.randomInts;
import static mcs.solvers.perm.PermTesting.toRationals;
import static mcs.solvers.perm.PermTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.perm.exact.BruteForcePermanentSolver;
import mcs.solvers.perm.exact.RyserExactSolver;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/** Known values and identities of the permanent on seeded random matrices. */
class PermanentIdentitiesTest {
    private final BruteForcePermanentSolver brute = new BruteForcePermanentSolver();
    private final RyserExactSolver ryser = new RyserExactSolver();

    @Test
    void ryserAgreesWithBruteForceAndLaplace() {
        Random rnd = new Random(20240501L);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + trial % 8;
            long[][] a = randomInts(rnd, n, trial < 30 ? 3 : 1000);
            String b = perm(brute, a);
            assertEquals(b, perm(ryser, a), "n=" + n + " trial " + trial);
            if (n <= 6) assertEquals(NaiveValues.permanent(toRationals(a)).toString(), b);
        }
    }

    @Test
    void largeEntriesTakeTheOverflowPaths() {
        Random rnd = new Random(7L);
        for (int trial = 0; trial < 10; trial++) {
            int n = 3 + trial % 5;
            long[][] a = new long[n][n];
            long bound = trial < 5 ? 1L << 40 : 1L << 59; // products overflow long; last ones push row sums to BigInteger
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = (rnd.nextLong() % bound);
            String expected = NaiveValues.permanent(toRationals(a)).toString();
            assertEquals(expected, perm(brute, a));
            assertEquals(expected, perm(ryser, a));
        }
    }

    @Test
    void productsNearTheLongRangeSpillTheOuterSum() {
        Random rnd = new Random(9L);
        for (int n = 2; n <= 6; n++) {
            long bound = 1L << (62 / n); // products of row sums straddle 2^63
            long[][] a = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = bound - rnd.nextInt(1000);
            String expected = NaiveValues.permanent(toRationals(a)).toString();
            assertEquals(expected, perm(ryser, a), "n=" + n);
            assertEquals(expected, perm(brute, a), "n=" + n);
        }
    }

    @Test
    void invariantUnderRowColumnPermutationAndTransposition() {
        Random rnd = new Random(11L);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + trial % 9;
            long[][] a = randomInts(rnd, n, 5);
            String p = perm(ryser, a);
            int[] rows = shuffled(rnd, n), cols = shuffled(rnd, n);
            long[][] b = new long[n][n];
            long[][] t = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] = a[rows[i]][cols[j]];
                    t[i][j] = a[j][i];
                }
            }
            assertEquals(p, perm(ryser, b));
            assertEquals(p, perm(ryser, t));
        }
    }

    @Test
    void multilinearInARow() {
        Random rnd = new Random(13L);
        for (int trial = 0; trial < 15; trial++) {
            int n = 2 + trial % 7;
            int r = rnd.nextInt(n);
            long alpha = rnd.nextInt(7) - 3, beta = rnd.nextInt(7) - 3;
            long[][] u = randomInts(rnd, n, 4);
            long[][] w = new long[n][];
            long[][] mix = new long[n][];
            for (int i = 0; i < n; i++) {
                w[i] = u[i].clone();
                mix[i] = u[i].clone();
            }
            for (int j = 0; j < n; j++) {
                w[r][j] = rnd.nextInt(9) - 4;
                mix[r][j] = alpha * u[r][j] + beta * w[r][j];
            }
            BigInteger expected = new BigInteger(perm(ryser, u)).multiply(BigInteger.valueOf(alpha))
                    .add(new BigInteger(perm(ryser, w)).multiply(BigInteger.valueOf(beta)));
            assertEquals(expected.toString(), perm(ryser, mix));
            assertEquals(expected.toString(), perm(brute, mix));
        }
    }

    @Test
    void allOnesGivesFactorial() {
        BigInteger f = BigInteger.ONE;
        for (int n = 1; n <= 12; n++) {
            f = f.multiply(BigInteger.valueOf(n));
            long[][] j = new long[n][n];
            for (long[] row : j) java.util.Arrays.fill(row, 1);
            assertEquals(f.toString(), perm(ryser, j));
            if (n <= 8) assertEquals(f.toString(), perm(brute, j));
        }
    }

    @Test
    void allOnesMinusIdentityGivesDerangements() {
        long[] derangements = {1, 0, 1, 2, 9, 44, 265, 1854, 14833, 133496, 1334961, 14684570, 176214841};
        for (int n = 1; n <= 12; n++) {
            long[][] a = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = i == j ? 0 : 1;
            assertEquals(Long.toString(derangements[n]), perm(ryser, a), "n=" + n);
            if (n <= 8) assertEquals(Long.toString(derangements[n]), perm(brute, a));
        }
    }

    @Test
    void rankOneGivesFactorialTimesProducts() {
        Random rnd = new Random(17L);
        for (int n = 1; n <= 9; n++) {
            Rational[] x = new Rational[n], y = new Rational[n];
            Rational expected = Rational.ONE;
            for (int i = 0; i < n; i++) {
                x[i] = Rational.of(rnd.nextInt(11) - 5, 1 + rnd.nextInt(4));
                y[i] = Rational.of(rnd.nextInt(11) - 5, 1 + rnd.nextInt(4));
                expected = expected.multiply(x[i]).multiply(y[i]).multiply(i + 1);
            }
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = x[i].multiply(y[j]);
            PermInstance inst = PermInstance.permanent(RationalMatrix.of(a));
            assertEquals(expected.toString(), value(ryser, inst), "n=" + n);
            assertEquals(expected.toString(), value(brute, inst), "n=" + n);
        }
    }

    @Test
    void rationalInputMatchesLaplaceAndRowScaling() {
        Random rnd = new Random(19L);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + trial % 6;
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rnd.nextInt(21) - 10, 1 + rnd.nextInt(12));
            String expected = NaiveValues.permanent(a).toString();
            PermInstance inst = PermInstance.permanent(RationalMatrix.of(a));
            assertEquals(expected, value(ryser, inst));
            assertEquals(expected, value(brute, inst));
            // Scaling row r by c scales the permanent by c.
            int r = rnd.nextInt(n);
            Rational c = Rational.of(rnd.nextInt(9) + 1, rnd.nextInt(9) + 1);
            Rational[][] b = new Rational[n][];
            for (int i = 0; i < n; i++) b[i] = a[i].clone();
            for (int j = 0; j < n; j++) b[r][j] = a[r][j].multiply(c);
            assertEquals(Rational.parse(expected).multiply(c).toString(), value(ryser, PermInstance.permanent(RationalMatrix.of(b))));
        }
    }

    @Test
    void complexInputByBruteForce() {
        // (1+i)(4−i) + 2·3 = 11 + 3i.
        PermInstance two = complex(new long[][] {{1, 2}, {3, 4}}, new long[][] {{1, 0}, {0, -1}});
        assertEquals("11+3i", value(brute, two));
        Random rnd = new Random(23L);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + trial % 6;
            long[][] re = randomInts(rnd, n, 4);
            long[][] zero = new long[n][n];
            // perm(i·A) = iⁿ·perm(A).
            String real = perm(brute, re);
            Rational p = Rational.parse(real);
            ComplexValue expected = switch (n % 4) {
                case 0 -> new ComplexValue(p, Rational.ZERO);
                case 1 -> new ComplexValue(Rational.ZERO, p);
                case 2 -> new ComplexValue(p.negate(), Rational.ZERO);
                default -> new ComplexValue(Rational.ZERO, p.negate());
            };
            assertEquals(expected.toString(), value(brute, complex(zero, re)));
            assertEquals(real, value(brute, complex(re, zero)));
        }
    }

    static PermInstance complex(long[][] re, long[][] im) {
        return new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX, RationalMatrix.ofLongs(re), RationalMatrix.ofLongs(im));
    }

    private static int[] shuffled(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
