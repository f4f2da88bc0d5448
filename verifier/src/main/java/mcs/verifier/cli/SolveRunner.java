package mcs.verifier.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import mcs.problems.instance.Instance;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * Runs solvers on an instance under a deadline and checks every certificate with the kernel, on the
 * instance re-read from its file, before it is reported: a verdict whose certificate the kernel rejects is a solver defect and is reported as an
 * error, never as an answer.
 */
final class SolveRunner {
    /** Extra wall time granted after the deadline for a solver to notice it and return. */
    static final long GRACE_MILLIS = 2000;

    record Outcome(SolverResult result, Judgement judgement, double seconds, List<String> tried) {}

    private SolveRunner() {}

    /** The solvers {@code name} stands for on this instance: one named solver, or for {@code auto} all accepting ones by rank. */
    static List<Solver> select(String name, Instance inst) {
        List<Solver> forProblem = Solvers.forProblem(inst.problem());
        if (!"auto".equals(name)) {
            Solver s = forProblem.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() -> new UsageException(
                    "no solver '" + name + "' for " + inst.problem().id() + " (available: auto"
                            + forProblem.stream().map(x -> ", " + x.name()).reduce("", String::concat) + ")"));
            return List.of(s);
        }
        List<Solver> out = Solvers.auto(inst);
        if (out.isEmpty()) {
            throw new UsageException("no solver accepts this " + inst.problem().id() + " instance (n = " + inst.n() + "); see 'mcs solvers'");
        }
        return out;
    }

    /**
     * Runs the solvers on the loaded instance; a certificate is judged on the instance re-read by the judge from
     * the file's bytes, whose SHA-256 must still be the one the solver was given: the kernel never reads the
     * object a solver held (issue 15, "a sealed kernel").
     */
    static Outcome run(List<Solver> solvers, LoadedInstance loaded, SolverOptions opts, double timeoutSeconds, KernelOptions kopts) {
        return run(solvers, loaded.instance(), loaded.sha256(), opts, timeoutSeconds, r -> judgeOnFreshRead(loaded, r, kopts));
    }

    /**
     * For an instance that exists only in memory: the kernel judges a deep copy taken before any solver ran,
     * never the object the solvers held.
     */
    static Outcome run(List<Solver> solvers, Instance inst, String sha, SolverOptions opts, double timeoutSeconds, KernelOptions kopts) {
        Instance judged = inst.deepCopy();
        return run(solvers, inst, sha, opts, timeoutSeconds, r -> Kernel.check(judged, sha, r.certificate(), kopts));
    }

    private static Outcome run(List<Solver> solvers, Instance inst, String sha, SolverOptions opts, double timeoutSeconds,
            java.util.function.Function<SolverResult, Judgement> judge) {
        long t0 = System.nanoTime();
        List<String> tried = new ArrayList<>();
        SolverResult last = null;
        Judgement judgement = null;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mcs-solver");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Solver s : solvers) {
                double left = timeoutSeconds - (System.nanoTime() - t0) / 1e9;
                if (timeoutSeconds > 0 && left <= 0) {
                    last = SolverResult.of(s.name(), Status.TIMEOUT, "time limit reached before " + s.name() + " could run");
                    break;
                }
                tried.add(s.name());
                SolverOptions o = timeoutSeconds > 0 ? opts.withTimeoutSeconds(left) : opts;
                last = runOne(pool, s, inst, sha, o, timeoutSeconds > 0 ? left : -1);
                if (last.status() == Status.SOLVED) {
                    judgement = judge.apply(last);
                    break;
                }
                if (last.status() == Status.TIMEOUT) break;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(last, judgement, (System.nanoTime() - t0) / 1e9, tried);
    }

    /** The kernel's judgement on the instance read again from its bytes (and the hash of those bytes). */
    static Judgement judgeOnFreshRead(LoadedInstance loaded, SolverResult r, KernelOptions kopts) {
        LoadedInstance fresh = InstanceReader.read(loaded.path(), loaded.instance().problem());
        if (!fresh.sha256().equals(loaded.sha256())) {
            return Judgement.rejected("instance-hash", "the instance file changed while the solver ran: its SHA-256 is now " + fresh.sha256()
                    + ", the solver was given " + loaded.sha256());
        }
        return Kernel.check(fresh.instance(), fresh.sha256(), r.certificate(), kopts);
    }

    private static SolverResult runOne(ExecutorService pool, Solver s, Instance inst, String sha, SolverOptions o, double seconds) {
        if (!s.accepts(inst)) {
            return SolverResult.of(s.name(), Status.UNSUPPORTED, s.name() + " does not accept this instance (n = " + inst.n() + "): " + s.guarantees());
        }
        Future<SolverResult> f = pool.submit(() -> s.solve(inst, sha, o));
        try {
            SolverResult r = await(f, s.name(), seconds < 0 ? Long.MAX_VALUE : (long) (seconds * 1000) + GRACE_MILLIS);
            return r == null ? SolverResult.of(s.name(), Status.ERROR, "solver returned no result") : r;
        } catch (TimeoutException e) {
            f.cancel(true);
            return SolverResult.of(s.name(), Status.TIMEOUT, "time limit of " + fmt(seconds) + " s reached");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof DeadlineExceededException) return SolverResult.of(s.name(), Status.TIMEOUT, "time limit reached");
            if (c instanceof OutOfMemoryError oom) throw oom;
            return new SolverResult(s.name(), Status.ERROR, mcs.problems.cert.Verdict.UNKNOWN, null, null, false, Map.of(), "solver failed: " + c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SolverResult.of(s.name(), Status.ERROR, "interrupted");
        }
    }

    /**
     * Waits for the solver; on an interactive terminal, a run that lasts more than two seconds gets an
     * elapsed-time indicator on stderr (never on stdout, which carries results).
     */
    private static SolverResult await(Future<SolverResult> f, String name, long limitMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.currentTimeMillis();
        boolean interactive = System.console() != null && System.getenv("MCS_NO_PROGRESS") == null;
        ProgressBar bar = null;
        try {
            while (true) {
                long left = limitMillis == Long.MAX_VALUE ? 250 : Math.min(250, limitMillis - (System.currentTimeMillis() - start));
                if (left <= 0) throw new TimeoutException();
                try {
                    return f.get(left, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (limitMillis != Long.MAX_VALUE && System.currentTimeMillis() - start >= limitMillis) throw e;
                    if (interactive && bar == null && System.currentTimeMillis() - start > 2000) {
                        bar = new ProgressBarBuilder().setTaskName("solving with " + name).setInitialMax(-1).setUnit(" s", 1000)
                                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
                    }
                    if (bar != null) bar.stepTo(System.currentTimeMillis() - start);
                }
            }
        } finally {
            if (bar != null) bar.close();
        }
    }

    static String fmt(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }
}
