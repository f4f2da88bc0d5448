package mcs.solvers.mc2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import mcs.problems.matrix.Pattern;

/**
 * Rows 0..n−1 cut into contiguous blocks of about equal work (entries of Ω plus one per row), and a way to
 * run a per-block task on a pool. Results are combined in block order, so a sum over blocks does not depend
 * on the thread count's scheduling (only on the number of blocks, fixed at construction).
 */
final class RowBlocks {
    /** Blocks per worker thread: a few, so that a slow core does not hold up the others for long. */
    private static final int BLOCKS_PER_THREAD = 4;

    private final int[] start;
    private final ExecutorService pool;

    /** @param pool null to run on the calling thread (one block) */
    RowBlocks(Pattern omega, ExecutorService pool, int threads) {
        this.pool = pool;
        int n = omega.n();
        int blocks = pool == null ? 1 : Math.max(1, Math.min(n, threads * BLOCKS_PER_THREAD));
        long work = (long) omega.m() + n;
        start = new int[blocks + 1];
        int b = 1;
        long acc = 0;
        for (int i = 0; i < n && b < blocks; i++) {
            acc += omega.rowEnd(i) - omega.rowStart(i) + 1;
            if (acc * blocks >= work * b) start[b++] = i + 1;
        }
        while (b <= blocks) start[b++] = n;
    }

    int count() {
        return start.length - 1;
    }

    /** A task on rows [from, to) returning a partial sum. */
    interface Body {
        double run(int from, int to);
    }

    /** Runs the body on every block and returns the sum of the partial results, added in block order. */
    double sum(Body body) {
        if (pool == null) return body.run(start[0], start[1]);
        List<Callable<Double>> tasks = new ArrayList<>(count());
        for (int b = 0; b < count(); b++) {
            int from = start[b], to = start[b + 1];
            tasks.add(() -> body.run(from, to));
        }
        try {
            double s = 0;
            for (Future<Double> f : pool.invokeAll(tasks)) s += f.get();
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
