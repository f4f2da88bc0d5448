package mcs.bench.lowrank;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.solvers.engine.lowrank.BurerMonteiro;
import mcs.solvers.engine.lowrank.FactorObjective;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.lowrank.Lbfgs;
import mcs.solvers.engine.lowrank.RowBlocks;
import mcs.solvers.engine.parallel.Team;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation (value and gradient) of the Burer–Monteiro objective on the issue-5 instance shape: random-sparse,
 * degree 18, margin 1/20, seed 1 (n = 10^5: m = 10^6), rank 20, δ = min a_ii / 4, F with rows N(0, (a_ii − δ)/r) as
 * the solver starts. Side by side in the same run: {@code patternOrder} (the old pass, {@link PatternOrderObjective}),
 * {@code blocked} (the new sequential pass, edges grouped by column block), {@code tiles1} and {@code tiles2}
 * (the parallel mode's pass: {@code parts} row parts, tiles of pairs of parts run in conflict-free rounds; on the calling
 * thread and on a pool of 2, with bit-identical results).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar FactorObjectiveBench} (add {@code -p n=100000} for one size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FactorObjectiveBench {
    @Param({"10000", "100000"})
    public int n;

    @Param({"20"})
    public int r;

    /** Row parts of the tiled pass. */
    @Param({"4"})
    public int parts;

    private double[] f, g;
    private Lbfgs.Function patternOrder, blocked, tiles1, tiles2;
    private Team pool;

    @Setup(Level.Trial)
    public void setup() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow()
                .generate(n, 1, Map.of("degree", "18", "margin", "1/20")).instance();
        FitTarget t = FitTarget.of(inst);
        double delta = BurerMonteiro.DELTA_FRACTION * t.minDiagonal();
        f = BurerMonteiro.startingFactor(t, r, delta, new SplittableRandom(1));
        g = new double[n * r];
        pool = new Team(2);
        patternOrder = new PatternOrderObjective(t, r, delta);
        blocked = new FactorObjective(t, r, delta, new RowBlocks(t.omega, null, 1));
        tiles1 = new FactorObjective(t, r, delta, new RowBlocks(t.omega, null, parts));
        tiles2 = new FactorObjective(t, r, delta, new RowBlocks(t.omega, pool, parts));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public double patternOrder() {
        return patternOrder.evaluate(f, g);
    }

    @Benchmark
    public double blocked() {
        return blocked.evaluate(f, g);
    }

    @Benchmark
    public double tiles1() {
        return tiles1.evaluate(f, g);
    }

    @Benchmark
    public double tiles2() {
        return tiles2.evaluate(f, g);
    }
}
