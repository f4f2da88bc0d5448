package mcs.problems.spi;

import java.util.Objects;
import java.util.regex.Pattern;
import mcs.problems.instance.Problem;

/**
 * What a solver is, as {@code mcs solvers} lists it and {@code --solver auto} orders it.
 *
 * @param name unique command-line name: lower-case letters, digits and hyphens (e.g. {@code local-checks})
 * @param problem the one problem it solves
 * @param kind whether its verdicts are complete on its domain ({@link SolverKind#EXACT}) or partial
 * @param autoRank order in which {@code --solver auto} tries the solvers that accept an instance: lower first
 *     (cheap, partial methods low; complete but expensive ones high)
 * @param guarantees one line: what a verdict guarantees, on which inputs, at what cost
 */
public record SolverInfo(String name, Problem problem, SolverKind kind, int autoRank, String guarantees) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public SolverInfo {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("solver name must match " + NAME + ", got '" + name + "'");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(kind, "kind");
        if (guarantees == null || guarantees.isBlank()) throw new IllegalArgumentException("solver " + name + " states no guarantees");
    }
}
