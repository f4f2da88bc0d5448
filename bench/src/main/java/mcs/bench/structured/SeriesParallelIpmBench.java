package mcs.bench.structured;

import java.util.concurrent.TimeUnit;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.Solvers;
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
 * Baseline of {@link SeriesParallelBench}: {@code ipm} on the whole series-parallel instance (what
 * {@code structured} could do with such an atom before it had the exact path), at n = 200 only, since
 * ipm's dense Schur complement of order n + |E| makes larger sizes take minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SeriesParallelIpmBench {
    private static final Solver IPM = Solvers.byName("ipm", Problem.PSD_COMPLETION).orElseThrow();

    @Param({"200"})
    public int n;

    @Param({"yes", "no"})
    public String answer;

    private Mc1Instance instance;

    @Setup(Level.Trial)
    public void setup() {
        instance = SeriesParallelData.build(n, answer.equals("yes"), 42L);
    }

    @Benchmark
    public Object ipm() {
        return IPM.solve(instance, null, SolverOptions.defaults().withThreads(1));
    }
}
