package mcs.bench.gauss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;

/**
 * Side-by-side timings of the structured Gaussian-integral solvers (issue 17 items 2–3) against the dense
 * baselines, in one JVM and one run:
 * <ul>
 *   <li>repeated rows: {@code hafnian-repeated} (and {@code hafnian-repeated-float}) on m modes with every
 *       r_i = 2 (N = 2m photons) against {@code hafnian} on the expanded N×N matrix;
 *   <li>0-1 tridiagonal permanent: {@code permanent-banded} against {@code exact-modular} (the dense
 *       solver that {@code auto} used before: {@code sparse} cannot split a tridiagonal matrix);
 *   <li>banded hafnian (bandwidth 3, entries in [−3, 3]): {@code hafnian-banded} against {@code hafnian}.
 * </ul>
 * A baseline is run only where it finishes within {@code --baseline-limit} seconds by the measured trend
 * (each +2 in order doubles or quadruples it); beyond that the row says so. Each timing is the median of
 * {@code --repeats} runs after one untimed warm-up run (no warm-up for single runs), on {@code --threads} threads; values are compared
 * between the two columns when both ran. Prints a Markdown table with the load average (and writes it to
 * {@code --out FILE} when given).
 *
 * <pre>java -cp bench/target/benchmarks.jar mcs.bench.gauss.StructureRuns [--threads 2] [--repeats 3] [--out FILE]</pre>
 */
public final class StructureRuns {
    private StructureRuns() {}

    record Row(String what, String size, String ours, double oursS, String base, double baseS, String note) {}

    public static void main(String[] args) throws IOException {
        int threads = 2, repeats = 3;
        double baselineLimit = 120;
        Path out = null;
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--threads" -> threads = Integer.parseInt(args[++k]);
                case "--repeats" -> repeats = Integer.parseInt(args[++k]);
                case "--baseline-limit" -> baselineLimit = Double.parseDouble(args[++k]);
                case "--out" -> out = Path.of(args[++k]);
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        String loadBefore = load();
        List<Row> rows = new ArrayList<>();
        SolverOptions o = SolverOptions.defaults().withThreads(threads);
        // Repeated rows: m modes, r = 2 each, symmetric entries in {0, 1, 2}.
        double base = 0;
        int lastBaseN = 0;
        for (int m : new int[] {10, 12, 14, 16, 20}) {
            RationalMatrix a = symmetric(new SplittableRandom(m), m, 0, 2, Integer.MAX_VALUE);
            int[] r = new int[m];
            Arrays.fill(r, 2);
            RepeatedInstance rep = RepeatedInstance.symmetric(new PermInstance(Problem.HAFNIAN, PermInstance.Field.INTEGER, a, null), r);
            Timed ours = time("hafnian-repeated", Problem.HAFNIAN, rep, o, m >= 20 ? 1 : repeats);
            Timed flt = time("hafnian-repeated-float", Problem.HAFNIAN, rep, o, m >= 20 ? 1 : repeats);
            Timed b = null;
            double predicted = lastBaseN == 0 ? 0 : base * Math.pow(2, 2 * m - lastBaseN) * (2.0 * m / lastBaseN);
            if (predicted <= baselineLimit) {
                b = time("hafnian", Problem.HAFNIAN, rep.expand(), o, 1);
                base = b.seconds;
                lastBaseN = 2 * m;
            }
            rows.add(row("hafnian, m modes with r_i = 2 (N = 2m), entries 0..2", "m = " + m + ", N = " + 2 * m, ours, b, predicted, baselineLimit,
                    "float: " + fmt(flt.seconds) + " s, " + flt.note));
        }
        // A Gaussian-boson-sampling photon pattern: 20 modes, 40 photons, 6-digit decimal entries (gbs-pattern).
        for (long seed : new long[] {1, 2}) {
            RepeatedInstance g = (RepeatedInstance) mcs.problems.families.Families.byName("gbs-pattern").orElseThrow()
                    .generate(20, seed, java.util.Map.of("photons", "40")).instance();
            Timed ours = time("hafnian-repeated", Problem.HAFNIAN, g, o, 1);
            Timed flt = time("hafnian-repeated-float", Problem.HAFNIAN, g, o, 1);
            long classes = 1;
            for (int r : g.rowRepeats()) classes *= r + 1;
            rows.add(new Row("gbs-pattern (20 modes, 40 photons, 6-digit decimals), seed " + seed, "repeats " + Arrays.toString(g.rowRepeats())
                    + ", prod(r+1) = " + classes, fmt(ours.seconds), ours.seconds, "not run (2^39 sign vectors)", Double.NaN,
                    "float: " + fmt(flt.seconds) + " s, " + flt.note + " (value " + ours.value.length() + " chars, exact)"));
        }
        // Tridiagonal 0-1 permanent.
        base = 0;
        lastBaseN = 0;
        for (int n : new int[] {20, 24, 28, 40}) {
            long[][] t = new long[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i][j] = Math.abs(i - j) <= 1 ? 1 : 0;
            PermInstance p = PermInstance.permanent(RationalMatrix.ofLongs(t));
            Timed ours = time("permanent-banded", Problem.PERMANENT, p, o, repeats);
            double predicted = lastBaseN == 0 ? 0 : base * Math.pow(2, n - lastBaseN) * ((double) n / lastBaseN);
            Timed b = predicted <= baselineLimit ? time("exact-modular", Problem.PERMANENT, p, o, 1) : null;
            if (b != null) {
                base = b.seconds;
                lastBaseN = n;
            }
            rows.add(row("0-1 tridiagonal permanent (F(n+1))", "n = " + n, ours, b, predicted, baselineLimit, ""));
        }
        // Banded hafnian, bandwidth 3.
        base = 0;
        lastBaseN = 0;
        for (int n : new int[] {20, 24, 28, 200}) {
            RationalMatrix a = symmetric(new SplittableRandom(n), n, -3, 3, 3);
            PermInstance h = PermInstance.hafnian(a);
            Timed ours = time("hafnian-banded", Problem.HAFNIAN, h, o, repeats);
            double predicted = lastBaseN == 0 ? 0 : base * Math.pow(2, n - lastBaseN) * ((double) n / lastBaseN);
            Timed b = predicted <= baselineLimit ? time("hafnian", Problem.HAFNIAN, h, o, 1) : null;
            if (b != null) {
                base = b.seconds;
                lastBaseN = n;
            }
            rows.add(row("banded hafnian, bandwidth 3, entries -3..3", "n = " + n, ours, b, predicted, baselineLimit, ""));
        }
        String table = table(rows, threads, repeats, loadBefore, load());
        System.out.print(table);
        if (out != null) Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    record Timed(double seconds, String value, String note) {}

    private static Timed time(String solver, Problem p, Instance inst, SolverOptions o, int repeats) {
        Solver s = Solvers.byName(solver, p).orElseThrow(() -> new IllegalStateException("no solver " + solver));
        // Warm-up (JIT) only for the repeated, short runs; a single long run is its own warm-up.
        SolverResult last = null;
        if (repeats > 1) {
            last = s.solve(inst, null, o);
            if (last.status() != Status.SOLVED) throw new IllegalStateException(solver + ": " + last.status() + " " + last.message());
        }
        double[] t = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            last = s.solve(inst, null, o);
            t[k] = (System.nanoTime() - t0) / 1e9;
            if (last.status() != Status.SOLVED) throw new IllegalStateException(solver + ": " + last.status() + " " + last.message());
        }
        Arrays.sort(t);
        String note = last.exact() ? "exact" : "bound " + last.certificate().errorBound().toDecimalString();
        return new Timed(t[repeats / 2], last.value(), note);
    }

    private static Row row(String what, String size, Timed ours, Timed base, double predicted, double limit, String note) {
        String n = note;
        if (base != null && ours.note.equals("exact") && !ours.value.equals(base.value)) n += " VALUES DIFFER: " + ours.value + " vs " + base.value;
        else if (base != null) n += (n.isEmpty() ? "" : "; ") + "values agree";
        String b = base != null ? fmt(base.seconds) : "not run (about " + fmt(predicted) + " s by the trend, over the " + fmt(limit) + " s limit)";
        return new Row(what, size, fmt(ours.seconds), ours.seconds, b, base == null ? Double.NaN : base.seconds, n);
    }

    private static String table(List<Row> rows, int threads, int repeats, String before, String after) {
        StringBuilder sb = new StringBuilder();
        sb.append("Threads: ").append(threads).append("; median of ").append(repeats).append(" runs after a warm-up (baselines: one run); load average before: ")
                .append(before).append(", after: ").append(after).append("; Java ").append(System.getProperty("java.version")).append("\n\n");
        sb.append("| case | size | ours (s) | baseline (s) | baseline/ours | note |\n|---|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            String ratio = Double.isNaN(r.baseS) ? "–" : String.format(Locale.ROOT, "%.0f×", r.baseS / Math.max(r.oursS, 1e-9));
            sb.append("| ").append(r.what).append(" | ").append(r.size).append(" | ").append(r.ours).append(" | ").append(r.base).append(" | ")
                    .append(ratio).append(" | ").append(r.note).append(" |\n");
        }
        return sb.toString();
    }

    /** A random symmetric matrix with entries in [lo, hi] within the given bandwidth (others 0). */
    static RationalMatrix symmetric(SplittableRandom rng, int n, int lo, int hi, int bandwidth) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = i - j <= bandwidth ? Rational.of(lo + rng.nextInt(hi - lo + 1)) : Rational.ZERO;
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    static String fmt(double s) {
        return s < 0.01 ? String.format(Locale.ROOT, "%.4f", s) : s < 10 ? String.format(Locale.ROOT, "%.3f", s) : String.format(Locale.ROOT, "%.1f", s);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
