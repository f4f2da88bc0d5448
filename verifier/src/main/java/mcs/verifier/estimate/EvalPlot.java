package mcs.verifier.estimate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The evaluation's scatter plot: ln|exact| against ln|estimate|, one series per estimator, with the line
 * y = x (a perfect estimator). Rendered by JFreeChart into a self-contained SVG document (JFreeSVG),
 * optionally wrapped in a minimal HTML page. Pairs where either value is 0 are left out (as in the fit), and
 * so are estimators without a single such pair.
 */
public final class EvalPlot {
    private EvalPlot() {}

    /** A standalone SVG document of the given size in pixels. */
    public static String svg(EstimateEvaluation.Result r, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart(r).draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** The scatter chart itself (also for other renderers). */
    static JFreeChart chart(EstimateEvaluation.Result r) {
        System.setProperty("java.awt.headless", "true");
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String e : r.estimators()) series.put(e, new XYSeries(e, false, true));
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Observation o : r.observations()) {
            if (!o.answered() || o.estimate().isZero() || o.exact().isZero()) continue;
            double x = LogAbs.of(o.estimate()), y = LogAbs.of(o.exact());
            series.get(o.estimator()).add(x, y);
            lo = Math.min(lo, Math.min(x, y));
            hi = Math.max(hi, Math.max(x, y));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series.values()) if (s.getItemCount() > 0) data.addSeries(s);
        XYSeries diagonal = new XYSeries("y = x", false, true);
        if (lo <= hi) {
            diagonal.add(lo, lo);
            diagonal.add(hi, hi);
        }
        data.addSeries(diagonal);
        JFreeChart chart = ChartFactory.createScatterPlot(
                "Estimators on " + r.config().family() + " (n = " + r.config().sizes() + ")",
                "ln |estimate|", "ln |exact " + (r.problem().id().startsWith("hafnian") ? "hafnian" : "permanent") + "|",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int last = data.getSeriesCount() - 1;
        renderer.setSeriesLinesVisible(last, true);
        renderer.setSeriesShapesVisible(last, false);
        renderer.setSeriesPaint(last, Color.GRAY);
        renderer.setSeriesStroke(last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        plot.setRenderer(renderer);
        return chart;
    }

    /** The SVG inside a self-contained HTML page, with the Markdown table as preformatted text below it. */
    public static String html(EstimateEvaluation.Result r, int width, int height) {
        String svg = svg(r, width, height);
        int start = svg.indexOf("<svg");
        String table = EvalReport.markdown(r).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>mcs estimate-eval " + r.config().family()
                + "</title></head>\n<body>\n" + svg.substring(Math.max(0, start)) + "\n<pre>\n" + table + "</pre>\n</body></html>\n";
    }
}
