package mcs.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.exact.Rational;
import mcs.problems.families.Family;
import mcs.verifier.study.Study;
import mcs.verifier.study.StudyArgs;
import mcs.verifier.study.StudyReport;
import mcs.verifier.study.StudyResult;
import mcs.verifier.study.StudySpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcs study epsilon|size|summary}: the empirical exponents of a solver in 1/ε and in n·m, on families
 * with a known gap, every answer judged by the kernel through the arena.
 */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        description = {
            "Measures how a solver's time grows with 1/ε (epsilon) or with n·m (size) on instance families whose gap t* is known,",
            "running it through the arena (every answer judged by the exact kernel; commands run as arena competitors).",
            "Writes DIR/study.json, DIR/study.md and DIR/study.html. Exit 0, 3 when any answer was WRONG, 2 on bad input."
        },
        subcommands = {StudyCommand.Epsilon.class, StudyCommand.Size.class, StudyCommand.Summary.class})
final class StudyCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: epsilon, size or summary");
    }

    /** Exactly one of an SPI solver and a command. */
    static final class Target {
        @Option(names = "--solver", required = true, paramLabel = "S", description = "An SPI solver (see 'mcs solvers').") String solver;

        @Option(names = "--command", required = true, arity = "1..*", paramLabel = "CMD", description = {
            "An external solver, run as CMD INSTANCE CERT_OUT (SPEC §5): it prints the 'mcs solve --json' object and writes its certificate.",
            "The ε of each instance is in its header: %% promise = lambda_min >= E ('mcs solve' reads it)."}) List<String> command;
    }

    /** Options shared by both kinds. */
    abstract static class Common implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1") Target target;
        @Option(names = "--family", required = true, paramLabel = "F", description = "Instance family (see 'mcs generate --list'); gap-* families know t*.") String family;
        @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = {"Family parameter other than eps (repeatable), e.g. -P shape=band.",
            "Without -P answer=..., a family with an 'answer' parameter gives one yes and one no instance per seed and level."}) Map<String, String> params = new LinkedHashMap<>();
        @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "Option of an SPI solver (repeatable).") Map<String, String> options = new LinkedHashMap<>();
        @Option(names = "--seeds", paramLabel = "A..B", defaultValue = "1..3", description = "Instance seeds, A..B or a comma list: one instance per seed and level. Default: ${DEFAULT-VALUE}.") String seeds;
        @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = "Wall-clock limit in seconds per run (0: none). Default: 0.") double timeout;
        @Option(names = "--memory-mb", paramLabel = "MB", defaultValue = "4096", description = "Memory limit per run. Default: ${DEFAULT-VALUE}.") int memoryMb;
        @Option(names = "--solver-seed", paramLabel = "S", defaultValue = "1", description = "The seed every run gets. Default: ${DEFAULT-VALUE}.") long solverSeed;
        @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "2000", description = "Bootstrap resamples of the fit. Default: ${DEFAULT-VALUE}.") int bootstrap;
        @Option(names = "--bootstrap-seed", paramLabel = "S", defaultValue = "1", description = "Seed of the bootstrap. Default: ${DEFAULT-VALUE}.") long bootstrapSeed;
        @Option(names = "--keep-going", description = "Run every level, even after one where every run timed out or failed.") boolean keepGoing;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must not hold a previous study).") Path out;
        @Option(names = "--json", description = "Also print study.json on stdout.") boolean json;
        @Option(names = "--isolation", paramLabel = "bwrap|none", defaultValue = "bwrap", description = {
            "How a --command solver is isolated. Default: ${DEFAULT-VALUE} (bubblewrap sandbox: it sees the system, its instance, its",
            "own program and the --file paths; refused where bubblewrap cannot start). 'none' runs it with your rights."}) String isolation;
        @Option(names = "--file", paramLabel = "PATH", description = "A further file or folder a --command solver may read in its sandbox (repeatable).")
        List<Path> files = new java.util.ArrayList<>();
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        abstract StudySpec.Kind kind();

        abstract List<Integer> sizes();

        abstract List<String> eps();

        @Override
        public Integer call() throws IOException {
            StudySpec s;
            try {
                s = build();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            StudyResult r;
            try {
                r = Study.run(s, out, err, ArenaCommand.stderrIsTerminal() && System.getenv("MCS_NO_PROGRESS") == null);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            StudyReport.write(r, out);
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(StudyReport.json(r));
            } else {
                o.println(StudyReport.headline(r));
                for (StudyResult.Level l : r.levels()) {
                    o.printf(Locale.ROOT, "  %s: %s%n", l.key(s.kind()).isEmpty() ? "-" : (s.kind() == StudySpec.Kind.EPSILON ? "eps = " : "n = ") + l.key(s.kind()),
                            l.skipped() ? "skipped" : String.format(Locale.ROOT, "%.0f%% correct of %d", 100 * l.correctFraction(), l.points().size()));
                }
                if (r.wrong() > 0) o.printf("WRONG answers: %d (see %s)%n", r.wrong(), out.resolve(StudyReport.HTML_FILE));
                o.printf("%s%nreport: %s, %s, %s%n", StudyResult.EVIDENCE, out.resolve(StudyReport.HTML_FILE), out.resolve(StudyReport.MARKDOWN_FILE),
                        out.resolve(StudyReport.JSON_FILE));
            }
            o.flush();
            return r.wrong() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
        }

        private StudySpec build() {
            Timeouts.check(timeout);
            if (memoryMb < 64) throw new IllegalArgumentException("--memory-mb must be >= 64");
            if (bootstrap < 0) throw new IllegalArgumentException("--bootstrap must be >= 0");
            List<Long> seedList = StudyArgs.seeds(seeds);
            List<Rational> epsList = eps() == null ? List.of() : StudyArgs.epsilons(eps());
            List<Integer> sizeList = StudyArgs.sizes(sizes());
            Family f = StudyArgs.family(family, kind(), !epsList.isEmpty(), params);
            String name;
            List<String> cmd = null;
            String spi = null;
            if (target.solver != null) {
                StudyArgs.solver(target.solver, f);
                spi = target.solver;
                name = spi;
            } else {
                cmd = StudyArgs.command(target.command, Path.of("").toAbsolutePath());
                name = Path.of(target.command.get(0)).getFileName().toString();
                if (!options.isEmpty()) throw new IllegalArgumentException("-O options go to SPI solvers; pass a command's own options inside --command");
            }
            // Both sides of the promise unless the caller fixed one: a solver may be fast on YES and slow on NO.
            boolean hasAnswer = f.parameters().stream().anyMatch(p -> p.name().equals("answer"));
            List<String> answers = hasAnswer && !params.containsKey("answer") ? List.of("yes", "no") : List.of();
            return new StudySpec(kind(), name, spi, options, cmd, family, params, sizeList, epsList, answers, seedList, solverSeed, timeout, memoryMb, bootstrap,
                    bootstrapSeed, keepGoing, commandLine(spec), Isolations.parse(isolation), files);
        }
    }

    @Command(name = "epsilon", mixinStandardHelpOptions = true, description = {
        "Fits time ≈ C·(1/ε)^α at a fixed n over the given ε (largest first; after a level where every run failed the smaller ε are skipped).",
        "Example: mcs study epsilon --solver ipm --family gap-planted --n 100 --eps 0.1,0.01,0.001 --seeds 1..3 --out study/"})
    static final class Epsilon extends Common {
        @Option(names = "--n", required = true, paramLabel = "N", description = "Size of every instance.") int n;
        @Option(names = "--eps", required = true, split = ",", paramLabel = "E1,E2,…", description = "The ε of each level, exact numbers in (0, 1).") List<String> eps;

        @Override
        StudySpec.Kind kind() {
            return StudySpec.Kind.EPSILON;
        }

        @Override
        List<Integer> sizes() {
            return List.of(n);
        }

        @Override
        List<String> eps() {
            if (eps.size() < 2) throw new IllegalArgumentException("--eps needs at least two values to fit an exponent");
            return eps;
        }
    }

    @Command(name = "size", mixinStandardHelpOptions = true, description = {
        "Fits time ≈ C·(n·m)^β at a fixed ε over the given sizes (smallest first; after a level where every run failed the larger sizes are skipped).",
        "Example: mcs study size --solver burer-monteiro --family gap-planted --sizes 1000,3162,10000 --eps 0.01 --out study/"})
    static final class Size extends Common {
        @Option(names = "--sizes", required = true, split = ",", paramLabel = "N1,N2,…", description = "The n of each level.") List<Integer> sizes;
        @Option(names = "--eps", paramLabel = "E", description = "The ε of every instance (required for families with an ε parameter).") String eps;

        @Override
        StudySpec.Kind kind() {
            return StudySpec.Kind.SIZE;
        }

        @Override
        List<Integer> sizes() {
            if (sizes.size() < 2) throw new IllegalArgumentException("--sizes needs at least two values to fit an exponent");
            return sizes;
        }

        @Override
        List<String> eps() {
            return eps == null ? null : List.of(eps);
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = {
        "Prints one Markdown table of the exponents of several study folders (their study.json)."})
    static final class Summary implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR") List<Path> dirs;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ObjectMapper om = new ObjectMapper();
            PrintWriter o = spec.commandLine().getOut();
            o.println("| study | kind | solver | family | levels | exponent | 95% interval | of | correct fraction per level | wrong | load avg start → end |");
            o.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Path d : dirs) {
                Path f = d.resolve(StudyReport.JSON_FILE);
                if (!Files.isRegularFile(f)) throw new mcs.problems.io.InputException(f.toString(), 0, "missing: not a study folder");
                JsonNode j;
                try {
                    j = om.readTree(f.toFile());
                } catch (IOException e) {
                    throw new mcs.problems.io.InputException(f.toString(), 0, "unreadable: " + e.getMessage());
                }
                List<String> cf = new ArrayList<>();
                j.path("correct_fraction").fields().forEachRemaining(e -> cf.add(e.getKey() + ": " + (e.getValue().isNull() ? "skipped" : num(e.getValue()))));
                JsonNode ci = j.path("exponent_ci");
                JsonNode env = j.path("environment");
                o.printf("| [%s](%s) | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s → %s |%n", d.getFileName(), d.resolve(StudyReport.HTML_FILE), j.path("kind").asText(),
                        j.path("solver").path("name").asText(), j.path("family").asText(), j.path("levels").size(), num(j.path("exponent")),
                        ci.isArray() ? "[" + num(ci.get(0)) + ", " + num(ci.get(1)) + "]" : "–", j.path("exponent_of").asText(), String.join("; ", cf),
                        j.path("wrong").asText(), env.path("load_average_start").path(0).asText("?"), env.path("load_average_end").path(0).asText("?"));
            }
            o.println();
            o.println(StudyResult.EVIDENCE);
            o.flush();
            return ExitCodes.OK;
        }

        private static String num(JsonNode v) {
            if (v == null || v.isNull() || v.isMissingNode()) return "–";
            return String.format(Locale.ROOT, "%.3f", v.asDouble());
        }
    }

    /** The command line as typed (for the outputs), quoted where needed. */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> parts = new ArrayList<>(List.of("mcs"));
        for (String a : spec.commandLine().getParseResult().originalArgs()) parts.add(a.matches("[A-Za-z0-9_./=,:+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        return String.join(" ", parts);
    }
}
