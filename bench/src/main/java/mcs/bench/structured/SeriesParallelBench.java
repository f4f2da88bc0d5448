package mcs.bench.structured;

import java.util.concurrent.TimeUnit;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
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
 * The {@code structured} solver on series-parallel instances ({@link SeriesParallelData}), its certificate's
 * kernel check; run it together with its baseline {@link SeriesParallelIpmBench} (one JMH run with the
 * regex {@code SeriesParallel}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SeriesParallelBench {
    private static final Solver STRUCTURED = Solvers.byName("structured", Problem.PSD_COMPLETION).orElseThrow();

    @Param({"200", "1000", "10000", "100000"})
    public int n;

    @Param({"yes", "no"})
    public String answer;

    private Mc1Instance instance;
    private Certificate certificate;

    @Setup(Level.Trial)
    public void setup() {
        instance = SeriesParallelData.build(n, answer.equals("yes"), 42L);
        SolverResult r = STRUCTURED.solve(instance, null, SolverOptions.defaults().withThreads(1));
        if (r.status() != Status.SOLVED || r.verdict().name().equals("COMPLETABLE") != answer.equals("yes")) {
            throw new IllegalStateException("structured: " + r.status() + " " + r.message());
        }
        certificate = r.certificate();
        Judgement j = Kernel.check(instance, null, certificate, KernelOptions.defaults());
        if (!j.isAccepted()) throw new IllegalStateException("kernel: " + j.reason());
    }

    @Benchmark
    public Object structured() {
        return STRUCTURED.solve(instance, null, SolverOptions.defaults().withThreads(1));
    }

    @Benchmark
    public Object verify() {
        return Kernel.check(instance, null, certificate, KernelOptions.defaults());
    }
}
