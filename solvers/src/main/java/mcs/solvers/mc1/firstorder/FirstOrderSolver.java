package mcs.solvers.mc1.firstorder;

import java.util.Locale;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.mc1.prep.DiagonalGate;

/**
 * What the first-order MC1 solvers ({@code dual-descent}, {@code mmw}) share around their different searches:
 * read and check the options (ERROR naming the option when they are bad), settle the diagonal
 * ({@link DiagonalGate}: a negative a_ii is a NO, a zero one blocks the unit-diagonal scaling), then search on
 * the unit-diagonal scaling ({@link ScaledInstance}). The searches themselves are different algorithms (an
 * L-BFGS nearest-completion descent, matrix multiplicative weights) and stay in their own classes.
 *
 * @param <S> the solver's settings, as read from the options
 */
abstract class FirstOrderSolver<S> extends BaseSolver<Mc1Instance> {
    FirstOrderSolver(SolverInfo info) {
        super(Mc1Instance.class, info);
    }

    /**
     * The settings from the options.
     *
     * @throws IllegalArgumentException (a {@link NumberFormatException} included) saying which option is wrong
     */
    abstract S settings(PartialSymmetricMatrix a, SolverOptions options);

    /** The search, on an instance with a positive diagonal. */
    abstract SolverResult search(PartialSymmetricMatrix a, ScaledInstance scaled, String sha, SolverOptions options, S settings);

    @Override
    protected final SolverResult run(Mc1Instance instance, String sha, SolverOptions options) {
        PartialSymmetricMatrix a = instance.matrix();
        S settings;
        try {
            settings = settings(a, options);
        } catch (IllegalArgumentException e) {
            return SolverResult.of(name(), Status.ERROR, name() + ": " + e.getMessage());
        }
        SolverResult gate = DiagonalGate.check(name(), a, sha, "the unit-diagonal scaling");
        if (gate != null) return gate;
        return search(a, new ScaledInstance(a), sha, options, settings);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
