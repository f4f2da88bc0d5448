package mcs.solvers.engine.lowrank;

import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.parallel.Team;

/**
 * Work split into a fixed number of contiguous blocks, run on a {@link Team} or one after the other on the calling
 * thread: the rows 0..n−1 of a pattern cut into blocks of about equal work (degree in G(Ω) plus two per row), and
 * plain index ranges [0, size) cut evenly (the vector passes of {@link Lbfgs}). Each block's partial result is
 * kept apart and the parts are added in block order, so every sum depends on the number of blocks (fixed at
 * construction) and on nothing else: not on the pool, its size or the scheduling. The same block count run
 * with 1, 2 or 8 threads gives bit-identical results.
 */
public final class RowBlocks implements Lbfgs.Ranges {
    private final int[] start;
    private final Team pool;

    /**
     * @param pool the team (the calling thread and its workers), or null to run the blocks in order on the calling thread
     * @param blocks number of blocks (≥ 1; at most n of them are non-empty)
     */
    public RowBlocks(Pattern omega, Team pool, int blocks) {
        this.pool = pool;
        int n = omega.n();
        blocks = Math.max(1, Math.min(Math.max(1, n), blocks));
        // Work of row i: its degree in G(Ω) plus 2 (the diagonal and the row itself), so that every block owns
        // about the same number of pairs from either end (what the tiles of FactorObjective need).
        // The total is the sum of these weights, 2m (m counts the diagonal): it was once taken as 2m + n, which cut
        // every block n/blocks too late and left the last block 1 − (blocks − 1)·n/(2m) of a share (83% for 4 blocks
        // at degree 20, 65% for 8), so that every round of FactorObjective waited for its larger tiles.
        int[] weight = new int[n];
        long work = 0;
        for (int i = 0; i < n; i++) {
            weight[i] += omega.rowEnd(i) - omega.rowStart(i) + 1;
            for (int e = omega.rowStart(i); e < omega.rowEnd(i) - 1; e++) weight[omega.col(e)]++;
        }
        for (int w : weight) work += w;
        start = new int[blocks + 1];
        int b = 1;
        long acc = 0;
        for (int i = 0; i < n && b < blocks; i++) {
            acc += weight[i];
            if (acc * blocks >= work * b) start[b++] = i + 1;
        }
        while (b <= blocks) start[b++] = n;
    }

    int count() {
        return start.length - 1;
    }

    /** First row of block b (b ≤ count(); start(count()) = n). */
    int start(int b) {
        return start[b];
    }

    /** A task on [from, to) returning a partial sum. */
    interface Body {
        double run(int from, int to);
    }

    /** A task on [from, to) writing several partial sums into {@code out}. */
    interface MultiBody {
        void run(int from, int to, double[] out);
    }

    /** A task on block b returning a partial sum. */
    interface BlockBody {
        double run(int b);
    }

    /** Runs the body on every block index and returns the sum of the partial results, added in block order. */
    double sumBlocks(BlockBody body) {
        return sumTasks(count(), body);
    }

    /** Runs the body on task indices 0..tasks−1 (in parallel when there is a pool) and adds the results in index order. */
    double sumTasks(int tasks, BlockBody body) {
        if (tasks == 1) return body.run(0);
        return sums(tasks, 1, b -> new double[] {body.run(b)})[0];
    }

    /** Runs the body on every row block and returns the sum of the partial results, added in block order. */
    double sumRows(Body body) {
        int[] bounds = start;
        return sumBlocks(b -> body.run(bounds[b], bounds[b + 1]));
    }

    @Override
    public double sum(int size, Body body) {
        if (count() == 1) return body.run(0, size);
        return sums(count(), 1, b -> new double[] {body.run(cut(size, b), cut(size, b + 1))})[0];
    }

    @Override
    public double[] sums(int size, int k, MultiBody body) {
        if (count() == 1) {
            double[] out = new double[k];
            body.run(0, size, out);
            return out;
        }
        return sums(count(), k, b -> {
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

    private double[] sums(int tasks, int k, Block block) {
        if (pool == null) {
            double[] total = new double[k];
            for (int b = 0; b < tasks; b++) {
                double[] part = block.run(b);
                for (int c = 0; c < k; c++) total[c] += part[c];
            }
            return total;
        }
        double[][] parts = new double[tasks][];
        pool.run(tasks, b -> parts[b] = block.run(b));
        double[] total = new double[k];
        for (double[] part : parts) {
            for (int c = 0; c < k; c++) total[c] += part[c];
        }
        return total;
    }
}
