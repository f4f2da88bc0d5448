package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.testkit.Matrices;
import mcs.testkit.NaivePsd;
import org.junit.jupiter.api.Test;

/** ExactPsd and SparseExactPsd against all principal minors (mcs.testkit.NaivePsd) on thousands of small matrices. */
class ExactPsdTest {
    static Rational small(Random rnd) {
        int den = 1 + rnd.nextInt(6);
        return Rational.of(rnd.nextInt(11) - 5, den);
    }

    /** Gram matrix BBᵀ of a random n×r rational B: PSD of rank ≤ r. */
    static Rational[][] gram(Random rnd, int n, int r) {
        Rational[][] b = new Rational[n][r];
        for (int i = 0; i < n; i++) for (int c = 0; c < r; c++) b[i][c] = small(rnd);
        Rational[][] g = Matrices.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational s = Rational.ZERO;
                for (int c = 0; c < r; c++) s = s.add(b[i][c].multiply(b[j][c]));
                g[i][j] = s;
            }
        }
        return g;
    }

    static Rational[][] randomSymmetric(Random rnd, int n) {
        Rational[][] a = Matrices.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = rnd.nextInt(3) == 0 ? Rational.ZERO : small(rnd);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return a;
    }

    /** The kinds of random matrices: general, Gram of low rank, Gram ± a tiny diagonal shift, sparse Gram. */
    static Rational[][] sample(Random rnd, int kind, int n) {
        switch (kind) {
            case 0:
                return randomSymmetric(rnd, n);
            case 1:
                return gram(rnd, n, 1 + rnd.nextInt(n));
            case 2: {
                Rational[][] g = gram(rnd, n, Math.max(1, n - 1 - rnd.nextInt(2)));
                Rational eps = Rational.of(1, 1_000_000_000L);
                for (int i = 0; i < n; i++) g[i][i] = g[i][i].subtract(eps); // λmin = −1e-9 when singular
                return g;
            }
            case 3: {
                Rational[][] g = gram(rnd, n, 1 + rnd.nextInt(n));
                Rational[][] v = gram(rnd, n, 1);
                Rational eps = Rational.of(1, 1_000_000_000_000L);
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i][j] = g[i][j].subtract(v[i][j].multiply(eps));
                return g; // rank-one tiny negative perturbation: often not PSD
            }
            default: {
                Rational[][] g = gram(rnd, n, 1 + rnd.nextInt(n));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        if (rnd.nextInt(3) == 0) {
                            g[i][j] = Rational.ZERO;
                            g[j][i] = Rational.ZERO;
                        }
                    }
                }
                return g; // a Gram matrix with entries zeroed: sometimes PSD, often not
            }
        }
    }

    @Test
    void denseAndSparseAgreeWithPrincipalMinors() {
        Random rnd = new Random(20261127L);
        int psd = 0, notPsd = 0, singularPsd = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + rnd.nextInt(6);
            Rational[][] a = sample(rnd, trial % 5, n);
            boolean expected = NaivePsd.byMinors(a);
            PsdDecision dense = ExactPsd.decide(Matrices.lower(a));
            assertEquals(expected, dense.psd(), () -> "dense disagrees on " + java.util.Arrays.deepToString(a));
            assertEquals(expected, ExactPsd.decideByElimination(Matrices.lower(a)).psd());
            List<int[]> pos = new ArrayList<>();
            List<Rational> vals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    if (!a[i][j].isZero()) {
                        pos.add(new int[] {i, j});
                        vals.add(a[i][j]);
                    }
                }
            }
            int[] rows = pos.stream().mapToInt(p -> p[0]).toArray();
            int[] cols = pos.stream().mapToInt(p -> p[1]).toArray();
            Optional<PsdDecision> sparse = SparseExactPsd.decide(n, rows, cols, vals.toArray(new Rational[0]), 1000);
            assertTrue(sparse.isPresent());
            assertEquals(expected, sparse.get().psd(), () -> "sparse disagrees on " + java.util.Arrays.deepToString(a));
            if (expected) {
                psd++;
                assertEquals(NaivePsd.isPd(a), dense.definite());
                assertEquals(dense.rank(), sparse.get().rank());
                if (!dense.definite()) singularPsd++;
            } else {
                notPsd++;
                assertTrue(dense.failRow() >= 0 && dense.failCol() >= 0 && dense.failCol() <= dense.failRow());
            }
        }
        // The sample must exercise every branch in quantity.
        assertTrue(psd > 500 && notPsd > 500 && singularPsd > 200, psd + " " + notPsd + " " + singularPsd);
    }

    @Test
    void modularFastPathAgreesWithElimination() {
        // Orders 8..40 from doubles (wide exponent range after scaling): Gram + shift around λmin.
        Random rnd = new Random(4242);
        int definite = 0, notDefinite = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 8 + rnd.nextInt(33);
            double shift = (rnd.nextDouble() - 0.3) * Math.pow(10, -rnd.nextInt(12));
            double[][] a = RumpTestTest.doubleGram(rnd, n, n - rnd.nextInt(2), shift);
            Rational[][] x = RumpTestTest.exact(a);
            PsdDecision fast = ExactPsd.decide(x);
            PsdDecision slow = ExactPsd.decideByElimination(x);
            assertEquals(slow.psd(), fast.psd());
            assertEquals(slow.definite(), fast.definite());
            if (slow.definite()) definite++;
            else notDefinite++;
        }
        assertTrue(definite > 10 && notDefinite > 10, definite + " " + notDefinite);
    }

    @Test
    void modularRouteDecidesSingularAndIndefiniteMatricesItself() {
        // Rank-deficient Gram matrices of order 30 (PSD, rank r) and the same minus 10⁻⁹ at one corner of
        // the null space direction (indefinite): the modular route must answer, and correctly.
        Random rnd = new Random(77);
        for (int trial = 0; trial < 10; trial++) {
            int n = 30, r = 5 + rnd.nextInt(20);
            Rational[][] g = gram(rnd, n, r);
            PsdDecision d = ModularPd.decide(ExactPsd.scaled(Matrices.lower(g))).orElseThrow();
            assertTrue(d.psd());
            assertEquals(r, d.rank());
            PsdDecision e = ExactPsd.decideByElimination(Matrices.lower(g));
            assertEquals(r, e.rank());
            // Break PSD-ness: g_nn − 10⁻⁹ makes the Schur complement's last diagonal negative or leaves
            // the matrix definite-on-P with a negative direction; the exact answers must agree.
            g[n - 1][n - 1] = g[n - 1][n - 1].subtract(Rational.of(1, 1_000_000_000));
            PsdDecision f = ExactPsd.decide(Matrices.lower(g));
            assertEquals(ExactPsd.decideByElimination(Matrices.lower(g)).psd(), f.psd());
        }
    }

    @Test
    void millerRabinIsExactOnSmallNumbers() {
        // Against trial division.
        for (long c = 0; c < 20000; c++) {
            boolean prime = c >= 2;
            for (long d = 2; d * d <= c; d++) if (c % d == 0) prime = false;
            assertEquals(prime, ModularPd.isPrime(c), "c = " + c);
        }
        assertTrue(ModularPd.isPrime(2147483647L));
        assertFalse(ModularPd.isPrime(2147483647L * 3));
    }

    @Test
    void rankOfGramMatricesIsTheirGeneratorRank() {
        // BBᵀ with B = [I_r; C] has rank exactly r.
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(7), r = 1 + rnd.nextInt(n);
            Rational[][] b = new Rational[n][r];
            for (int i = 0; i < n; i++) for (int c = 0; c < r; c++) b[i][c] = i < r ? (i == c ? Rational.ONE : Rational.ZERO) : small(rnd);
            Rational[][] g = Matrices.zeros(n);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                Rational s = Rational.ZERO;
                for (int c = 0; c < r; c++) s = s.add(b[i][c].multiply(b[j][c]));
                g[i][j] = s;
            }
            PsdDecision d = ExactPsd.decide(Matrices.lower(g));
            assertTrue(d.psd());
            assertEquals(r, d.rank());
        }
    }

    @Test
    void largerSparseBandedMatrixNeedsLittleFill() {
        // Tridiagonal [−1, 2, −1] of order 2000 is PD; with the corner entry 2 at (1,1) replaced by 1 it is
        // PSD and singular (the all-ones vector is in the kernel of the Neumann Laplacian).
        int n = 2000;
        List<int[]> pos = new ArrayList<>();
        List<Rational> vals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pos.add(new int[] {i, i});
            vals.add(Rational.of(i == 0 || i == n - 1 ? 1 : 2));
            if (i > 0) {
                pos.add(new int[] {i, i - 1});
                vals.add(Rational.MINUS_ONE);
            }
        }
        int[] rows = pos.stream().mapToInt(p -> p[0]).toArray();
        int[] cols = pos.stream().mapToInt(p -> p[1]).toArray();
        PsdDecision d = SparseExactPsd.decide(n, rows, cols, vals.toArray(new Rational[0]), 10 * n).orElseThrow();
        assertTrue(d.psd());
        assertEquals(n - 1, d.rank());
        vals.set(0, Rational.of(1).subtract(Rational.of(1, 1_000_000)));
        PsdDecision e = SparseExactPsd.decide(n, rows, cols, vals.toArray(new Rational[0]), 10 * n).orElseThrow();
        assertFalse(e.psd());
    }

    @Test
    void zeroDiagonalWithNonzeroRowIsNamed() {
        Rational[][] a = {{Rational.ZERO, Rational.HALF}, {Rational.HALF, Rational.ONE}};
        // Elimination in natural order meets the zero pivot (1,1) with the nonzero entry (2,1).
        PsdDecision d = ExactPsd.decideByElimination(Matrices.lower(a));
        assertFalse(d.psd());
        assertEquals(1, d.failRow());
        assertEquals(0, d.failCol());
        // The modular route pivots on a_22 = 1 first and finds the Schur complement 0 − 1/4 < 0 at index 1.
        PsdDecision m = ExactPsd.decide(Matrices.lower(a));
        assertFalse(m.psd());
        assertEquals(0, m.failRow());
        assertEquals(0, m.failCol());
        assertTrue(m.reason().contains("negative pivot at index 1"), m.reason());
    }
}
