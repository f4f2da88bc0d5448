package mcs.problems.spi;

import java.util.Objects;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;

/**
 * The base a solver extends so that its class holds only its algorithm. It carries the {@link SolverInfo},
 * answers {@link Status#UNSUPPORTED} (with the reason) for an instance of another problem or type, or one
 * its {@link #refusal} names, and turns a {@link DeadlineExceededException} that escapes the algorithm into
 * {@link Status#TIMEOUT}.
 *
 * <p>Two notions stay apart: the <em>domain</em> ({@link #refusal}: outside it, {@code solve} answers
 * UNSUPPORTED even when the solver is named explicitly) and <em>auto-eligibility</em> ({@link #accepts}:
 * whether {@code --solver auto} should try it; by default the domain, but a solver may decline instances it
 * could solve only slowly).
 *
 * @param <I> the instance type the solver takes
 */
public abstract class BaseSolver<I extends Instance> implements Solver {
    private final Class<I> type;
    private final SolverInfo info;

    protected BaseSolver(Class<I> type, SolverInfo info) {
        this.type = Objects.requireNonNull(type, "type");
        this.info = Objects.requireNonNull(info, "info");
    }

    public final SolverInfo info() {
        return info;
    }

    @Override
    public final String name() {
        return info.name();
    }

    @Override
    public final Problem problem() {
        return info.problem();
    }

    @Override
    public final SolverKind kind() {
        return info.kind();
    }

    @Override
    public final int autoRank() {
        return info.autoRank();
    }

    @Override
    public final String guarantees() {
        return info.guarantees();
    }

    /**
     * Why an instance of the right problem and type is outside this solver's domain (order, field, shape), or
     * null when the solver takes it. Default: null.
     */
    protected String refusal(I instance) {
        return null;
    }

    /** Whether {@code --solver auto} should try this solver on the instance. Default: the instance is in the domain. */
    @Override
    public boolean accepts(Instance instance) {
        return type.isInstance(instance) && instance.problem() == problem() && refusal(type.cast(instance)) == null;
    }

    @Override
    public final SolverResult solve(Instance instance, String instanceSha256, SolverOptions options) {
        if (!type.isInstance(instance) || instance.problem() != problem()) {
            return SolverResult.of(name(), Status.UNSUPPORTED, name() + " takes " + problem().id() + " instances, got " + instance.problem().id());
        }
        I in = type.cast(instance);
        String why = refusal(in);
        if (why != null) return SolverResult.of(name(), Status.UNSUPPORTED, why);
        try {
            return run(in, instanceSha256, options);
        } catch (DeadlineExceededException e) {
            return SolverResult.of(name(), Status.TIMEOUT, "deadline reached");
        }
    }

    /**
     * The algorithm, on an instance inside the domain.
     *
     * @param instanceSha256 hash of the instance file the certificate must name (null when in memory)
     */
    protected abstract SolverResult run(I instance, String instanceSha256, SolverOptions options);
}
