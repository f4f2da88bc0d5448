package mcs.solvers.mc2.maxdet;

import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.maxdet.DenseAnswerSolver;
import mcs.solvers.engine.maxdet.FactorAnswer;
import mcs.solvers.engine.maxdet.MaxDetNewton;
import mcs.solvers.engine.maxdet.NewtonRun;
import mcs.solvers.mc1.maxdet.MaxDetNewtonSolver;

/**
 * MC2 {@code maxdet-newton}: the max-determinant completion of (AAᵀ)|Ω by {@link MaxDetNewton}, answered in
 * {@code factor} form ({@link FactorAnswer}). When Ω omits the diagonal, the diagonal is held at (AAᵀ)_ii (a
 * valid choice; the max-det problem with a free diagonal is unbounded). It needs (AAᵀ)|Ω to have a positive
 * definite completion (e.g. A of full row rank); otherwise UNKNOWN. Options as {@link MaxDetNewtonSolver}.
 * Auto rank 94: after {@code trivial-factor} (90), which always answers, so it runs only when named.
 */
public final class MaxDetNewtonMc2Solver extends DenseAnswerSolver<Mc2Instance> {
    public MaxDetNewtonMc2Solver() {
        super(Mc2Instance.class, new SolverInfo("maxdet-newton", Problem.APPROXIMATE_SQUARING, SolverKind.HEURISTIC, 94,
                "SOLVED with the max-det completion of (AA^T)|Ω as a dense factor (F, δ), ||Δ||_F^2 <= δ^2 checked exactly, when"
                + " (AA^T)|Ω has a positive definite completion and n <= " + NewtonRun.DEFAULT_MAX_N + "; else UNKNOWN; O(m·k) for the"
                + " target plus the Newton cost of maxdet-newton (MC1)"));
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        return NewtonRun.run(name(), mc2.omega(), gram(mc2.a(), mc2.omega()), () -> FitTarget.of(mc2),
                body -> Certificate.squaring(sha, body), options);
    }

    /** (AAᵀ)_ij in double on every entry of the pattern: O(m·k). */
    static double[] gram(RationalMatrix a, Pattern p) {
        int k = a.cols();
        double[] v = a.approxValues();
        double[] out = new double[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                int j = p.col(e);
                double s = 0;
                for (int c = 0; c < k; c++) s += v[i * k + c] * v[j * k + c];
                out[e] = s;
            }
        }
        return out;
    }
}
