package mcs.verifier.serve.work;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * K worker threads that take jobs from the queue, plus a heartbeat and a reaper. Runs inside
 * {@code mcs serve} ({@code --workers K}) and as {@code mcs worker} on other machines.
 *
 * <p>Each job runs on its own thread while its worker renews the lease every third of the lease time.
 * When the lease is lost (the store gave the job to another worker) or the attempt's deadline passes, the
 * job's thread is interrupted and its outcome discarded. {@link #stop} lets running jobs finish within a
 * grace period and gives the others back to the queue, so that a SIGTERM loses nothing.
 */
public final class WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final JobQueue queue;
    private final JobExecutor executor;
    private final int threads;
    private final long leaseMs;
    private final String ownerPrefix;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService loops;
    private final ExecutorService jobs = Executors.newCachedThreadPool(r -> daemon(r, "mcs-job"));
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> daemon(r, "mcs-heartbeat"));
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final List<Future<?>> loopFutures = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final AtomicLong finished = new AtomicLong();
    private final Runnable onFinish;

    private record Running(JobQueue.Lease lease, Future<JobExecutor.Result> future) {}

    /** @param onFinish called after each job's outcome was stored (wakes requests waiting for it) */
    public WorkerPool(JobQueue queue, JobExecutor executor, int threads, long leaseMs, Runnable onFinish) {
        this.onFinish = onFinish;
        this.queue = queue;
        this.executor = executor;
        this.threads = threads;
        this.leaseMs = leaseMs;
        this.ownerPrefix = host() + "/" + ProcessHandle.current().pid();
        this.loops = Executors.newFixedThreadPool(Math.max(1, threads), r -> daemon(r, "mcs-worker"));
    }

    public void start() {
        for (int k = 0; k < threads; k++) {
            int slot = k;
            loopFutures.add(loops.submit(() -> loop(slot)));
        }
        timers.scheduleWithFixedDelay(this::reap, 0, Math.max(1000, leaseMs / 3), TimeUnit.MILLISECONDS);
        LOG.atInfo().addKeyValue("workers", threads).addKeyValue("lease_ms", leaseMs).addKeyValue("owner", ownerPrefix).log("workers started");
    }

    /** Tells idle workers that a job was queued (in this process), so they need not wait for their next poll. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    public long finishedJobs() {
        return finished.get();
    }

    public int runningJobs() {
        return running.size();
    }

    private void loop(int slot) {
        long idle = 100;
        while (!stopping.get()) {
            Optional<JobQueue.Lease> l;
            try {
                l = queue.claim(ownerPrefix + "/" + slot + "/" + UUID.randomUUID().toString().substring(0, 8), leaseMs);
            } catch (StoreException e) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).log("cannot claim a job; retrying");
                pause(Math.min(idle *= 2, 5000));
                continue;
            } catch (RuntimeException e) {
                LOG.atError().setCause(e).log("worker loop");
                pause(1000);
                continue;
            }
            if (l.isEmpty()) {
                pause(idle = Math.min(idle * 2, 1000));
                continue;
            }
            idle = 100;
            runOne(l.get());
        }
    }

    private void runOne(JobQueue.Lease lease) {
        long t0 = System.nanoTime();
        LOG.atInfo().addKeyValue("job", lease.jobId()).addKeyValue("submission", lease.submissionId()).addKeyValue("attempt", lease.attempt()).log("job started");
        StringWriter progress = new StringWriter();
        Future<JobExecutor.Result> f = jobs.submit(() -> executor.run(lease, progress));
        running.put(lease.jobId(), new Running(lease, f));
        var beat = timers.scheduleWithFixedDelay(() -> heartbeat(lease, f), leaseMs / 3, leaseMs / 3, TimeUnit.MILLISECONDS);
        try {
            long wait = lease.deadlineMs() - System.currentTimeMillis();
            JobExecutor.Result r;
            try {
                r = f.get(Math.max(1, wait), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                LOG.atWarn().addKeyValue("job", lease.jobId()).log("attempt past its limit; the reaper ends it with 'limit'");
                return;
            } catch (java.util.concurrent.CancellationException e) {
                if (stopping.get()) return; // released by stop()
                LOG.atWarn().addKeyValue("job", lease.jobId()).log("lease lost; outcome discarded");
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StoreException se && se.transientFailure()) {
                    // The store was away while the job read its submission: not the submitter's fault, nor a
                    // verdict. Give the job back (or let its lease run out) so that it is judged again.
                    LOG.atWarn().addKeyValue("job", lease.jobId()).addKeyValue("error", se.getMessage()).log("store away during the job; giving it back");
                    try {
                        queue.release(lease);
                    } catch (StoreException again) {
                        LOG.atWarn().addKeyValue("job", lease.jobId()).log("cannot give it back now; its lease will run out");
                    }
                    return;
                }
                LOG.atError().addKeyValue("job", lease.jobId()).setCause(cause).log("job failed inside the service");
                r = new JobExecutor.Result(new JobQueue.Outcome("failed", "failed: an error inside the service (" + cause.getClass().getSimpleName() + ": "
                        + cause.getMessage() + "); not charged"), c -> {});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (stopping.get() && f.isCancelled()) return;
            boolean ok = finish(lease, r);
            finished.incrementAndGet();
            LOG.atInfo().addKeyValue("job", lease.jobId()).addKeyValue("submission", lease.submissionId()).addKeyValue("final_state", r.outcome().finalState())
                    .addKeyValue("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3).addKeyValue("stored", ok).log("job ended");
            onFinish.run();
        } finally {
            beat.cancel(false);
            running.remove(lease.jobId());
        }
    }

    /** Stores the outcome; a store that is away is waited for (the lease keeps the job ours meanwhile, or it goes to another worker). */
    private boolean finish(JobQueue.Lease lease, JobExecutor.Result r) {
        for (long wait = 200; ; wait = Math.min(wait * 2, 5000)) {
            try {
                boolean ok = queue.finish(lease, r.outcome(), r.writer());
                if (!ok) LOG.atWarn().addKeyValue("job", lease.jobId()).log("lease lost before the outcome was stored; another worker has the job");
                return ok;
            } catch (StoreException e) {
                if (!e.transientFailure() || System.currentTimeMillis() > lease.deadlineMs() + leaseMs) {
                    LOG.atError().addKeyValue("job", lease.jobId()).setCause(e).log("cannot store the outcome; the job will be leased again");
                    return false;
                }
                pause(wait);
            }
        }
    }

    private void heartbeat(JobQueue.Lease lease, Future<?> f) {
        try {
            if (!queue.heartbeat(lease, leaseMs)) {
                LOG.atWarn().addKeyValue("job", lease.jobId()).log("lease lost (taken over or ended); stopping the attempt");
                f.cancel(true);
            }
        } catch (StoreException e) {
            LOG.atWarn().addKeyValue("job", lease.jobId()).addKeyValue("error", e.getMessage()).log("heartbeat failed; retrying");
        }
    }

    private void reap() {
        try {
            for (JobQueue.Reaped r : queue.reap())
                LOG.atWarn().addKeyValue("job", r.jobId()).addKeyValue("submission", r.submissionId()).addKeyValue("final_state", r.finalState())
                        .addKeyValue("reason", r.reason()).log("job ended by the reaper");
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("reaper failed; retrying");
        }
    }

    /**
     * Stops taking jobs, lets running ones finish for up to {@code graceMs}, then gives the rest back to
     * the queue (their attempt does not count) and returns.
     */
    public void stop(long graceMs) {
        if (!stopping.compareAndSet(false, true)) return;
        nudge();
        long until = System.currentTimeMillis() + graceMs;
        while (!running.isEmpty() && System.currentTimeMillis() < until) pause(100);
        for (Running r : running.values()) {
            r.future().cancel(true);
            boolean back = false;
            try {
                back = queue.release(r.lease());
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("job", r.lease().jobId()).addKeyValue("error", e.getMessage()).log("cannot release; its lease will run out");
            }
            LOG.atInfo().addKeyValue("job", r.lease().jobId()).addKeyValue("requeued", back).log("job given back to the queue at shutdown");
        }
        loops.shutdownNow();
        timers.shutdownNow();
        jobs.shutdownNow();
        try {
            loops.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(long ms) {
        synchronized (wake) {
            if (stopping.get()) return;
            try {
                wake.wait(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
