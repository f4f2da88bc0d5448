package mcs.verifier.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
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
 * problem in the submission's tiers (each run in its own process under the time limit, every answer judged
 * by the kernel and the known answers). Then the property-based search looks for an instance where it is
 * unsound ({@code soundness:}, a certificate the kernel rejects) or disagrees with a kernel-verified
 * reference ({@code agrees:}), within the search budget, and shrinks what it finds; counterexamples are saved
 * under {@code WORK/counterexamples}. The solver is REJECTED when either stage finds a wrong answer.
 */
public final class SolverExamination {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SolverExamination() {}

    public static SubmissionReport.SolverFindings examine(Submission s, Path record, Path work, PrintWriter err) throws IOException {
        Submission.SolverEntry e = s.solver();
        Submission.Checks checks = s.checks();
        Properties props = Properties.load(e.jar() == null ? List.of() : List.of(e.jar()));
        try {
            Solver target;
            List<String> command;
            if (e.jar() != null) {
                for (Solver builtIn : java.util.ServiceLoader.load(Solver.class, SolverExamination.class.getClassLoader()))
                    if (builtIn.name().equals(e.spiName()))
                        return new SubmissionReport.SolverFindings(e.name(), Outcome.UNVERIFIED, "'" + e.spiName() + "' is the name of a built-in solver; rename the submitted one", List.of(), Map.of());
                target = props.solvers().stream().filter(x -> x.name().equals(e.spiName())).findFirst().orElse(null);
                if (target == null)
                    return new SubmissionReport.SolverFindings(e.name(), Outcome.UNVERIFIED, "the jar " + e.jar() + " registers no solver named '" + e.spiName() + "'", List.of(), Map.of());
                command = List.of(javaExecutable(), "-cp", System.getProperty("java.class.path") + File.pathSeparator + e.jar().toAbsolutePath(), SpiAdapter.class.getName(), e.spiName());
            } else {
                Problem p = e.problem() == null ? Problem.PSD_COMPLETION : Problem.fromId(e.problem());
                target = new CommandSolver(e.name(), p, e.command(), checks.timeLimitSeconds());
                command = e.command();
            }
            List<String> findings = new ArrayList<>();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("problem", target.problem().id());
            Map<String, Integer> categories = arena(s, target.problem(), command, record, work.resolve("arena"), findings, err);
            details.put("arena", categories);
            details.put("arena_results", work.resolve("arena").resolve(ResultsFile.NAME).toString());
            List<Map<String, Object>> searches = new ArrayList<>();
            for (Property p : List.of(new SoundnessProperty(target), new AgreesProperty(target))) searches.add(search(p, checks, props, work, findings, err));
            details.put("search", searches);
            if (checks.study() != null) {
                details.put("study", target.problem() == Problem.PSD_COMPLETION
                        ? SubmissionStudy.run(e, command, checks.study(), work, findings, err)
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

    private static Map<String, Integer> arena(Submission s, Problem problem, List<String> command, Path record, Path out, List<String> findings, PrintWriter err)
            throws IOException {
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
        plan.set("instances", instances);
        plan.putArray("seeds").add(s.checks().seed());
        plan.put("time_limit_s", s.checks().timeLimitSeconds());
        plan.put("memory_limit_mb", 2048);
        plan.put("scoring", "errors-first");
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
                Long.MAX_VALUE, checks.searchSeconds(), 1, 5000, false, 30, List.of(), Map.of());
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

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
