package mcs.solvers.engine.parallel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads for computations made of many short parallel sections, each followed by a little
 * serial work (the passes of an L-BFGS iteration, the rounds of one objective evaluation: about 20–40 sections
 * of 0.5–30 ms each per iteration). A thread pool with a queue costs two hand-offs per section (wake the workers,
 * then wake the waiting caller), each a futex wake-up that on a virtual machine takes tens of microseconds and
 * often more; here the caller is one of the team and runs tasks itself, the {@code threads − 1} workers spin for
 * up to {@link #SPIN_NANOS} waiting for the next section before they park, and the caller spins as long for the
 * last task of a section before it parks. On a machine with a free core per thread a section then starts and
 * ends without a system call.
 *
 * <p>Tasks 0 … count−1 of a section are claimed from a shared counter in index order, so which thread runs which
 * task varies; callers must make each task write disjoint data and combine per-task results in task order, so
 * that results do not depend on the team size (this class guarantees nothing else). With one thread everything
 * runs on the caller, in index order. Spinning costs CPU that other processes could use: on a machine loaded
 * beyond its cores, one thread is the better choice.
 *
 * <p>Not reentrant: one section at a time, started from one thread.
 */
public final class Team implements AutoCloseable {
    /** How long an idle thread spins before it parks: longer than the serial gap between two sections and than the usual imbalance of one. */
    static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A section's body: runs task {@code index}. */
    public interface Task {
        void run(int index);
    }

    /** One section: its own counters, so a worker still leaving the previous section cannot claim a task of this one. */
    private static final class Section {
        final Task body;
        final int count;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Thread waiter;
        volatile Throwable failure;

        Section(Task body, int count) {
            this.body = body;
            this.count = count;
        }

        /** Claims and runs tasks until none is left. */
        void work() {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                try {
                    body.run(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                }
                if (done.incrementAndGet() == count) {
                    Thread w = waiter;
                    if (w != null) LockSupport.unpark(w);
                }
            }
        }
    }

    private final Thread[] workers;
    private volatile Section current;
    private volatile boolean closed;
    /** Set by a worker before it parks, read by the caller after it publishes a section. */
    private final AtomicInteger sleepers = new AtomicInteger();

    /** @param threads team size including the calling thread (≥ 1; 1 runs everything on the caller) */
    public Team(int threads) {
        int w = Math.max(0, threads - 1);
        workers = new Thread[w];
        for (int k = 0; k < w; k++) {
            Thread t = new Thread(this::loop, "team-" + k);
            t.setDaemon(true);
            workers[k] = t;
        }
        for (Thread t : workers) t.start();
    }

    /** Threads of the team, the caller included. */
    public int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code body} for tasks 0 … count−1 and returns when all have finished. An exception thrown by a task is
     * rethrown here (the first one seen) after all tasks have ended.
     */
    public void run(int count, Task body) {
        if (workers.length == 0 || count <= 1) {
            for (int i = 0; i < count; i++) body.run(i);
            return;
        }
        if (closed) throw new IllegalStateException("team closed");
        Section s = new Section(body, count);
        current = s;
        if (sleepers.get() > 0) {
            for (Thread t : workers) LockSupport.unpark(t);
        }
        s.work();
        if (s.done.get() < count) {
            long until = System.nanoTime() + SPIN_NANOS;
            while (s.done.get() < count && System.nanoTime() - until < 0) Thread.onSpinWait();
            if (s.done.get() < count) {
                s.waiter = Thread.currentThread();
                while (s.done.get() < count) LockSupport.park(this);
                s.waiter = null;
            }
        }
        Throwable t = s.failure;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private void loop() {
        Section seen = null;
        while (!closed) {
            Section s = current;
            if (s == seen) {
                long until = System.nanoTime() + SPIN_NANOS;
                while ((s = current) == seen && !closed && System.nanoTime() - until < 0) Thread.onSpinWait();
                if (s == seen) {
                    sleepers.incrementAndGet();
                    // Re-check after announcing: a section published before the increment was seen here.
                    if (current == seen && !closed) LockSupport.park(this);
                    sleepers.decrementAndGet();
                    continue;
                }
            }
            seen = s;
            if (s != null) s.work();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) LockSupport.unpark(t);
    }
}
