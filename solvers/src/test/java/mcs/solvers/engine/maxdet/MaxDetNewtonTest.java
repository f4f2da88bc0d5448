package mcs.solvers.engine.maxdet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link MaxDetNewton} and its sparse kernels against dense recomputation: the projected inverse and the
 * Hessian-vector product against S⁻¹ and S⁻¹YS⁻¹ formed densely, the SPEC §6 value a13 = 1/4, and the optimality
 * identity (X agrees with a on Ω and X⁻¹ vanishes off Ω).
 */
class MaxDetNewtonTest {
    static Pattern randomPattern(int n, int extra, SplittableRandom rng) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < n; i++) pairs.add(new int[] {i, rng.nextInt(i)});
        for (int e = 0; e < extra; e++) {
            int i = rng.nextInt(n), j = rng.nextInt(n);
            if (i != j) pairs.add(new int[] {i, j});
        }
        return Pattern.of(n, pairs.toArray(new int[0][]));
    }

    /** Values of a diagonally dominant matrix on Ω (so S is positive definite). */
    static double[] dominant(Pattern p, SplittableRandom rng) {
        double[] v = new double[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) v[k] = p.col(k) == i ? p.n() + 1 : rng.nextDouble() - 0.5;
        }
        return v;
    }

    static double[][] dense(Pattern p, double[] v) {
        int n = p.n();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                a[i][p.col(k)] = v[k];
                a[p.col(k)][i] = v[k];
            }
        }
        return a;
    }

    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] w = new double[n][];
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i] = m[i].clone();
            x[i][i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(w[r][c]) > Math.abs(w[piv][c])) piv = r;
            double[] t = w[c];
            w[c] = w[piv];
            w[piv] = t;
            t = x[c];
            x[c] = x[piv];
            x[piv] = t;
            double d = w[c][c];
            for (int j = 0; j < n; j++) {
                w[c][j] /= d;
                x[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = w[r][c];
                for (int j = 0; j < n; j++) {
                    w[r][j] -= f * w[c][j];
                    x[r][j] -= f * x[c][j];
                }
            }
        }
        return x;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    @Test
    void projectedInverseAndHessianMatchDenseAlgebra() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = 5 + (int) (seed * 3);
            Pattern p = randomPattern(n, 2 * n, rng);
            int[][] adj = p.adjacency();
            SymbolicFactor sym = SymbolicFactor.of(p, MinimumDegree.order(n, adj[0], adj[1]));
            SparseLdl ldl = new SparseLdl(sym);
            double[] s = dominant(p, rng);
            assertTrue(ldl.factor(s));
            double[][] x = inverse(dense(p, s));
            double[] zl = new double[sym.nnz()], zd = new double[n];
            ldl.projectedInverse(zl, zd);
            double[] y = dominant(p, rng);
            double[][] xyx = multiply(multiply(x, dense(p, y)), x);
            double[] dl = new double[sym.nnz()], dd = new double[n], dzl = new double[sym.nnz()], dzd = new double[n];
            ldl.tangent(y, dl, dd);
            ldl.projectedInverseTangent(zl, zd, dl, dd, dzl, dzd);
            for (int i = 0; i < n; i++) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.col(k);
                    int slot = sym.omegaSlot[k];
                    double z = slot >= 0 ? zl[slot] : zd[-1 - slot];
                    double dz = slot >= 0 ? dzl[slot] : dzd[-1 - slot];
                    assertEquals(x[i][j], z, 1e-12, "projected inverse, seed " + seed);
                    assertEquals(-xyx[i][j], dz, 1e-10, "Hessian-vector product, seed " + seed);
                }
            }
            double[] col = new double[n];
            ldl.inverseColumn(2, col);
            for (int i = 0; i < n; i++) assertEquals(x[i][2], col[i], 1e-12);
        }
    }

    @Test
    void specVectorMaxDetIsOneQuarter() {
        Pattern p = Pattern.of(3, new int[][] {{0, 1}, {1, 2}});
        double[] a = new double[p.m()];
        for (int i = 0; i < 3; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) a[k] = p.col(k) == i ? 1 : 0.5;
        }
        MaxDetNewton.Result r = MaxDetNewton.solve(p, a, SolverOptions.defaults(), MaxDetNewton.Settings.DEFAULTS);
        assertTrue(r.converged(), r.message());
        assertEquals(0.25, r.completion().column(0)[2], 1e-12);
    }

    @Test
    void optimumInverseVanishesOffOmega() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = 12 + (int) seed;
            Pattern p = randomPattern(n, n, rng);
            // a = GGᵀ + I/2 on Ω: a positive definite completion exists.
            double[][] g = new double[n][3];
            for (double[] row : g) for (int c = 0; c < 3; c++) row[c] = rng.nextDouble() - 0.5;
            double[] a = new double[p.m()];
            for (int i = 0; i < n; i++) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.col(k);
                    for (int c = 0; c < 3; c++) a[k] += g[i][c] * g[j][c];
                    if (i == j) a[k] += 0.5;
                }
            }
            MaxDetNewton.Result r = MaxDetNewton.solve(p, a, SolverOptions.defaults(), MaxDetNewton.Settings.DEFAULTS);
            assertTrue(r.converged(), r.message());
            double[] xs = r.completion().dense();
            double[][] x = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) x[i][j] = xs[i * n + j];
            for (int i = 0; i < n; i++) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) assertEquals(a[k], x[i][p.col(k)], 1e-9);
            }
            double[][] s = inverse(x);
            double[] dual = r.completion().dual();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    int k = p.entryIndex(i, j);
                    if (k < 0) assertEquals(0, s[i][j], 1e-8, "X^-1 off Ω at (" + i + "," + j + "), seed " + seed);
                    else assertEquals(dual[k], s[i][j], 1e-7);
                }
            }
        }
    }

    @Test
    void noPositiveDefiniteCompletionDoesNotConverge() {
        // SPEC §6: a12 = 1/2, a23 = 2 with unit diagonal has no PSD completion.
        Pattern p = Pattern.of(3, new int[][] {{0, 1}, {1, 2}});
        double[] a = {1, 0.5, 1, 2, 1};
        MaxDetNewton.Result r = MaxDetNewton.solve(p, a, SolverOptions.defaults(), MaxDetNewton.Settings.DEFAULTS);
        assertFalse(r.converged());
    }
}
