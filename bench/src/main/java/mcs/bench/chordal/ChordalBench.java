package mcs.bench.chordal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.chordal.EliminationStructure;
import mcs.solvers.engine.chordal.MaximumCardinalitySearch;
import mcs.solvers.engine.exact.NegativeDirection;
import mcs.solvers.mc1.chordal.ChordalSolver;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.ChordalityInspector;
import org.jgrapht.graph.DefaultEdge;
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
 * The {@code chordal} solver on band and k-tree patterns (clique size k + 1 = 6) at n = 10⁵ and 10⁶, with
 * the kernel's check of its certificate, side by side with two baselines in the same run:
 * <ul>
 *   <li>{@code jgraphtOrder}: JGraphT's {@link ChordalityInspector} (chordality test and perfect elimination
 *       order) on {@link Pattern#graph()}, including building the boxed graph; it decides no block at all,
 *       so it is a lower bound for a JGraphT-based solver;
 *   <li>{@code rationalBlocks}: our order, then every maximal clique block decided by exact
 *       {@link Rational} elimination ({@link NegativeDirection}) instead of the float-then-exact path.
 * </ul>
 * Instances: {@link ChordalData} (a = GGᵀ + I, YES). The instance's adjacency is built in setup (as a
 * loaded instance would have it after one use); the solver's timing includes everything else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ChordalBench {
    @Param({"100000", "1000000"})
    public int n;

    @Param({"band", "ktree"})
    public String shape;

    @Param({"5"})
    public int k;

    private Mc1Instance instance;
    private Certificate certificate;

    @Setup(Level.Trial)
    public void setup() {
        instance = ChordalData.build(shape, n, k, 42L);
        instance.matrix().pattern().adjacency();
        SolverResult r = new ChordalSolver().solve(instance, null, SolverOptions.defaults());
        certificate = r.certificate();
        if (certificate == null || !certificate.verdict().name().equals("COMPLETABLE")) throw new IllegalStateException(r.message());
    }

    @Benchmark
    public Object chordalSolver() {
        return new ChordalSolver().solve(instance, null, SolverOptions.defaults());
    }

    @Benchmark
    public Object kernelCheck() {
        Judgement j = Kernel.check(instance, null, certificate, KernelOptions.defaults());
        if (!j.isAccepted()) throw new IllegalStateException(j.reason());
        return j;
    }

    @Benchmark
    public Object jgraphtOrder() {
        Graph<Integer, DefaultEdge> g = instance.matrix().pattern().graph();
        ChordalityInspector<Integer, DefaultEdge> ci = new ChordalityInspector<>(g);
        if (!ci.isChordal()) throw new IllegalStateException("not chordal");
        List<Integer> peo = ci.getPerfectEliminationOrder();
        return peo;
    }

    @Benchmark
    public int rationalBlocks() {
        PartialSymmetricMatrix a = instance.matrix();
        Pattern p = a.pattern();
        int[][] adj = p.adjacency();
        int[] order = MaximumCardinalitySearch.eliminationOrder(p.n(), adj[0], adj[1]);
        EliminationStructure es = EliminationStructure.of(order, adj);
        if (es.firstNonPerfectVertex(adj) >= 0) throw new IllegalStateException("not chordal");
        boolean[] nonMax = es.nonMaximal();
        int psd = 0;
        for (int v = 0; v < p.n(); v++) {
            if (nonMax[v]) continue;
            int s = es.laterCount(v) + 1;
            int[] idx = new int[s];
            idx[0] = v;
            for (int r = 1; r < s; r++) idx[r] = es.laterIdx[es.laterPtr[v] + r - 1];
            Rational[][] b = new Rational[s][s];
            for (int r = 0; r < s; r++) for (int q = 0; q < s; q++) b[r][q] = a.get(idx[r], idx[q]);
            if (NegativeDirection.find(b) == null) psd++;
        }
        return psd;
    }
}
