package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mcs.verifier.arena.Arena;
import mcs.verifier.arena.InstanceSets;
import mcs.verifier.arena.Merge;
import mcs.verifier.arena.Outputs;
import mcs.verifier.arena.Plan;
import mcs.verifier.arena.PlanCheck;
import mcs.verifier.arena.SlurmScript;
import mcs.verifier.arena.Standing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs arena run|merge|report|slurm}: competitions (SPEC §5 "Arena files"). */
@Command(
        name = "arena",
        mixinStandardHelpOptions = true,
        description = {
            "Runs competitions: solvers (SPI or external commands) x instances x seeds under time and memory limits;",
            "every answer is checked by the exact kernel before it is scored. See the subcommands."
        },
        subcommands = {ArenaCommand.Run.class, ArenaCommand.MergeDirs.class, ArenaCommand.Report.class, ArenaCommand.Slurm.class})
final class ArenaCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: run, merge, report or slurm");
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Runs a plan (mcs-plan/1) into DIR: results.jsonl (one row per finished run, flushed), results.csv, ranking.json, report.html."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN.json") Path plan;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder.") Path out;
        @Option(names = "--resume", description = "Skip runs already in DIR/results.jsonl (a truncated last line is dropped).") boolean resume;
        @Option(names = "--retry-failed", description = "Run again the runs whose category is ERROR (implies --resume).") boolean retryFailed;
        @Option(names = "--shard", paramLabel = "K/N", description = "Run only the runs with index = K-1 (mod N).") String shard;
        @Option(names = "--jobs", paramLabel = "J", description = "Runs in parallel (default: the plan's 'jobs', else 1).") Integer jobs;
        @Option(names = "--isolation", paramLabel = "bwrap|none", description = {
            "How external commands are isolated (default: the plan's 'isolation', else bwrap: bubblewrap sandbox, refused where it",
            "cannot start). 'none' runs them with your rights; every row of results.jsonl records it."}) String isolation;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            int k = 1, n = 1;
            if (shard != null) {
                String[] p = shard.split("/");
                try {
                    if (p.length != 2) throw new NumberFormatException();
                    k = Integer.parseInt(p[0].trim());
                    n = Integer.parseInt(p[1].trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("--shard takes K/N, e.g. 2/3; got '" + shard + "'");
                }
                if (n < 1 || k < 1 || k > n) throw new UsageException("--shard K/N needs 1 <= K <= N, got " + shard);
            }
            if (jobs != null && jobs < 1) throw new UsageException("--jobs must be >= 1");
            boolean progress = stderrIsTerminal() && System.getenv("MCS_NO_PROGRESS") == null;
            Plan p = Plan.read(plan);
            PlanCheck.check(p);
            Arena.Options options = new Arena.Options(resume, retryFailed, k, n, jobs, progress);
            if (isolation != null) options = options.withIsolation(Isolations.parse(isolation));
            Arena.Summary s = Arena.run(p, out, options);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%d runs in this %s, %d already finished, %d run now; results in %s%n", s.planned(), n > 1 ? "shard" : "plan", s.skipped(), s.ran(), out);
            printRanking(o, s.ranking());
            return ExitCodes.OK;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = {"Combines the result folders of shards of one plan into --out."})
    static final class MergeDirs implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR") List<Path> dirs;
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            for (Path d : dirs) if (d.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) throw new UsageException("--out must differ from the merged folders");
            List<Standing> r = Merge.merge(dirs, out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("merged %d folders into %s%n", dirs.size(), out);
            printRanking(o, r);
            return ExitCodes.OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = {"Rebuilds results.csv, ranking.json and report.html of a results folder."})
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Standing> r = Outputs.rebuild(dir);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("wrote %s%n", dir.resolve("report.html"));
            printRanking(o, r);
            return ExitCodes.OK;
        }
    }

    @Command(name = "slurm", mixinStandardHelpOptions = true, description = {
        "Writes an sbatch array script: task K runs shard K/N of the plan; merge the shards afterwards (the script says how)."})
    static final class Slurm implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN.json") Path plan;
        @Option(names = "--shards", defaultValue = "10", paramLabel = "N", description = "Array size. Default: ${DEFAULT-VALUE}.") int shards;
        @Option(names = "--out", defaultValue = "arena-results", paramLabel = "DIR", description = "Results folder on the cluster. Default: ${DEFAULT-VALUE}.") String out;
        @Option(names = "--mcs", defaultValue = "mcs", paramLabel = "CMD", description = "How the nodes start mcs. Default: ${DEFAULT-VALUE}.") String mcs;
        @Option(names = "--partition", paramLabel = "NAME") String partition;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Script file (default: stdout).") Path output;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (shards < 1) throw new UsageException("--shards must be >= 1");
            Plan p = Plan.read(plan);
            PlanCheck.check(p);
            int runs = InstanceSets.count(p) * p.seeds().size() * p.solvers().size();
            String script = SlurmScript.render(p, plan.toAbsolutePath().normalize().toString(), out, shards, runs, mcs, partition);
            if (output == null) {
                spec.commandLine().getOut().print(script);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, script, StandardCharsets.UTF_8);
                output.toFile().setExecutable(true);
                spec.commandLine().getErr().printf("wrote %s (%d runs in %d shards)%n", output, runs, shards);
            }
            return ExitCodes.OK;
        }
    }

    /** Whether stderr is a terminal: on Linux from /proc/self/fd/2 (stdout may be redirected), else {@link System#console()}. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    static void printRanking(PrintWriter o, List<Standing> ranking) {
        o.printf("%-5s %-24s %7s %6s %7s %7s %6s %6s %10s%n", "rank", "solver", "correct", "wrong", "unknown", "timeout", "memout", "error", "time_s");
        for (Standing s : ranking) {
            o.printf(Locale.ROOT, "%-5s %-24s %7d %6d %7d %7d %6d %6d %10.3f%n", s.rank() == null ? "-" : s.rank().toString(), s.solver(), s.correct(), s.wrong(),
                    s.unknown(), s.timeout(), s.memout(), s.error(), s.timeS());
        }
        o.flush();
    }
}
