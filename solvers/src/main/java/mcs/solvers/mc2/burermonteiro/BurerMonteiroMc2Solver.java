package mcs.solvers.mc2.burermonteiro;

import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc2Instance;
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
 * MC2 {@code burer-monteiro}: a low-rank answer B = FFᵀ + δI + Δ (SPEC §2.3, {@code factor} form) for the
 * target a = (AAᵀ)|Ω, found by {@link BurerMonteiro} and checked exactly before it is returned.
 *
 * <p>The target is computed in O(m·k) (double and exact). When Ω omits the diagonal the answer always
 * exists (δ is set to the exact ‖Δ‖_F); otherwise SOLVED needs ‖Δ‖_F² ≤ δ² after rounding, else UNKNOWN
 * with the residual. Defaults: {@code max-iterations} 5000, {@code initial-rank} 0 (automatic), {@code max-rank}
 * unbounded (r_max = min(n, ⌈√(2m)⌉)), {@code time-share} 1. Auto rank 95: after {@code trivial-factor}
 * (90), which is instant and always valid, so {@code auto} keeps the trivial answer unless asked for this
 * one by name; this solver exists to give answers of rank ≪ k and to be measured against n·m.
 */
public final class BurerMonteiroMc2Solver extends BaseSolver<Mc2Instance> {
    private static final BurerMonteiro.Settings DEFAULTS = new BurerMonteiro.Settings(5000, 0, Integer.MAX_VALUE, 1.0, BurerMonteiro.DELTA_FRACTION, BurerMonteiro.GOAL, true, Lbfgs.MEMORY);

    public BurerMonteiroMc2Solver() {
        super(Mc2Instance.class, new SolverInfo("burer-monteiro", Problem.APPROXIMATE_SQUARING, SolverKind.HEURISTIC, 95,
                "SOLVED answers are factor certificates (F of rank r, shift δ) whose bound ||Δ||_F^2 <= δ^2 was checked exactly;"
                + " UNKNOWN when L-BFGS does not reach it; O(m·k) for the target plus O(m·r) per iteration"));
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        return BurerMonteiroRun.run(name(), FitTarget.of(mc2), options, DEFAULTS, body -> Certificate.squaring(sha, body));
    }
}
