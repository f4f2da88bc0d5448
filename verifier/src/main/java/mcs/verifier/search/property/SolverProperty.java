package mcs.verifier.search.property;

import mcs.problems.instance.Problem;
import mcs.problems.spi.Property;
import mcs.problems.spi.Solver;

/** Shared part of the properties about one solver ({@code soundness:}, {@code agrees:}, {@code bound:}). */
abstract class SolverProperty implements Property {
    final Solver solver;
    private final String prefix;

    SolverProperty(String prefix, Solver solver) {
        this.prefix = prefix;
        this.solver = solver;
    }

    @Override
    public final String name() {
        return prefix + ":" + solver.name();
    }

    @Override
    public final Problem problem() {
        return solver.problem();
    }
}
