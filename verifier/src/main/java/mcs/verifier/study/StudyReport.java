package mcs.verifier.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mcs.problems.io.AtomicFile;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.Charts;
import mcs.verifier.arena.ReportHtml;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The outputs of a study: {@code study.json} (format {@code mcs-study/1}, {@link StudyResult#toMap}),
 * {@code study.md} (the summary and the per-level table) and {@code study.html} (one self-contained page with
 * the exponent, the log–log plot of time against 1/ε or n·m with the fitted line, the correct fraction per
 * level, every run, and the environment; plots are inline SVG drawn with the arena report's helpers).
 */
public final class StudyReport {
    public static final String JSON_FILE = "study.json", MARKDOWN_FILE = "study.md", HTML_FILE = "study.html";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyReport() {}

    /** Writes the three files into {@code dir}. */
    public static void write(StudyResult r, Path dir) throws IOException {
        text(dir.resolve(JSON_FILE), json(r) + "\n");
        text(dir.resolve(MARKDOWN_FILE), markdown(r));
        text(dir.resolve(HTML_FILE), html(r));
    }

    public static String json(StudyResult r) throws IOException {
        return JSON.writeValueAsString(r.toMap());
    }

    private static void text(Path f, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(f, out -> out.write(b));
    }

    /** "α = 0.52 (95% interval [0.41, 0.63], 12 CORRECT runs)" or why there is no exponent. */
    public static String headline(StudyResult r) {
        StudySpec.Kind k = r.spec().kind();
        String what = k == StudySpec.Kind.EPSILON ? "time ≈ C·(1/ε)^α" : "time ≈ C·(n·m)^β";
        if (r.exponent() == null) return k.symbol + ": not measured (fewer than two levels with a CORRECT run); " + what;
        double[] ci = r.exponentCi();
        return String.format(Locale.ROOT, "%s = %.3f (95%% interval %s, %d CORRECT runs; %s)", k.symbol, r.exponent(),
                ci == null ? "undefined: too few runs" : String.format(Locale.ROOT, "[%.3f, %.3f]", ci[0], ci[1]), r.fit().pairs(), what);
    }

    /** "By side: COMPLETABLE α = …; NOT_COMPLETABLE α = …", or "" when the study has one side only. */
    public static String bySide(StudyResult r) {
        List<String> parts = new java.util.ArrayList<>();
        for (String side : List.of("COMPLETABLE", "NOT_COMPLETABLE")) {
            if (r.points().stream().noneMatch(p -> side.equals(p.known()))) continue;
            mcs.verifier.estimate.Fit f = r.fitOf(side);
            parts.add(side + " instances: " + (f == null ? "not measured" : String.format(Locale.ROOT, "%s = %.3f%s", r.spec().kind().symbol, f.slope(),
                    Double.isNaN(f.slopeLow()) ? "" : String.format(Locale.ROOT, " [%.3f, %.3f]", f.slopeLow(), f.slopeHigh()))));
        }
        return parts.size() < 2 ? "" : "By side — " + String.join("; ", parts) + ".";
    }

    static String markdown(StudyResult r) {
        StudySpec s = r.spec();
        StringBuilder b = new StringBuilder();
        b.append("# mcs study ").append(s.kind().id).append(": ").append(s.solverName()).append(" on ").append(s.family()).append("\n\n");
        b.append("**").append(headline(r)).append("**\n\n");
        if (!bySide(r).isEmpty()) b.append(bySide(r)).append("\n\n");
        if (r.wrong() > 0) b.append("**WRONG answers: ").append(r.wrong()).append("** (listed below; the study exits with code 3).\n\n");
        b.append(StudyResult.EVIDENCE).append("\n\n");
        b.append("Command: `").append(s.commandLine()).append("`\n\n");
        b.append("Every answer was judged by the exact kernel against the instance's known answer. Time is the arena's wall-clock time of the run; ")
                .append("the fit is least squares of ln(time) on ln(").append(s.kind().of).append(") over the CORRECT runs (times below ")
                .append(StudyResult.FLOOR_S).append(" s count as that), with a ").append(s.bootstrap())
                .append("-resample percentile bootstrap (seed ").append(s.bootstrapSeed()).append("). UNKNOWN is honest but counts against the solver, as do WRONG, TIMEOUT, MEMOUT and ERROR.\n\n");
        b.append("| level | ε | n | m | runs |");
        for (Category c : Category.values()) b.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append(" |");
        b.append(" correct fraction | median time of correct runs (s) | t* bounds (first instance) |\n");
        b.append("|---|---|---|---|---|").append("---|".repeat(Category.values().length)).append("---|---|---|\n");
        for (StudyResult.Level l : r.levels()) {
            b.append("| ").append(l.index() + 1).append(" | ").append(l.eps() == null ? "–" : l.eps().toDecimalString()).append(" | ").append(l.n()).append(" | ");
            if (l.skipped()) {
                b.append("– | 0 | | | | | | | skipped | | ").append(l.note()).append(" |\n");
                continue;
            }
            b.append(l.medianM()).append(" | ").append(l.points().size());
            for (Category c : Category.values()) b.append(" | ").append(l.count(c));
            b.append(" | ").append(fmt(l.correctFraction())).append(" | ").append(Double.isNaN(l.medianCorrectWall()) ? "–" : fmt(l.medianCorrectWall()))
                    .append(" | ").append(tStar(l.points().isEmpty() ? null : l.points().get(0))).append(" |\n");
        }
        List<StudyPoint> wrong = r.points().stream().filter(p -> p.category() == Category.WRONG).toList();
        if (!wrong.isEmpty()) {
            b.append("\n## WRONG answers\n\n");
            for (StudyPoint p : wrong) b.append("- `").append(p.instance()).append("` (seed ").append(p.seed()).append("): ").append(p.reason()).append('\n');
        }
        b.append("\n## Environment\n\n");
        for (Map.Entry<String, Object> e : r.environment().entrySet()) b.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        b.append("\nPer-run data: `study.json` (`points`); per-level arena reports: `arena/level-K/report.html`.\n");
        return b.toString();
    }

    private static String tStar(StudyPoint p) {
        if (p == null || p.tStar() == null) return "–";
        return "[" + p.tStar()[0].toDecimalString() + ", " + p.tStar()[1].toDecimalString() + "]";
    }

    private static String fmt(double x) {
        if (Double.isNaN(x)) return "–";
        return String.format(Locale.ROOT, "%.3g", x);
    }

    static String html(StudyResult r) {
        StudySpec s = r.spec();
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "mcs study " + s.kind().id + ": " + s.solverName() + " on " + s.family();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>")
                .append(ReportHtml.CSS).append(".headline{font-size:1.4em;font-weight:bold}.note{max-width:60em;color:#444}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p id=\"exponent\" class=\"headline\">").append(esc(headline(r))).append("</p>\n");
        if (!bySide(r).isEmpty()) h.append("<p id=\"by-side\">").append(esc(bySide(r))).append("</p>\n");
        if (r.wrong() > 0) h.append("<p id=\"wrong-count\" class=\"WRONG\">WRONG answers: ").append(r.wrong()).append("</p>\n");
        h.append("<p id=\"evidence\" class=\"note\">").append(esc(StudyResult.EVIDENCE)).append("</p>\n");
        h.append("<p>Command: <code id=\"command\">").append(esc(s.commandLine())).append("</code></p>\n");
        h.append("<p class=\"note\">Every answer was judged by the exact kernel against the instance's known answer (t* is known for every instance: ")
                .append("its header states proven bounds). The fit is least squares of ln(time) on ln(").append(esc(s.kind().of))
                .append(") over the CORRECT runs, with a ").append(s.bootstrap()).append("-resample percentile bootstrap (seed ")
                .append(s.bootstrapSeed()).append("); UNKNOWN counts against the solver, as do WRONG, TIMEOUT, MEMOUT and ERROR.</p>\n");
        h.append("<h2>Plots</h2>\n<figure id=\"time-plot\">").append(timePlot(r)).append("<figcaption>Wall time of every run against ")
                .append(esc(s.kind().of)).append(" (log–log); the line is the fit over the CORRECT runs.</figcaption></figure>\n");
        h.append("<figure id=\"fraction-plot\">").append(fractionPlot(r)).append("<figcaption>Fraction of runs answered correctly (kernel-verified) per level.</figcaption></figure>\n");
        levels(h, r);
        points(h, r);
        h.append("<h2>Environment</h2>\n<table id=\"environment\"><tbody>\n");
        for (Map.Entry<String, Object> e : r.environment().entrySet()) h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(String.valueOf(e.getValue()))).append("</td></tr>\n");
        h.append("</tbody></table>\n</body></html>\n");
        return h.toString();
    }

    private static void levels(StringBuilder h, StudyResult r) {
        h.append("<h2>Levels</h2>\n<table id=\"levels\"><thead><tr><th>level</th><th>ε</th><th>n</th><th>m</th><th>runs</th>");
        for (Category c : Category.values()) h.append("<th>").append(c.name().toLowerCase(Locale.ROOT)).append("</th>");
        h.append("<th>correct fraction</th><th>median time of correct runs (s)</th><th>arena report</th></tr></thead><tbody>\n");
        for (StudyResult.Level l : r.levels()) {
            h.append("<tr><td>").append(l.index() + 1).append("</td><td>").append(l.eps() == null ? "–" : esc(l.eps().toDecimalString())).append("</td><td>")
                    .append(l.n()).append("</td>");
            if (l.skipped()) {
                h.append("<td colspan=\"").append(4 + Category.values().length).append("\">skipped: ").append(esc(l.note())).append("</td></tr>\n");
                continue;
            }
            h.append("<td>").append(l.medianM()).append("</td><td>").append(l.points().size()).append("</td>");
            for (Category c : Category.values()) h.append("<td").append(l.count(c) > 0 ? " class=\"" + c + "\"" : "").append(">").append(l.count(c)).append("</td>");
            h.append("<td>").append(fmt(l.correctFraction())).append("</td><td>").append(fmt(l.medianCorrectWall())).append("</td><td>");
            if (l.report() != null) h.append("<a href=\"").append(esc(l.report())).append("\">report</a>");
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void points(StringBuilder h, StudyResult r) {
        h.append("<h2>Runs</h2>\n<table id=\"points\"><thead><tr><th>ε</th><th>n</th><th>m</th><th>seed</th><th>t* bounds</th><th>known</th>"
                + "<th>verdict</th><th>category</th><th>wall (s)</th><th>reason</th></tr></thead><tbody>\n");
        for (StudyPoint p : r.points()) {
            h.append("<tr><td>").append(p.eps() == null ? "–" : esc(p.eps().toDecimalString())).append("</td><td>").append(p.n()).append("</td><td>").append(p.m())
                    .append("</td><td>").append(p.seed()).append("</td><td>").append(esc(tStar(p))).append("</td><td>").append(esc(p.known() == null ? "" : p.known()))
                    .append("</td><td>").append(esc(p.verdict())).append("</td><td class=\"").append(p.category()).append("\">").append(p.category())
                    .append("</td><td>").append(ReportHtml.num(p.wallS())).append("</td><td>").append(esc(p.reason() == null ? "" : p.reason())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** Log–log scatter of time against the abscissa, one series per outcome, plus the fitted line. */
    static String timePlot(StudyResult r) {
        StudySpec.Kind k = r.spec().kind();
        XYSeries correct = new XYSeries("CORRECT"), unknown = new XYSeries("UNKNOWN"), wrong = new XYSeries("WRONG"),
                failed = new XYSeries("TIMEOUT / MEMOUT / ERROR"), line = new XYSeries("fit");
        double xlo = Double.POSITIVE_INFINITY, xhi = 0, ylo = Double.POSITIVE_INFINITY, yhi = 0;
        for (StudyPoint p : r.points()) {
            double x = p.x(k), y = Math.max(StudyResult.FLOOR_S, p.wallS());
            xlo = Math.min(xlo, x);
            xhi = Math.max(xhi, x);
            ylo = Math.min(ylo, y);
            yhi = Math.max(yhi, y);
            switch (p.category()) {
                case CORRECT -> correct.add(x, y);
                case UNKNOWN -> unknown.add(x, y);
                case WRONG -> wrong.add(x, y);
                default -> failed.add(x, y);
            }
        }
        if (r.points().isEmpty()) {
            xlo = 1;
            xhi = 10;
            ylo = StudyResult.FLOOR_S;
            yhi = 1;
        }
        if (r.fit() != null) {
            for (double x : new double[] {xlo, xhi}) line.add(x, Math.exp(r.fit().intercept() + r.fit().slope() * Math.log(x)));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : List.of(correct, unknown, wrong, failed, line)) data.addSeries(s);
        String xLabel = k == StudySpec.Kind.EPSILON ? "1/ε" : "n·m";
        JFreeChart chart = ChartFactory.createScatterPlot(r.spec().solverName() + " on " + r.spec().family() + ": " + headlineShort(r), xLabel, "wall time (s)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(Charts.logAxis(xLabel, xlo / 1.5, xhi * 1.5));
        plot.setRangeAxis(Charts.logAxis("wall time (s)", Math.max(StudyResult.FLOOR_S / 2, ylo / 2), Math.max(yhi * 2, StudyResult.FLOOR_S * 10)));
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        Color[] colours = {new Color(0x2a, 0x8a, 0x2a), new Color(0x55, 0x55, 0xcc), new Color(0xcc, 0x00, 0x00), new Color(0xe0, 0x90, 0x20)};
        for (int i = 0; i < colours.length; i++) rend.setSeriesPaint(i, colours[i]);
        rend.setSeriesShapesVisible(4, false);
        rend.setSeriesLinesVisible(4, true);
        rend.setSeriesPaint(4, Color.DARK_GRAY);
        rend.setSeriesStroke(4, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(rend);
        Charts.style(chart);
        return Charts.svg(chart);
    }

    private static String headlineShort(StudyResult r) {
        if (r.exponent() == null) return r.spec().kind().symbol + " not measured";
        double[] ci = r.exponentCi();
        return String.format(Locale.ROOT, "%s = %.2f%s", r.spec().kind().symbol, r.exponent(), ci == null ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]", ci[0], ci[1]));
    }

    /** Correct fraction per level against the level's abscissa (log axis). */
    static String fractionPlot(StudyResult r) {
        StudySpec.Kind k = r.spec().kind();
        XYSeries s = new XYSeries("correct fraction");
        double xlo = Double.POSITIVE_INFINITY, xhi = 0;
        for (StudyResult.Level l : r.levels()) {
            if (l.skipped() || l.points().isEmpty()) continue;
            double x = l.points().get(0).x(k);
            if (k == StudySpec.Kind.SIZE) x = (double) l.n() * l.medianM();
            s.add(x, l.correctFraction());
            xlo = Math.min(xlo, x);
            xhi = Math.max(xhi, x);
        }
        if (s.getItemCount() == 0) {
            xlo = 1;
            xhi = 10;
        }
        XYSeriesCollection data = new XYSeriesCollection(s);
        String xLabel = k == StudySpec.Kind.EPSILON ? "1/ε" : "n·m";
        JFreeChart chart = ChartFactory.createXYLineChart("Correct fraction per level", xLabel, "correct fraction", data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(Charts.logAxis(xLabel, xlo / 1.5, xhi * 1.5));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 1.05);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        Charts.style(chart);
        return Charts.svg(chart);
    }

    private static String esc(String s) {
        return ReportHtml.esc(s);
    }
}
