package mcs.solvers.haf.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverResult;
import mcs.solvers.perm.estimate.EstimateTesting;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** The sampled hafnian estimators: the Pfaffian, exact unbiasedness by enumeration, interval coverage. */
class HafnianSamplersTest {
    private static double pf(double[][] a) {
        double[] p = HafnianSamplers.logPfaffian(a);
        return p[0] * Math.exp(p[1]);
    }

    @Test
    void pfaffianOfSmallMatricesAndSquareIsDeterminant() {
        assertEquals(3.0, pf(new double[][] {{0, 3}, {-3, 0}}), 1e-12);
        double a = 2, b = -3, c = 5, d = 7, e = 11, f = -13; // a12 a13 a14 a23 a24 a34
        double[][] m = {{0, a, b, c}, {-a, 0, d, e}, {-b, -d, 0, f}, {-c, -e, -f, 0}};
        assertEquals(a * f - b * e + c * d, pf(m), 1e-9);
        SplittableRandom rng = new SplittableRandom(71);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 * (1 + rng.nextInt(4));
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                w[i][j] = rng.nextInt(7) - 3;
                w[j][i] = -w[i][j];
            }
            double p = pf(w);
            assertEquals(det(w), p * p, 1e-6 * Math.max(1, Math.abs(p * p)), "trial " + trial);
        }
    }

    /** Enumerating every ±1 signing (n = 4, 6) gives E[Pf(W)Pf(W')] = haf(A) exactly. */
    @Test
    void godsilGutmanIsUnbiased() {
        SplittableRandom rng = new SplittableRandom(72);
        for (int n : new int[] {2, 4, 6}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.nextInt(9) - 4;
            int edges = n * (n - 1) / 2;
            double sum = 0;
            for (int mask = 0; mask < (1 << edges); mask++) {
                double[][] w = new double[n][n], v = new double[n][n];
                int e = 0;
                for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++, e++) {
                    double x = ((mask >> e) & 1) == 0 ? 1 : -1;
                    w[i][j] = x * Math.sqrt(Math.abs(a[i][j]));
                    w[j][i] = -w[i][j];
                    v[i][j] = a[i][j] < 0 ? -w[i][j] : w[i][j];
                    v[j][i] = -v[i][j];
                }
                sum += pf(w) * pf(v);
            }
            Rational[][] r = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i][j] = Rational.of((long) a[i][j]);
            assertEquals(NaiveGaussian.hafnian(r).toDouble(), sum / (1 << edges), 1e-7, "n=" + n);
        }
    }

    @Test
    void intervalsCoverTheHafnian() {
        SplittableRandom rng = new SplittableRandom(73);
        int n = 8;
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.nextInt(5);
        RationalMatrix m = RationalMatrix.ofLongs(a);
        double haf = NaiveGaussian.hafnian(NaiveGaussian.array(m)).toDouble();
        PermInstance inst = new PermInstance(Problem.HAFNIAN_ESTIMATE, PermInstance.Field.INTEGER, m, null);
        for (String name : new String[] {"godsil-gutman", "barvinok", "kan-mc"}) {
            int covered = 0;
            for (long seed = 1; seed <= 10; seed++) {
                SolverResult r = EstimateTesting.run(name, inst, Map.of("samples", "4000"), seed);
                double lo = EstimateTesting.stat(r, "ci_lower").toDouble(), hi = EstimateTesting.stat(r, "ci_upper").toDouble();
                if (lo <= haf && haf <= hi) covered++;
                assertEquals(seed, ((Number) r.statistics().get("seed")).longValue());
            }
            assertTrue(covered >= 8, name + " covered the hafnian " + covered + "/10 times");
        }
        // Godsil–Gutman on a nonnegative matrix concentrates: the mean is within 20% at 4000 draws.
        SolverResult g = EstimateTesting.run("godsil-gutman", inst, Map.of("samples", "4000"), 5);
        assertEquals(haf, Rational.parse(g.value()).toDouble(), 0.2 * haf);
    }

    private static double det(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = m[i].clone();
        double d = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
            if (a[p][k] == 0) return 0;
            if (p != k) {
                double[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                d = -d;
            }
            d *= a[k][k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) a[i][j] -= f * a[k][j];
            }
        }
        return d;
    }
}
