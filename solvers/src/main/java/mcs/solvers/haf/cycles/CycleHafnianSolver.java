package mcs.solvers.haf.cycles;

import mcs.problems.instance.Problem;

/** {@code hafnian-cycles}: the hafnian in double-word arithmetic with a rigorous error bound ({@link CycleSolver}). */
public final class CycleHafnianSolver extends CycleSolver {
    public CycleHafnianSolver() {
        super("hafnian-cycles", Problem.HAFNIAN, "hafnian");
    }
}
