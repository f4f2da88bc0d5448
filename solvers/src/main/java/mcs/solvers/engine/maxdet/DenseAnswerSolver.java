package mcs.solvers.engine.maxdet;

import mcs.problems.instance.Instance;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;

/**
 * The base of the solvers whose answer is a max-determinant completion in dense {@code factor} form (n² entries):
 * {@code --solver auto} tries them only up to the default certificate size {@value NewtonRun#DEFAULT_MAX_N};
 * named explicitly, their option {@code max-certificate-n} decides.
 *
 * @param <I> the instance type
 */
public abstract class DenseAnswerSolver<I extends Instance> extends BaseSolver<I> {
    protected DenseAnswerSolver(Class<I> type, SolverInfo info) {
        super(type, info);
    }

    @Override
    public boolean accepts(Instance instance) {
        return super.accepts(instance) && instance.n() <= NewtonRun.DEFAULT_MAX_N;
    }
}
