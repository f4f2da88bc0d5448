package mcs.verifier.arena;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.io.InputException;

/**
 * A competition plan, format {@code mcs-plan/1} (SPEC §5 "Arena files"):
 * <pre>
 * {"format": "mcs-plan/1",
 *  "solvers": [{"name": "ours", "solver": "chordal", "options": {"k": "v"}},
 *              {"name": "theirs", "command": ["./run.sh", "--fast"]}],
 *  "instances": ["folder", "dir/*.mtx", {"family": "chordal", "sizes": [8], "seeds": [1, 2], "params": {}}],
 *  "seeds": [1, 2], "time_limit_s": 10, "memory_limit_mb": 2048, "scoring": "errors-first"}
 * </pre>
 * Optional fields beyond the SPEC, with defaults: {@code grace_s} (1, seconds between SIGTERM and
 * SIGKILL), {@code jobs} (1, runs in parallel), {@code output_cap_kb} (1024, captured bytes per stream
 * and run), {@code threads} (1, threads an SPI solver may use), {@code isolation} ({@code "bwrap"}: every
 * external command runs in the sandbox of {@link mcs.verifier.sandbox.Sandbox}; {@code "none"} opts out and
 * is recorded in every row), {@code certificate_cap_mb} (64: a larger certificate is not read, and the run
 * counts as UNKNOWN), and per command solver {@code files} (further files or folders its sandbox may read).
 * Relative paths (instances, a command's program when it contains a '/', files) are relative to the plan
 * file's folder.
 *
 * @param text the plan's canonical JSON (its SHA-256 identifies the plan across shards)
 * @param source the plan file's name as given, for error messages
 * @param patternSlots for each instance pattern, its index in the plan's {@code "instances"} list
 * @param familySlots for each family set, its index in the plan's {@code "instances"} list
 * @param lines the line of every value of the plan text, by JSON Pointer ({@link JsonLines})
 */
public record Plan(
        Path base,
        List<PlanSolver> solvers,
        List<String> instancePatterns,
        List<FamilySet> families,
        List<Long> seeds,
        double timeLimitS,
        int memoryLimitMb,
        String scoring,
        double graceS,
        int jobs,
        int outputCapKb,
        int threads,
        String text,
        String source,
        List<Integer> patternSlots,
        List<Integer> familySlots,
        Map<String, Long> lines,
        mcs.verifier.sandbox.Isolation isolation,
        int certificateCapMb) {

    public static final String FORMAT = "mcs-plan/1";
    /** The solver name that means what {@code mcs solve --solver auto} means. */
    public static final String AUTO = "auto";
    /** Default of {@code certificate_cap_mb}. */
    public static final int DEFAULT_CERTIFICATE_CAP_MB = (int) (mcs.verifier.sandbox.Limits.DEFAULT_CERTIFICATE_CAP >> 20);
    public static final List<String> SCORINGS = List.of("errors-first", "solved-time", "par2");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("format", "solvers", "instances", "seeds", "time_limit_s", "memory_limit_mb",
            "scoring", "grace_s", "jobs", "output_cap_kb", "threads", "isolation", "certificate_cap_mb");

    /** Reads and validates a plan; every problem is an {@link InputException} naming the file and line. */
    public static Plan read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, file.toString());
    }

    /** Parses plan text; relative paths resolve against {@code base}. */
    public static Plan parse(String text, Path base, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(name, line, "invalid JSON: " + e.getOriginalMessage());
        }
        Map<String, Long> lines = JsonLines.of(text);
        Reader r = new Reader(text, name, lines);
        if (root == null || !root.isObject()) throw r.error("format", "a plan is a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw r.error(f, "unknown field '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) throw r.error("format", "\"format\" must be \"" + FORMAT + "\"");
        List<PlanSolver> solvers = r.solvers(root.path("solvers"));
        List<String> patterns = new ArrayList<>();
        List<FamilySet> families = new ArrayList<>();
        List<Integer> patternSlots = new ArrayList<>(), familySlots = new ArrayList<>();
        JsonNode inst = root.path("instances");
        if (!inst.isArray() || inst.isEmpty()) throw r.error("instances", "\"instances\" must be a non-empty list");
        for (int i = 0; i < inst.size(); i++) {
            JsonNode n = inst.get(i);
            if (n.isTextual()) {
                patterns.add(n.asText());
                patternSlots.add(i);
            } else if (n.isObject()) {
                families.add(r.family(n, "/instances/" + i));
                familySlots.add(i);
            } else {
                throw r.at("/instances/" + i, "an instance set is a folder or glob string, or a {\"family\": …} object");
            }
        }
        List<Long> seeds = r.longs(root.path("seeds"), "/seeds", "seeds", List.of(1L));
        double limit = r.positive(root, "time_limit_s", 10);
        int mem = (int) r.positive(root, "memory_limit_mb", 2048);
        String scoring = root.path("scoring").asText("errors-first");
        if (!SCORINGS.contains(scoring)) throw r.error("scoring", "\"scoring\" must be one of " + SCORINGS + ", got '" + scoring + "'");
        double grace = r.positive(root, "grace_s", 1);
        int jobs = (int) r.positive(root, "jobs", 1);
        int cap = (int) r.positive(root, "output_cap_kb", 1024);
        int threads = (int) r.positive(root, "threads", 1);
        mcs.verifier.sandbox.Isolation isolation;
        try {
            isolation = mcs.verifier.sandbox.Isolation.parse(root.path("isolation").asText("bwrap"));
        } catch (IllegalArgumentException e) {
            throw r.error("isolation", "\"isolation\": " + e.getMessage());
        }
        double certCapMb = r.positive(root, "certificate_cap_mb", DEFAULT_CERTIFICATE_CAP_MB);
        if (certCapMb != Math.rint(certCapMb) || certCapMb > 1 << 20) throw r.error("certificate_cap_mb", "\"certificate_cap_mb\" must be a whole number of MiB, at most 1048576");
        int certCap = (int) certCapMb;
        List<PlanSolver> withFiles = new ArrayList<>();
        for (int i = 0; i < solvers.size(); i++) {
            PlanSolver s = solvers.get(i);
            List<Path> files = new ArrayList<>();
            for (String f : r.files(root.path("solvers").get(i), "/solvers/" + i, s.name())) files.add(base.resolve(f).normalize());
            withFiles.add(new PlanSolver(s.name(), s.spi(), s.options(), s.command(), files));
        }
        return new Plan(base, withFiles, patterns, families, seeds, limit, mem, scoring, grace, jobs, cap, threads, canonical(root), name,
                List.copyOf(patternSlots), List.copyOf(familySlots), Map.copyOf(lines), isolation, certCap);
    }

    private static String canonical(JsonNode root) {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(root, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same plan with another parallelism (a command-line override). */
    public Plan withJobs(int j) {
        return new Plan(base, solvers, instancePatterns, families, seeds, timeLimitS, memoryLimitMb, scoring, graceS, j, outputCapKb, threads, text, source,
                patternSlots, familySlots, lines, isolation, certificateCapMb);
    }

    /** The same plan with another isolation of its external commands (the command line's {@code --isolation}). */
    public Plan withIsolation(mcs.verifier.sandbox.Isolation i) {
        return new Plan(base, solvers, instancePatterns, families, seeds, timeLimitS, memoryLimitMb, scoring, graceS, jobs, outputCapKb, threads, text, source,
                patternSlots, familySlots, lines, i, certificateCapMb);
    }

    /** Sandbox limits of one external run of this plan. */
    public mcs.verifier.sandbox.Limits sandboxLimits() {
        return mcs.verifier.sandbox.Limits.of(timeLimitS, memoryLimitMb, (long) certificateCapMb << 20).withGrace(graceS).withOutputCap(outputCapKb * 1024);
    }

    /** An input error naming this plan's file and the line of the value at {@code pointer} (or of its nearest enclosing value). */
    public InputException error(String pointer, String message) {
        return new InputException(source, lineAt(lines, pointer), message);
    }

    static long lineAt(Map<String, Long> lines, String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Long l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 1;
        }
    }

    /** Field access with errors that name the plan file and the line where the field appears. */
    private record Reader(String text, String name, Map<String, Long> lines) {
        /** An error at a top-level field. */
        InputException error(String field, String message) {
            return at("/" + field, message);
        }

        InputException at(String pointer, String message) {
            return new InputException(name, lineAt(lines, pointer), message);
        }

        List<PlanSolver> solvers(JsonNode arr) {
            if (!arr.isArray() || arr.isEmpty()) throw error("solvers", "\"solvers\" must be a non-empty list");
            List<PlanSolver> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode s = arr.get(i);
                String at = "/solvers/" + i;
                if (!s.isObject()) throw at(at, "a solver is an object with \"name\" and \"solver\" or \"command\"");
                String nm = s.path("name").asText("");
                if (nm.isEmpty()) throw at(at, "every solver needs a non-empty \"name\"");
                if (!names.add(nm)) throw at(at + "/name", "duplicate solver name '" + nm + "'");
                boolean spi = s.has("solver"), cmd = s.has("command");
                if (spi == cmd) throw at(at, "solver '" + nm + "' needs exactly one of \"solver\" (SPI name) and \"command\"");
                Map<String, String> opts = new LinkedHashMap<>();
                JsonNode o = s.path("options");
                if (!o.isMissingNode()) {
                    if (!o.isObject()) throw at(at + "/options", "\"options\" of '" + nm + "' must be an object");
                    o.fields().forEachRemaining(e -> opts.put(e.getKey(), e.getValue().asText()));
                }
                if (spi) {
                    out.add(new PlanSolver(nm, s.path("solver").asText(), opts, null));
                } else {
                    JsonNode c = s.path("command");
                    if (!c.isArray() || c.isEmpty()) throw at(at + "/command", "\"command\" of '" + nm + "' must be a non-empty list of strings");
                    List<String> argv = new ArrayList<>();
                    for (JsonNode a : c) argv.add(a.asText());
                    out.add(new PlanSolver(nm, null, opts, argv));
                }
            }
            return out;
        }

        /** The optional {@code "files"} of solver {@code s} at {@code at} (command solvers only). */
        List<String> files(JsonNode s, String at, String nm) {
            JsonNode f = s.path("files");
            if (f.isMissingNode()) return List.of();
            if (!s.has("command")) throw at(at + "/files", "\"files\" of '" + nm + "' is for command solvers only");
            if (!f.isArray()) throw at(at + "/files", "\"files\" of '" + nm + "' must be a list of paths");
            List<String> out = new ArrayList<>();
            for (int k = 0; k < f.size(); k++) {
                JsonNode x = f.get(k);
                if (!x.isTextual() || x.asText().isEmpty()) throw at(at + "/files/" + k, "\"files\" of '" + nm + "' must hold non-empty path strings");
                out.add(x.asText());
            }
            return out;
        }

        FamilySet family(JsonNode n, String at) {
            String f = n.path("family").asText("");
            if (f.isEmpty()) throw at(at, "an instance set object needs \"family\"");
            List<Long> sizes = longs(n.path("sizes"), at + "/sizes", "sizes", null);
            List<Integer> ns = new ArrayList<>();
            for (long s : sizes) {
                if (s < 1 || s > 100_000) throw at(at + "/sizes", "family " + f + ": size " + s + " out of range");
                ns.add((int) s);
            }
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = n.path("params");
            if (!p.isMissingNode() && !p.isObject()) throw at(at + "/params", "\"params\" of family " + f + " must be an object");
            if (p.isObject()) p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            return new FamilySet(f, ns, longs(n.path("seeds"), at + "/seeds", "seeds", List.of(1L)), params);
        }

        List<Long> longs(JsonNode arr, String pointer, String field, List<Long> fallback) {
            if (arr.isMissingNode() && fallback != null) return fallback;
            if (!arr.isArray() || arr.isEmpty()) throw at(pointer, "\"" + field + "\" must be a non-empty list of integers");
            List<Long> out = new ArrayList<>();
            for (JsonNode x : arr) {
                if (!x.isIntegralNumber()) throw at(pointer, "\"" + field + "\" must hold integers, got " + x);
                out.add(x.asLong());
            }
            return out;
        }

        double positive(JsonNode root, String field, double fallback) {
            JsonNode v = root.path(field);
            if (v.isMissingNode()) return fallback;
            if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) throw error(field, "\"" + field + "\" must be a positive number, got " + v);
            return v.asDouble();
        }
    }
}
