package mcs.bench.perm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.glynn.GlynnSolver;

/**
 * {@code glynn} beside the C yardstick {@code glynn_lanes.c} (REFERENCES §3; it lives outside the repository,
 * in the shared anchors folder) on the same matrix, in one run: the harness compiles the anchor with
 * {@code cc -O3 -march=native -fopenmp} (unchanged, through a driver that renames its {@code main} and reads
 * the matrix from stdin), then alternates {@code glynn} (in this JVM) and the anchor (a child process) for
 * {@code --rounds} rounds, after one warm-up solve. It prints per input: median times, the ratio
 * glynn / anchor, ns per term per core (time × threads / 2^(n−1)), and the value check.
 *
 * <p><b>Matrix.</b> The anchor's own generator ({@code --random N SEED}: a 64-bit LCG, uniform doubles in
 * [−1, 1)), reproduced here bit for bit. Inputs: {@code decimal17}: those doubles written with 17
 * significant digits (what a user's file holds; glynn's exact two-word path), the anchor reading the same
 * text back (which gives the same doubles); {@code one-word}: the doubles rounded to the grid 2^-29, whose
 * column sums fit one word (glynn's one-word path; the anchor's column sums are exact too).
 *
 * <p><b>Value check.</b> glynn's value is within its stated bound of the exact permanent of its input; the
 * anchor has no bound. Its own rounding is estimated by running it on row rotations of the matrix (the same
 * permanent, different rounding): s = max |v(rotation) − v|. The check is |v_glynn − v_anchor| ≤ bound + s
 * on the matrix both read exactly: for {@code decimal17} glynn solves the doubles themselves once more
 * (untimed), because the decimals and the doubles differ below 10^-17 relative per entry.
 *
 * <p>Run (bench/glynn-anchor.sh does all of it): {@code java -cp bench/target/benchmarks.jar
 * mcs.bench.perm.GlynnVsAnchor --anchor ../shared/anchors/glynn_lanes.c --n 30 --threads 2 --rounds 3}.
 */
public final class GlynnVsAnchor {
    private GlynnVsAnchor() {}

    public static void main(String[] args) throws Exception {
        String anchor = "../shared/anchors/glynn_lanes.c";
        String cc = "cc";
        String inputs = "decimal17,one-word";
        Path work = Path.of("bench", "target", "glynn-anchor");
        int n = 30, threads = 2, rounds = 3;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--anchor" -> anchor = v;
                case "--cc" -> cc = v;
                case "--input" -> inputs = v;
                case "--work" -> work = Path.of(v);
                case "--n" -> n = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        Path src = Path.of(anchor).toAbsolutePath().normalize();
        if (!Files.isRegularFile(src)) {
            usage("the C anchor " + src + " does not exist: it lives in the project's shared folder (shared/anchors/glynn_lanes.c); "
                    + "give its path with --anchor PATH");
        }
        Path exe = compile(cc, src, work);
        System.out.printf(Locale.ROOT, "# glynn vs glynn_lanes.c: n = %d, %d threads, %d rounds, seed %d; java %s (%s); anchor %s%n",
                n, threads, rounds, seed, System.getProperty("java.version"), System.getProperty("java.vm.name"), src);
        System.out.printf(Locale.ROOT, "# load average before: %s%n", loadAverage());
        double[] a = anchorMatrix(n, seed);
        warmUp(a, n, threads);
        List<String> rows = new ArrayList<>();
        for (String input : inputs.split(",")) rows.add(race(input, a, n, threads, rounds, exe));
        System.out.printf(Locale.ROOT, "# load average after: %s%n", loadAverage());
        System.out.println();
        System.out.println("| JDK | input | n | threads | glynn (median) | anchor (median) | ratio | glynn ns/term/core | anchor ns/term/core | columns | |Δ| | glynn bound | anchor spread | check |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String r : rows) System.out.println(r);
    }

    private static String race(String input, double[] a0, int n, int threads, int rounds, Path exe) throws Exception {
        boolean decimal = input.equals("decimal17");
        if (!decimal && !input.equals("one-word")) usage("--input takes decimal17 and/or one-word, got " + input);
        double[] a = inputEntries(input, a0);
        String[] text = new String[a.length];
        for (int i = 0; i < a.length; i++) text[i] = decimal ? decimal17(a[i]) : Double.toHexString(a[i]);
        PermInstance timed = inputInstance(input, a, n, n);
        long terms = 1L << (n - 1);
        double[] tg = new double[rounds];
        double[] ta = new double[rounds];
        SolverResult last = null;
        double anchorValue = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            last = new GlynnSolver().solve(timed, null, SolverOptions.defaults().withThreads(threads));
            tg[r] = (System.nanoTime() - t0) / 1e9;
            if (last.status() != Status.SOLVED) throw new IllegalStateException("glynn: " + last.status() + " " + last.message());
            double[] run = runAnchor(exe, n, threads, text, 0);
            anchorValue = run[0];
            ta[r] = run[1];
            System.out.printf(Locale.ROOT, "# %s round %d: glynn %.3f s (%s), anchor %.3f s (%.17g)%n", input, r + 1, tg[r], last.value(), ta[r], run[0]);
        }
        // The value check, on the matrix both sides read exactly.
        SolverResult exact = decimal ? new GlynnSolver().solve(instance(n, i -> Rational.ofDouble(a[i])), null,
                SolverOptions.defaults().withThreads(threads)) : last;
        BigDecimal vg = new BigDecimal(exact.value().replace("e", "E"));
        BigDecimal bound = new BigDecimal(String.valueOf(exact.statistics().get("error_bound")));
        double spread = 0;
        for (int rot = 1; rot <= 2; rot++) spread = Math.max(spread, Math.abs(runAnchor(exe, n, threads, text, rot)[0] - anchorValue));
        BigDecimal diff = vg.subtract(new BigDecimal(anchorValue)).abs();
        boolean ok = diff.compareTo(bound.add(new BigDecimal(spread))) <= 0;
        double mg = median(tg), ma = median(ta);
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f s | %.3f s | **%.2f×** | %.2f | %.2f | %s | %.2e | %.2e | %.2e | %s |",
                Runtime.version().feature(), input, n, threads, mg, ma, mg / ma, mg * threads / terms * 1e9, ma * threads / terms * 1e9,
                exact.statistics().get("columns"), diff.doubleValue(), bound.doubleValue(), spread, ok ? "within bound + spread" : "**OUTSIDE**");
    }

    /** One warm-up solve at n − 4 (compiles the kernel) before anything is timed. */
    private static void warmUp(double[] a, int n, int threads) {
        int m = Math.max(8, n - 4);
        double[] b = new double[m * m];
        for (int i = 0; i < m; i++) System.arraycopy(a, i * n, b, i * m, m);
        for (double[] x : List.of(b, onGrid(b, 29))) {
            new GlynnSolver().solve(instance(m, i -> Rational.ofDouble(x[i])), null, SolverOptions.defaults().withThreads(threads));
        }
    }

    /** Runs the anchor on the matrix with its rows rotated by {@code rot}; returns {value, seconds}. */
    private static double[] runAnchor(Path exe, int n, int threads, String[] text, int rot) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString(), Integer.toString(n), Integer.toString(threads), "1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int row = (i + rot) % n;
                for (int j = 0; j < n; j++) sb.append(text[row * n + j]).append(j + 1 < n ? ' ' : '\n');
            }
            w.write(sb.toString());
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        if (p.waitFor() != 0 || out.isEmpty()) throw new IllegalStateException("the anchor failed (exit " + p.exitValue() + "): " + out);
        String[] f = out.split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    private static Path compile(String cc, Path anchor, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path driver = work.resolve("glynn_anchor_main.c");
        try (InputStream in = GlynnVsAnchor.class.getResourceAsStream("glynn_anchor_main.c")) {
            if (in == null) throw new IllegalStateException("glynn_anchor_main.c is missing from the class path");
            Files.write(driver, in.readAllBytes());
        }
        Path exe = work.resolve("glynn_anchor").toAbsolutePath();
        List<String> cmd = List.of(cc, "-O3", "-march=native", "-fopenmp", "-DGLYNN_LANES_C=\"" + anchor + "\"", driver.toString(), "-o", exe.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            usage("cannot run the C compiler '" + cc + "' (" + e.getMessage() + "); install gcc or give --cc");
            return null;
        }
        if (p.waitFor() != 0) usage("compiling the anchor failed: " + String.join(" ", cmd));
        return exe;
    }

    /** The anchor's {@code --random N SEED} matrix, row-major. */
    static double[] anchorMatrix(int n, long seed) {
        long s = seed * 6364136223846793005L + 1442695040888963407L;
        double[] a = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            a[i] = ((s >>> 11) * (1.0 / 9007199254740992.0)) * 2 - 1;
        }
        return a;
    }

    private static double[] onGrid(double[] a, int bits) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Math.scalb(Math.rint(Math.scalb(a[i], bits)), -bits);
        return b;
    }

    /** 17 significant digits, correctly rounded (as C's %.17g): reads back as the same double. */
    static String decimal17(double x) {
        return new BigDecimal(x).round(new MathContext(17, RoundingMode.HALF_EVEN)).toString();
    }

    private static PermInstance instance(int n, java.util.function.IntFunction<Rational> entry) {
        Rational[][] r = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i][j] = entry.apply(i * n + j);
        return PermInstance.permanent(RationalMatrix.of(r));
    }

    /** The entries of input kind "decimal17" (a as it is) or "one-word" (a on the grid 2^-29) that both sides read. */
    static double[] inputEntries(String input, double[] a) {
        if (input.equals("decimal17")) return a;
        if (input.equals("one-word")) return onGrid(a, 29);
        throw new IllegalArgumentException("--input takes decimal17 and/or one-word, got " + input);
    }

    /**
     * glynn's instance for the leading m × m block of the n × n entries {@code a} (from {@link #inputEntries}): exact
     * values of their 17-digit decimals (what the anchor reads as text) for "decimal17", the doubles themselves for
     * "one-word".
     */
    static PermInstance inputInstance(String input, double[] a, int n, int m) {
        boolean decimal = input.equals("decimal17");
        Rational[][] r = new Rational[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = a[i * n + j];
                r[i][j] = decimal ? Rational.of(new BigDecimal(decimal17(x))) : Rational.ofDouble(x);
            }
        }
        return PermInstance.permanent(RationalMatrix.of(r));
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void usage(String message) {
        System.err.println("GlynnVsAnchor: " + message);
        System.exit(2);
    }
}
