package mcs.bench.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What one series' runs add up to: the log–log fit of solve time against n·m over the runs whose certificate
 * the kernel accepted, the fraction accepted, and the median time and accepted count per size.
 *
 * @param label the series label; @param solver solver name; @param family family name
 * @param runs runs attempted (ABSENT and skipped sizes are not runs)
 * @param verified runs whose certificate the kernel accepted
 * @param fit null when fewer than two verified runs at distinct n·m
 * @param cpuFit the same fit on the solving thread's CPU time (robust to other jobs on a shared machine; null
 *     when CPU times are unavailable)
 * @param mFit wall-clock time against m alone (when m grows like n, as in every family here, the n·m slope is
 *     about half the m slope: linear time in m shows as 0.5 in n·m)
 * @param sizes per n: median solve seconds of verified runs (NaN if none), runs and accepted counts, m
 * @param note why the series is empty or was cut short, else empty
 */
record SeriesSummary(String label, String solver, String family, int runs, int verified, LogLogFit fit, LogLogFit cpuFit, LogLogFit mFit, List<SizePoint> sizes,
        String note) {

    /** @param medianSeconds median over the verified runs at this n (NaN when none) */
    record SizePoint(int n, long m, int runs, int verified, double medianSeconds) {}

    double fractionVerified() {
        return runs == 0 ? Double.NaN : (double) verified / runs;
    }

    static SeriesSummary of(StudyConfig.Series s, List<RunRow> rows, String note) {
        List<Double> xs = new ArrayList<>(), ts = new ArrayList<>(), cx = new ArrayList<>(), cs = new ArrayList<>(), ms = new ArrayList<>();
        TreeMap<Integer, List<RunRow>> byN = new TreeMap<>();
        int runs = 0, ok = 0;
        for (RunRow r : rows) {
            if (r.status().equals("ABSENT")) continue;
            runs++;
            byN.computeIfAbsent(r.n(), k -> new ArrayList<>()).add(r);
            if (r.verified()) {
                ok++;
                xs.add(r.nm());
                ms.add((double) r.m());
                ts.add(Math.max(r.solveSeconds(), 1e-6));
                if (Double.isFinite(r.cpuSeconds())) {
                    cx.add(r.nm());
                    cs.add(Math.max(r.cpuSeconds(), 1e-6));
                }
            }
        }
        List<SizePoint> points = new ArrayList<>();
        for (var e : byN.entrySet()) {
            double[] t = e.getValue().stream().filter(RunRow::verified).mapToDouble(RunRow::solveSeconds).sorted().toArray();
            int v = t.length;
            points.add(new SizePoint(e.getKey(), e.getValue().get(0).m(), e.getValue().size(), v, median(t)));
        }
        return new SeriesSummary(s.label(), s.solver(), s.family(), runs, ok, fit(xs, ts), fit(cx, cs), fit(ms, ts), points, note);
    }

    private static LogLogFit fit(List<Double> x, List<Double> t) {
        return LogLogFit.of(x.stream().mapToDouble(Double::doubleValue).toArray(), t.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) return Double.NaN;
        double[] v = sorted.clone();
        Arrays.sort(v);
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : 0.5 * (v[h - 1] + v[h]);
    }
}
