package mcs.verifier.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link EstimateEvaluation.Result} as a Markdown table or as JSON-ready maps (format {@code mcs-estimate-eval/1}). */
public final class EvalReport {
    public static final String FORMAT = "mcs-estimate-eval/1";

    private EvalReport() {}

    /**
     * One Markdown table, a row per estimator and n; logarithms are natural, "–" marks an undefined number;
     * "ln pairs" counts the instances where estimate and exact value are both nonzero (the log-errors and the fit use them).
     * Estimators that refused every instance of an order (domain: nonnegative, PSD) are listed below the table.
     */
    public static String markdown(EstimateEvaluation.Result r) {
        EstimateEvaluation.Config c = r.config();
        StringBuilder b = new StringBuilder();
        b.append("## Estimators on ").append(c.family()).append(c.params().isEmpty() ? "" : " " + c.params())
                .append(" (").append(r.problem().id()).append("; exact values: ").append(c.exact()).append("; seeds ")
                .append(seedText(c.seeds())).append(")\n\n");
        b.append("| estimator | n | answered | sign errors | ln pairs | mean abs ln-error | mean ln-error | R² | R² 95% CI | slope | bound violations | CI coverage | s/run |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        java.util.Set<String> outside = new java.util.LinkedHashSet<>();
        for (Summary s : r.rows()) {
            if (s.unsupported() == s.runs()) {
                outside.add(s.estimator() + " (n = " + s.n() + ")");
                continue;
            }
            Fit f = s.fit();
            b.append("| ").append(s.estimator()).append(" | ").append(s.n()).append(" | ").append(s.answered()).append('/').append(s.runs())
                    .append(" | ").append(s.signErrors()).append(" | ").append(s.logPairs())
                    .append(" | ").append(num(s.meanAbsLogError(), 3)).append(" | ").append(num(s.meanLogError(), 3))
                    .append(" | ").append(num(f.r2(), 3))
                    .append(" | ").append(Double.isNaN(f.r2Low()) ? "–" : "[" + num(f.r2Low(), 3) + ", " + num(f.r2High(), 3) + "]")
                    .append(" | ").append(num(f.slope(), 3))
                    .append(" | ").append(s.withBounds() == 0 ? "–" : s.boundViolations() + "/" + s.withBounds())
                    .append(" | ").append(s.withInterval() == 0 ? "–" : s.covered() + "/" + s.withInterval())
                    .append(" | ").append(num(s.meanSeconds(), 4)).append(" |\n");
        }
        if (!outside.isEmpty()) b.append("\nOutside their domain on every instance: ").append(String.join(", ", outside)).append('\n');
        if (!r.complete()) b.append("\nIncomplete: ").append(r.stopReason()).append('\n');
        return b.toString();
    }

    /** The whole result as ordered maps and lists (numbers that can be undefined become null). */
    public static Map<String, Object> json(EstimateEvaluation.Result r) {
        EstimateEvaluation.Config c = r.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("family", c.family());
        m.put("params", c.params());
        m.put("problem", r.problem().id());
        m.put("sizes", c.sizes());
        m.put("seeds", c.seeds());
        m.put("exact", c.exact());
        m.put("estimators", r.estimators());
        m.put("bootstrap_resamples", c.resamples());
        m.put("bootstrap_seed", c.bootstrapSeed());
        m.put("complete", r.complete());
        m.put("stop_reason", r.stopReason());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary s : r.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("estimator", s.estimator());
            row.put("n", s.n());
            row.put("runs", s.runs());
            row.put("answered", s.answered());
            row.put("unsupported", s.unsupported());
            row.put("failed", s.failed());
            row.put("sign_errors", s.signErrors());
            row.put("log_pairs", s.logPairs());
            row.put("mean_abs_log_error", finite(s.meanAbsLogError()));
            row.put("mean_log_error", finite(s.meanLogError()));
            row.put("r2", finite(s.fit().r2()));
            row.put("r2_ci_low", finite(s.fit().r2Low()));
            row.put("r2_ci_high", finite(s.fit().r2High()));
            row.put("r2_bootstrap_std", finite(s.fit().r2StdError()));
            row.put("slope", finite(s.fit().slope()));
            row.put("intercept", finite(s.fit().intercept()));
            row.put("with_bounds", s.withBounds());
            row.put("bound_violations", s.boundViolations());
            row.put("with_interval", s.withInterval());
            row.put("interval_covered", s.covered());
            row.put("mean_seconds", finite(s.meanSeconds()));
            rows.add(row);
        }
        m.put("rows", rows);
        List<Map<String, Object>> obs = new ArrayList<>();
        for (Observation o : r.observations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("estimator", o.estimator());
            row.put("n", o.n());
            row.put("seed", o.seed());
            row.put("status", o.status());
            row.put("exact", o.exact().toString());
            row.put("estimate", text(o.estimate()));
            row.put("lower", text(o.lower()));
            row.put("upper", text(o.upper()));
            row.put("ci_lower", text(o.ciLower()));
            row.put("ci_upper", text(o.ciUpper()));
            row.put("seconds", o.seconds());
            obs.add(row);
        }
        m.put("observations", obs);
        return m;
    }

    private static String text(mcs.problems.exact.Rational r) {
        return r == null ? null : r.toString();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
    }

    private static String seedText(List<Long> seeds) {
        if (seeds.size() > 2 && seeds.get(seeds.size() - 1) - seeds.get(0) == seeds.size() - 1) return seeds.get(0) + ".." + seeds.get(seeds.size() - 1);
        return seeds.toString();
    }
}
