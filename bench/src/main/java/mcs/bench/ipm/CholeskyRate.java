package mcs.bench.ipm;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import mcs.solvers.engine.dense.RowCholesky;

/**
 * Seconds and GFlop/s (m³/3 flops) of {@link RowCholesky}, the Schur-complement factorisation that takes about three
 * quarters of {@code ipm}'s time, on the matrix of {@code bench/anchors/potrf.c} (entries in [−1/2, 1/2], diagonal
 * √m + 1/2), so that {@code bench/cholesky-anchor.sh} can run it beside OpenBLAS's {@code dpotrf} in one run.
 * Arguments: m, threads, repetitions (after two untimed ones, for the JIT), and optionally {@code baseline}: then
 * {@link RowCholeskyByRows} (the kernel of 9bd8325) is run too, alternating with the current one in this JVM,
 * their factors are compared bit for bit, and the ratio of their best times is printed. Besides wall time it
 * reports the process CPU time per factorisation (all threads, JIT included), which a loaded machine disturbs
 * less than the wall time of a one-thread run.
 */
public final class CholeskyRate {
    private CholeskyRate() {}

    private interface Kernel {
        boolean factor(double[][] rows, int threads);
    }

    public static void main(String[] args) {
        int m = Integer.parseInt(args[0]), threads = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        boolean baseline = args.length > 3 && args[3].equals("baseline");
        SplittableRandom r = new SplittableRandom(7);
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j < i; j++) a[i][j] = r.nextDouble() - 0.5;
            a[i][i] = Math.sqrt(m) + 0.5;
        }
        String[] names = baseline ? new String[] {"RowCholeskyByRows (9bd8325)", "RowCholesky"} : new String[] {"RowCholesky"};
        Kernel[] kernels = baseline ? new Kernel[] {RowCholeskyByRows::factor, RowCholesky::factor} : new Kernel[] {RowCholesky::factor};
        int k = kernels.length;
        double[] total = new double[k], best = new double[k], cpuTotal = new double[k], cpuBest = new double[k];
        Arrays.fill(best, Double.MAX_VALUE);
        Arrays.fill(cpuBest, Double.MAX_VALUE);
        double[][][] last = new double[k][][];
        for (int rep = -2; rep < reps; rep++) {
            for (int v = 0; v < k; v++) {
                double[][] b = new double[m][];
                for (int i = 0; i < m; i++) b[i] = Arrays.copyOf(a[i], i + 1);
                long c0 = cpuNanos(), t0 = System.nanoTime();
                if (!kernels[v].factor(b, threads)) throw new IllegalStateException("the matrix must be definite");
                double t = (System.nanoTime() - t0) / 1e9, c = (cpuNanos() - c0) / 1e9;
                if (rep >= 0) {
                    total[v] += t;
                    best[v] = Math.min(best[v], t);
                    cpuTotal[v] += c;
                    cpuBest[v] = Math.min(cpuBest[v], c);
                }
                last[v] = b;
            }
        }
        double flops = (double) m * m * m / 3;
        for (int v = 0; v < k; v++) {
            System.out.printf("%s m=%d threads=%d: mean %.3f s, best %.3f s, %.1f GFlop/s (mean); cpu mean %.3f s, best %.3f s%n", names[v], m,
                    threads, total[v] / reps, best[v], flops / (total[v] / reps) / 1e9, cpuTotal[v] / reps, cpuBest[v]);
        }
        if (baseline) {
            boolean same = true;
            for (int i = 0; i < m && same; i++) same = Arrays.equals(last[0][i], last[1][i]);
            System.out.printf("new / 9bd8325 m=%d threads=%d: best wall %.2f, mean wall %.2f, best cpu %.2f; factors %s%n", m, threads,
                    best[1] / best[0], total[1] / total[0], cpuBest[1] / cpuBest[0], same ? "bit-identical" : "DIFFER");
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
