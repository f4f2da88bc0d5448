package mcs.solvers.mc1.firstorder;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code dual-descent}: MC1 NO side by a first-order search for a dual witness W ⪰ 0 on Ω with ⟨W, a⟩ &lt; 0.
 *
 * <p><b>Method.</b> On the unit-diagonal scaling b, L-BFGS minimises ‖P_Ω(FFᵀ) − b‖² over F ∈ ℝ^{n×r}
 * ({@link NearestCompletion}); its residual R = P_Ω(FFᵀ) − b converges, on a NO instance, to the projection of −b
 * onto the dual cone {W ⪰ 0 on Ω}, a witness with ⟨R, b⟩ = −‖R‖². At checkpoints (after 20, 40, 80, … iterations, at most 160 apart)
 * {@link WitnessBuilder} localises R to the indices that carry it, repairs its negative spectrum by δI, rounds it
 * and proves it; the first witness that passes is returned. The method never answers COMPLETABLE: when the
 * residual vanishes (or the budget ends) it answers UNKNOWN.
 *
 * <p><b>Options</b> ({@link SolverOptions#extra}): {@code rank} (r, default min(n, {@value #RANK})),
 * {@code max-iterations} (default {@value #MAX_ITERATIONS}); the seed fixes the random start and the Lanczos starts.
 * <b>Cost:</b> O(m·r) per L-BFGS iteration plus O(n·r) for the memory; each checkpoint O((m + n·k)·k·log n) with
 * k ≤ 120 Lanczos steps, plus (|S| ≤ 1500) |S|³/3 flops for the rigorous definiteness proof of the witness.
 */
public final class DualDescentSolver extends FirstOrderSolver<DualDescentSolver.Settings> {
    static final int RANK = 8;
    static final int MAX_ITERATIONS = 3000;
    static final int FIRST_CHECK = 20;
    static final double STALL = 1e-4;
    static final int MAX_INTERVAL = 160;

    /** The options {@code rank} and {@code max-iterations}. */
    record Settings(int rank, int maxIterations) {}

    public DualDescentSolver() {
        super(new SolverInfo("dual-descent", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 60,
                "NOT_COMPLETABLE only, with an exact entries witness W + δI (⟨W,a⟩ < 0 checked exactly; W ≻ 0 proven by Rump's test"
                + " when its support has <= 1500 indices, else estimated by Lanczos and left to the kernel); never COMPLETABLE;"
                + " UNKNOWN on YES instances and when the margin is below the first-order accuracy; O(m·r) per iteration,"
                + " at most 3000 iterations by default"));
    }

    @Override
    Settings settings(PartialSymmetricMatrix a, SolverOptions options) {
        Settings s = new Settings(options.extraInt("rank", Math.min(a.n(), RANK)), options.extraInt("max-iterations", MAX_ITERATIONS));
        if (s.rank() < 1 || s.maxIterations() < 0) throw new IllegalArgumentException("rank must be >= 1 and max-iterations >= 0");
        return s;
    }

    @Override
    SolverResult search(PartialSymmetricMatrix a, ScaledInstance p, String sha, SolverOptions options, Settings s) {
        long t0 = System.nanoTime();
        int maxRank = Math.min(a.n(), Math.max(s.rank(), (int) Math.ceil(Math.sqrt(2.0 * a.m()))));
        Run run = new Run(a, p, sha, options, s.maxIterations(), t0);
        run.nc = new NearestCompletion(p, p.b, s.rank(), options.seed());
        run.maxRank = maxRank;
        return run.go();
    }

    /** One solve: descent phases of growing rank with witness checkpoints. */
    private final class Run {
        final PartialSymmetricMatrix a;
        final ScaledInstance p;
        final String sha;
        final SolverOptions options;
        final int maxIterations;
        final long t0;
        final WitnessBuilder wb;
        NearestCompletion nc;
        int maxRank;
        int checks;
        double checkSeconds;

        Run(PartialSymmetricMatrix a, ScaledInstance p, String sha, SolverOptions options, int maxIterations, long t0) {
            this.a = a;
            this.p = p;
            this.sha = sha;
            this.options = options;
            this.maxIterations = maxIterations;
            this.t0 = t0;
            this.wb = new WitnessBuilder(a, p, options.seed());
        }

        SolverResult go() {
            try {
                int interval = FIRST_CHECK;
                boolean fresh = true;
                while (true) {
                    int steps = Math.min(nc.iterations + interval, maxIterations) - nc.iterations;
                    double before = fresh ? Double.POSITIVE_INFINITY : nc.value;
                    fresh = false;
                    boolean stalled = nc.run(Math.max(0, steps), 1e-13, options);
                    // Less than 0.01% progress over a whole checkpoint interval counts as stationary.
                    stalled |= nc.value > (1 - STALL) * before;
                    checks++;
                    if (p.inner(nc.residual, p.b) < 0) {
                        long c0 = System.nanoTime();
                        Body.Entries w = wb.build(nc.residual);
                        checkSeconds += (System.nanoTime() - c0) / 1e9;
                        if (w != null) {
                            return SolverResult.solved(name(), Certificate.witness(sha, w), stats(),
                                    "witness from the nearest-completion residual on " + wb.support + " indices; t* <= " + fmt(wb.scaledMargin));
                        }
                    }
                    boolean vanished = nc.value < 1e-24 * p.m;
                    if (stalled && !vanished && nc.r < maxRank && nc.iterations < maxIterations) {
                        nc = nc.widen(Math.min(maxRank, 2 * nc.r), options.seed() + nc.r);
                        interval = FIRST_CHECK;
                        fresh = true;
                        continue;
                    }
                    if (stalled || vanished || nc.iterations >= maxIterations) {
                        String why = vanished ? "the residual vanished (the data look completable; this solver certifies only NO)"
                                : stalled ? "the descent became stationary at rank " + nc.r + " without a provable witness"
                                : "iteration limit " + maxIterations + " reached without a provable witness";
                        return SolverResult.unknown(name(), why + "; residual norm " + fmt(Math.sqrt(nc.value)), stats());
                    }
                    interval = Math.min(2 * interval, MAX_INTERVAL);
                }
            } catch (DeadlineExceededException e) {
                return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(),
                        "deadline reached after " + nc.iterations + " iterations");
            }
        }

        Map<String, Object> stats() {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("seed", options.seed());
            stats.put("rank", nc.r);
            stats.put("iterations", nc.iterations);
            stats.put("evaluations", nc.evaluations);
            stats.put("checkpoints", checks);
            stats.put("checkpoint_seconds", checkSeconds);
            stats.put("residual_norm", Math.sqrt(nc.value));
            stats.put("witness_support", wb.support);
            if (wb.support > 0) stats.put("t_upper", wb.scaledMargin);
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return stats;
        }
    }
}
