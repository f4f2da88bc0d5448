package mcs.verifier.serve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The job queue, in the store, so that nothing in it is lost when a process dies.
 *
 * <p>A worker {@link #claim}s a job by writing its own lease (owner and expiry) on it; on PostgreSQL the
 * candidate row is picked with {@code FOR UPDATE SKIP LOCKED}, on H2 by a compare-and-set update on the row's
 * attempt count (whoever updates the row first wins; the others see 0 rows and try the next). The worker
 * renews the lease ({@link #heartbeat}); a job whose lease ran out is claimed again by any worker.
 *
 * <p><b>Exactly one final state.</b> The final states are {@code ACCEPTED}, {@code REJECTED},
 * {@code UNVERIFIED} (state {@code done}) and {@code limit}, {@code failed} (state {@code failed}). Every
 * update that ends a job requires the job to be queued or running and, for a worker, to hold the lease it
 * was given, so a worker whose lease was taken over cannot write a second outcome, and nothing ever leaves
 * a final state. A job is failed with {@code limit} when an attempt runs past its deadline, and with
 * {@code failed} after its worker was lost {@link #MAX_ATTEMPTS} times; neither counts against the quota.
 */
public final class JobQueue {
    public static final int MAX_ATTEMPTS = 5;
    private static final String CLAIMABLE = "(state = 'queued' OR (state = 'running' AND lease_until_ms < ?)) AND attempts < ?";

    /** A claimed job: only the holder of this lease may renew it, end it or give it back. */
    public record Lease(long jobId, String submissionId, String owner, int attempt, long deadlineMs) {}

    /** How a job ended. */
    public record Outcome(String finalState, String reason) {
        public boolean judged() {
            return finalState.equals("ACCEPTED") || finalState.equals("REJECTED") || finalState.equals("UNVERIFIED");
        }
    }

    /** Writes a job's results inside the transaction that ends it. */
    @FunctionalInterface
    public interface ResultWriter {
        void write(Connection c) throws SQLException;
    }

    /** A job that was ended by {@link #reap}. */
    public record Reaped(long jobId, String submissionId, String finalState, String reason) {}

    private final Database db;
    private final LongSupplier clock;

    public JobQueue(Database db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Puts a job for a submission in the queue (inside the transaction that creates the submission). */
    static void enqueue(Connection c, String submissionId, long limitMs, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (submission_id, state, attempts, enqueued_ms, limit_ms) VALUES (?, 'queued', 0, ?, ?)")) {
            p.setString(1, submissionId);
            p.setLong(2, now);
            p.setLong(3, limitMs);
            p.executeUpdate();
        }
    }

    /** Claims the oldest claimable job for {@code owner}, or empty when there is none. */
    public Optional<Lease> claim(String owner, long leaseMs) {
        long now = clock.getAsLong();
        return db.dialect() == Dialect.POSTGRESQL ? claimSkipLocked(owner, leaseMs, now) : claimCompareAndSet(owner, leaseMs, now);
    }

    private Optional<Lease> claimSkipLocked(String owner, long leaseMs, long now) {
        return db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'running', lease_owner = ?, lease_until_ms = ?, heartbeat_ms = ?, "
                    + "attempts = attempts + 1, started_ms = COALESCE(started_ms, ?), deadline_ms = ? + limit_ms "
                    + "WHERE id = (SELECT id FROM jobs WHERE " + CLAIMABLE + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                    + "RETURNING id, submission_id, attempts, deadline_ms")) {
                p.setString(1, owner);
                p.setLong(2, now + leaseMs);
                p.setLong(3, now);
                p.setLong(4, now);
                p.setLong(5, now);
                p.setLong(6, now);
                p.setInt(7, MAX_ATTEMPTS);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Lease(r.getLong(1), r.getString(2), owner, r.getInt(3), r.getLong(4))) : Optional.empty();
                }
            }
        });
    }

    private Optional<Lease> claimCompareAndSet(String owner, long leaseMs, long now) {
        return db.read(c -> {
            List<long[]> candidates = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, attempts FROM jobs WHERE " + CLAIMABLE + " ORDER BY id LIMIT 16")) {
                p.setLong(1, now);
                p.setInt(2, MAX_ATTEMPTS);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) candidates.add(new long[] {r.getLong(1), r.getInt(2)});
                }
            }
            for (long[] cand : candidates) {
                int n;
                try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'running', lease_owner = ?, lease_until_ms = ?, heartbeat_ms = ?, "
                        + "attempts = attempts + 1, started_ms = COALESCE(started_ms, ?), deadline_ms = ? + limit_ms "
                        + "WHERE id = ? AND attempts = ? AND " + CLAIMABLE)) {
                    p.setString(1, owner);
                    p.setLong(2, now + leaseMs);
                    p.setLong(3, now);
                    p.setLong(4, now);
                    p.setLong(5, now);
                    p.setLong(6, cand[0]);
                    p.setInt(7, (int) cand[1]);
                    p.setLong(8, now);
                    p.setInt(9, MAX_ATTEMPTS);
                    n = p.executeUpdate();
                }
                if (n != 1) continue;
                try (PreparedStatement p = c.prepareStatement("SELECT submission_id, attempts, deadline_ms FROM jobs WHERE id = ? AND lease_owner = ? AND state = 'running'")) {
                    p.setLong(1, cand[0]);
                    p.setString(2, owner);
                    try (ResultSet r = p.executeQuery()) {
                        if (r.next()) return Optional.of(new Lease(cand[0], r.getString(1), owner, r.getInt(2), r.getLong(3)));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Renews a lease; false when it is no longer this worker's (taken over, or the job was ended). */
    public boolean heartbeat(Lease l, long leaseMs) {
        long now = clock.getAsLong();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET lease_until_ms = ?, heartbeat_ms = ? WHERE id = ? AND lease_owner = ? AND state = 'running'")) {
                p.setLong(1, now + leaseMs);
                p.setLong(2, now);
                p.setLong(3, l.jobId());
                p.setString(4, l.owner());
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends a job with its outcome and, in the same transaction, its results.
     *
     * @return false (and nothing written) when the lease is no longer this worker's
     */
    public boolean finish(Lease l, Outcome o, ResultWriter results) {
        long now = clock.getAsLong();
        return db.tx(c -> {
            int n;
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = ?, final_state = ?, reason = ?, finished_ms = ?, lease_owner = NULL, lease_until_ms = NULL "
                    + "WHERE id = ? AND lease_owner = ? AND state = 'running'")) {
                p.setString(1, o.judged() ? "done" : "failed");
                p.setString(2, o.finalState());
                p.setString(3, Text.cap(o.reason(), 4000));
                p.setLong(4, now);
                p.setLong(5, l.jobId());
                p.setString(6, l.owner());
                n = p.executeUpdate();
            }
            if (n != 1) {
                c.rollback();
                return false;
            }
            results.write(c);
            return true;
        });
    }

    /** Gives a running job back to the queue (graceful shutdown); the attempt does not count. */
    public boolean release(Lease l) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until_ms = NULL, deadline_ms = NULL, "
                    + "attempts = attempts - 1 WHERE id = ? AND lease_owner = ? AND state = 'running'")) {
                p.setLong(1, l.jobId());
                p.setString(2, l.owner());
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends the jobs that can no longer end by themselves: an attempt past its deadline ({@code limit}), and
     * a job whose worker was lost {@link #MAX_ATTEMPTS} times ({@code failed}). Any process may call it, at
     * any time, as often as it likes.
     */
    public List<Reaped> reap() {
        long now = clock.getAsLong();
        List<Reaped> out = new ArrayList<>();
        List<Object[]> rows = db.read(c -> {
            List<Object[]> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, submission_id, attempts, limit_ms, deadline_ms, lease_until_ms FROM jobs "
                    + "WHERE state = 'running' AND (deadline_ms < ? OR (lease_until_ms < ? AND attempts >= ?))")) {
                p.setLong(1, now);
                p.setLong(2, now);
                p.setInt(3, MAX_ATTEMPTS);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) l.add(new Object[] {r.getLong(1), r.getString(2), r.getInt(3), r.getLong(4), r.getLong(5), r.getLong(6)});
                }
            }
            return l;
        });
        for (Object[] r : rows) {
            long id = (Long) r[0];
            int attempts = (Integer) r[2];
            long limitMs = (Long) r[3], deadline = (Long) r[4];
            boolean limit = deadline < now;
            String fs = limit ? "limit" : "failed";
            String reason = limit
                    ? "limit: attempt " + attempts + " did not finish within " + limitMs / 1000 + " s (the job's limit); not charged"
                    : "failed: the worker running it was lost " + attempts + " times (killed, or its machine failed); not charged";
            boolean done = db.read(c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'failed', final_state = ?, reason = ?, finished_ms = ?, lease_owner = NULL, lease_until_ms = NULL "
                        + "WHERE id = ? AND state = 'running' AND attempts = ? AND " + (limit ? "deadline_ms < ?" : "lease_until_ms < ?"))) {
                    p.setString(1, fs);
                    p.setString(2, reason);
                    p.setLong(3, now);
                    p.setLong(4, id);
                    p.setInt(5, attempts);
                    p.setLong(6, now);
                    return p.executeUpdate() == 1;
                }
            });
            if (done) out.add(new Reaped(id, (String) r[1], fs, reason));
        }
        return out;
    }

    /** Jobs by state (queued, running, done, failed). */
    public Map<String, Long> counts() {
        return db.read(c -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String s : List.of("queued", "running", "done", "failed")) m.put(s, 0L);
            try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM jobs GROUP BY state"); ResultSet r = p.executeQuery()) {
                while (r.next()) m.put(r.getString(1), r.getLong(2));
            }
            return m;
        });
    }
}
