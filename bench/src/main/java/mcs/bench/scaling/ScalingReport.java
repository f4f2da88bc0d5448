package mcs.bench.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a study's outputs into one directory: {@value #JSON} (environment, configuration, every run with its
 * seed, and the per-series fits; NaN is written as null), {@value #MARKDOWN} (the slope table, the comparisons and
 * the per-size medians) and {@value #SVG} ({@link ScalingPlot}).
 */
final class ScalingReport {
    static final String JSON = "results.json", MARKDOWN = "RESULTS.md", SVG = "scaling.svg";

    private ScalingReport() {}

    static void write(StudyConfig cfg, ScalingStudy.Results r, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.set("environment", om.valueToTree(r.environment()));
        root.set("config", om.valueToTree(cfg));
        root.put("studySeconds", r.seconds());
        ArrayNode fits = root.putArray("series");
        for (SeriesSummary s : r.summaries()) {
            ObjectNode o = fits.addObject();
            o.put("label", s.label()).put("solver", s.solver()).put("family", s.family()).put("runs", s.runs()).put("verified", s.verified());
            num(o, "fractionVerified", s.fractionVerified());
            fit(o, "fit", s.fit());
            fit(o, "cpuFit", s.cpuFit());
            fit(o, "mFit", s.mFit());
            ArrayNode sizes = o.putArray("sizes");
            for (SeriesSummary.SizePoint p : s.sizes()) {
                ObjectNode q = sizes.addObject().put("n", p.n()).put("m", p.m()).put("runs", p.runs()).put("verified", p.verified());
                num(q, "medianSeconds", p.medianSeconds());
            }
            o.put("note", s.note());
        }
        ArrayNode rows = root.putArray("runs");
        for (RunRow x : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("series", x.series()).put("n", x.n()).put("m", x.m()).put("seed", x.seed()).put("status", x.status()).put("verdict", x.verdict());
            num(o, "solveSeconds", x.solveSeconds());
            num(o, "cpuSeconds", x.cpuSeconds());
            num(o, "verifySeconds", x.verifySeconds());
            o.put("verification", x.verification());
            ObjectNode st = o.putObject("statistics");
            for (Map.Entry<String, Object> e : x.statistics().entrySet()) {
                if (e.getValue() instanceof Number v) num(st, e.getKey(), v.doubleValue());
                else st.put(e.getKey(), String.valueOf(e.getValue()));
            }
            o.put("note", x.note());
        }
        om.writeValue(dir.resolve(JSON).toFile(), root);
        Files.writeString(dir.resolve(MARKDOWN), markdown(cfg, r), StandardCharsets.UTF_8);
        String svg;
        try {
            svg = ScalingPlot.svg(r);
        } catch (RuntimeException e) {
            // A plotting failure must not lose the study: the JSON and the table are already written.
            System.err.println("scaling: no plot: " + e);
            return;
        }
        Files.writeString(dir.resolve(SVG), svg, StandardCharsets.UTF_8);
    }

    private static void fit(ObjectNode o, String key, LogLogFit fit) {
        if (fit == null) return;
        ObjectNode f = o.putObject(key);
        f.put("points", fit.points());
        num(f, "slope", fit.slope());
        num(f, "intercept", fit.intercept());
        num(f, "ci95Low", fit.low());
        num(f, "ci95High", fit.high());
        num(f, "r2", fit.r2());
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    static String markdown(StudyConfig cfg, ScalingStudy.Results r) {
        StringBuilder s = new StringBuilder();
        Map<String, Object> env = r.environment();
        s.append("# Scaling study `").append(cfg.name()).append("`\n\n");
        s.append(String.format(Locale.ROOT, "%s; %s; %s (%s cores); max heap %s MiB; load average at start %.2f; whole study %.0f s.%n%n",
                env.get("date"), env.get("jvm"), env.get("cpu"), env.get("cores"), env.get("maxHeapMiB"),
                ((Number) env.get("loadAverageAtStart")).doubleValue(), r.seconds()));
        s.append("Time is the wall-clock time of `solve` alone (instance generation and the kernel check excluded), per run; ")
                .append("the slope is OLS of log t on log(n·m) over the runs whose certificate the kernel accepted, with a t-based 95% interval ")
                .append("(m grows like n in every family here, so linear time in m shows as 0.5 in n·m; the m-alone slope is given too). ")
                .append(String.format(Locale.ROOT, "Seeds %s, time limit %.0f s per run unless the series says otherwise, %d solver thread(s).%n%n",
                        cfg.seeds(), cfg.timeoutSeconds(), cfg.threads()));
        s.append("| series | solver | family | n range | runs | verified | slope | 95% CI | R² | CPU-time slope [95% CI] | slope in m alone | median s at largest verified n | note |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SeriesSummary x : r.summaries()) {
            List<SeriesSummary.SizePoint> ps = x.sizes();
            String range = ps.isEmpty() ? "–" : ps.get(0).n() + "–" + ps.get(ps.size() - 1).n();
            String last = "–";
            for (SeriesSummary.SizePoint p : ps) {
                if (p.verified() > 0) last = String.format(Locale.ROOT, "%.3g (n=%d, m=%d)", p.medianSeconds(), p.n(), p.m());
            }
            LogLogFit f = x.fit();
            LogLogFit cf = x.cpuFit();
            String cpu = cf == null ? "–" : Double.isNaN(cf.low()) ? String.format(Locale.ROOT, "%.3f", cf.slope())
                    : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", cf.slope(), cf.low(), cf.high());
            String mSlope = x.mFit() == null ? "–" : String.format(Locale.ROOT, "%.3f", x.mFit().slope());
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d (%s) | %s | %s | %s | %s | %s | %s | %s |%n", x.label(), x.solver(), x.family(), range,
                    x.runs(), x.verified(), x.runs() == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * x.fractionVerified()),
                    f == null ? "–" : String.format(Locale.ROOT, "%.3f", f.slope()),
                    f == null || Double.isNaN(f.low()) ? "–" : String.format(Locale.ROOT, "[%.3f, %.3f]", f.low(), f.high()),
                    f == null ? "–" : String.format(Locale.ROOT, "%.3f", f.r2()), cpu, mSlope, last, x.note()));
        }
        for (StudyConfig.Comparison c : cfg.comparisons()) {
            SeriesSummary b = find(r, c.baseline()), k = find(r, c.contender());
            if (b == null || k == null) continue;
            s.append("\n## ").append(c.baseline()).append(" vs ").append(c.contender()).append("\n\n");
            s.append("| n | median s ").append(c.baseline()).append(" | median s ").append(c.contender()).append(" | ratio |\n|---|---|---|---|\n");
            for (var e : ScalingStudy.compare(b, k).entrySet()) {
                double[] v = e.getValue();
                s.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", e.getKey(), seconds(v[0]), seconds(v[1]),
                        Double.isFinite(v[2]) ? String.format(Locale.ROOT, "%.1f×", v[2]) : "– (no verified run on one side)"));
            }
        }
        s.append("\n## Per size (median solve seconds over verified runs; verified/runs)\n\n");
        for (SeriesSummary x : r.summaries()) {
            if (x.sizes().isEmpty()) continue;
            s.append("- **").append(x.label()).append("**: ");
            StringBuilder line = new StringBuilder();
            for (SeriesSummary.SizePoint p : x.sizes()) {
                if (line.length() > 0) line.append("; ");
                line.append(String.format(Locale.ROOT, "n=%d m=%d: %.3g s (%d/%d)", p.n(), p.m(), p.medianSeconds(), p.verified(), p.runs()));
            }
            s.append(line).append("\n");
        }
        return s.toString();
    }

    private static String seconds(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
    }

    private static SeriesSummary find(ScalingStudy.Results r, String label) {
        return r.summaries().stream().filter(x -> x.label().equals(label)).findFirst().orElse(null);
    }
}
