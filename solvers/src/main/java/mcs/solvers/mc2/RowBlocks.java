package mcs.solvers.mc2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import mcs.problems.matrix.Pattern;

/**
 * Work split into a fixed number of contiguous blocks, run on a pool: the rows 0..n−1 of a pattern cut into
 * blocks of about equal work (entries of Ω plus one per row), and plain index ranges [0, size) cut evenly
 * (the vector passes of {@link Lbfgs}). Partial results are combined in block order, so sums do not depend on
 * thread scheduling, only on the number of blocks (fixed at construction: {@value #BLOCKS_PER_THREAD} per thread).
 */
final class RowBlocks implements Lbfgs.Ranges {
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

    /** A task on [from, to) returning a partial sum. */
    interface Body {
        double run(int from, int to);
    }

    /** A task on [from, to) writing several partial sums into {@code out}. */
    interface MultiBody {
        void run(int from, int to, double[] out);
    }

    /** Runs the body on every row block and returns the sum of the partial results, added in block order. */
    double sumRows(Body body) {
        if (pool == null) return body.run(start[0], start[count()]);
        int[] bounds = start;
        return sums(1, b -> new double[] {body.run(bounds[b], bounds[b + 1])})[0];
    }

    @Override
    public double sum(int size, Body body) {
        if (pool == null) return body.run(0, size);
        return sums(1, b -> new double[] {body.run(cut(size, b), cut(size, b + 1))})[0];
    }

    @Override
    public double[] sums(int size, int k, MultiBody body) {
        if (pool == null) {
            double[] out = new double[k];
            body.run(0, size, out);
            return out;
        }
        return sums(k, b -> {
            double[] out = new double[k];
            body.run(cut(size, b), cut(size, b + 1), out);
            return out;
        });
    }

    private int cut(int size, int b) {
        return (int) ((long) size * b / count());
    }

    private interface Block {
        double[] run(int b);
    }

    private double[] sums(int k, Block block) {
        List<Callable<double[]>> tasks = new ArrayList<>(count());
        for (int b = 0; b < count(); b++) {
            int index = b;
            tasks.add(() -> block.run(index));
        }
        try {
            double[] total = new double[k];
            for (Future<double[]> f : pool.invokeAll(tasks)) {
                double[] part = f.get();
                for (int c = 0; c < k; c++) total[c] += part[c];
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
