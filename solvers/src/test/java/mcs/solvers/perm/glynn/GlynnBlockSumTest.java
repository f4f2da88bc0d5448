package mcs.solvers.perm.glynn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.PermTesting;
import mcs.solvers.perm.exact.ExactModularSolver;
import mcs.solvers.perm.exact.RyserExactSolver;
import mcs.solvers.engine.parallel.SignTasks;
import org.junit.jupiter.api.Test;

/**
 * The lanes' block sums ({@link LaneTables#BLOCK} terms added plainly before each TwoSum): on sums that cancel
 * heavily the stated bound still covers the exact error, and the bound contains the blocks' own rounding
 * term γ_(k−1)·Σ|P| on top of the products' γ_(8n)·Σ|P|, with Σ|P| recomputed here by brute force (so a
 * bound that dropped the block term fails).
 */
class GlynnBlockSumTest {
    /** Order at which every lane sums 2^(n−1−split−8) = 16 steps: the blocks are full. */
    private static final int N = 14;

    private static SolverResult solve(Rational[][] a, int threads) {
        SolverResult r = new GlynnSolver().solve(PermInstance.permanent(RationalMatrix.of(a)), null, SolverOptions.defaults().withThreads(threads));
        assertEquals(Status.SOLVED, r.status(), r.message());
        return r;
    }

    private static Rational[][] signs(Random rnd, int n) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rnd.nextBoolean() ? 1 : -1);
        return a;
    }

    private static Rational[][] doubles(Random rnd, int n) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.ofDouble(rnd.nextDouble() * 2 - 1);
        return a;
    }

    /** The matrix without row i and column j. */
    private static long[][] minor(long[][] a, int i0, int j0) {
        int n = a.length;
        long[][] m = new long[n - 1][n - 1];
        for (int i = 0, r = 0; i < n; i++) {
            if (i == i0) continue;
            for (int j = 0, c = 0; j < n; j++) if (j != j0) m[r][c++] = a[i][j];
            r++;
        }
        return m;
    }

    private static Rational[][] rationals(long[][] a) {
        return PermTesting.toRationals(a);
    }

    /** Σ over the Glynn terms of |term|, in the permanent's units: 2^-(n−1)·Σ_{δ, δ_(n−1) = +1} |Π_j Σ_i δ_i a_ij|. */
    private static double absTerms(Rational[][] a) {
        int n = a.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i][j] = a[i][j].toDouble();
        double s = 0;
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            double p = 1;
            for (int j = 0; j < n; j++) {
                double c = 0;
                for (int i = 0; i < n; i++) c += ((mask >>> i) & 1) == 1 ? -d[i][j] : d[i][j];
                p *= c;
            }
            s += Math.abs(p);
        }
        return Math.scalb(s, -(n - 1));
    }

    private static Rational gamma(long k) {
        Rational ku = Rational.of(k).multiply(Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(53)));
        return ku.divide(Rational.ONE.subtract(ku));
    }

    private static void assertCovers(SolverResult r, Rational exact, String where) {
        Rational err = Rational.parse(r.value()).subtract(exact).abs();
        assertTrue(err.compareTo(r.certificate().errorBound()) <= 0, where + ": error " + err.toDouble() + " exceeds bound " + r.certificate().errorBound().toDouble());
    }

    @Test
    void blocksAreFullAtThisOrder() {
        int free = N - 1;
        long steps = 1L << (free - SignTasks.splitBits(free) - GlynnBlock.LANE_BITS);
        assertTrue(steps >= LaneTables.BLOCK && LaneTables.BLOCK > 1, "steps per lane " + steps);
    }

    @Test
    void boundCoversTheErrorWhereTheTermsCancel() {
        Random rnd = new Random(18L);
        ExactModularSolver modular = new ExactModularSolver();
        for (int trial = 0; trial < 3; trial++) {
            Rational[][] a = signs(rnd, N);
            long[][] l = new long[N][N];
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) l[i][j] = a[i][j].signum();
            SolverResult r = solve(a, 2);
            assertEquals("one-word", r.statistics().get("columns"));
            assertCovers(r, Rational.parse(PermTesting.perm(modular, l)), "signs " + trial);
        }
        // Permanent exactly 0 with large terms: the computed value is nothing but rounding error. Row 0 of a
        // ±1 matrix becomes (perm M_01, −perm M_00, 0, …): integers, one word.
        long[][] z = new long[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) z[i][j] = rnd.nextBoolean() ? 1 : -1;
        long p00 = Long.parseLong(PermTesting.perm(modular, minor(z, 0, 0)));
        long p01 = Long.parseLong(PermTesting.perm(modular, minor(z, 0, 1)));
        java.util.Arrays.fill(z[0], 0);
        z[0][0] = p01;
        z[0][1] = -p00;
        assertTrue(p00 != 0 && p01 != 0, "nonzero minors");
        SolverResult rz = solve(rationals(z), 2);
        assertEquals("one-word", rz.statistics().get("columns"));
        assertCovers(rz, Rational.ZERO, "zero permanent, one word");
        assertTrue(absTerms(rationals(z)) > 1e6 * Math.abs(p00), "the terms are large");
        // The same with a_00 = −perm(A with a_00 = 0)/perm(M_00), a rational: 17-digit-sized rows, two words.
        long[][] y = new long[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) y[i][j] = rnd.nextInt(19) - 9;
        y[0][0] = 0;
        Rational rest = Rational.parse(PermTesting.perm(modular, y));
        Rational m00 = Rational.parse(PermTesting.perm(modular, minor(y, 0, 0)));
        assertTrue(!m00.isZero(), "nonzero minor");
        Rational[][] yr = rationals(y);
        yr[0][0] = rest.negate().divide(m00);
        SolverResult ry = solve(yr, 2);
        assertEquals("two-word", ry.statistics().get("columns"));
        assertCovers(ry, Rational.ZERO, "zero permanent, two words");
        Rational[][] d = doubles(rnd, N);
        SolverResult rd = solve(d, 2);
        assertEquals("two-word", rd.statistics().get("columns"));
        assertCovers(rd, Rational.parse(PermTesting.value(new RyserExactSolver(), PermInstance.permanent(RationalMatrix.of(d)))), "doubles");
    }

    @Test
    void boundContainsTheBlockTerm() {
        Random rnd = new Random(81L);
        for (Rational[][] a : new Rational[][][] {signs(rnd, N), doubles(rnd, N)}) {
            SolverResult r = solve(a, 1);
            double s = absTerms(a) * (1 - 1e-9);
            Rational products = gamma(8L * N);
            Rational blocks = gamma(LaneTables.BLOCK - 1L);
            Rational floor = products.add(blocks).multiply(Rational.ofDouble(s));
            Rational bound = r.certificate().errorBound();
            assertTrue(bound.compareTo(floor) >= 0, r.statistics().get("columns") + ": bound " + bound.toDouble() + " below (γ_8n + γ_(k−1))·Σ|P| = " + floor.toDouble());
            // Without the block term the rest of the bound stays well below that floor (so this check has teeth):
            // the products' term, 2u·|value| and the 3-digit rounding up.
            Rational rest = products.multiply(Rational.ofDouble(absTerms(a) * (1 + 1e-9)))
                    .add(gamma(4).multiply(Rational.parse(r.value()).abs())).multiply(Rational.of(102, 100));
            assertTrue(rest.compareTo(floor) < 0, "the block term is what lifts the bound: " + rest.toDouble() + " vs " + floor.toDouble());
        }
    }
}
