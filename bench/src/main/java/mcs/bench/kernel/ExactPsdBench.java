package mcs.bench.kernel;

import java.util.concurrent.TimeUnit;
import mcs.problems.exact.Rational;
import mcs.verifier.kernel.ExactPsd;
import mcs.verifier.kernel.PsdDecision;
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
 * Exact dense PSD decision of a PD Gram matrix of random doubles turned rationals (SPEC §2.1 YES
 * {@code entries}): {@link ExactPsd#decide} (modular fast path, then fraction-free elimination) against
 * the fraction-free elimination alone and against naive Gaussian elimination on {@link Rational}
 * fractions, in the same run; and a singular PSD (boundary) case, exact integer Gram of rank 3n/4. Single-shot: each call is seconds long. The slow baselines are run with
 * fewer iterations from the command line (see bench/RESULTS-kernel.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ExactPsdBench {
    @Param({"100", "200"})
    public int n;

    private Rational[][] x;
    private Rational[][] singular;

    @Setup(Level.Trial)
    public void setup() {
        x = Data.gramRationals(n, 20261127L + n);
        singular = Data.singularGram(n, 3 * n / 4, 31L + n);
    }

    /** A boundary case: exact integer Gram matrix of rank 3n/4 (entries of the generator in [−1000, 1000]). */
    @Benchmark
    public PsdDecision exactPsdSingular() {
        PsdDecision d = ExactPsd.decide(singular);
        if (!d.psd() || d.rank() != 3 * n / 4) throw new IllegalStateException("wrong rank " + d.rank());
        return d;
    }

    @Benchmark
    public PsdDecision fractionFreeOnlySingular() {
        return ExactPsd.decideByElimination(singular);
    }

    @Benchmark
    public PsdDecision exactPsd() {
        PsdDecision d = ExactPsd.decide(x);
        if (!d.definite()) throw new IllegalStateException("benchmark matrix must be definite");
        return d;
    }

    @Benchmark
    public PsdDecision fractionFreeOnly() {
        return ExactPsd.decideByElimination(x);
    }

    @Benchmark
    public boolean naiveRational() {
        return NaiveRationalPsd.isPsd(x);
    }
}
