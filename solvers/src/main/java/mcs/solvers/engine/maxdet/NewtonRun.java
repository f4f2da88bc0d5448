package mcs.solvers.engine.maxdet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.lowrank.FitTarget;

/**
 * The run shared by the MC1 and MC2 {@code maxdet-newton} solvers: {@link MaxDetNewton} on the target values,
 * then {@link FactorAnswer}; UNKNOWN with the reason when Newton does not converge or the certificate fails,
 * TIMEOUT at the deadline, UNSUPPORTED above the certificate size limit (option {@code max-certificate-n},
 * default {@value #DEFAULT_MAX_N}).
 */
public final class NewtonRun {
    public static final int DEFAULT_MAX_N = 2000;

    private NewtonRun() {}

    public static SolverResult run(String name, Pattern omega, double[] approx, java.util.function.Supplier<FitTarget> target,
            Function<Body, Certificate> wrap, SolverOptions options) {
        long t0 = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        int maxN;
        MaxDetNewton.Settings settings;
        try {
            maxN = options.extraInt("max-certificate-n", DEFAULT_MAX_N);
            settings = MaxDetNewton.Settings.DEFAULTS.with(options);
        } catch (NumberFormatException e) {
            return SolverResult.of(name, Status.ERROR, name + ": " + e.getMessage());
        }
        if (omega.n() > maxN) {
            return SolverResult.of(name, Status.UNSUPPORTED, "n = " + omega.n() + " exceeds max-certificate-n = " + maxN
                    + ": the max-det completion is dense, so its factor certificate has n^2 entries");
        }
        try {
            MaxDetNewton.Result r = MaxDetNewton.solve(omega, approx, options, settings);
            stats.putAll(r.statistics());
            if (!r.converged()) {
                stats.put("seconds", (System.nanoTime() - t0) / 1e9);
                return SolverResult.unknown(name, r.message(), stats);
            }
            options.checkDeadline();
            Body.Factor body = FactorAnswer.build(target.get(), r.completion(), options.seed(), stats);
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            if (body == null) return SolverResult.unknown(name, "no certificate: " + stats.get("certificate"), stats);
            return SolverResult.solved(name, wrap.apply(body), stats, "max-det completion after " + stats.get("newton_iterations")
                    + " Newton iterations, factor certificate with δ = " + stats.get("shift"));
        } catch (DeadlineExceededException e) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name, Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached");
        }
    }
}
