package mcs.bench.perm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.perm.glynn.GlynnSolver;

/**
 * {@code glynn}'s kernel cost in CPU time of one thread (ns per term), on the anchor's matrix
 * ({@link GlynnVsAnchor#anchorMatrix}) as 17-digit decimals (two-word path) and on the grid 2^-29 (one word).
 * One thread runs the whole sum in the calling thread, so its CPU time excludes what other processes take of
 * a shared machine; wall-clock races (the anchor beside glynn) are {@link GlynnVsAnchor}'s job. Run with an
 * older jar first on the class path to time that jar's glynn with the same driver: bench/glynn-cpu.sh
 * alternates the two builds.
 *
 * <p>Prints one line per input: the minimum and median over {@code --reps} solves after a warm-up at n − 3,
 * and the value and bound of the last solve.
 */
public final class GlynnCpuTime {
    private GlynnCpuTime() {}

    public static void main(String[] args) {
        int n = 28, reps = 3;
        long seed = 1;
        String inputs = "decimal17,one-word";
        String label = "glynn";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--input" -> inputs = args[i + 1];
                case "--label" -> label = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] a = GlynnVsAnchor.anchorMatrix(n, seed);
        for (String input : inputs.split(",")) {
            double[] entries = GlynnVsAnchor.inputEntries(input, a);
            PermInstance warm = GlynnVsAnchor.inputInstance(input, entries, n, n - 3);
            PermInstance inst = GlynnVsAnchor.inputInstance(input, entries, n, n);
            for (int w = 0; w < 2; w++) solve(warm);
            double[] ns = new double[reps];
            SolverResult last = null;
            for (int r = 0; r < reps; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                last = solve(inst);
                ns[r] = (mx.getCurrentThreadCpuTime() - c0) / (double) (1L << (n - 1));
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "%s java%d %s n=%d: min %.3f median %.3f ns/term (1 thread CPU) columns=%s value=%s bound=%s%n",
                    label, Runtime.version().feature(), input, n, ns[0], ns[reps / 2], last.statistics().get("columns"), last.value(),
                    last.statistics().get("error_bound"));
        }
    }

    private static SolverResult solve(PermInstance inst) {
        SolverResult r = new GlynnSolver().solve(inst, null, SolverOptions.defaults().withThreads(1));
        if (r.status() != Status.SOLVED) throw new IllegalStateException(r.status() + " " + r.message());
        return r;
    }
}
