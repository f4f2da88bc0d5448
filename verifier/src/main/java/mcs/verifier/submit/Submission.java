package mcs.verifier.submit;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.io.InputException;

/**
 * A submission descriptor, format {@code mcs-submission/1} (JSON Schema:
 * {@code docs/schema/mcs-submission-1.schema.json}): who submits, claims about instances with their
 * certificates, and optionally a solver to be run and searched. Paths are relative to the descriptor's
 * folder. Reading is strict: unknown fields, wrong types and missing required fields are errors naming
 * the line.
 */
public record Submission(Path file, String submitter, String contact, String title, List<Claim> claims, SolverEntry solver, Checks checks) {
    public static final String FORMAT = "mcs-submission/1";

    /**
     * One claim: "this instance has this answer, and this certificate proves it".
     *
     * @param claimed COMPLETABLE / NOT_COMPLETABLE (MC1), SOLVED (MC2), or the exact value (permanent, hafnian)
     * @param problem the problem name when the file's own does not say it (SPEC §3.1 names), else null
     */
    public record Claim(String id, Path instance, String problem, Path certificate, String claimed, long line) {}

    /**
     * A submitted solver: an external command run as {@code CMD INSTANCE CERT_OUT} (SPEC §5), or a jar with
     * an SPI solver of the given name.
     *
     * @param problem the problem a command solves ({@code psd-completion} when not given); a jar's solver
     *     states its own
     * @param files further files or folders the solver may read in its sandbox (besides its program, jar and
     *     arguments naming files), resolved against the descriptor's folder
     */
    public record SolverEntry(String name, String problem, List<String> command, Path jar, String spiName, Map<String, Object> options, long line,
            List<Path> files) {
        public SolverEntry {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /**
     * How a submitted solver is examined.
     *
     * @param tiers record tiers it is run on (default {@code tiny})
     * @param timeLimitSeconds per run (default 10)
     * @param searchSeconds budget of the property-based search per property (default 30)
     * @param seed seed of the search (default 1)
     * @param certificateCapMb largest certificate, in MiB, the judge reads: of a claim (a larger one is
     *     UNVERIFIED) and of every run of the solver (a larger one counts as UNKNOWN); default 64
     */
    public record Checks(List<String> tiers, double timeLimitSeconds, double searchSeconds, long seed, StudyRequest study, int certificateCapMb) {
        static Checks defaults() {
            return new Checks(List.of("tiny"), 10, 30, 1, null, (int) (mcs.verifier.sandbox.Limits.DEFAULT_CERTIFICATE_CAP >> 20));
        }

        public long certificateCapBytes() {
            return (long) certificateCapMb << 20;
        }
    }

    /**
     * An ε-study of the submitted solver ({@code checks.study}): {@code mcs study epsilon} at size {@code n} over
     * {@code eps}, and {@code mcs study size} over {@code sizes} at {@code sizeEps}, both on {@code family} with
     * {@code seeds}, each run under {@code timeLimitSeconds}. The report gives α and β with their intervals.
     */
    public record StudyRequest(String family, Map<String, String> params, int n, List<String> eps, List<Integer> sizes, String sizeEps, List<Long> seeds,
            double timeLimitSeconds) {
        static final String DEFAULT_FAMILY = "gap-planted";
        static final int DEFAULT_N = 60;
        static final List<String> DEFAULT_EPS = List.of("0.1", "0.03", "0.01", "0.003", "0.001");
        static final List<Integer> DEFAULT_SIZES = List.of(20, 40, 80, 160);
        static final String DEFAULT_SIZE_EPS = "0.01";
        static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L);
    }

    /** @throws InputException naming the descriptor and the line of the first problem */
    public static Submission read(Path file) {
        LocatedJson j = LocatedJson.read(file);
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Object> top = object(j, j.root, "", Set.of("format", "submitter", "title", "claims", "solver", "checks"));
        if (!FORMAT.equals(top.get("format"))) throw j.error("/format", "\"format\" must be \"" + FORMAT + "\"");
        Map<String, Object> who = object(j, require(j, top, "", "submitter"), "/submitter", Set.of("name", "contact"));
        String name = string(j, require(j, who, "/submitter", "name"), "/submitter/name");
        String contact = who.containsKey("contact") ? string(j, who.get("contact"), "/submitter/contact") : "";
        String title = top.containsKey("title") ? string(j, top.get("title"), "/title") : "";
        List<Claim> claims = new ArrayList<>();
        if (top.containsKey("claims")) {
            List<?> list = list(j, top.get("claims"), "/claims");
            Set<String> ids = new java.util.HashSet<>();
            for (int k = 0; k < list.size(); k++) {
                String at = "/claims/" + k;
                Map<String, Object> c = object(j, list.get(k), at, Set.of("id", "instance", "problem", "certificate", "claim"));
                String id = c.containsKey("id") ? string(j, c.get("id"), at + "/id") : "claim-" + (k + 1);
                if (!ids.add(id)) throw j.error(at + "/id", "duplicate claim id \"" + id + "\"");
                claims.add(new Claim(id, dir.resolve(string(j, require(j, c, at, "instance"), at + "/instance")),
                        c.containsKey("problem") ? string(j, c.get("problem"), at + "/problem") : null,
                        dir.resolve(string(j, require(j, c, at, "certificate"), at + "/certificate")),
                        string(j, require(j, c, at, "claim"), at + "/claim"), j.line(at)));
            }
        }
        SolverEntry solver = null;
        if (top.containsKey("solver")) solver = solver(j, dir, object(j, top.get("solver"), "/solver", Set.of("name", "problem", "command", "jar", "spi_name", "options", "files")));
        Checks checks = Checks.defaults();
        if (top.containsKey("checks")) {
            Map<String, Object> c = object(j, top.get("checks"), "/checks", Set.of("tiers", "time_limit_s", "search_s", "seed", "study", "certificate_cap_mb"));
            List<String> tiers = checks.tiers();
            if (c.containsKey("tiers")) {
                tiers = new ArrayList<>();
                for (Object t : list(j, c.get("tiers"), "/checks/tiers")) tiers.add(string(j, t, "/checks/tiers"));
            }
            double limit = positive(j, c, "time_limit_s", checks.timeLimitSeconds());
            StudyRequest study = c.containsKey("study") ? study(j, object(j, c.get("study"), "/checks/study",
                    Set.of("family", "params", "n", "eps", "sizes", "size_eps", "seeds", "time_limit_s")), limit) : null;
            int cap = checks.certificateCapMb();
            if (c.containsKey("certificate_cap_mb")) {
                BigDecimal b = number(j, c.get("certificate_cap_mb"), "/checks/certificate_cap_mb");
                if (b.signum() <= 0 || b.stripTrailingZeros().scale() > 0 || b.compareTo(BigDecimal.valueOf(1 << 20)) > 0)
                    throw j.error("/checks/certificate_cap_mb", "\"certificate_cap_mb\" must be a whole number of MiB from 1 to 1048576");
                cap = b.intValueExact();
            }
            checks = new Checks(tiers, limit, positive(j, c, "search_s", checks.searchSeconds()),
                    c.containsKey("seed") ? number(j, c.get("seed"), "/checks/seed").longValueExact() : checks.seed(), study, cap);
        }
        if (claims.isEmpty() && solver == null) throw j.error("", "a submission needs \"claims\", a \"solver\", or both");
        return new Submission(file, name, contact, title, claims, solver, checks);
    }

    private static SolverEntry solver(LocatedJson j, Path dir, Map<String, Object> s) {
        String name = string(j, require(j, s, "/solver", "name"), "/solver/name");
        String problem = s.containsKey("problem") ? string(j, s.get("problem"), "/solver/problem") : null;
        if (problem != null) {
            try {
                mcs.problems.instance.Problem.fromId(problem);
            } catch (IllegalArgumentException e) {
                throw j.error("/solver/problem", e.getMessage());
            }
        }
        List<String> command = null;
        Path jar = null;
        String spi = null;
        if (s.containsKey("command")) {
            command = new ArrayList<>();
            for (Object o : list(j, s.get("command"), "/solver/command")) command.add(string(j, o, "/solver/command"));
            if (command.isEmpty()) throw j.error("/solver/command", "\"command\" must not be empty");
            // Paths are relative to the descriptor, like every other path in it: an argument naming a file
            // beside the descriptor (the program, a script) is made absolute.
            for (int k = 0; k < command.size(); k++) {
                String a = command.get(k);
                if (!a.isEmpty() && !a.startsWith("-") && !Path.of(a).isAbsolute() && java.nio.file.Files.exists(dir.resolve(a))) command.set(k, dir.resolve(a).toString());
                if (command.get(k).startsWith("/")) shown(j, dir, Path.of(command.get(k)), "/solver/command");
            }
        }
        if (s.containsKey("jar")) {
            jar = dir.resolve(string(j, s.get("jar"), "/solver/jar"));
            shown(j, dir, jar, "/solver/jar");
            spi = string(j, require(j, s, "/solver", "spi_name"), "/solver/spi_name");
        }
        if ((command == null) == (jar == null)) throw j.error("/solver", "a solver has exactly one of \"command\" or \"jar\"");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = s.containsKey("options") ? (Map<String, Object>) object(j, s.get("options"), "/solver/options", null) : Map.of();
        List<Path> files = new ArrayList<>();
        if (s.containsKey("files")) {
            for (Object o : list(j, s.get("files"), "/solver/files")) files.add(shown(j, dir, dir.resolve(string(j, o, "/solver/files")).normalize(), "/solver/files"));
        }
        return new SolverEntry(name, problem, command == null ? null : List.copyOf(command), jar, spi, options, j.line("/solver"), files);
    }

    /**
     * A file the submitted solver's sandbox will show must be the submission's own (inside the descriptor's
     * folder, links resolved) or part of the system every run sees (/usr): a descriptor cannot ask the judge
     * to show it {@code /root} or {@code /etc/shadow}. Paths that do not exist are left to fail later.
     */
    private static Path shown(LocatedJson j, Path dir, Path p, String at) {
        if (!java.nio.file.Files.exists(p)) return p;
        try {
            Path real = p.toRealPath(), home = dir.toRealPath();
            if (real.startsWith(home) || mcs.verifier.sandbox.Sandbox.isSystemPath(real)) return p;
        } catch (java.io.IOException e) {
            throw j.error(at, "cannot resolve " + p + ": " + e.getMessage());
        }
        throw j.error(at, p + " lies outside the submission's folder; a submitted solver sees only its own files and the system (/usr)");
    }

    /** {@code checks.study}: defaults for every absent field; the family must exist and have an ε parameter, every ε lie in (0, 1). */
    private static StudyRequest study(LocatedJson j, Map<String, Object> st, double limit) {
        String at = "/checks/study";
        String family = st.containsKey("family") ? string(j, st.get("family"), at + "/family") : StudyRequest.DEFAULT_FAMILY;
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (st.containsKey("params")) object(j, st.get("params"), at + "/params", null).forEach((k, v) -> params.put(k, String.valueOf(v)));
        int n = st.containsKey("n") ? (int) integer(j, st.get("n"), at + "/n") : StudyRequest.DEFAULT_N;
        List<String> eps = StudyRequest.DEFAULT_EPS;
        if (st.containsKey("eps")) {
            eps = new ArrayList<>();
            for (Object o : list(j, st.get("eps"), at + "/eps")) eps.add(o instanceof BigDecimal b ? b.toPlainString() : string(j, o, at + "/eps"));
        }
        List<Integer> sizes = StudyRequest.DEFAULT_SIZES;
        if (st.containsKey("sizes")) {
            sizes = new ArrayList<>();
            for (Object o : list(j, st.get("sizes"), at + "/sizes")) sizes.add((int) integer(j, o, at + "/sizes"));
        }
        String sizeEps = !st.containsKey("size_eps") ? StudyRequest.DEFAULT_SIZE_EPS
                : st.get("size_eps") instanceof BigDecimal b ? b.toPlainString() : string(j, st.get("size_eps"), at + "/size_eps");
        List<Long> seeds = StudyRequest.DEFAULT_SEEDS;
        if (st.containsKey("seeds")) {
            seeds = new ArrayList<>();
            for (Object o : list(j, st.get("seeds"), at + "/seeds")) seeds.add(integer(j, o, at + "/seeds"));
        }
        double studyLimit = positive(j, st, "time_limit_s", limit, at);
        try {
            mcs.verifier.study.StudyArgs.family(family, mcs.verifier.study.StudySpec.Kind.EPSILON, true, params);
            if (eps.size() < 2) throw new IllegalArgumentException("\"eps\" needs at least two values");
            mcs.verifier.study.StudyArgs.epsilons(eps);
            mcs.verifier.study.StudyArgs.epsilons(List.of(sizeEps));
            if (sizes.size() < 2) throw new IllegalArgumentException("\"sizes\" needs at least two values");
            mcs.verifier.study.StudyArgs.sizes(sizes);
            if (n < 1) throw new IllegalArgumentException("\"n\" must be >= 1");
            if (seeds.isEmpty() || new java.util.HashSet<>(seeds).size() != seeds.size()) throw new IllegalArgumentException("\"seeds\" must be distinct, at least one");
        } catch (IllegalArgumentException e) {
            throw j.error(at, e.getMessage());
        }
        return new StudyRequest(family, params, n, List.copyOf(eps), List.copyOf(sizes), sizeEps, List.copyOf(seeds), studyLimit);
    }

    private static long integer(LocatedJson j, Object o, String at) {
        try {
            long v = number(j, o, at).longValueExact();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new ArithmeticException();
            return v;
        } catch (ArithmeticException e) {
            throw j.error(at, at + " must be an integer");
        }
    }

    private static Object require(LocatedJson j, Map<String, Object> m, String at, String field) {
        if (!m.containsKey(field) || m.get(field) == null) throw j.error(at, "missing field \"" + field + "\"");
        return m.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(LocatedJson j, Object o, String at, Set<String> allowed) {
        if (!(o instanceof Map<?, ?> m)) throw j.error(at, (at.isEmpty() ? "the descriptor" : at) + " must be a JSON object");
        if (allowed != null)
            for (Object k : m.keySet())
                if (!allowed.contains(k)) throw j.error(at + "/" + k, "unknown field \"" + k + "\" (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        return (Map<String, Object>) m;
    }

    private static List<?> list(LocatedJson j, Object o, String at) {
        if (!(o instanceof List<?> l)) throw j.error(at, at + " must be a JSON array");
        return l;
    }

    private static String string(LocatedJson j, Object o, String at) {
        if (!(o instanceof String s)) throw j.error(at, at + " must be a string");
        return s;
    }

    private static BigDecimal number(LocatedJson j, Object o, String at) {
        if (!(o instanceof BigDecimal b)) throw j.error(at, at + " must be a number");
        return b;
    }

    private static double positive(LocatedJson j, Map<String, Object> c, String field, double dflt) {
        return positive(j, c, field, dflt, "/checks");
    }

    private static double positive(LocatedJson j, Map<String, Object> c, String field, double dflt, String at) {
        if (!c.containsKey(field)) return dflt;
        double v = number(j, c.get(field), at + "/" + field).doubleValue();
        if (!(v > 0)) throw j.error(at + "/" + field, "\"" + field + "\" must be > 0");
        return v;
    }
}
