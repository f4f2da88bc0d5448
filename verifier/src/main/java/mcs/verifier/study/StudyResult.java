package mcs.verifier.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.verifier.arena.Category;
import mcs.verifier.estimate.Fit;

/**
 * Everything a study found: the levels with their runs, and the least-squares fit of ln(wall time) on
 * ln(1/ε) (α) or ln(n·m) (β) over the CORRECT runs, with a seeded percentile bootstrap of the slope
 * (pairs resampled with replacement). UNKNOWN, WRONG, TIMEOUT, MEMOUT and ERROR runs count against the
 * solver in {@code correct_fraction} and are not points of the fit (they have no time to an answer).
 *
 * @param fit the fit, or null when fewer than two distinct abscissae have a CORRECT run
 */
public record StudyResult(StudySpec spec, List<Level> levels, List<StudyPoint> points, Fit fit, Map<String, Object> environment) {
    /** Times below this are fitted at this value (the arena measures milliseconds; log 0 is undefined). */
    static final double FLOOR_S = 0.001;

    /** The statement every report carries. */
    public static final String EVIDENCE = "Exponents measured on these sizes are evidence, not proof: they describe this solver on "
            + "these instances, this machine and this range of sizes and gaps, and say nothing certain about other sizes or about its "
            + "asymptotic complexity.";

    /**
     * One level: an ε (epsilon study) or a size (size study) with its runs.
     *
     * @param skipped true when the level was not run (after a level where every run failed)
     * @param report the level's arena report, relative to the study folder, or null
     */
    public record Level(int index, Rational eps, int n, List<StudyPoint> points, boolean skipped, String note, String report) {
        public long count(Category c) {
            return points.stream().filter(p -> p.category() == c).count();
        }

        /** CORRECT runs / runs; NaN for a skipped level. */
        public double correctFraction() {
            return points.isEmpty() ? Double.NaN : (double) count(Category.CORRECT) / points.size();
        }

        public double medianCorrectWall() {
            double[] w = points.stream().filter(p -> p.category() == Category.CORRECT).mapToDouble(StudyPoint::wallS).sorted().toArray();
            if (w.length == 0) return Double.NaN;
            return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
        }

        /** The m of the level's instances (they share n; m may vary by seed): the median. */
        public long medianM() {
            long[] m = points.stream().mapToLong(StudyPoint::m).sorted().toArray();
            return m.length == 0 ? -1 : m[m.length / 2];
        }

        /** The key of {@code correct_fraction}: the ε (epsilon study) or n (size study). */
        public String key(StudySpec.Kind kind) {
            return kind == StudySpec.Kind.EPSILON ? eps.toDecimalString() : Integer.toString(n);
        }
    }

    static StudyResult of(StudySpec spec, List<Level> levels, List<StudyPoint> points, Map<String, Object> env) {
        return new StudyResult(spec, levels, points, fit(spec, points), env);
    }

    /** The fit over one side of the promise (points whose known answer is {@code known}), or null. */
    public Fit fitOf(String known) {
        return fit(spec, points.stream().filter(p -> known.equals(p.known())).toList());
    }

    /** The fit over the CORRECT points, or null with fewer than two distinct abscissae. */
    static Fit fit(StudySpec spec, List<StudyPoint> points) {
        List<StudyPoint> ok = points.stream().filter(p -> p.category() == Category.CORRECT).toList();
        double[] x = new double[ok.size()], y = new double[ok.size()];
        for (int i = 0; i < ok.size(); i++) {
            x[i] = Math.log(ok.get(i).x(spec.kind()));
            y[i] = Math.log(Math.max(FLOOR_S, ok.get(i).wallS()));
        }
        if (Arrays.stream(x).distinct().count() < 2) return null;
        return Fit.of(x, y, spec.bootstrap(), new SplittableRandom(spec.bootstrapSeed()));
    }

    public long wrong() {
        return points.stream().filter(p -> p.category() == Category.WRONG).count();
    }

    public Double exponent() {
        return fit == null ? null : fit.slope();
    }

    /** [lo, hi] of the exponent, or null when the fit or its bootstrap is undefined. */
    public double[] exponentCi() {
        if (fit == null || Double.isNaN(fit.slopeLow())) return null;
        return new double[] {fit.slopeLow(), fit.slopeHigh()};
    }

    /** The {@code study.json} document (format {@code mcs-study/1}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "mcs-study/1");
        m.put("kind", spec.kind().id);
        m.put("exponent", fit == null ? null : round(fit.slope()));
        double[] ci = exponentCi();
        m.put("exponent_ci", ci == null ? null : List.of(round(ci[0]), round(ci[1])));
        m.put("exponent_of", spec.kind().of);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", "ln(wall_s) = a + b*ln(" + spec.kind().of + ") over the CORRECT runs; b is the exponent");
        f.put("points", fit == null ? 0 : fit.pairs());
        f.put("intercept", fit == null ? null : round(fit.intercept()));
        f.put("r2", fit == null || Double.isNaN(fit.r2()) ? null : round(fit.r2()));
        f.put("interval", "95% percentile bootstrap of the slope, pairs resampled with replacement");
        f.put("bootstrap_resamples", spec.bootstrap());
        f.put("bootstrap_seed", spec.bootstrapSeed());
        f.put("time_floor_s", FLOOR_S);
        m.put("fit", f);
        Map<String, Object> sides = new LinkedHashMap<>();
        for (String side : List.of("COMPLETABLE", "NOT_COMPLETABLE")) {
            if (points.stream().noneMatch(p -> side.equals(p.known()))) continue;
            Fit sf = fitOf(side);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("exponent", sf == null ? null : round(sf.slope()));
            x.put("exponent_ci", sf == null || Double.isNaN(sf.slopeLow()) ? null : List.of(round(sf.slopeLow()), round(sf.slopeHigh())));
            x.put("points", sf == null ? 0 : sf.pairs());
            sides.put(side, x);
        }
        m.put("exponent_by_known_answer", sides);
        Map<String, Object> cf = new LinkedHashMap<>();
        for (Level l : levels) cf.put(l.key(spec.kind()), l.skipped() ? null : round(l.correctFraction()));
        m.put("correct_fraction", cf);
        m.put("wrong", wrong());
        List<Map<String, Object>> lv = new ArrayList<>();
        for (Level l : levels) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("eps", l.eps() == null ? null : l.eps().toDecimalString());
            x.put("n", l.n());
            x.put("m", l.skipped() ? null : l.medianM());
            x.put("runs", l.points().size());
            for (Category c : Category.values()) x.put(c.name().toLowerCase(java.util.Locale.ROOT), l.count(c));
            x.put("correct_fraction", l.skipped() ? null : round(l.correctFraction()));
            x.put("median_correct_wall_s", Double.isNaN(l.medianCorrectWall()) ? null : round(l.medianCorrectWall()));
            x.put("skipped", l.skipped());
            x.put("note", l.note());
            x.put("arena_report", l.report());
            lv.add(x);
        }
        m.put("levels", lv);
        List<Map<String, Object>> pts = new ArrayList<>();
        for (StudyPoint p : points) pts.add(p.toMap());
        m.put("points", pts);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", spec.solverName());
        if (spec.external()) s.put("command", spec.command());
        else {
            s.put("solver", spec.spi());
            s.put("options", spec.options());
        }
        m.put("solver", s);
        m.put("family", spec.family());
        m.put("params", spec.params());
        if (spec.kind() == StudySpec.Kind.EPSILON) {
            m.put("n", spec.sizes().get(0));
            m.put("eps", spec.eps().stream().map(Rational::toDecimalString).toList());
        } else {
            m.put("sizes", spec.sizes());
            m.put("eps", spec.eps().isEmpty() ? null : spec.eps().get(0).toDecimalString());
        }
        m.put("seeds", spec.seeds());
        m.put("solver_seed", spec.solverSeed());
        m.put("time_limit_s", spec.timeoutS());
        m.put("memory_limit_mb", spec.memoryMb());
        m.put("command", spec.commandLine());
        m.put("environment", environment);
        m.put("note", EVIDENCE);
        return m;
    }

    static Double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return null;
        return Math.round(x * 1e6) / 1e6;
    }

    /** Java, OS, cores, heap and the load average at the start (the end is added when the study finishes). */
    static Map<String, Object> describeEnvironment() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("started", Instant.now().toString());
        e.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        e.put("cpus", Runtime.getRuntime().availableProcessors());
        e.put("cpu_model", cpuModel());
        e.put("load_average_start", loadAverage());
        return e;
    }

    /** The three load averages of /proc/loadavg, or null where unavailable. */
    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }
}
