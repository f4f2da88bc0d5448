package mcs.solvers.haf.exact;

import mcs.problems.instance.Problem;

/** {@code loop-hafnian-exact-cycles}: the exact loop hafnian over the (Gaussian) rationals ({@link GaussianCycleSolver}). */
public final class ExactLoopCycleHafnianSolver extends GaussianCycleSolver {
    public ExactLoopCycleHafnianSolver() {
        super("loop-hafnian-exact-cycles", Problem.LOOP_HAFNIAN, "loop hafnian");
    }
}
