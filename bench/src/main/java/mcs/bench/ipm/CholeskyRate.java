package mcs.bench.ipm;

import java.util.Arrays;
import java.util.SplittableRandom;
import mcs.solvers.engine.dense.RowCholesky;

/**
 * Seconds and GFlop/s (m³/3 flops) of {@link RowCholesky}, the Schur-complement factorisation that takes about three
 * quarters of {@code ipm}'s time, on the matrix of {@code bench/anchors/potrf.c} (entries in [−1/2, 1/2], diagonal
 * √m + 1/2), so that {@code bench/cholesky-anchor.sh} can run it beside OpenBLAS's {@code dpotrf} in one run.
 * Arguments: m, threads, repetitions (after two untimed ones, for the JIT).
 */
public final class CholeskyRate {
    private CholeskyRate() {}

    public static void main(String[] args) {
        int m = Integer.parseInt(args[0]), threads = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        SplittableRandom r = new SplittableRandom(7);
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j < i; j++) a[i][j] = r.nextDouble() - 0.5;
            a[i][i] = Math.sqrt(m) + 0.5;
        }
        double total = 0, best = Double.MAX_VALUE;
        for (int k = -2; k < reps; k++) {
            double[][] b = new double[m][];
            for (int i = 0; i < m; i++) b[i] = Arrays.copyOf(a[i], i + 1);
            long t0 = System.nanoTime();
            if (!RowCholesky.factor(b, threads)) throw new IllegalStateException("the matrix must be definite");
            double t = (System.nanoTime() - t0) / 1e9;
            if (k >= 0) {
                total += t;
                best = Math.min(best, t);
            }
        }
        System.out.printf("RowCholesky m=%d threads=%d: mean %.3f s, best %.3f s, %.1f GFlop/s (mean)%n", m, threads, total / reps, best,
                (double) m * m * m / 3 / (total / reps) / 1e9);
    }
}
