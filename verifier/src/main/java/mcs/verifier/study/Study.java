package mcs.verifier.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.instance.Problem;
import mcs.problems.io.InstanceWriter;
import mcs.verifier.arena.Arena;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.Plan;
import mcs.verifier.arena.PlanCheck;
import mcs.verifier.arena.ResultsFile;
import mcs.verifier.arena.RunRow;
import mcs.verifier.arena.Scoring;

/**
 * Runs a study through the arena: every answer is judged by the kernel against the instance's known
 * answer, and an external command runs exactly as an arena competitor (its own process group, limits,
 * and whatever isolation the arena gives external runs).
 *
 * <p>First every instance is generated into a staging folder (so that a bad size or parameter is
 * reported before anything is written), then moved to {@code DIR/instances/}. Each level (one ε, or one
 * size) is then one arena run in {@code DIR/arena/level-K/} (its own {@code report.html}); an SPI solver's
 * level starts with an untimed warm-up run on a small instance of the same level (JIT compilation is not
 * charged to the first point; the warm-up is not a point). Levels run from easy to hard (ε decreasing,
 * n increasing); after a level where every run ended in TIMEOUT, MEMOUT or ERROR the harder ones are
 * skipped (they would only hit the limit again) unless {@code keepGoing}.
 */
public final class Study {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest n of the warm-up instance. */
    static final int WARMUP_N = 32;
    /** The arena's limit for a run of a study without one ({@code --timeout 0}): arena plans need a finite limit; this is eleven days. */
    static final double NO_LIMIT_S = 1e6;

    private Study() {}

    /** The generated instance of one point, known before it runs. */
    record Planned(int level, String name, Path file, Rational eps, int n, long m, long seed, Rational[] tStar, String known) {}

    /**
     * Generates the instances, runs every level and returns the result (outputs are written by {@link StudyReport}).
     *
     * @throws IllegalArgumentException (before anything is written) when an instance cannot be generated or DIR holds
     *     a previous study
     */
    public static StudyResult run(StudySpec spec, Path out, PrintWriter err, boolean progress) throws IOException {
        Family family = Families.byName(spec.family()).orElseThrow(() -> new IllegalArgumentException("unknown family '" + spec.family() + "'; see 'mcs generate --list'"));
        if (Files.exists(out.resolve("study.json")) || Files.exists(out.resolve("arena"))) {
            throw new IllegalArgumentException(out + " holds a previous study; use another --out");
        }
        Map<String, Object> env = StudyResult.describeEnvironment();
        long t0 = System.nanoTime();
        Path parent = out.toAbsolutePath().getParent();
        // The staging folder sits beside DIR (same file system, so the move is a rename); folders created for it
        // are removed again when generation fails, so that bad input leaves nothing behind.
        Path firstCreated = parent;
        while (firstCreated.getParent() != null && !Files.exists(firstCreated.getParent())) firstCreated = firstCreated.getParent();
        if (Files.exists(firstCreated)) firstCreated = null;
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".study-staging-");
        List<Planned> planned = new ArrayList<>();
        Map<Integer, String> warmups = new HashMap<>();
        try {
            for (int k = 0; k < spec.levels(); k++) {
                for (long seed : spec.seeds()) {
                    if (spec.answers().isEmpty()) planned.add(generate(spec, family, k, spec.n(k), seed, null, staging, false));
                    for (String answer : spec.answers()) planned.add(generate(spec, family, k, spec.n(k), seed, answer, staging, false));
                }
                if (!spec.external()) warmups.put(k, warmup(spec, family, k, staging).name());
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(firstCreated != null ? firstCreated : staging);
            throw e;
        }
        Files.createDirectories(out);
        Path instances = out.resolve("instances");
        Files.move(staging, instances);
        List<StudyPoint> points = new ArrayList<>();
        List<StudyResult.Level> levels = new ArrayList<>();
        String stop = null;
        for (int k = 0; k < spec.levels(); k++) {
            final int level = k;
            List<Planned> these = planned.stream().filter(p -> p.level() == level).toList();
            String label = levelLabel(spec, k);
            if (stop != null) {
                levels.add(new StudyResult.Level(k, spec.epsilon(k), spec.n(k), List.of(), true, stop, null));
                err.printf("mcs study: %s skipped (%s)%n", label, stop);
                err.flush();
                continue;
            }
            err.printf("mcs study: %s, %d run(s) of %s on %s ...%n", label, these.size(), spec.solverName(), spec.family());
            err.flush();
            Path dir = out.resolve("arena").resolve("level-" + (k + 1));
            Plan plan = Plan.parse(planText(spec, these, warmups.get(k)), out.toAbsolutePath(), "study plan (" + label + ")");
            PlanCheck.check(plan);
            Arena.run(plan, dir, new Arena.Options(false, false, 1, 1, 1, progress));
            Map<String, RunRow> byInstance = new HashMap<>();
            for (RunRow r : Scoring.reconcile(ResultsFile.read(dir.resolve(ResultsFile.NAME)))) byInstance.put(r.instance(), r);
            List<StudyPoint> lp = new ArrayList<>();
            for (Planned p : these) {
                RunRow r = byInstance.get(p.name());
                if (r == null) throw new IllegalStateException("the arena returned no result for " + p.name());
                lp.add(new StudyPoint(k, p.eps(), p.n(), p.m(), p.seed(), r.category(), r.verdict(), r.wallS(), p.tStar(), p.known(), p.name(),
                        r.runId(), r.reason()));
            }
            points.addAll(lp);
            StudyResult.Level lv = new StudyResult.Level(k, spec.epsilon(k), spec.n(k), lp, false, null, out.relativize(dir.resolve("report.html")).toString());
            levels.add(lv);
            err.printf("mcs study: %s: %d/%d correct, %d wrong, %d unknown, %d timeout%s%n", label, lv.count(Category.CORRECT), lp.size(),
                    lv.count(Category.WRONG), lv.count(Category.UNKNOWN), lv.count(Category.TIMEOUT),
                    Double.isNaN(lv.medianCorrectWall()) ? "" : String.format(java.util.Locale.ROOT, ", median %.3g s", lv.medianCorrectWall()));
            err.flush();
            boolean allFailed = lp.stream().allMatch(p -> p.category() == Category.TIMEOUT || p.category() == Category.MEMOUT || p.category() == Category.ERROR);
            if (allFailed && !spec.keepGoing()) stop = "every run of " + label + " ended in TIMEOUT, MEMOUT or ERROR";
        }
        env.put("load_average_end", StudyResult.loadAverage());
        env.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
        return StudyResult.of(spec, levels, points, env);
    }

    static String levelLabel(StudySpec spec, int k) {
        Rational e = spec.epsilon(k);
        return "level " + (k + 1) + "/" + spec.levels() + " (n = " + spec.n(k) + (e == null ? "" : ", ε = " + e.toDecimalString()) + ")";
    }

    private static Planned generate(StudySpec spec, Family family, int k, int n, long seed, String answer, Path dir, boolean warm) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(spec.params());
        Rational e = spec.epsilon(k);
        if (e != null) params.put("eps", e.toDecimalString());
        if (answer != null) params.put("answer", answer);
        Generated g;
        try {
            g = family.generate(n, seed, params);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("family " + spec.family() + " (n = " + n + (e == null ? "" : ", eps = " + e.toDecimalString())
                    + ", seed " + seed + "): " + ex.getMessage());
        }
        String base = (warm ? "warmup-" : "") + spec.family() + "-n" + n + (e == null ? "" : "-e" + e.toDecimalString().replace('/', '_')) + (answer == null ? "" : "-" + answer) + "-s" + seed;
        String fileName = base + (family.problem() == Problem.APPROXIMATE_SQUARING ? ".json" : ".mtx");
        InstanceWriter.write(dir.resolve(fileName), g.instance(), g.comments());
        Rational[] t = g.gap() == null ? null : new Rational[] {g.gap().low(), g.gap().high()};
        Verdict v = g.known() == null ? null : g.known().verdict();
        String known = v == null || v == Verdict.UNKNOWN ? null : v.name();
        return new Planned(k, "instances/" + fileName, dir.resolve(fileName), e, g.instance().n(), g.instance().m(), seed, t, known);
    }

    /** A small instance of level k (n ≤ {@value #WARMUP_N}, or the level's n when the family refuses a smaller one). */
    private static Planned warmup(StudySpec spec, Family family, int k, Path dir) throws IOException {
        long seed = spec.seeds().get(0) + 1_000_003L;
        try {
            return generate(spec, family, k, Math.min(spec.n(k), WARMUP_N), seed, answer(spec), dir, true);
        } catch (IllegalArgumentException e) {
            return generate(spec, family, k, spec.n(k), seed, answer(spec), dir, true);
        }
    }

    private static String answer(StudySpec spec) {
        return spec.answers().isEmpty() ? null : spec.answers().get(0);
    }

    private static String planText(StudySpec spec, List<Planned> these, String warmup) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("format", Plan.FORMAT);
        ObjectNode s = plan.putArray("solvers").addObject();
        s.put("name", spec.solverName());
        if (spec.external()) {
            ArrayNode c = s.putArray("command");
            spec.command().forEach(c::add);
            if (!spec.files().isEmpty()) {
                ArrayNode f = s.putArray("files");
                spec.files().forEach(x -> f.add(x.toAbsolutePath().toString()));
            }
            plan.put("isolation", spec.isolation().id());
        } else {
            s.put("solver", spec.spi());
            ObjectNode o = s.putObject("options");
            spec.options().forEach(o::put);
        }
        ArrayNode inst = plan.putArray("instances");
        if (warmup != null) inst.add(warmup);
        for (Planned p : these) inst.add(p.name());
        plan.putArray("seeds").add(spec.solverSeed());
        plan.put("time_limit_s", spec.timeoutS() > 0 ? spec.timeoutS() : NO_LIMIT_S);
        plan.put("memory_limit_mb", spec.memoryMb());
        plan.put("scoring", "errors-first");
        plan.put("jobs", 1);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree (best effort). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a staging folder left behind is harmless; its name starts with a dot
        }
    }
}
