package mcs.bench.ipm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mcs.solvers.engine.dense.RowCholesky;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense Cholesky of the {@code ipm} Schur complement (order m = n + |E|: 800–3200 on the CSDP comparison
 * sparse instances, 5050 on dense n = 100): the row-oriented kernel {@link RowCholesky} against the previous
 * flat-array tiled kernel {@link TiledCholesky}, same matrix, same thread count, same run. Each invocation
 * copies the matrix (O(m²), negligible against m³/3 flops) and factors the copy. Data: a random symmetric
 * matrix with entries in [−1/2, 1/2] and diagonal m/2 (positive definite by diagonal dominance), seed m.
 * The score is seconds per factorisation; the ratio tiled / rows is the speed-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CholeskyBench {
    @Param({"1600", "3200"})
    public int m;

    @Param({"1", "2"})
    public int threads;

    private double[] flat;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(m);
        flat = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                double v = r.nextDouble() - 0.5;
                flat[i * m + j] = v;
                flat[j * m + i] = v;
            }
            flat[i * m + i] = 0.5 * m;
        }
    }

    @Benchmark
    public double tiled() {
        double[] a = flat.clone();
        if (!TiledCholesky.cholesky(a, m, threads)) throw new IllegalStateException("benchmark matrix must be definite");
        return a[m * m - 1];
    }

    @Benchmark
    public double rows() {
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) a[i] = java.util.Arrays.copyOfRange(flat, i * m, i * m + i + 1);
        if (!RowCholesky.factor(a, threads)) throw new IllegalStateException("benchmark matrix must be definite");
        return a[m - 1][m - 1];
    }
}
