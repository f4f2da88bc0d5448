package mcs.bench.csdp;

import java.util.List;
import java.util.Locale;

/**
 * A small self-contained SVG: wall-clock seconds against the constraint count m, both on log scales;
 * CSDP as filled circles, DSDP as filled triangles, ours as open squares. Rows without a time are left out.
 */
final class Plot {
    private Plot() {}

    private static final int W = 640, H = 420, L = 70, R = 20, T = 30, B = 50;

    static String svg(List<ComparisonRow> rows) {
        double mMin = Double.MAX_VALUE, mMax = 1, tMin = Double.MAX_VALUE, tMax = 1e-3;
        for (ComparisonRow r : rows) {
            mMin = Math.min(mMin, r.m());
            mMax = Math.max(mMax, r.m());
            for (double t : new double[] {r.csdp().wallSeconds(), r.dsdp().wallSeconds(), r.ours().solveSeconds()}) {
                if (Double.isFinite(t) && t > 0) {
                    tMin = Math.min(tMin, t);
                    tMax = Math.max(tMax, t);
                }
            }
        }
        if (mMin == Double.MAX_VALUE) mMin = 1;
        if (tMin == Double.MAX_VALUE) tMin = 1e-3;
        double lx0 = Math.floor(Math.log10(mMin)), lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(mMax)));
        double ly0 = Math.floor(Math.log10(tMin)), ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(tMax)));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\">wall-clock seconds vs constraints m (log-log)</text>\n");
        s.append(line(L, H - B, W - R, H - B)).append(line(L, T, L, H - B));
        for (double e = lx0; e <= lx1; e++) {
            double x = L + (e - lx0) / (lx1 - lx0) * (W - L - R);
            s.append(line(x, H - B, x, H - B + 5)).append(text(x, H - B + 18, "1e" + (int) e, "middle"));
        }
        for (double e = ly0; e <= ly1; e++) {
            double y = H - B - (e - ly0) / (ly1 - ly0) * (H - T - B);
            s.append(line(L - 5, y, L, y)).append(text(L - 8, y + 4, "1e" + (int) e, "end"));
        }
        s.append(text((L + W - R) / 2.0, H - 12, "m = n + |E|", "middle"));
        for (ComparisonRow r : rows) {
            double x = L + (Math.log10(r.m()) - lx0) / (lx1 - lx0) * (W - L - R);
            double tc = r.csdp().wallSeconds();
            if (Double.isFinite(tc) && tc > 0) {
                double y = H - B - (Math.log10(tc) - ly0) / (ly1 - ly0) * (H - T - B);
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f77b4\"><title>CSDP %s %.3f s</title></circle>%n",
                        x, y, r.instance().name(), tc));
            }
            double td = r.dsdp().wallSeconds();
            if (Double.isFinite(td) && td > 0) {
                double y = H - B - (Math.log10(td) - ly0) / (ly1 - ly0) * (H - T - B);
                s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f l 5 8 l -10 0 z\" fill=\"#2ca02c\"><title>DSDP %s %.3f s</title></path>%n",
                        x, y - 5, r.instance().name(), td));
            }
            double to = r.ours().solveSeconds();
            if (Double.isFinite(to) && to > 0) {
                double y = H - B - (Math.log10(to) - ly0) / (ly1 - ly0) * (H - T - B);
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"#d62728\"><title>ours %s %.3f s</title></rect>%n",
                        x - 4, y - 4, r.instance().name(), to));
            }
        }
        s.append("<circle cx=\"").append(L + 20).append("\" cy=\"").append(T + 10).append("\" r=\"4\" fill=\"#1f77b4\"/>")
                .append(text(L + 30, T + 14, "CSDP", "start"));
        s.append("<rect x=\"").append(L + 76).append("\" y=\"").append(T + 6).append("\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"#d62728\"/>")
                .append(text(L + 90, T + 14, "mcs ipm", "start"));
        s.append(String.format(Locale.ROOT, "<path d=\"M %d %d l 5 8 l -10 0 z\" fill=\"#2ca02c\"/>", L + 160, T + 5))
                .append(text(L + 170, T + 14, "DSDP", "start"));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", x1, y1, x2, y2);
    }

    private static String text(double x, double y, String t, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, t);
    }
}
