package mcs.solvers.mc1.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The structured Schur complement of {@link Hkm#schur} against its definition M_kl = tr(A_k X A_l G) + c_k c_l
 * x_s/z_s with dense n×n products, A_k = (E_ij + E_ji)/2 and c = −1 on diagonal constraints, on random
 * patterns and random symmetric X and G (the formula is an identity, definiteness is not needed).
 */
class SchurTest {
    @Test
    void structuredBuildEqualsTheTraceDefinition() {
        for (int n : new int[] {1, 4, 9, 23}) {
            for (int threads : new int[] {1, 2}) {
                SplittableRandom r = new SplittableRandom(31 + n);
                java.util.List<int[]> pairs = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (r.nextInt(3) == 0) pairs.add(new int[] {i, j});
                Pattern pat = Pattern.of(n, pairs.toArray(new int[0][]));
                Rational[] v = new Rational[pat.m()];
                for (int k = 0; k < v.length; k++) v[k] = Rational.of(1 + r.nextInt(5), 7);
                MarginSdp p = new MarginSdp(PartialSymmetricMatrix.of(pat, v));
                double[] x = symmetric(n, r), g = symmetric(n, r);
                double scalar = 0.375;
                double[][] out = new double[p.m][];
                for (int k = 0; k < p.m; k++) out[k] = new double[k + 1];
                Hkm.schur(p, x, g, scalar, out, threads);
                for (int k = 0; k < p.m; k++) {
                    for (int l = 0; l <= k; l++) {
                        double expected = trace(constraint(p, k), x, constraint(p, l), g, n)
                                + (p.diagonal[k] && p.diagonal[l] ? scalar : 0);
                        assertEquals(expected, out[k][l], 1e-12, "n=" + n + " (" + k + "," + l + ")");
                    }
                }
            }
        }
    }

    private static double[] symmetric(int n, SplittableRandom r) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextDouble() - 0.5;
        return a;
    }

    private static double[] constraint(MarginSdp p, int k) {
        int n = p.n;
        double[] a = new double[n * n];
        a[p.row[k] * n + p.col[k]] += 0.5;
        a[p.col[k] * n + p.row[k]] += 0.5;
        return a;
    }

    /** tr(A X B G) by dense products. */
    private static double trace(double[] a, double[] x, double[] b, double[] g, int n) {
        double[] ax = product(a, x, n), axb = product(ax, b, n), axbg = product(axb, g, n);
        double t = 0;
        for (int i = 0; i < n; i++) t += axbg[i * n + i];
        return t;
    }

    private static double[] product(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }
}
