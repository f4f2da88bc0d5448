package mcs.bench.scaling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scaling study as read from JSON: which (solver, family, parameters) series to run, at which sizes, with
 * which seeds and time limits. Built-in configurations live on the class path as {@code scaling/NAME.json}
 * ({@code default}, {@code quick}); any other value of {@code --config} is read as a file.
 *
 * @param name label written into the results
 * @param timeoutSeconds default wall-clock limit of one solve (and, separately, of its kernel check)
 * @param seeds default seeds: each size is generated and solved once per seed
 * @param threads {@link mcs.problems.spi.SolverOptions#threads()} passed to every solver
 * @param series the series, run in this order
 * @param comparisons pairs of series whose median times are compared size by size
 */
record StudyConfig(String name, double timeoutSeconds, List<Long> seeds, int threads, List<Series> series,
        List<Comparison> comparisons) {

    StudyConfig {
        if (name == null) name = "unnamed";
        if (!(timeoutSeconds > 0)) throw new IllegalArgumentException("timeoutSeconds must be > 0");
        if (seeds == null || seeds.isEmpty()) throw new IllegalArgumentException("seeds must list at least one seed");
        if (threads < 1) threads = 1;
        series = List.copyOf(series == null ? List.of() : series);
        comparisons = List.copyOf(comparisons == null ? List.of() : comparisons);
        List<String> labels = new ArrayList<>();
        for (Series s : series) {
            if (labels.contains(s.label())) throw new IllegalArgumentException("duplicate series label '" + s.label() + "'");
            labels.add(s.label());
        }
        for (Comparison c : comparisons) {
            if (!labels.contains(c.baseline()) || !labels.contains(c.contender())) {
                throw new IllegalArgumentException("comparison names an unknown series: " + c.baseline() + " / " + c.contender());
            }
        }
    }

    /**
     * One curve: a solver (looked up by name through {@link mcs.problems.spi.Solvers} for the family's problem)
     * on one family with fixed parameters.
     *
     * @param label unique name of the series (default {@code solver/family})
     * @param sizes explicit orders n; when absent, {@code steps} geometric sizes from {@code minN} to {@code maxN}
     * @param seeds seeds of this series (default: the study's)
     * @param timeoutSeconds limit per run (default: the study's)
     * @param extra solver options ({@link mcs.problems.spi.SolverOptions#extra()})
     */
    record Series(String label, String solver, String family, Map<String, String> params, List<Integer> sizes,
            Integer minN, Integer maxN, Integer steps, List<Long> seeds, Double timeoutSeconds, Map<String, String> extra) {
        Series {
            if (solver == null || family == null) throw new IllegalArgumentException("a series needs 'solver' and 'family'");
            if (label == null) label = solver + "/" + family;
            params = Map.copyOf(params == null ? Map.of() : params);
            extra = Map.copyOf(extra == null ? Map.of() : extra);
            if (sizes == null) {
                if (minN == null || maxN == null || steps == null) {
                    throw new IllegalArgumentException("series '" + label + "' needs 'sizes' or 'minN', 'maxN' and 'steps'");
                }
                sizes = geometric(minN, maxN, steps);
            }
            sizes = List.copyOf(sizes);
        }

        List<Long> seedsOr(List<Long> fallback) {
            return seeds == null || seeds.isEmpty() ? fallback : seeds;
        }

        double timeoutOr(double fallback) {
            return timeoutSeconds == null ? fallback : timeoutSeconds;
        }
    }

    /** Baseline versus contender: the report gives median(baseline) / median(contender) at each shared n. */
    record Comparison(String baseline, String contender) {}

    /** {@code steps} orders from min to max, equally spaced in log n, rounded, distinct, increasing. */
    static List<Integer> geometric(int min, int max, int steps) {
        if (min < 1 || max < min || steps < 1) throw new IllegalArgumentException("bad size range " + min + ".." + max + " in " + steps + " steps");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            int n = (int) Math.round(min * Math.pow((double) max / min, f));
            if (out.isEmpty() || n > out.get(out.size() - 1)) out.add(n);
        }
        return out;
    }

    /** The same study with every time limit multiplied by {@code factor} (for a machine shared with other jobs). */
    StudyConfig withTimeoutsScaled(double factor) {
        if (!(factor > 0)) throw new IllegalArgumentException("timeout scale must be > 0");
        if (factor == 1) return this;
        List<Series> scaled = new ArrayList<>();
        for (Series s : series) {
            scaled.add(new Series(s.label(), s.solver(), s.family(), s.params(), s.sizes(), s.minN(), s.maxN(), s.steps(), s.seeds(),
                    s.timeoutSeconds() == null ? null : s.timeoutSeconds() * factor, s.extra()));
        }
        return new StudyConfig(name + " (time limits ×" + factor + ")", timeoutSeconds * factor, seeds, threads, scaled, comparisons);
    }

    /** A built-in name ({@code default}, {@code quick}) or a path to a JSON file. */
    static StudyConfig load(String nameOrPath) throws IOException {
        ObjectMapper om = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            try (InputStream in = Files.newInputStream(p)) {
                return om.readValue(in, StudyConfig.class);
            }
        }
        try (InputStream in = StudyConfig.class.getResourceAsStream("/scaling/" + nameOrPath + ".json")) {
            if (in == null) throw new IOException("no scaling config file or built-in config named '" + nameOrPath + "' (built-in: default, quick)");
            return om.readValue(in, StudyConfig.class);
        }
    }
}
