package mcs.bench.kernel;

import java.util.concurrent.TimeUnit;
import mcs.verifier.kernel.RumpTest;
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
 * Rump's rigorous floating-point definiteness proof at n = 2000 (G·Gᵀ/n + I) against the baseline of a
 * plain unproven floating-point Cholesky (one accumulator per dot product), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class RumpBench {
    @Param({"2000"})
    public int n;

    private double[][] a;

    @Setup(Level.Trial)
    public void setup() {
        a = Data.gramDoubles(n, 7L + n);
    }

    @Benchmark
    public RumpTest.Result rump() {
        RumpTest.Result r = RumpTest.proveDefinite(a);
        if (!r.proven()) throw new IllegalStateException("benchmark matrix must be proven definite");
        return r;
    }

    @Benchmark
    public double plainCholesky() {
        int size = a.length;
        double[][] l = new double[size][];
        for (int i = 0; i < size; i++) l[i] = a[i].clone();
        for (int j = 0; j < size; j++) {
            double[] rj = l[j];
            double s = rj[j];
            for (int k = 0; k < j; k++) s -= rj[k] * rj[k];
            double r = Math.sqrt(s);
            rj[j] = r;
            for (int i = j + 1; i < size; i++) {
                double[] ri = l[i];
                double t = ri[j];
                for (int k = 0; k < j; k++) t -= ri[k] * rj[k];
                ri[j] = t / r;
            }
        }
        return l[size - 1][size - 1];
    }
}
