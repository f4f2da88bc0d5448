package mcs.solvers.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import mcs.problems.spi.DeadlineExceededException;

/**
 * The split of a sign-vector sum (Glynn's formula and its relatives) into independent tasks: the top
 * {@link #splitBits(int)} free sign bits are fixed per task, each task walks a Gray code over the rest.
 * The split depends only on the number of free bits, never on the thread count, and results are
 * returned in task order, so a caller that reduces them in that order gets bit-identical sums for any
 * number of threads.
 */
public final class SignTasks {
    /** At most 2^8 tasks: enough to balance a few dozen threads, few enough that per-task setup is negligible. */
    static final int MAX_SPLIT_BITS = 8;

    private SignTasks() {}

    /** Number of fixed top bits for {@code free} free sign bits: min(free − 12, 8), and 0 when free ≤ 12 (tiny sums). */
    public static int splitBits(int free) {
        return free <= 12 ? 0 : Math.min(free - 12, MAX_SPLIT_BITS);
    }

    /**
     * The starting signs of task t: rows low .. low+bits−1 take the bits of t (set bit = sign −1), all
     * other rows +1; the last row is the fixed +1 of the halved sum when low + bits = n − 1.
     */
    public static boolean[] initialMinus(int n, int low, int t) {
        boolean[] minus = new boolean[n];
        for (int b = 0; low + b < n && (t >>> b) != 0; b++) minus[low + b] = ((t >>> b) & 1) != 0;
        return minus;
    }

    /** Σ_i δ_i q_ij for the signs {@code minus} (true = −1), exactly; |result| must fit a long. */
    public static long[] columnSums(long[][] q, boolean[] minus) {
        int n = q.length;
        long[] c = new long[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[j] += minus[i] ? -q[i][j] : q[i][j];
        return c;
    }

    /**
     * Runs {@code tasks} bodies on a fork-join pool of {@code threads} workers and returns their results in
     * task order.
     *
     * @throws DeadlineExceededException if a body threw one
     */
    public static <R> List<R> run(int tasks, int threads, IntFunction<R> body) {
        List<R> out = new ArrayList<>(tasks);
        if (threads <= 1 || tasks <= 1) {
            for (int t = 0; t < tasks; t++) out.add(body.apply(t));
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<ForkJoinTask<R>> futures = new ArrayList<>(tasks);
            for (int t = 0; t < tasks; t++) {
                int task = t;
                futures.add(pool.submit(() -> body.apply(task)));
            }
            for (ForkJoinTask<R> f : futures) out.add(f.join());
            return out;
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof DeadlineExceededException) throw new DeadlineExceededException();
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
