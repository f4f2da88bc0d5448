package mcs.bench.scaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Solver;
import mcs.problems.spi.Solvers;

/**
 * The scaling study of issue 5: for each series (solver × family × parameters) of a {@link StudyConfig}, solve
 * seeded instances at geometric sizes, check every certificate with the kernel, and fit log t against log(n·m).
 *
 * <p>Usage: {@code ScalingStudy [--config default|quick|FILE] [--quick] [--out DIR] [--only LABEL-SUBSTRING]
 * [--timeout-scale X]}; defaults {@code default}, {@code bench/results/scaling} and 1 (X multiplies every time limit,
 * for a machine shared with other jobs). Writes {@code results.json}, {@code RESULTS.md} and
 * {@code scaling.svg} into DIR (see {@link ScalingReport}); progress goes to stderr, one line per run.
 *
 * <p>Rules: the solver is looked up by name for the family's problem; an absent one gives one {@code ABSENT}
 * row, so a series for a solver that has not landed yet costs nothing. Before the first timed run of a series
 * the smallest instance is solved once untimed (JIT warm-up). When every seed of a size ends in
 * {@code TIMEOUT} or {@code ERROR}, or the solver refuses the size ({@code UNSUPPORTED}), the larger sizes
 * of that series are skipped (the time limit would only be hit again).
 */
public final class ScalingStudy {
    private ScalingStudy() {}

    public static void main(String[] args) throws IOException {
        String config = "default", only = null;
        double timeoutScale = 1;
        Path out = Path.of("bench/results/scaling");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = value(args, ++i);
                case "--quick" -> config = "quick";
                case "--out" -> out = Path.of(value(args, ++i));
                case "--only" -> only = value(args, ++i);
                case "--timeout-scale" -> timeoutScale = Double.parseDouble(value(args, ++i));
                default -> {
                    System.err.println("usage: ScalingStudy [--config default|quick|FILE] [--quick] [--out DIR] [--only LABEL-SUBSTRING] [--timeout-scale X]");
                    System.exit(2);
                }
            }
        }
        StudyConfig cfg;
        try {
            cfg = StudyConfig.load(config).withTimeoutsScaled(timeoutScale);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("scaling: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path dir = out;
        Results r = run(cfg, only, partial -> {
            try {
                ScalingReport.write(cfg, partial, dir);
            } catch (IOException e) {
                System.err.println("scaling: cannot write partial results: " + e.getMessage());
            }
        });
        ScalingReport.write(cfg, r, out);
        System.err.println("scaling: wrote " + out.resolve(ScalingReport.JSON) + ", " + out.resolve(ScalingReport.MARKDOWN) + ", " + out.resolve(ScalingReport.SVG));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("scaling: " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** Everything a study produced: the environment, all rows, and one summary per series, in config order. */
    record Results(Map<String, Object> environment, List<RunRow> rows, List<SeriesSummary> summaries, double seconds) {}

    /** Runs every series whose label contains {@code only} (all when null). */
    static Results run(StudyConfig cfg, String only) {
        return run(cfg, only, partial -> {});
    }

    /** As {@link #run(StudyConfig, String)}, handing the results so far to {@code afterSeries} after each size and each series (so that a long study leaves usable output if stopped). */
    static Results run(StudyConfig cfg, String only, java.util.function.Consumer<Results> afterSeries) {
        Map<String, Object> env = Environment.describe();
        long t0 = System.nanoTime();
        List<RunRow> all = new ArrayList<>();
        List<SeriesSummary> summaries = new ArrayList<>();
        for (StudyConfig.Series s : cfg.series()) {
            if (only != null && !s.label().contains(only)) continue;
            List<RunRow> rows = new ArrayList<>();
            Runnable progress = () -> {
                List<RunRow> sofar = new ArrayList<>(all);
                sofar.addAll(rows);
                List<SeriesSummary> sums = new ArrayList<>(summaries);
                sums.add(SeriesSummary.of(s, rows, "in progress"));
                afterSeries.accept(new Results(env, sofar, sums, (System.nanoTime() - t0) / 1e9));
            };
            String note = runSeries(cfg, s, rows, progress);
            all.addAll(rows);
            SeriesSummary sum = SeriesSummary.of(s, rows, note);
            summaries.add(sum);
            System.err.printf("scaling: %s: %d/%d verified, slope %s%n", s.label(), sum.verified(), sum.runs(),
                    sum.fit() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", sum.fit().slope(), sum.fit().low(), sum.fit().high()));
            afterSeries.accept(new Results(env, List.copyOf(all), List.copyOf(summaries), (System.nanoTime() - t0) / 1e9));
        }
        return new Results(env, all, summaries, (System.nanoTime() - t0) / 1e9);
    }

    /** @return a note on why the series was cut short, or "" */
    private static String runSeries(StudyConfig cfg, StudyConfig.Series s, List<RunRow> rows, Runnable progress) {
        Optional<Family> family = Families.byName(s.family());
        if (family.isEmpty()) return "no family named '" + s.family() + "'";
        Optional<Solver> solver = Solvers.byName(s.solver(), family.get().problem());
        if (solver.isEmpty()) {
            rows.add(new RunRow(s.label(), 0, 0, 0, "ABSENT", "UNKNOWN", Double.NaN, Double.NaN, Double.NaN, "none", Map.of(),
                    "no solver '" + s.solver() + "' for " + family.get().problem() + " on the class path"));
            return "solver '" + s.solver() + "' is not on the class path";
        }
        double timeout = s.timeoutOr(cfg.timeoutSeconds());
        List<Long> seeds = s.seedsOr(cfg.seeds());
        try {
            Instance warm = family.get().generate(s.sizes().get(0), seeds.get(0), s.params()).instance();
            TimedRun.run(s.label(), solver.get(), warm, seeds.get(0), cfg.threads(), timeout, s.extra());
        } catch (IllegalArgumentException e) {
            return "cannot generate: " + e.getMessage();
        }
        for (int n : s.sizes()) {
            int failed = 0;
            boolean refused = false;
            for (long seed : seeds) {
                Instance inst;
                try {
                    inst = family.get().generate(n, seed, s.params()).instance();
                } catch (IllegalArgumentException e) {
                    return "cannot generate n = " + n + ": " + e.getMessage();
                }
                RunRow row = TimedRun.run(s.label(), solver.get(), inst, seed, cfg.threads(), timeout, s.extra());
                rows.add(row);
                System.err.printf(java.util.Locale.ROOT, "scaling: %-40s n=%-7d m=%-8d seed=%-3d %-9s %8.3f s  %s%n", s.label(), n, row.m(), seed,
                        row.status(), row.solveSeconds(), row.verification());
                if (row.status().equals("TIMEOUT") || row.status().equals("ERROR")) failed++;
                if (row.status().equals("UNSUPPORTED")) refused = true;
            }
            progress.run();
            if (refused) return "the solver refused n = " + n + " (UNSUPPORTED); larger sizes skipped";
            if (failed == seeds.size()) return "every seed at n = " + n + " timed out or failed; larger sizes skipped";
        }
        return "";
    }

    /** Median times of two series at the sizes both verified, baseline / contender. */
    static Map<Integer, double[]> compare(SeriesSummary baseline, SeriesSummary contender) {
        Map<Integer, double[]> out = new LinkedHashMap<>();
        for (SeriesSummary.SizePoint b : baseline.sizes()) {
            for (SeriesSummary.SizePoint c : contender.sizes()) {
                if (b.n() == c.n()) out.put(b.n(), new double[] {b.medianSeconds(), c.medianSeconds(), b.medianSeconds() / c.medianSeconds()});
            }
        }
        return out;
    }
}
