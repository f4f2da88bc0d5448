package mcs.solvers.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import mcs.problems.spi.DeadlineExceededException;

/**
 * A pool kept for the length of one computation that runs many rounds of independent chunks (the layers of
 * a dynamic programme, the blocks of a transform). A round's chunks must write disjoint data; the split into
 * chunks is chosen by the caller without regard to the thread count, so results are bit-identical for any
 * number of threads. One thread runs everything in the caller's thread.
 */
public final class Chunks implements AutoCloseable {
    private final ForkJoinPool pool;

    public Chunks(int threads) {
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /**
     * Runs {@code body} for chunks 0 … count−1 and waits for all of them.
     *
     * @throws DeadlineExceededException if a chunk threw one
     */
    public void run(int count, IntConsumer body) {
        if (pool == null || count <= 1) {
            for (int c = 0; c < count; c++) body.accept(c);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int chunk = c;
            tasks.add(pool.submit(() -> body.accept(chunk)));
        }
        RuntimeException first = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) {
            for (Throwable c = first; c != null; c = c.getCause()) {
                if (c instanceof DeadlineExceededException) throw new DeadlineExceededException();
            }
            throw first;
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
