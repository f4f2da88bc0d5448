package mcs.solvers.engine.lowrank;

import java.util.function.Function;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * The run shared by the MC1 and MC2 {@code burer-monteiro} solvers: {@link BurerMonteiro} on the target with the
 * solver's defaults overridden by its options; SOLVED with the factor certificate it checked exactly, else
 * UNKNOWN with its reason. The two solvers differ only in their defaults and in how the body is wrapped.
 */
public final class BurerMonteiroRun {
    private BurerMonteiroRun() {}

    public static SolverResult run(String name, FitTarget target, SolverOptions options, BurerMonteiro.Settings defaults,
            Function<Body, Certificate> wrap) {
        BurerMonteiro.Result r = BurerMonteiro.run(target, options, defaults.with(options));
        if (r.body() == null) return SolverResult.unknown(name, r.message(), r.statistics());
        return SolverResult.solved(name, wrap.apply(r.body()), r.statistics(), r.message());
    }
}
