package mcs.problems.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;

/** Discovery of solvers on the class path. */
public final class Solvers {
    private Solvers() {}

    /** Every solver found by ServiceLoader, sorted by problem then name. */
    public static List<Solver> all() {
        List<Solver> out = new ArrayList<>();
        ServiceLoader.load(Solver.class).forEach(out::add);
        out.sort(Comparator.comparing((Solver s) -> s.problem().ordinal()).thenComparing(Solver::name));
        return out;
    }

    public static List<Solver> forProblem(Problem p) {
        return all().stream().filter(s -> s.problem() == p).toList();
    }

    /**
     * What {@code --solver auto} tries on an instance: the solvers of its problem that accept it, by
     * {@link Solver#autoRank()} then name. Empty when none accepts it.
     */
    public static List<Solver> auto(Instance instance) {
        List<Solver> out = new ArrayList<>();
        for (Solver s : forProblem(instance.problem())) if (s.accepts(instance)) out.add(s);
        out.sort(Comparator.comparingInt(Solver::autoRank).thenComparing(Solver::name));
        return out;
    }

    public static Optional<Solver> byName(String name, Problem p) {
        return all().stream().filter(s -> s.name().equals(name) && (p == null || s.problem() == p)).findFirst();
    }
}
