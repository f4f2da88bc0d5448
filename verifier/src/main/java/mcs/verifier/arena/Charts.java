package mcs.verifier.arena;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's plots as inline SVG (JFreeChart drawn on JFreeSVG, headless): a cactus plot (runs solved
 * against the time needed, per solver) and a log–log scatter of two solvers' times per (instance, seed)
 * with the diagonal y = x. Times below one millisecond are drawn at 1 ms (log axes); an unsolved run is
 * drawn at twice the time limit, the usual convention of competition scatter plots.
 */
public final class Charts {
    static final double FLOOR_S = 0.001;
    private static final int W = 720, H = 440;

    private Charts() {}

    static String cactus(List<RunRow> rows, List<String> solvers, double limitS) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String s : solvers) {
            List<Double> times = new ArrayList<>();
            for (RunRow r : rows) if (r.solver().equals(s) && r.solved()) times.add(Math.max(FLOOR_S, r.wallS()));
            times.sort(null);
            XYSeries series = new XYSeries(s);
            for (int k = 0; k < times.size(); k++) series.add(k + 1, times.get(k));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Cactus plot: runs solved within a time", "runs solved (CORRECT)", "wall time (s)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(logAxis("wall time (s)", limitS));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLowerBound(0);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(rend);
        style(chart);
        return svg(chart);
    }

    /** Scatter of solver a (x) against solver b (y) over the (instance, seed) pairs both ran. */
    static String scatter(List<RunRow> rows, String a, String b, double limitS) {
        Map<String, RunRow> ra = new HashMap<>(), rb = new HashMap<>();
        for (RunRow r : rows) {
            String key = r.instanceSha256() + "|" + r.seed();
            if (r.solver().equals(a)) ra.put(key, r);
            if (r.solver().equals(b)) rb.put(key, r);
        }
        XYSeries both = new XYSeries("both solved"), one = new XYSeries("at most one solved");
        double cap = 2 * limitS;
        for (var e : ra.entrySet()) {
            RunRow y = rb.get(e.getKey());
            if (y == null) continue;
            RunRow x = e.getValue();
            double tx = x.solved() ? Math.max(FLOOR_S, x.wallS()) : cap;
            double ty = y.solved() ? Math.max(FLOOR_S, y.wallS()) : cap;
            (x.solved() && y.solved() ? both : one).add(tx, ty);
        }
        XYSeries diag = new XYSeries("y = x");
        diag.add(FLOOR_S, FLOOR_S);
        diag.add(cap * 1.5, cap * 1.5);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(both);
        data.addSeries(one);
        data.addSeries(diag);
        JFreeChart chart = ChartFactory.createScatterPlot("Wall time per run: " + a + " vs " + b, a + " (s)", b + " (s)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(logAxis(a + " (s)", limitS));
        plot.setRangeAxis(logAxis(b + " (s)", limitS));
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer();
        rend.setSeriesLinesVisible(0, false);
        rend.setSeriesLinesVisible(1, false);
        rend.setSeriesShapesVisible(2, false);
        rend.setSeriesLinesVisible(2, true);
        rend.setSeriesPaint(2, Color.GRAY);
        rend.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        plot.setRenderer(rend);
        style(chart);
        return svg(chart);
    }

    private static LogAxis logAxis(String label, double limitS) {
        return logAxis(label, FLOOR_S / 2, Math.max(4 * limitS, 10 * FLOOR_S));
    }

    /** A base-10 logarithmic axis over [lo, hi] (lo &gt; 0), as the report's plots use. */
    public static LogAxis logAxis(String label, double lo, double hi) {
        LogAxis ax = new LogAxis(label);
        ax.setBase(10);
        ax.setRange(lo, hi);
        ax.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return ax;
    }

    /** The reports' chart style: white background, light grey plot area and grid. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(new Color(0xf7, 0xf7, 0xf7));
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    /** The chart as an inline {@code <svg>} element (720×440). */
    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        chart.draw(g, new Rectangle(0, 0, W, H));
        return g.getSVGElement();
    }
}
