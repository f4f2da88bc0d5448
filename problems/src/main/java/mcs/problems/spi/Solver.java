package mcs.problems.spi;

import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;

/**
 * The solver contract. Implementations are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/mcs.problems.spi.Solver}), must have a public no-argument constructor, and
 * must be thread-safe (no state across {@link #solve} calls).
 *
 * <p>Rules: every verdict comes with a certificate the verifier can check; a solver that cannot decide
 * returns UNKNOWN with the reason; deadlines are honoured cooperatively; every random choice derives
 * from {@link SolverOptions#seed()}.
 */
public interface Solver {
    /** Unique name used on the command line, e.g. {@code local-checks}. */
    String name();

    Problem problem();

    SolverKind kind();

    /** One line: what a verdict of this solver guarantees and on which inputs. */
    String guarantees();

    /**
     * Order in which {@code --solver auto} tries the solvers that accept an instance: lower first.
     * Cheap, partial methods rank low (they answer quickly or say UNKNOWN), complete but expensive
     * ones high. Default 100.
     */
    default int autoRank() {
        return 100;
    }

    /** Whether this solver can take the instance (problem, size, field); solve() answers UNSUPPORTED otherwise. */
    default boolean accepts(Instance instance) {
        return instance.problem() == problem();
    }

    /**
     * Solves the instance.
     *
     * @param instance an instance of {@link #problem()}
     * @param instanceSha256 hash of the instance file the certificate must name (may be null when in memory)
     */
    SolverResult solve(Instance instance, String instanceSha256, SolverOptions options);
}
