package mcs.solvers.haf.banded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.haf.exact.BruteForceHafnianSolver;
import mcs.solvers.perm.banded.FrontierPermanentSolver;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** Banded and sparse hafnians against the definitions, the bipartite identity and closed forms. */
class FrontierHafnianTest {
    static SolverResult run(Solver s, PermInstance p) {
        SolverResult r = s.solve(p, "0".repeat(64), SolverOptions.defaults());
        assertEquals(Status.SOLVED, r.status(), () -> s.name() + ": " + r.message());
        return r;
    }

    /** A random symmetric matrix with bandwidth w (entries beyond it zero), or a random sparse one when w < 0. */
    static RationalMatrix banded(SplittableRandom rng, int n, int w, int den) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                boolean in = w >= 0 ? i - j <= w : rng.nextInt(4) == 0;
                Rational v = in ? Rational.of(rng.nextInt(9) - 4, den > 1 ? 1 + rng.nextInt(den) : 1) : Rational.ZERO;
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    private static PermInstance of(Problem p, RationalMatrix a) {
        return new PermInstance(p, a.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, a, null);
    }

    @Test
    void agreeWithTheDefinitions() {
        SplittableRandom rng = new SplittableRandom(41);
        Solver[] hafs = {new FrontierHafnianSolver.Banded(), new FrontierHafnianSolver.Sparse()};
        Solver[] loops = {new FrontierHafnianSolver.LoopBanded(), new FrontierHafnianSolver.LoopSparse()};
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rng.nextInt(10);
            RationalMatrix a = banded(rng, n, trial % 3 == 0 ? -1 : rng.nextInt(4), trial % 4 == 0 ? 5 : 1);
            Rational[][] arr = NaiveGaussian.array(a);
            for (Solver s : loops) assertEquals(NaiveGaussian.loopHafnian(arr).toString(), run(s, of(Problem.LOOP_HAFNIAN, a)).value(), s.name() + " trial " + trial);
            if (n % 2 == 0) {
                for (Solver s : hafs) assertEquals(NaiveGaussian.hafnian(arr).toString(), run(s, of(Problem.HAFNIAN, a)).value(), s.name() + " trial " + trial);
            }
        }
    }

    @Test
    void complexInputAgreesWithBruteForce() {
        SplittableRandom rng = new SplittableRandom(42);
        Solver brute = new BruteForceHafnianSolver(), sparse = new FrontierHafnianSolver.Sparse();
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + 2 * rng.nextInt(4);
            PermInstance p = new PermInstance(Problem.HAFNIAN, PermInstance.Field.COMPLEX, banded(rng, n, 2, 3), banded(rng, n, 2, 1));
            assertEquals(run(brute, p).value(), run(sparse, p).value(), "trial " + trial);
        }
    }

    @Test
    void floatBoundsCoverTheExactError() {
        SplittableRandom rng = new SplittableRandom(43);
        Solver f = new FrontierHafnianSolver.SparseFloat(), lf = new FrontierHafnianSolver.LoopSparseFloat();
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 * (1 + rng.nextInt(6));
            RationalMatrix a = banded(rng, n, 1 + rng.nextInt(3), 7);
            Rational[][] arr = NaiveGaussian.array(a);
            SolverResult r = run(f, of(Problem.HAFNIAN, a));
            Rational err = Rational.parse(r.value()).subtract(NaiveGaussian.hafnian(arr)).abs();
            assertTrue(err.compareTo(r.certificate().errorBound()) <= 0, "hafnian trial " + trial);
            SolverResult l = run(lf, of(Problem.LOOP_HAFNIAN, a));
            Rational el = Rational.parse(l.value()).subtract(NaiveGaussian.loopHafnian(arr)).abs();
            assertTrue(el.compareTo(l.certificate().errorBound()) <= 0, "loop trial " + trial);
        }
    }

    @Test
    void bipartiteIdentityPermEqualsHafnianOfTheDoubling() {
        SplittableRandom rng = new SplittableRandom(44);
        Solver perm = new FrontierPermanentSolver.Exact(), haf = new FrontierHafnianSolver.Sparse();
        for (int trial = 0; trial < 15; trial++) {
            int n = 1 + rng.nextInt(7);
            Rational[][] b = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = Math.abs(i - j) <= 2 ? Rational.of(rng.nextInt(7) - 3, 1 + rng.nextInt(2)) : Rational.ZERO;
            Rational[][] h = new Rational[2 * n][2 * n];
            for (int i = 0; i < 2 * n; i++) for (int j = 0; j < 2 * n; j++) h[i][j] = Rational.ZERO;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                h[i][n + j] = b[i][j];
                h[n + j][i] = b[i][j];
            }
            String p = run(perm, PermInstance.permanent(RationalMatrix.of(b))).value();
            assertEquals(p, run(haf, PermInstance.hafnian(RationalMatrix.of(h))).value(), "trial " + trial);
            assertEquals(NaiveGaussian.permanent(b).toString(), p);
        }
    }

    @Test
    void bandedHafnianOfOrder200IsLinear() {
        // The 0-1 matrix with bandwidth 1 (a path): exactly one perfect matching. Bandwidth 3 on 200 vertices.
        int n = 200;
        long[][] path = new long[n][n], band = new long[n][n];
        for (int i = 0; i + 1 < n; i++) path[i][i + 1] = path[i + 1][i] = 1;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) band[i][j] = Math.abs(i - j) <= 3 && i != j ? 1 : 0;
        SolverResult p = run(new FrontierHafnianSolver.Banded(), PermInstance.hafnian(RationalMatrix.ofLongs(path)));
        assertEquals("1", p.value());
        SolverResult r = run(new FrontierHafnianSolver.Banded(), PermInstance.hafnian(RationalMatrix.ofLongs(band)));
        assertTrue(((Integer) r.statistics().get("width")) <= 4);
        // Perfect matchings of the 3rd power of a path: a(m) = a(m−1)+a(m−2)... check against a small brute force instead.
        long[][] small = new long[12][12];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) small[i][j] = band[i][j];
        assertEquals(NaiveGaussian.hafnian(NaiveGaussian.array(RationalMatrix.ofLongs(small))).toString(),
                run(new FrontierHafnianSolver.Banded(), PermInstance.hafnian(RationalMatrix.ofLongs(small))).value());
        assertFalse(new FrontierHafnianSolver.Banded().accepts(PermInstance.hafnian(RationalMatrix.ofLongs(ones(30)))));
    }

    private static long[][] ones(int n) {
        long[][] a = new long[n][n];
        for (long[] row : a) java.util.Arrays.fill(row, 1);
        return a;
    }
}
