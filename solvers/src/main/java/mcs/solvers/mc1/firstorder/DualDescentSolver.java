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
 * <p><b>ε-promise</b> (MC1-log, SPEC §1; ε from {@link SolverOptions#epsilon()}, which {@code mcs solve} and the arena
 * take from the instance's promise header): the descent first fits a − δI, δ = (3/4)·ε·min a_ii ({@link PromiseTarget}).
 * On a YES instance (a completion ⪰ ε·I exists) the residual falls below the room (1/4)·ε·min a_ii and the factor becomes a
 * completion with λmin ≥ (ε/2)·min a_ii, proven exactly; on a NO instance the residual R of the shifted fit is tried as a
 * witness for a at every checkpoint, and when that descent stops, the NO search on a itself continues from its factor.
 * Either answer carries a certificate; outside the promise the answer may be UNKNOWN, never a guess.
 *
 * <p><b>Options</b> ({@link SolverOptions#extra}): {@code rank} (r, default min(n, {@value #RANK})),
 * {@code max-iterations} (default {@value #MAX_ITERATIONS}, under an ε-promise max({@value #MAX_ITERATIONS}, 300/ε)); the seed fixes the random start and the Lanczos starts.
 * <b>Cost:</b> O(m·r) per L-BFGS iteration plus O(n·r) for the memory; each checkpoint O((m + n·k)·k·log n) with
 * k ≤ 120 Lanczos steps, plus (|S| ≤ 1500) |S|³/3 flops for the rigorous definiteness proof of the witness.
 */
public final class DualDescentSolver extends FirstOrderSolver<DualDescentSolver.Settings> {
    static final int RANK = 8;
    static final int MAX_ITERATIONS = 3000;
    static final int FIRST_CHECK = 20;
    static final double STALL = 1e-4;
    static final int MAX_INTERVAL = 160;
    /** Under an ε-promise the default iteration budget is max({@value #MAX_ITERATIONS}, this/ε). */
    static final double PROMISE_ITERATIONS = 300;

    /** The options {@code rank} and {@code max-iterations}, and ε (null: the NO side only). */
    record Settings(int rank, int maxIterations, Double epsilon) {}

    public DualDescentSolver() {
        super(new SolverInfo("dual-descent", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 60,
                "NOT_COMPLETABLE with an exact entries witness W + δI (⟨W,a⟩ < 0 checked exactly; W ≻ 0 proven by Rump's test"
                + " when its support has <= 1500 indices, else estimated by Lanczos and left to the kernel); under an ε-promise"
                + " (--epsilon, or the instance's '% promise = lambda_min >= E') also COMPLETABLE with a factor completion whose"
                + " λmin >= (ε/2)·min a_ii is proven exactly; without ε never COMPLETABLE; UNKNOWN otherwise;"
                + " O(m·r) per iteration, at most 3000 iterations by default (300/ε under a promise)"));
    }

    @Override
    Settings settings(PartialSymmetricMatrix a, SolverOptions options) {
        Double eps = options.epsilon() == null ? null : options.epsilon().toDouble();
        // Under a promise the budget grows like 1/ε (the deadline is the real bound): a smaller gap needs a finer fit.
        int defaultIterations = eps == null ? MAX_ITERATIONS : (int) Math.min(Integer.MAX_VALUE, Math.max(MAX_ITERATIONS, Math.ceil(PROMISE_ITERATIONS / eps)));
        Settings s = new Settings(options.extraInt("rank", Math.min(a.n(), RANK)), options.extraInt("max-iterations", defaultIterations), eps);
        if (s.rank() < 1 || s.maxIterations() < 0) throw new IllegalArgumentException("rank must be >= 1 and max-iterations >= 0");
        if (eps != null && !(eps > 0 && eps < 1)) throw new IllegalArgumentException("epsilon must lie in (0, 1)");
        return s;
    }

    @Override
    SolverResult search(PartialSymmetricMatrix a, ScaledInstance p, String sha, SolverOptions options, Settings s) {
        long t0 = System.nanoTime();
        int maxRank = Math.min(a.n(), Math.max(s.rank(), (int) Math.ceil(Math.sqrt(2.0 * a.m()))));
        Run run = new Run(a, p, sha, options, s.maxIterations(), t0);
        run.promise = s.epsilon() == null ? null : new PromiseTarget(p, s.epsilon());
        run.nc = new NearestCompletion(p, run.promise == null ? p.b : run.promise.target, s.rank(), options.seed());
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
        /** The ε-promise's shifted target while the first phase runs; null in the NO-only phase. */
        PromiseTarget promise;
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
                    if (promise != null) {
                        Body.Factor f = promise.completion(a, p, nc);
                        if (f != null) {
                            return SolverResult.solved(name(), Certificate.completion(sha, f), stats(),
                                    "factor completion of a − " + fmt(promise.shift) + "·I fitted within ‖Δ‖_F <= " + fmt(promise.shift - promise.margin)
                                            + ": λmin >= " + fmt(promise.margin) + " (ε/2 of the promise, proven exactly)");
                        }
                    }
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
                    if (promise != null && !vanished && nc.iterations < maxIterations && (stalled || nc.iterations >= maxIterations)) {
                        // The shifted descent stopped without either answer: the data are not completable with the
                        // promised margin, so the rest of the budget goes to the NO search on a itself (warm start).
                        NearestCompletion plain = new NearestCompletion(p, p.b, nc.r, options.seed());
                        plain.start(nc.f);
                        plain.iterations = nc.iterations;
                        plain.evaluations = nc.evaluations;
                        nc = plain;
                        promise = null;
                        interval = FIRST_CHECK;
                        fresh = true;
                        continue;
                    }
                    if (stalled || vanished || nc.iterations >= maxIterations) {
                        String why = vanished ? (promise != null ? "the shifted residual vanished but the rounded factor failed the exact margin test"
                                : "the residual vanished (the data look completable; without an ε-promise this solver certifies only NO)")
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
            stats.put("phase", promise != null ? "promise (a − δI)" : "witness (a)");
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
