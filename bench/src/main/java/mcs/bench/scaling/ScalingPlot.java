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
        x.setSmallestValue(1);
        y.setSmallestValue(1e-4);
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
}
