package mcs.solvers.haf.cycles;

import mcs.problems.instance.Problem;

/**
 * {@code loop-hafnian-cycles}: the loop hafnian (diagonal = loop weights, any order) in double-word arithmetic
 * with a rigorous error bound ({@link CycleSolver}).
 */
public final class LoopCycleHafnianSolver extends CycleSolver {
    public LoopCycleHafnianSolver() {
        super("loop-hafnian-cycles", Problem.LOOP_HAFNIAN, "loop hafnian");
    }
}
