package mcs.bench.kernel;

import java.util.Random;
import mcs.problems.exact.Rational;

/** Seeded benchmark inputs. */
final class Data {
    private Data() {}

    /** Lower triangle of G·Gᵀ/n + I in doubles (G uniform in [−1, 1], n×n), and its exact rationals. */
    static double[][] gramDoubles(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] g = new double[n][n];
        for (double[] r : g) for (int c = 0; c < n; c++) r[c] = rnd.nextDouble() * 2 - 1;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) s += g[i][c] * g[j][c];
                a[i][j] = s / n;
            }
            a[i][i] += 1.0;
        }
        return a;
    }

    /** The plain Gram matrix G·Gᵀ of random doubles (PD with probability one), as exact rationals. */
    static Rational[][] gramRationals(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] g = new double[n][n];
        for (double[] r : g) for (int c = 0; c < n; c++) r[c] = rnd.nextDouble() * 2 - 1;
        Rational[][] x = new Rational[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) s += g[i][c] * g[j][c];
                x[i][j] = Rational.ofDouble(s);
            }
        }
        return x;
    }

    /** Exact integer Gram matrix G·Gᵀ of a random n×r integer G with entries in [−1000, 1000]: PSD of rank r. */
    static Rational[][] singularGram(int n, int r, long seed) {
        Random rnd = new Random(seed);
        long[][] g = new long[n][r];
        for (long[] row : g) for (int c = 0; c < r; c++) row[c] = rnd.nextInt(2001) - 1000;
        Rational[][] x = new Rational[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) {
                long s = 0;
                for (int c = 0; c < r; c++) s += g[i][c] * g[j][c];
                x[i][j] = Rational.of(s);
            }
        }
        return x;
    }
}
