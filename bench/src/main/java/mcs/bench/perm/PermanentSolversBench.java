package mcs.bench.perm;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.perm.exact.ExactModularSolver;
import mcs.solvers.perm.glynn.GlynnSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The permanent solvers against the plain scalar Glynn baseline ({@link PlainGlynn}, one thread) in the
 * same run, single-shot (each call is seconds long):
 * <ul>
 *   <li>{@code glynn} (2 threads and 1 thread) on seeded uniform[−1, 1] doubles, {@code kind = double}
 *       (53-bit doubles: column sums in two words), and on uniform[−1, 1] rounded to the grid 2^-29,
 *       {@code kind = grid30} (one word);
 *   <li>{@code exact-modular} (2 threads) on seeded integers in [−9, 9], {@code kind = int9} (the baseline
 *       runs on the same integers as doubles, where it is not exact).
 * </ul>
 * The same jar runs on JDK 17 or 25 (glynn's kernel is plain Java that C2 vectorises on both). Run: {@code java -jar bench/target/benchmarks.jar PermanentSolversBench -p n=30 -p kind=double}, or
 * {@code -p n=25 -p kind=int9}. Results and machine notes: bench/RESULTS-perm.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PermanentSolversBench {
    @Param({"25", "30"})
    public int n;

    @Param({"double", "grid30", "int9"})
    public String kind;

    private double[][] a;
    private PermInstance instance;

    @Setup
    public void setup() {
        Random rnd = new Random(2026L + n);
        a = new double[n][n];
        Rational[][] r = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = switch (kind) {
                    case "int9" -> rnd.nextInt(19) - 9;
                    case "grid30" -> Math.scalb((double) (rnd.nextInt((1 << 30) + 1) - (1 << 29)), -29);
                    default -> rnd.nextDouble() * 2 - 1;
                };
                r[i][j] = Rational.ofDouble(a[i][j]);
            }
        }
        instance = PermInstance.permanent(RationalMatrix.of(r));
    }

    @Benchmark
    public double plainGlynnBaseline() {
        return PlainGlynn.permanent(a);
    }

    @Benchmark
    public SolverResult solverTwoThreads() {
        return solver().solve(instance, null, SolverOptions.defaults().withThreads(2));
    }

    @Benchmark
    public SolverResult solverOneThread() {
        return solver().solve(instance, null, SolverOptions.defaults().withThreads(1));
    }

    private mcs.problems.spi.Solver solver() {
        return "int9".equals(kind) ? new ExactModularSolver() : new GlynnSolver();
    }
}
