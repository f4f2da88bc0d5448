package mcs.solvers.mc1.maxdet;

import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.maxdet.DenseAnswerSolver;
import mcs.solvers.engine.maxdet.FactorAnswer;
import mcs.solvers.engine.maxdet.MaxDetNewton;
import mcs.solvers.engine.maxdet.NewtonRun;

/**
 * MC1 {@code maxdet-newton} (YES side only): the max-determinant completion by {@link MaxDetNewton} (Newton on
 * the sparse covariance-selection dual), certified in {@code factor} form by {@link FactorAnswer}. It answers
 * COMPLETABLE or UNKNOWN, never NOT_COMPLETABLE: the optimum exists iff a positive definite completion does,
 * and non-convergence proves nothing. Boundary instances (only singular completions) give UNKNOWN.
 *
 * <p>Options: {@code tolerance}, {@code max-newton}, {@code max-cg} ({@link MaxDetNewton.Settings}),
 * {@code max-certificate-n} (default {@value NewtonRun#DEFAULT_MAX_N}). Auto rank 60: after {@code ipm} (50),
 * which decides both sides, so {@code auto} reaches it only when the earlier solvers give up.
 */
public final class MaxDetNewtonSolver extends DenseAnswerSolver<Mc1Instance> {
    public MaxDetNewtonSolver() {
        super(Mc1Instance.class, new SolverInfo("maxdet-newton", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 60,
                "COMPLETABLE only (never NOT_COMPLETABLE), when a positive definite completion exists: the max-det completion by"
                + " Newton on the sparse dual (minimum-degree order, sparse LDL^T, projected inverse, CG), certified as a dense"
                + " factor (F, δ) with ||Δ||_F^2 <= δ^2 checked exactly; n <= " + NewtonRun.DEFAULT_MAX_N + " by default; per Newton"
                + " step O(flops of the sparse Cholesky) per CG iteration; certificate O(n·nnz(L) + n^3/3 + m·n)"));
    }

    @Override
    protected SolverResult run(Mc1Instance mc1, String sha, SolverOptions options) {
        return NewtonRun.run(name(), mc1.matrix().pattern(), mc1.matrix().approxValues(), () -> FitTarget.of(mc1),
                body -> Certificate.completion(sha, body), options);
    }
}
