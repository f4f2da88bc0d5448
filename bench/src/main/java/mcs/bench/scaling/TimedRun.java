package mcs.bench.scaling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * Runs one solve and its kernel check, each on a fresh daemon thread with a wall-clock limit. The solver is
 * given the limit as its cooperative deadline; a solver that has not returned {@value #GRACE_SECONDS} s
 * (plus 20%) after it is reported as {@code TIMEOUT}, interrupted and abandoned, so one stuck run cannot
 * stall the study (its thread may keep a core busy until it notices the interrupt or ends).
 */
final class TimedRun {
    static final double GRACE_SECONDS = 5;

    private TimedRun() {}

    private record Timed<T>(T value, double seconds, double cpuSeconds) {}

    static RunRow run(String series, Solver solver, Instance inst, long seed, int threads, double timeout, Map<String, String> extra) {
        SolverOptions opts = SolverOptions.defaults().withSeed(seed).withThreads(threads).withExtra(extra).withTimeoutSeconds(timeout);
        Timed<SolverResult> solved;
        try {
            solved = timed(() -> solver.solve(inst, null, opts), timeout);
        } catch (TimeoutException e) {
            return row(series, inst, seed, "TIMEOUT", "UNKNOWN", Double.NaN, Double.NaN, Double.NaN, "none", Map.of(),
                    "no return within " + timeout + " s + grace");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String status = c instanceof mcs.problems.spi.DeadlineExceededException ? "TIMEOUT" : "ERROR";
            return row(series, inst, seed, status, "UNKNOWN", Double.NaN, Double.NaN, Double.NaN, "none", Map.of(),
                    c.getClass().getSimpleName() + ": " + c.getMessage());
        }
        SolverResult r = solved.value();
        if (r.certificate() == null) {
            return row(series, inst, seed, r.status().name(), r.verdict().name(), solved.seconds(), solved.cpuSeconds(), Double.NaN,
                    "none", r.statistics(), r.message());
        }
        String verification;
        double verify;
        try {
            Timed<Judgement> j = timed(() -> Kernel.check(inst, null, r.certificate(), KernelOptions.defaults()), timeout);
            verify = j.seconds();
            verification = j.value().isAccepted() ? "ACCEPTED" : j.value().outcome().name() + ": " + j.value().check() + " — " + j.value().reason();
        } catch (TimeoutException e) {
            verify = Double.NaN;
            verification = "TIMEOUT";
        } catch (ExecutionException e) {
            verify = Double.NaN;
            verification = "ERROR: " + e.getCause();
        }
        return row(series, inst, seed, r.status().name(), r.verdict().name(), solved.seconds(), solved.cpuSeconds(), verify,
                verification, r.statistics(), r.message());
    }

    private static RunRow row(String series, Instance inst, long seed, String status, String verdict, double solve, double cpu,
            double verify, String verification, Map<String, Object> stats, String note) {
        return new RunRow(series, inst.n(), inst.m(), seed, status, verdict, solve, cpu, verify, verification, stats, note);
    }

    private static <T> Timed<T> timed(Callable<T> work, double timeout) throws TimeoutException, ExecutionException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = {Double.NaN};
        long[] wall = {0};
        FutureTask<T> task = new FutureTask<>(() -> {
            long c0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
            long t0 = System.nanoTime();
            try {
                return work.call();
            } finally {
                wall[0] = System.nanoTime() - t0;
                if (c0 >= 0) cpu[0] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        });
        Thread t = new Thread(task, "scaling-run");
        t.setDaemon(true);
        t.start();
        try {
            T v = task.get((long) ((timeout * 1.2 + GRACE_SECONDS) * 1e9), TimeUnit.NANOSECONDS);
            t.join();
            return new Timed<>(v, wall[0] / 1e9, cpu[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new TimeoutException("interrupted");
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        }
    }
}
