package mcs.solvers.mc1.burermonteiro;

import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.lowrank.BurerMonteiro;
import mcs.solvers.engine.lowrank.BurerMonteiroRun;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.lowrank.Lbfgs;

/**
 * MC1 {@code burer-monteiro} (YES side only): a completion X = FFᵀ + δI + Δ in {@code factor} form (SPEC §2.1)
 * found by {@link BurerMonteiro} and checked exactly before it is returned. It answers COMPLETABLE or
 * UNKNOWN, never NOT_COMPLETABLE: failing to fit proves nothing. It needs a margin: the completion has
 * λmin ≥ δ − ‖Δ‖_F &gt; 0 only if t* (the best λmin over completions) is positive, so boundary instances
 * give UNKNOWN.
 *
 * <p>Defaults: {@code max-iterations} 1000, {@code initial-rank} 0 (automatic), {@code time-share} 0.25 (of the time left
 * before the deadline). Auto rank 40: before {@code ipm} (50) so that large instances get a near-linear
 * attempt first; the bounded budget makes it fail fast on NO instances so that {@code auto} moves on.
 * The search is shared with the MC2 solver of the same name ({@link BurerMonteiro}, in the low-rank engine).
 */
public final class BurerMonteiroMc1Solver extends BaseSolver<Mc1Instance> {
    private static final BurerMonteiro.Settings DEFAULTS = new BurerMonteiro.Settings(1000, 0, Integer.MAX_VALUE, 0.25, BurerMonteiro.DELTA_FRACTION, BurerMonteiro.GOAL, true, Lbfgs.MEMORY);

    public BurerMonteiroMc1Solver() {
        super(Mc1Instance.class, new SolverInfo("burer-monteiro", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 40,
                "heuristic, YES side only: COMPLETABLE with a factor certificate (F, δ > 0) whose bound ||Δ||_F^2 <= δ^2 was checked"
                + " exactly; never proves NOT_COMPLETABLE (UNKNOWN instead); needs a margin (λmin of some completion > 0) and may"
                + " still miss it (nonconvex, no convergence guarantee, iteration and time caps); O(m·r) per L-BFGS iteration"));
    }

    @Override
    protected SolverResult run(Mc1Instance mc1, String sha, SolverOptions options) {
        return BurerMonteiroRun.run(name(), FitTarget.of(mc1), options, DEFAULTS, body -> Certificate.completion(sha, body));
    }
}
