package mcs.solvers.haf.exact;

import mcs.problems.instance.Problem;

/** {@code hafnian-exact-cycles}: the exact hafnian over the (Gaussian) rationals ({@link GaussianCycleSolver}). */
public final class ExactCycleHafnianSolver extends GaussianCycleSolver {
    public ExactCycleHafnianSolver() {
        super("hafnian-exact-cycles", Problem.HAFNIAN, "hafnian");
    }
}
