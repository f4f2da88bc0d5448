package mcs.bench.csdp;

import java.util.List;
import java.util.Optional;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * One run of our solver on a comparison instance, its certificate checked by the exact kernel.
 *
 * @param status the solver's {@link mcs.problems.spi.Status} name, or {@code n/a} when the solver is absent
 * @param verdict the verdict's name ({@code UNKNOWN} when none)
 * @param tStar the margin the solver reports in its statistics: the mean of {@code t_primal} and
 *     {@code t_dual} when both are numbers, else the first numeric one of {@link #T_STAR_KEYS}; NaN when
 *     it reports none. Caution: a solver that rescales to unit diagonal reports the margin of the
 *     rescaled data, which differs from the unscaled t* CSDP solves unless the diagonal is 1 (the sign
 *     agrees either way)
 * @param iterations the {@code iterations} statistic, or −1
 * @param solveSeconds wall-clock time of {@code solve} alone
 * @param cpuSeconds CPU time of this JVM process during {@code solve} (all threads, JIT and GC included),
 *     NaN when the platform does not report it
 * @param verifySeconds wall-clock time of {@link Kernel#check}
 * @param verification {@code ACCEPTED}, {@code REJECTED: check — reason}, {@code UNVERIFIED: …}, or
 *     {@code none} when there is no certificate
 */
public record OurRun(String status, String verdict, double tStar, int iterations, double solveSeconds,
        double cpuSeconds, double verifySeconds, String verification) {

    /** Statistics keys read, in this order, as the solver's t*. */
    static final List<String> T_STAR_KEYS = List.of("t_star", "tstar", "margin", "lambda_star", "objective");

    static OurRun absent() {
        return new OurRun("n/a", "n/a", Double.NaN, -1, Double.NaN, Double.NaN, Double.NaN, "n/a");
    }

    boolean accepted() {
        return verification.equals("ACCEPTED");
    }

    /** The solver, if it is on the class path. */
    static Optional<Solver> find(String name) {
        return Solvers.byName(name, Problem.PSD_COMPLETION);
    }

    /**
     * Solves (seed 1, the given threads and time limit) and checks the certificate exactly. The solver gets
     * {@code stop=converged} (ipm: iterate to its tolerance before certifying), so that its t* is converged
     * like CSDP's and the two can be compared to 1e-6; solvers without that option ignore it.
     */
    static OurRun run(Solver solver, Mc1Instance inst, double timeLimitSeconds, int threads) {
        return run(solver, inst, timeLimitSeconds, threads, "converged");
    }

    /** As {@link #run(Solver, Mc1Instance, double, int)} with the solver's {@code stop} option given ({@code certificate}: ipm's default). */
    static OurRun run(Solver solver, Mc1Instance inst, double timeLimitSeconds, int threads, String stop) {
        SolverOptions opts = SolverOptions.defaults().withThreads(threads).withSeed(1).withTimeoutSeconds(timeLimitSeconds)
                .withExtra(java.util.Map.of("stop", stop));
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        SolverResult r;
        try {
            r = solver.solve(inst, null, opts);
        } catch (RuntimeException e) {
            return new OurRun("ERROR", "UNKNOWN", Double.NaN, -1, (System.nanoTime() - t0) / 1e9, Double.NaN, Double.NaN,
                    "none (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        double solve = (System.nanoTime() - t0) / 1e9;
        long c1 = processCpuNanos();
        double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / 1e9;
        double t = Double.NaN;
        if (r.statistics().get("t_primal") instanceof Number p && r.statistics().get("t_dual") instanceof Number d) {
            t = 0.5 * (p.doubleValue() + d.doubleValue());
        }
        for (String k : T_STAR_KEYS) {
            if (!Double.isNaN(t)) break;
            if (r.statistics().get(k) instanceof Number x) {
                t = x.doubleValue();
                break;
            }
        }
        int iters = r.statistics().get("iterations") instanceof Number x ? x.intValue() : -1;
        if (r.certificate() == null) {
            return new OurRun(r.status().name(), r.verdict().name(), t, iters, solve, cpu, Double.NaN, "none");
        }
        long t1 = System.nanoTime();
        Judgement j = Kernel.check(inst, null, r.certificate(), KernelOptions.defaults());
        double verify = (System.nanoTime() - t1) / 1e9;
        String v = j.isAccepted() ? "ACCEPTED" : j.outcome().name() + ": " + j.check() + " — " + j.reason();
        return new OurRun(r.status().name(), r.verdict().name(), t, iters, solve, cpu, verify, v);
    }

    /** CPU time of this process in nanoseconds, or −1. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
