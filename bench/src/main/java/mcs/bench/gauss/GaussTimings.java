package mcs.bench.gauss;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;

/**
 * The one-command timing run of bench/RESULTS-gauss.md: for each order, field and problem, {@code hafnian-cycles}
 * or {@code loop-hafnian-cycles} on 2 threads and on 1 thread, the plain power-trace baseline (The Walrus's
 * algorithm in plain complex doubles, one thread; up to {@code --baseline-max}) in the same JVM, and, up to
 * {@code --exact-max}, the exact value ({@code hafnian-exact-cycles}), against which the error and the bound
 * are compared. Writes the matrices as Matrix Market files (17 significant digits: the doubles exactly) for the
 * Walrus side of bench/gauss.sh, and a Markdown table plus a CSV. Wall times and the JVM's CPU time; the load
 * average before and after each case.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar mcs.bench.gauss.GaussTimings [--sizes 20,24,28,32,36,40]
 * [--fields real,complex] [--problems haf,loop] [--baseline-max 28] [--exact-max 26] [--seed 1] [--out DIR]}.
 */
public final class GaussTimings {
    private GaussTimings() {}

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = List.of(20, 24, 28, 32, 36, 40);
        List<String> fields = List.of("real", "complex"), problems = List.of("haf", "loop");
        int baselineMax = 28, exactMax = 26;
        long seed = 1;
        Path out = Path.of("bench/results/gauss");
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--sizes" -> sizes = parseInts(v);
                case "--fields" -> fields = List.of(v.split(","));
                case "--problems" -> problems = List.of(v.split(","));
                case "--baseline-max" -> baselineMax = Integer.parseInt(v);
                case "--exact-max" -> exactMax = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out.resolve("work"));
        warmUp();
        List<String> rows = new ArrayList<>();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("gauss.csv")))) {
            csv.println("problem,field,n,terms,ours_2t_s,ours_1t_s,ours_1t_cpu_s,ns_per_term_2t,baseline_1t_s,ratio_baseline_over_ours_2t,"
                    + "value,error_bound,relative_bound,exact_error,bound_covers,load_before,load_after");
            for (String problem : problems) {
                for (String field : fields) {
                    for (int n : sizes) {
                        String row = runCase(problem, field, n, seed, baselineMax, exactMax, out, csv);
                        rows.add(row);
                        System.out.println(row);
                        System.out.flush();
                    }
                }
            }
        }
        try (PrintWriter md = new PrintWriter(Files.newBufferedWriter(out.resolve("gauss.md")))) {
            md.println("| problem | field | n | ours 2 threads s | ours 1 thread s (CPU s) | ns per 2^(n/2) term, 2 threads | plain power trace 1 thread s | baseline / ours | relative bound | exact error / bound | load before → after |");
            md.println("|---|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(md::println);
        }
    }

    private static String runCase(String problem, String field, int n, long seed, int baselineMax, int exactMax, Path out, PrintWriter csv) throws IOException {
        boolean loop = problem.equals("loop"), complex = field.equals("complex");
        GaussCases c = new GaussCases(n, complex, loop, seed);
        writeMatrixMarket(out.resolve("work").resolve(problem + "-" + field + "-n" + n + ".mtx"), c.re, c.im);
        double load0 = load();
        Solver s = Solvers.byName(loop ? "loop-hafnian-cycles" : "hafnian-cycles", loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN).orElseThrow();
        long t0 = System.nanoTime();
        SolverResult two = s.solve(c.instance, null, SolverOptions.defaults().withThreads(2));
        double twoS = (System.nanoTime() - t0) / 1e9;
        long cpu0 = cpu();
        t0 = System.nanoTime();
        SolverResult one = s.solve(c.instance, null, SolverOptions.defaults().withThreads(1));
        double oneS = (System.nanoTime() - t0) / 1e9, oneCpu = (cpu() - cpu0) / 1e9;
        if (!one.value().equals(two.value())) throw new IllegalStateException("thread counts disagree at n = " + n);
        long terms = 1L << (n / 2);
        double baseS = Double.NaN;
        if (n <= baselineMax) {
            t0 = System.nanoTime();
            PlainPowerTrace.value(c.re, c.im, loop);
            baseS = (System.nanoTime() - t0) / 1e9;
        }
        Rational bound = two.certificate().errorBound();
        double rel = (double) two.statistics().get("relative_error_bound");
        String exactErr = "", covers = "";
        if (n <= exactMax) {
            Solver exact = Solvers.byName(loop ? "loop-hafnian-exact-cycles" : "hafnian-exact-cycles", loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN).orElseThrow();
            ComplexValue truth = ComplexValue.parse(exact.solve(c.instance, null, SolverOptions.defaults().withThreads(2)).value());
            ComplexValue v = ComplexValue.parse(two.value());
            Rational err = v.re().subtract(truth.re()).abs().add(v.im().subtract(truth.im()).abs());
            exactErr = String.format(Locale.ROOT, "%.2g / %.2g", err.toDouble(), bound.toDouble());
            covers = err.compareTo(bound) <= 0 ? "yes" : "NO";
        }
        double load1 = load();
        csv.printf(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.4f,%.4f,%.1f,%s,%s,%s,%s,%.3g,%s,%s,%.2f,%.2f%n", problem, field, n, terms, twoS, oneS, oneCpu, twoS * 1e9 / terms,
                Double.isNaN(baseS) ? "" : String.format(Locale.ROOT, "%.4f", baseS), Double.isNaN(baseS) ? "" : String.format(Locale.ROOT, "%.2f", baseS / twoS),
                two.value(), bound.toDecimalString(), rel, exactErr.replace(',', ';'), covers, load0, load1);
        csv.flush();
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f (%.3f) | %.0f | %s | %s | %.2g | %s | %.1f → %.1f |", problem, field, n, twoS, oneS, oneCpu, twoS * 1e9 / terms,
                Double.isNaN(baseS) ? "–" : String.format(Locale.ROOT, "%.3f", baseS), Double.isNaN(baseS) ? "–" : String.format(Locale.ROOT, "%.1f×", baseS / twoS),
                rel, exactErr.isEmpty() ? "–" : exactErr + " (" + covers + ")", load0, load1);
    }

    /** JIT warm-up on small cases of every kind, untimed. */
    private static void warmUp() {
        for (String p : List.of("haf", "loop")) {
            for (boolean complex : new boolean[] {false, true}) {
                GaussCases c = new GaussCases(20, complex, p.equals("loop"), 99);
                Solver s = Solvers.byName(p.equals("loop") ? "loop-hafnian-cycles" : "hafnian-cycles", p.equals("loop") ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN).orElseThrow();
                for (int k = 0; k < 3; k++) s.solve(c.instance, null, SolverOptions.defaults().withThreads(2));
                PlainPowerTrace.value(new GaussCases(12, complex, p.equals("loop"), 99).re, complex ? new GaussCases(12, true, p.equals("loop"), 99).im : null, p.equals("loop"));
            }
        }
    }

    static void writeMatrixMarket(Path file, double[][] re, double[][] im) throws IOException {
        int n = re.length;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("%%MatrixMarket matrix array " + (im == null ? "real" : "complex") + " symmetric");
            w.println(n + " " + n);
            for (int j = 0; j < n; j++) {
                for (int i = j; i < n; i++) {
                    if (im == null) w.printf(Locale.ROOT, "%.17g%n", re[i][j]);
                    else w.printf(Locale.ROOT, "%.17g %.17g%n", re[i][j], im[i][j]);
                }
            }
        }
    }

    private static double load() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<Integer> parseInts(String v) {
        List<Integer> out = new ArrayList<>();
        for (String s : v.split(",")) out.add(Integer.parseInt(s.trim()));
        return out;
    }
}
