package mcs.verifier.arena;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import mcs.problems.io.InputException;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.ProcessGroups;
import mcs.verifier.sandbox.Sandbox;

/**
 * Runs a plan into a folder: {@code plan.json}, {@code provenance.json}, {@code results.jsonl} (one row
 * appended and flushed per finished run), then the derived {@code results.csv}, {@code ranking.json}
 * and {@code report.html}; certificates are kept under {@code certificates/RUN_ID.json}.
 *
 * <p>{@code jobs} lanes run in parallel; each lane owns one warm worker JVM for the plan's SPI solvers
 * (the plan owner's own code, trusted), replaced only after it was killed or died. External commands are
 * untrusted: each run goes through {@link Sandbox} (bubblewrap unless the plan or {@code --isolation} says
 * {@code none}; refused before anything is written when bubblewrap cannot start), and every row records its
 * isolation. When {@link #run} returns, every process it started has ended.
 */
public final class Arena {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param shardK 1-based shard index (1 when not sharded)
     * @param shardN number of shards (1 when not sharded)
     * @param jobs overrides the plan's {@code jobs} when not null
     * @param progress whether to draw a progress bar on stderr
     */
    /**
     * @param isolation overrides the plan's {@code isolation} of external commands when not null (the command
     *     line's {@code --isolation})
     */
    public record Options(boolean resume, boolean retryFailed, int shardK, int shardN, Integer jobs, boolean progress, Isolation isolation) {
        public Options(boolean resume, boolean retryFailed, int shardK, int shardN, Integer jobs, boolean progress) {
            this(resume, retryFailed, shardK, shardN, jobs, progress, null);
        }

        public static Options plain() {
            return new Options(false, false, 1, 1, null, false);
        }

        public Options withIsolation(Isolation i) {
            return new Options(resume, retryFailed, shardK, shardN, jobs, progress, i);
        }
    }

    /** @param planned runs in this (shard of the) plan; skipped: already finished; ran: run now */
    public record Summary(int planned, int skipped, int ran, List<Standing> ranking) {}

    private Arena() {}

    public static Summary run(Plan plan, Path out, Options o) throws IOException {
        if (o.jobs() != null) plan = plan.withJobs(o.jobs());
        if (o.isolation() != null) plan = plan.withIsolation(o.isolation());
        // Refused before anything is written: untrusted commands never run outside the sandbox by accident.
        if (plan.solvers().stream().anyMatch(PlanSolver::external)) Sandbox.require(plan.isolation());
        Files.createDirectories(out);
        Path planFile = out.resolve("plan.json");
        if (Files.exists(planFile) && !Files.readString(planFile, StandardCharsets.UTF_8).equals(plan.text())) {
            throw new InputException(planFile.toString(), 0, "this folder holds results of a different plan; use another --out");
        }
        Files.writeString(planFile, plan.text(), StandardCharsets.UTF_8);
        Path resultsPath = out.resolve(ResultsFile.NAME);
        ResultsFile.repairTail(resultsPath);
        List<RunRow> existing = ResultsFile.read(resultsPath);
        if (!existing.isEmpty() && !o.resume() && !o.retryFailed()) {
            throw new InputException(resultsPath.toString(), 0, "holds " + existing.size() + " finished runs; use --resume, --retry-failed or another --out");
        }
        if (o.retryFailed()) {
            ResultsFile.rewrite(resultsPath, existing, r -> !r.category().failed());
            existing = ResultsFile.read(resultsPath);
        }
        List<ArenaInstance> instances = InstanceSets.expand(plan, out);
        List<RunSpec> runs = RunIds.shard(RunIds.runs(plan, instances), o.shardK(), o.shardN());
        Set<String> done = new HashSet<>();
        for (RunRow r : existing) done.add(r.runId());
        List<RunSpec> todo = new ArrayList<>();
        for (RunSpec r : runs) if (!done.contains(r.runId())) todo.add(r);
        String shard = o.shardK() + "/" + o.shardN();
        Files.writeString(out.resolve("provenance.json"), JSON.writeValueAsString(Provenance.collect(plan, instances, shard)), StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("certificates"));
        try (ResultsFile results = ResultsFile.append(resultsPath)) {
            execute(plan, out, todo, results, o.progress());
        }
        List<RunRow> rows = ResultsFile.read(resultsPath);
        List<Standing> ranking = Outputs.write(out, plan, rows);
        return new Summary(runs.size(), runs.size() - todo.size(), todo.size(), ranking);
    }

    private static void execute(Plan plan, Path out, List<RunSpec> todo, ResultsFile results, boolean progress) throws IOException {
        if (todo.isEmpty()) return;
        ConcurrentLinkedQueue<RunSpec> queue = new ConcurrentLinkedQueue<>(todo);
        Judge judge = new Judge(KernelOptions.defaults());
        int lanes = Math.min(plan.jobs(), todo.size());
        ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("arena").setInitialMax(todo.size()).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build() : null;
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                Lane lane = new Lane(plan, out, i, judge);
                fs.add(pool.submit(() -> {
                    try (lane) {
                        RunSpec r;
                        while ((r = queue.poll()) != null) {
                            results.write(lane.run(r));
                            if (bar != null) bar.step();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
            if (bar != null) bar.close();
            ProcessGroups.releaseReaperIfIdle();
        }
    }

    /**
     * One sequential runner with its (lazily started) worker JVM. External commands run in the sandbox, each
     * in a fresh private directory; the plan owner's SPI solvers (trusted, docs/DECISIONS.md) in the worker.
     */
    private static final class Lane implements AutoCloseable {
        private final Plan plan;
        private final Path out;
        private final Judge judge;
        private Worker worker;

        Lane(Plan plan, Path out, int index, Judge judge) {
            this.plan = plan;
            this.out = out;
            this.judge = judge;
        }

        RunRow run(RunSpec r) throws IOException {
            Path cert = out.resolve("certificates").resolve(r.runId() + ".json");
            Files.deleteIfExists(cert);
            int cap = plan.outputCapKb() * 1024;
            Attempt a;
            if (r.solver().external()) {
                a = ExternalRunner.run(Commands.resolve(plan.base(), r.solver().command()), r.instance().path(), r.solver().files(),
                        plan.sandboxLimits(), plan.isolation(), r.runId());
            } else {
                a = viaWorker(r, cert, cap);
                a = withWorkerCertificate(a, cert, (long) plan.certificateCapMb() << 20);
            }
            return judge.judge(r, a, cert);
        }

        /** The certificate a (trusted) worker wrote, read within the cap. */
        private static Attempt withWorkerCertificate(Attempt a, Path cert, long cap) throws IOException {
            if (!Files.isRegularFile(cert, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return a;
            long size = Files.size(cert);
            if (size > cap) return a.withCertificate(null, true, "the certificate has " + size + " bytes, over the cap of " + cap);
            return a.withCertificate(Files.readAllBytes(cert), false, null);
        }

        private Attempt viaWorker(RunSpec r, Path cert, int cap) throws IOException {
            if (worker == null || !worker.alive()) {
                if (worker != null) worker.close();
                try {
                    worker = Worker.start(plan.memoryLimitMb(), cap,
                            plan.solvers().stream().filter(s -> !s.external()).map(PlanSolver::spi).distinct().toList(), out);
                } catch (IOException e) {
                    worker = null;
                    return new Attempt("failed", null, null, e.getMessage(), 0, -1, -1);
                }
            }
            Map<String, Object> req = new LinkedHashMap<>();
            req.put("solver", r.solver().spi());
            req.put("instance", r.instance().path().toString());
            req.put("cert_out", cert.toString());
            req.put("seed", r.seed());
            req.put("threads", plan.threads());
            req.put("time_limit_s", plan.timeLimitS());
            req.put("options", r.solver().options());
            return worker.call(req, plan.timeLimitS(), plan.graceS());
        }

        @Override
        public void close() {
            if (worker != null) worker.close();
        }
    }
}
