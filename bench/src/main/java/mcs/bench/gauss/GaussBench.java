package mcs.bench.gauss;

import java.util.concurrent.TimeUnit;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.haf.cycles.CycleHafnianSolver;
import mcs.solvers.haf.cycles.LoopCycleHafnianSolver;
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
 * {@code hafnian-cycles} / {@code loop-hafnian-cycles} (double-word arithmetic, rigorous bound; 2 threads and
 * 1 thread) against the plain power-trace baseline ({@link PlainPowerTrace}: The Walrus's algorithm in plain
 * complex doubles, one thread, no bound) on the same seeded matrices ({@link GaussCases}), single shot.
 * Run: {@code java -jar bench/target/benchmarks.jar GaussBench -p n=28 -p field=complex -p problem=haf}. The
 * baseline grows as n⁴·2^(n/2): leave it out above n = 32 with {@code -e plain}. Results: bench/RESULTS-gauss.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GaussBench {
    @Param({"20", "24", "28"})
    public int n;

    @Param({"real", "complex"})
    public String field;

    @Param({"haf", "loop"})
    public String problem;

    private GaussCases cases;

    @Setup
    public void setup() {
        cases = new GaussCases(n, field.equals("complex"), problem.equals("loop"), 1);
    }

    @Benchmark
    public SolverResult cyclesTwoThreads() {
        return solver().solve(cases.instance, null, SolverOptions.defaults().withThreads(2));
    }

    @Benchmark
    public SolverResult cyclesOneThread() {
        return solver().solve(cases.instance, null, SolverOptions.defaults().withThreads(1));
    }

    @Benchmark
    public double[] plainPowerTraceOneThread() {
        return PlainPowerTrace.value(cases.re, cases.im, problem.equals("loop"));
    }

    private mcs.problems.spi.Solver solver() {
        return problem.equals("loop") ? new LoopCycleHafnianSolver() : new CycleHafnianSolver();
    }
}
