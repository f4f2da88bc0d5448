package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.Matrices;
import mcs.testkit.NaivePsd;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/** Closed-form values against a brute-force permanent/hafnian; shapes of the random families. */
class PermFamiliesTest {
    private static Generated gen(String family, int n, long seed, Map<String, String> params) {
        return Families.byName(family).orElseThrow().generate(n, seed, params);
    }

    private static RationalMatrix matrix(Generated g) {
        return ((PermInstance) g.instance()).re();
    }

    private static void assertValueByBruteForce(Generated g) {
        assertEquals(Verdict.SOLVED, g.known().verdict());
        Rational[][] a = Matrices.of(matrix(g));
        Rational expected = g.instance().problem() == Problem.HAFNIAN ? NaiveValues.hafnian(a) : NaiveValues.permanent(a);
        assertEquals(expected.toString(), g.known().value());
    }

    @Test
    void closedFormsMatchBruteForce() {
        for (int n = 1; n <= 7; n++) {
            assertValueByBruteForce(gen("perm-ones", n, 0, Map.of()));
            assertValueByBruteForce(gen("perm-derangement", n, 0, Map.of()));
            assertValueByBruteForce(gen("perm-tridiagonal", n, 0, Map.of()));
            for (long seed = 0; seed < 3; seed++) {
                assertValueByBruteForce(gen("perm-rank-one", n, seed, Map.of()));
                assertValueByBruteForce(gen("perm-block-diagonal", n, seed, Map.of()));
            }
        }
        assertValueByBruteForce(gen("perm-block-diagonal", 8, 11, Map.of("block", "6", "max", "9")));
    }

    @Test
    void knownValuesFromTheSpec() {
        assertEquals("24", gen("perm-ones", 4, 0, Map.of()).known().value());
        assertEquals("895014631192902121", gen("perm-derangement", 20, 0, Map.of()).known().value());
        assertEquals("89", gen("perm-tridiagonal", 10, 0, Map.of()).known().value());
        String[] haf = {"1", "3", "15", "105"};
        for (int k = 1; k <= 4; k++) {
            Generated g = gen("haf-ones", 2 * k, 0, Map.of());
            assertEquals(Problem.HAFNIAN, g.instance().problem());
            assertEquals(haf[k - 1], g.known().value());
            assertValueByBruteForce(g);
        }
    }

    @Test
    void rankOneAndBlockDiagonalHaveTheirStructure() {
        RationalMatrix a = matrix(gen("perm-rank-one", 6, 5, Map.of("max", "2")));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertTrue(!a.get(i, j).isZero() && a.get(i, j).abs().compareTo(Rational.of(4)) <= 0);
                // rank one: every 2×2 minor vanishes
                assertEquals(a.get(0, 0).multiply(a.get(i, j)), a.get(0, j).multiply(a.get(i, 0)));
            }
        }
        // the matrix splits into diagonal blocks of size at most 3: the smallest closing block from each start is short
        RationalMatrix b = matrix(gen("perm-block-diagonal", 12, 4, Map.of("block", "3")));
        for (int start = 0, end; start < 12; start = end) {
            end = start + 1;
            while (!blockCloses(b, start, end)) end++;
            assertTrue(end - start <= 3, "block at " + start + " has size " + (end - start));
        }
    }

    /** True when rows/columns [start, end) have no nonzero outside the square [start, end)². */
    private static boolean blockCloses(RationalMatrix b, int start, int end) {
        for (int i = start; i < end; i++) {
            for (int j = end; j < b.rows(); j++) if (!b.get(i, j).isZero() || !b.get(j, i).isZero()) return false;
        }
        return true;
    }

    @Test
    void randomFamiliesHaveTheDocumentedEntries() {
        RationalMatrix z = matrix(gen("perm-01", 6, 1, Map.of("p", "0")));
        RationalMatrix o = matrix(gen("perm-01", 6, 1, Map.of("p", "1")));
        RationalMatrix h = matrix(gen("perm-01", 20, 1, Map.of("p", "0.3")));
        RationalMatrix s = matrix(gen("perm-pm1", 6, 1, Map.of()));
        RationalMatrix ga = matrix(gen("perm-gaussian", 6, 1, Map.of()));
        RationalMatrix ex = matrix(gen("perm-exponential", 6, 1, Map.of("digits", "2")));
        int ones = 0;
        for (int i = 0; i < 20; i++) for (int j = 0; j < 20; j++) if (h.get(i, j).equals(Rational.ONE)) ones++; else assertTrue(h.get(i, j).isZero());
        assertTrue(ones > 70 && ones < 170, "about 30% of 400 entries are 1, got " + ones);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertTrue(z.get(i, j).isZero());
                assertEquals(Rational.ONE, o.get(i, j));
                assertEquals(Rational.ONE, s.get(i, j).abs());
                assertTrue(BigInteger.valueOf(1000).mod(ga.get(i, j).denominator()).signum() == 0);
                assertTrue(BigInteger.valueOf(100).mod(ex.get(i, j).denominator()).signum() == 0);
                assertTrue(ex.get(i, j).signum() >= 0);
            }
        }
        for (String f : new String[] {"perm-01", "perm-pm1", "perm-gaussian", "perm-exponential", "perm-wishart"}) {
            Generated g = gen(f, 4, 2, Map.of());
            assertEquals(Verdict.UNKNOWN, g.known().verdict());
            assertNull(g.known().value());
            assertEquals(Problem.PERMANENT, g.instance().problem());
        }
    }

    @Test
    void wishartIsExactlySymmetricPsdWithThePsdPermanentBounds() {
        for (long seed = 0; seed < 3; seed++) {
            RationalMatrix a = matrix(gen("perm-wishart", 5, seed, Map.of("k", "3")));
            assertTrue(a.isSymmetric());
            Rational[][] d = Matrices.of(a);
            assertTrue(NaivePsd.byElimination(d));
            Rational diag = Rational.ONE;
            for (int i = 0; i < 5; i++) {
                diag = diag.multiply(d[i][i]);
                assertTrue(BigInteger.valueOf(10_000).mod(d[i][i].denominator()).signum() == 0, "entries have 2·digits decimals");
            }
            assertTrue(NaiveValues.permanent(d).compareTo(diag) >= 0, "perm ≥ Π a_ii for PSD A");
        }
    }
}
