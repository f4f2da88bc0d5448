package mcs.bench.scaling;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The study's plot: median solve seconds of verified runs against n·m, both axes logarithmic, one line per series
 * (the legend gives the fitted slope). Drawn with JFreeChart into a JFreeSVG canvas; needs no display.
 */
final class ScalingPlot {
    static final int WIDTH = 900, HEIGHT = 600;

    private ScalingPlot() {}

    static String svg(ScalingStudy.Results results) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (SeriesSummary s : results.summaries()) {
            String key = s.label() + (s.fit() == null ? "" : String.format(java.util.Locale.ROOT, " (slope %.2f)", s.fit().slope()));
            XYSeries xy = new XYSeries(key, true, true);
            for (SeriesSummary.SizePoint p : s.sizes()) {
                if (p.medianSeconds() > 0) xy.add((double) p.n() * p.m(), p.medianSeconds());
            }
            if (xy.getItemCount() > 0) data.addSeries(xy);
        }
        LogAxis x = new LogAxis("n·m");
        LogAxis y = new LogAxis("median solve seconds (verified runs)");
        // Fixed ranges: auto-ranging a log axis fails on a single abscissa (a study's first size).
        double[] xr = range(data, true), yr = range(data, false);
        x.setRange(xr[0], xr[1]);
        y.setRange(yr[0], yr[1]);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Scaling: solve time vs n·m (" + results.environment().get("date") + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    /** Decades enclosing every x (or y) value of the data, at least one decade wide; 1..10 when empty. */
    private static double[] range(XYSeriesCollection data, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = xAxis ? data.getXValue(s, i) : data.getYValue(s, i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo > 0)) return new double[] {1, 10};
        double a = Math.pow(10, Math.floor(Math.log10(lo))), b = Math.pow(10, Math.ceil(Math.log10(hi)));
        return new double[] {a, Math.max(b, 10 * a)};
    }
}
