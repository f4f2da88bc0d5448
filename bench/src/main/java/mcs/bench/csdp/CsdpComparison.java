package mcs.bench.csdp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import mcs.problems.exact.Rational;
import mcs.problems.io.MatrixMarketWriter;
import mcs.problems.io.SdpaWriter;
import mcs.problems.spi.Solver;

/**
 * Runs CSDP and DSDP (the peers) and our interior-point solver side by side on the same margin SDPs (issues 4, 18) and writes
 * {@code results.json}, {@code RESULTS.md} and {@code times.svg} to the output folder; the SDPA files,
 * CSDP's solutions and logs go to its {@code work/} subfolder.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar mcs.bench.csdp.CsdpComparison [options]}
 * <pre>
 *   --out DIR          output folder (default bench/results/csdp)
 *   --set NAME         standard (default) or quick (small sizes, a smoke test)
 *   --only SIDE        both (default), csdp (the peers only), ours, or files (only write the .dat-s and .mtx files)
 *   --peers LIST       csdp,dsdp (default), csdp or dsdp: the peers run
 *   --solver NAME      our SPI solver (default ipm); absent solvers give n/a
 *   --time-limit S     wall-clock limit per run and side in seconds (default 600)
 *   --threads T        OMP_NUM_THREADS for CSDP and SolverOptions.threads for ours (default 2)
 *   --match REGEX      only the instances whose name contains a match of REGEX (default: all)
 *   --no-install       never call apt-get; CSDP is n/a when not on PATH
 *   --stop MODE        our solver's stop option: converged (default; t* converged like the peers') or certificate
 *                      (ipm's default: stop at the first certificate the exact check accepts)
 *   --warmup S         before the timed runs, solve small instances with our solver for about S seconds
 *                      (untimed, discarded) so that its code is JIT-compiled, as in a long-running JVM
 *                      (default 0: the first instances then also pay for compilation)
 * </pre>
 * Exit code 0 when every run finished (whatever the results), 2 on a usage error.
 */
public final class CsdpComparison {
    private CsdpComparison() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("bench/results/csdp");
        String set = "standard", only = "both", solverName = "ipm", peers = "csdp,dsdp", stop = "converged";
        double limit = 600, warmup = 0;
        int threads = 2;
        boolean install = true;
        java.util.regex.Pattern match = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--set" -> set = choice(args[++i], "--set", "standard", "quick");
                    case "--only" -> only = choice(args[++i], "--only", "both", "csdp", "ours", "files");
                    case "--solver" -> solverName = args[++i];
                    case "--stop" -> stop = choice(args[++i], "--stop", "converged", "certificate");
                    case "--peers" -> peers = choice(args[++i], "--peers", "csdp,dsdp", "dsdp,csdp", "csdp", "dsdp");
                    case "--time-limit" -> limit = Double.parseDouble(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--no-install" -> install = false;
                    case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                    case "--match" -> match = java.util.regex.Pattern.compile(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (limit <= 0 || threads < 1 || warmup < 0) {
                throw new IllegalArgumentException("--time-limit must be > 0, --threads >= 1 and --warmup >= 0");
            }
        } catch (RuntimeException e) {
            System.err.println("CsdpComparison: " + e.getMessage() + " (options: --out DIR --set standard|quick "
                    + "--only both|csdp|ours|files --peers csdp,dsdp|csdp|dsdp --stop converged|certificate --solver NAME --time-limit S --threads T --match REGEX --no-install --warmup S)");
            System.exit(2);
            return;
        }
        List<ComparisonInstance> instances = set.equals("quick") ? ComparisonSet.quick() : ComparisonSet.standard();
        if (match != null) {
            java.util.regex.Pattern m = match;
            instances = instances.stream().filter(ci -> m.matcher(ci.name()).find()).toList();
        }
        run(instances, out, only, peers, stop, solverName, limit, threads, install, warmup, System.out);
    }

    /** As {@link #run(List, Path, String, String, String, String, double, int, boolean, double, PrintStream)} with CSDP as the only peer. */
    static List<ComparisonRow> run(List<ComparisonInstance> instances, Path out, String only, String solverName,
            double limit, int threads, boolean install, double warmup, PrintStream log) throws IOException, InterruptedException {
        return run(instances, out, only, "csdp", "converged", solverName, limit, threads, install, warmup, log);
    }

    /** Runs the comparison and writes the results; returns the rows. */
    static List<ComparisonRow> run(List<ComparisonInstance> instances, Path out, String only, String peers, String stop, String solverName,
            double limit, int threads, boolean install, double warmup, PrintStream log) throws IOException, InterruptedException {
        Path work = out.resolve("work");
        Files.createDirectories(work);
        boolean noPeers = only.equals("ours") || only.equals("files");
        Optional<CsdpRunner> csdp = noPeers || !peers.contains("csdp") ? Optional.empty() : CsdpRunner.ensureInstalled(threads, install, log);
        Optional<DsdpRunner> dsdp = noPeers || !peers.contains("dsdp") ? Optional.empty() : DsdpRunner.ensureInstalled(threads, install, log);
        Optional<Solver> ours = only.equals("csdp") || only.equals("files") ? Optional.empty() : OurRun.find(solverName);
        if ((only.equals("both") || only.equals("ours")) && ours.isEmpty()) log.println("solver '" + solverName + "' is not on the class path: our side is n/a");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        header.put("csdp", csdp.isPresent() ? csdp.get().version() + " (" + csdp.get().executable() + ")" : "n/a");
        header.put("dsdp", dsdp.isPresent() ? dsdp.get().version() + " (" + dsdp.get().executable() + ", default settings: gap 1e-6)" : "n/a");
        header.put("blas", CsdpRunner.blas());
        header.put("load_average_at_start", String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        header.put("our_solver", ours.map(Solver::name).orElse("n/a (" + solverName + " absent or not requested)"));
        header.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        header.put("cores", Runtime.getRuntime().availableProcessors());
        header.put("threads", threads);
        header.put("our_stop", stop);
        header.put("time_limit_s", limit);
        header.put("warmup_s", ours.isPresent() ? warmUp(ours.get(), warmup, threads) : 0.0);
        List<ComparisonRow> rows = new ArrayList<>();
        for (ComparisonInstance ci : instances) {
            Path file = work.resolve(ci.name() + ".dat-s");
            SdpaWriter.write(file, ci.instance());
            // the same instance for `mcs solve` (bench/ipm-cold.sh times ipm in a fresh JVM per instance)
            MatrixMarketWriter.writeMc1(work.resolve(ci.name() + ".mtx"), ci.instance(), List.of(ci.origin()));
            Rational tau = SdpaWriter.shift(ci.instance().matrix());
            CsdpRun c = csdp.isPresent() ? csdp.get().run(file, limit) : CsdpRun.absent("not run");
            double ct = c.status().equals("solved") || c.status().equals("partial")
                    ? SdpaWriter.marginFromObjective(tau, c.objective()) : Double.NaN;
            CsdpRun d = dsdp.isPresent() ? dsdp.get().run(file, limit) : CsdpRun.absent("not run");
            double dt = d.status().equals("solved") || d.status().equals("partial")
                    ? SdpaWriter.marginFromObjective(tau, d.objective()) : Double.NaN;
            OurRun o = ours.isPresent() ? OurRun.run(ours.get(), ci.instance(), limit, threads, stop) : OurRun.absent();
            ComparisonRow row = new ComparisonRow(ci, ci.instance().n(), SdpaWriter.constraints(ci.instance().matrix()),
                    tau.toDouble(), c, ct, d, dt, o);
            rows.add(row);
            header.put("load_average_now", String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            log.printf(Locale.ROOT, "%-26s n=%-4d m=%-6d csdp %-8s %7s s t*=%s | dsdp %-8s %7s s t*=%s | ours %-8s %7s s t*=%s cert=%s | ours/best %s%n",
                    ci.name(), row.n(), row.m(), c.status(), ResultsWriter.f(c.wallSeconds(), "%.2f"),
                    ResultsWriter.f(ct, "%.9f"), d.status(), ResultsWriter.f(d.wallSeconds(), "%.2f"), ResultsWriter.f(dt, "%.9f"),
                    o.status(), ResultsWriter.f(o.solveSeconds(), "%.2f"),
                    ResultsWriter.f(o.tStar(), "%.9f"), o.verification(), ResultsWriter.f(row.ratioBest(), "%.2f"));
            ResultsWriter.write(out, header, rows);
        }
        return rows;
    }

    /**
     * Solves the warm-up instances ({@link ComparisonSet#warmup()}) in turn, untimed and discarded, until
     * {@code seconds} have passed; returns the seconds spent (0 when {@code seconds} is 0).
     */
    private static double warmUp(Solver solver, double seconds, int threads) {
        long t0 = System.nanoTime();
        List<ComparisonInstance> set = seconds > 0 ? ComparisonSet.warmup() : List.of();
        for (int k = 0; !set.isEmpty() && (System.nanoTime() - t0) / 1e9 < seconds; k++) {
            OurRun.run(solver, set.get(k % set.size()).instance(), seconds, threads);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String choice(String v, String option, String... allowed) {
        for (String a : allowed) if (a.equals(v)) return v;
        throw new IllegalArgumentException(option + " must be one of " + String.join("|", allowed) + ", got '" + v + "'");
    }
}
