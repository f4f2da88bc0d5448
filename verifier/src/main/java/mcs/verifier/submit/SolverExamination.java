package mcs.verifier.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Property;
import mcs.problems.spi.Solver;
import mcs.verifier.arena.Arena;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.Plan;
import mcs.verifier.arena.ResultsFile;
import mcs.verifier.arena.RunRow;
import mcs.verifier.kernel.Outcome;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Limits;
import mcs.verifier.sandbox.Sandbox;
import mcs.verifier.sandbox.SandboxRequest;
import mcs.verifier.sandbox.SandboxResult;
import mcs.verifier.record.IndexCsv;
import mcs.verifier.search.Found;
import mcs.verifier.search.Search;
import mcs.verifier.search.SearchConfig;
import mcs.verifier.search.corpus.Corpus;
import mcs.verifier.search.gen.Generators;
import mcs.verifier.search.property.AgreesProperty;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.Properties;
import mcs.verifier.search.property.SoundnessProperty;

/**
 * Examines a submitted solver in two stages. First the arena runs it on the record's instances of its
 * problem in the submission's tiers (each run in the sandbox, {@link Sandbox}, under the time limit, every
 * answer judged by the kernel and the known answers). A submitted jar is never loaded into the judge's JVM:
 * every run of it, and the question which problem its solver solves, is a child JVM in the sandbox
 * ({@link SpiAdapter}). Then the property-based search looks for an instance where it is
 * unsound ({@code soundness:}, a certificate the kernel rejects) or disagrees with a kernel-verified
 * reference ({@code agrees:}), within the search budget, and shrinks what it finds; counterexamples are saved
 * under {@code WORK/counterexamples}. The solver is REJECTED when either stage finds a wrong answer.
 */
public final class SolverExamination {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SolverExamination() {}

    public static SubmissionReport.SolverFindings examine(Submission s, Path record, Path work, PrintWriter err) throws IOException {
        return examine(s, record, work, err, Isolation.BWRAP);
    }

    /**
     * @param isolation how every run of the submitted solver is isolated ({@link Isolation#BWRAP} unless the
     *     user passed {@code --isolation none}); recorded in the findings
     */
    public static SubmissionReport.SolverFindings examine(Submission s, Path record, Path work, PrintWriter err, Isolation isolation) throws IOException {
        Submission.SolverEntry e = s.solver();
        Submission.Checks checks = s.checks();
        Sandbox.require(isolation);
        int memoryMb = 2048;
        Limits limits = Limits.of(checks.timeLimitSeconds(), memoryMb, checks.certificateCapBytes());
        // The reference oracle uses the built-in solvers only: the submitted jar is never loaded here.
        Properties props = Properties.load(List.of());
        try {
            Problem problem;
            List<String> command;
            List<Path> visible = new ArrayList<>(e.files());
            if (e.jar() != null) {
                for (Solver builtIn : props.solvers())
                    if (builtIn.name().equals(e.spiName()))
                        return findings(e, Outcome.UNVERIFIED, "'" + e.spiName() + "' is the name of a built-in solver; rename the submitted one", isolation);
                if (!Files.isRegularFile(e.jar())) return findings(e, Outcome.UNVERIFIED, "the jar " + e.jar() + " does not exist", isolation);
                visible.addAll(SpiCommand.visible(e.jar()));
                String described = describe(e, visible, isolation);
                if (described.startsWith("!")) return findings(e, Outcome.UNVERIFIED, described.substring(1), isolation);
                problem = Problem.fromId(described);
                command = SpiCommand.command(e.jar(), SpiCommand.heapMb(memoryMb), e.spiName());
            } else {
                problem = e.problem() == null ? Problem.PSD_COMPLETION : Problem.fromId(e.problem());
                command = e.command();
            }
            Solver target = new CommandSolver(e.name(), problem, command, visible, limits, isolation);
            List<String> findings = new ArrayList<>();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("problem", target.problem().id());
            details.put("isolation", isolation.id());
            details.put("limits", Sandbox.limitsMechanism());
            details.put("certificate_cap_mb", checks.certificateCapMb());
            Map<String, Integer> categories = arena(s, target.problem(), command, visible, isolation, record, work.resolve("arena"), findings, err);
            details.put("arena", categories);
            details.put("arena_results", work.resolve("arena").resolve(ResultsFile.NAME).toString());
            List<Map<String, Object>> searches = new ArrayList<>();
            for (Property p : List.of(new SoundnessProperty(target), new AgreesProperty(target))) searches.add(search(p, checks, props, work, findings, err));
            details.put("search", searches);
            if (checks.study() != null) {
                details.put("study", target.problem() == Problem.PSD_COMPLETION
                        ? SubmissionStudy.run(e, command, visible, isolation, checks.study(), work, findings, err)
                        : Map.of("skipped", "ε-studies measure psd-completion solvers; this one solves " + target.problem().id()));
            }
            int runs = categories.values().stream().mapToInt(Integer::intValue).sum();
            int errors = categories.getOrDefault("ERROR", 0);
            Outcome outcome;
            String reason;
            if (!findings.isEmpty()) {
                outcome = Outcome.REJECTED;
                reason = findings.size() + " wrong answer(s) found";
            } else if (runs > 0 && errors == runs) {
                outcome = Outcome.UNVERIFIED;
                reason = "every run ended in ERROR; the solver could not be examined";
            } else {
                outcome = Outcome.ACCEPTED;
                reason = "no wrong answer in " + runs + " arena runs and the search budgets (" + categories + ")";
            }
            return new SubmissionReport.SolverFindings(e.name(), outcome, reason, findings, details);
        } finally {
            props.close();
        }
    }

    private static SubmissionReport.SolverFindings findings(Submission.SolverEntry e, Outcome o, String reason, Isolation isolation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("isolation", isolation.id());
        return new SubmissionReport.SolverFindings(e.name(), o, reason, List.of(), details);
    }

    /**
     * The problem of the jar's solver, asked of the jar in a sandboxed child JVM ({@code SpiAdapter --describe});
     * a reason prefixed with '!' when it cannot be learnt.
     */
    private static String describe(Submission.SolverEntry e, List<Path> visible, Isolation isolation) throws IOException {
        List<String> cmd = SpiCommand.command(e.jar(), 256, "--describe", e.spiName());
        SandboxResult r = Sandbox.run(new SandboxRequest(cmd, null, visible, Limits.of(60, 512, 1 << 20), isolation, "describe"));
        if (!r.exited() || r.exitCode() == null || r.exitCode() != 0) {
            String why = r.stderr().isBlank() ? r.termination() + " " + r.reason() : r.stderr().strip();
            return "!the jar " + e.jar() + " registers no solver named '" + e.spiName() + "' (" + tail(why) + ")";
        }
        try {
            String p = JSON.readTree(r.stdout()).path("problem").asText("");
            Problem.fromId(p);
            return p;
        } catch (IOException | IllegalArgumentException x) {
            return "!the jar's solver '" + e.spiName() + "' did not describe itself: " + tail(r.stdout());
        }
    }

    private static Map<String, Integer> arena(Submission s, Problem problem, List<String> command, List<Path> visible, Isolation isolation, Path record,
            Path out, List<String> findings, PrintWriter err) throws IOException {
        Map<String, Integer> categories = new TreeMap<>();
        Path index = record.resolve(IndexCsv.FILE);
        if (!Files.isRegularFile(index)) {
            findings.add("no record at " + record + " to run the solver on (give --record)");
            return categories;
        }
        ArrayNode instances = JSON.createArrayNode();
        for (IndexCsv.Row r : IndexCsv.read(index))
            if (s.checks().tiers().contains(r.tier()) && r.problem().equals(problem.id()) && !r.knownAnswer().equals("INVALID"))
                instances.add(record.resolve(r.instance()).toAbsolutePath().toString());
        if (instances.isEmpty()) return categories;
        ObjectNode plan = JSON.createObjectNode();
        plan.put("format", Plan.FORMAT);
        ObjectNode solver = plan.putArray("solvers").addObject();
        solver.put("name", s.solver().name());
        ArrayNode cmd = solver.putArray("command");
        command.forEach(cmd::add);
        ArrayNode files = solver.putArray("files");
        visible.forEach(f -> files.add(f.toAbsolutePath().toString()));
        plan.set("instances", instances);
        plan.putArray("seeds").add(s.checks().seed());
        plan.put("time_limit_s", s.checks().timeLimitSeconds());
        plan.put("memory_limit_mb", 2048);
        plan.put("scoring", "errors-first");
        plan.put("isolation", isolation.id());
        plan.put("certificate_cap_mb", s.checks().certificateCapMb());
        err.printf("mcs submit: arena, %s on %d instance(s) of %s%n", s.solver().name(), instances.size(), String.join(", ", s.checks().tiers()));
        err.flush();
        Files.createDirectories(out);
        Arena.run(Plan.parse(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan), out, "submission plan"), out, Arena.Options.plain());
        for (RunRow r : ResultsFile.read(out.resolve(ResultsFile.NAME))) {
            categories.merge(r.category().name(), 1, Integer::sum);
            if (r.category() == Category.WRONG) findings.add("arena: " + record.toAbsolutePath().relativize(Path.of(r.instance()).toAbsolutePath()) + ": " + r.reason());
        }
        return categories;
    }

    private static Map<String, Object> search(Property p, Submission.Checks checks, Properties props, Path work, List<String> findings, PrintWriter err) throws IOException {
        boolean mc1 = p.problem() == Problem.PSD_COMPLETION;
        SearchConfig config = new SearchConfig(p, Generators.DEFAULT_NAME, Generators.defaultFor(p.problem()), checks.seed(), mc1 ? 3 : 1, mc1 ? 8 : 6,
                Long.MAX_VALUE, checks.searchSeconds(), 1, 5000, false, 30, List.of(), Map.of(), checks.searchSeconds());
        Search.Outcome o = Search.run(config, KernelOracle.defaults(props.solvers()), err);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("property", p.name());
        m.put("tries", o.statistics().tries());
        m.put("seconds", Math.round(o.seconds() * 1000) / 1000.0);
        if (o.found().isPresent()) {
            Found f = o.found().get();
            Corpus.Saved saved = Corpus.save(work.resolve("counterexamples"), config, f, List.of());
            var shrunk = f.shrunk().instance();
            m.put("counterexample", saved.json().toString());
            m.put("n", shrunk.n());
            m.put("m", shrunk.m());
            findings.add(p.name() + ": counterexample shrunk to n = " + shrunk.n() + ", m = " + shrunk.m() + " (" + f.shrunk().result().message() + "); " + saved.instance());
        }
        return m;
    }


    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : "…" + t.substring(t.length() - 300);
    }
}
