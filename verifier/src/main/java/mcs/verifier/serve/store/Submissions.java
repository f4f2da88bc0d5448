package mcs.verifier.serve.store;

import java.security.SecureRandom;
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
 * Submissions: created with their job in one transaction (after every file they name is in the blob
 * store), read for the pages and the API, and given their results when their job ends.
 */
public final class Submissions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long DAY_MS = 24 * 3600_000L;

    /** A request to make: every file is already stored (blob rows registered). */
    public record New(long userId, String title, String descriptorName, String descriptorSha256, Map<String, String> files, int nClaims,
            boolean hasSolver, String idempotencyKey, long limitMs) {}

    /** The effective quota of the account making it. */
    public record Quota(int perDay, Integer total) {}

    /** The quota would be exceeded; nothing was stored. */
    public static final class QuotaExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuotaExceeded(String message) {
            super(message);
        }
    }

    /** What the pages and the API show of a submission. */
    public record View(String id, String user, String title, String descriptorName, int nClaims, boolean hasSolver, long createdMs,
            String state, String finalState, String reason, int attempts, Long finishedMs, String report, String arenaReportSha256) {
        public boolean finished() {
            return finalState != null;
        }
    }

    /** One claim's row for the pages and the leaderboard. */
    public record ClaimRow(int ordinal, String claimId, String instanceName, String instanceSha256, String claimed, String verdict, String check,
            String reason, String method) {}

    /** One arena run of a submitted solver. */
    public record ArenaRow(String runId, String solver, String instanceSha256, String category, String verdict, String reason, double wallS) {}

    private final Database db;
    private final LongSupplier clock;

    public Submissions(Database db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Registers a stored file (idempotent; its own statement, so concurrent uploads of one file do not conflict). */
    public void registerBlob(String sha256, long size) {
        db.read(c -> {
            if (exists(c, "SELECT 1 FROM blobs WHERE sha256 = ?", sha256)) return null;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO blobs (sha256, size_bytes, created_ms) VALUES (?, ?, ?)")) {
                p.setString(1, sha256);
                p.setLong(2, size);
                p.setLong(3, clock.getAsLong());
                p.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) throw e; // stored meanwhile by another request
            }
            return null;
        });
    }

    public boolean blobKnown(String sha256) {
        return db.read(c -> exists(c, "SELECT 1 FROM blobs WHERE sha256 = ?", sha256));
    }

    /**
     * Creates the submission and its queued job, within the account's quota.
     *
     * @return the new id, or the id made earlier with the same idempotency key
     * @throws QuotaExceeded when the account's daily or total quota is used up
     */
    public String create(New n, Quota quota) {
        long now = clock.getAsLong();
        String id = newId();
        return db.tx(c -> {
            // Serialises the quota check of one account's concurrent requests.
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
                p.setLong(1, n.userId());
                p.executeQuery().close();
            }
            if (n.idempotencyKey() != null) {
                try (PreparedStatement p = c.prepareStatement("SELECT id FROM submissions WHERE user_id = ? AND idempotency_key = ?")) {
                    p.setLong(1, n.userId());
                    p.setString(2, n.idempotencyKey());
                    try (ResultSet r = p.executeQuery()) {
                        if (r.next()) return r.getString(1);
                    }
                }
            }
            long today = charged(c, n.userId(), now - DAY_MS);
            if (today >= quota.perDay())
                throw new QuotaExceeded("the daily quota of " + quota.perDay() + " submissions is used up (failures of the service are not counted)");
            if (quota.total() != null && charged(c, n.userId(), Long.MIN_VALUE) >= quota.total())
                throw new QuotaExceeded("the total quota of " + quota.total() + " submissions is used up (failures of the service are not counted)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO submissions (id, user_id, title, descriptor_name, descriptor_sha256, n_claims, has_solver, "
                    + "created_ms, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setLong(2, n.userId());
                p.setString(3, Text.cap(n.title(), 1000));
                p.setString(4, n.descriptorName());
                p.setString(5, n.descriptorSha256());
                p.setInt(6, n.nClaims());
                p.setBoolean(7, n.hasSolver());
                p.setLong(8, now);
                p.setString(9, n.idempotencyKey());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO submission_files (submission_id, name, sha256) VALUES (?, ?, ?)")) {
                for (var e : n.files().entrySet()) {
                    p.setString(1, id);
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
            JobQueue.enqueue(c, id, n.limitMs(), now);
            return id;
        });
    }

    /** Submissions of an account that count against its quota since {@code sinceMs}: all but those the service failed. */
    private static long charged(Connection c, long userId, long sinceMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM submissions s JOIN jobs j ON j.submission_id = s.id "
                + "WHERE s.user_id = ? AND s.created_ms > ? AND (j.final_state IS NULL OR j.final_state IN ('ACCEPTED', 'REJECTED', 'UNVERIFIED'))")) {
            p.setLong(1, userId);
            p.setLong(2, sinceMs);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** {today, total} submissions charged to an account. */
    public long[] usage(long userId) {
        long now = clock.getAsLong();
        return db.read(c -> new long[] {charged(c, userId, now - DAY_MS), charged(c, userId, Long.MIN_VALUE)});
    }

    private static final String VIEW = "SELECT s.id, u.name, s.title, s.descriptor_name, s.n_claims, s.has_solver, s.created_ms, j.state, j.final_state, j.reason, "
            + "j.attempts, j.finished_ms, s.report, s.arena_report_sha256 FROM submissions s JOIN users u ON u.id = s.user_id JOIN jobs j ON j.submission_id = s.id ";

    public Optional<View> get(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(VIEW + "WHERE s.id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(view(r)) : Optional.empty();
                }
            }
        });
    }

    /** The newest submissions, of one account (userId not null) or of everyone, without their reports. */
    public List<View> recent(Long userId, int limit) {
        String list = VIEW.replace("s.report,", "NULL,");
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(userId == null ? list + "ORDER BY s.created_ms DESC, s.id LIMIT ?"
                    : list + "WHERE s.user_id = ? ORDER BY s.created_ms DESC, s.id LIMIT ?")) {
                int k = 1;
                if (userId != null) p.setLong(k++, userId);
                p.setInt(k, limit);
                try (ResultSet r = p.executeQuery()) {
                    List<View> l = new ArrayList<>();
                    while (r.next()) l.add(view(r));
                    return l;
                }
            }
        });
    }

    private static View view(ResultSet r) throws SQLException {
        return new View(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getBoolean(6), r.getLong(7), r.getString(8),
                r.getString(9), r.getString(10), r.getInt(11), (Long) r.getObject(12, Long.class), r.getString(13), r.getString(14));
    }

    /** The files of a submission, by the name the descriptor uses: name → SHA-256. */
    public Map<String, String> files(String id) {
        return db.read(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, sha256 FROM submission_files WHERE submission_id = ? ORDER BY name")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) m.put(r.getString(1), r.getString(2));
                }
            }
            return m;
        });
    }

    /** The SHA-256 of a submission's descriptor. */
    public Optional<String> descriptorSha(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT descriptor_sha256 FROM submissions WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The owner's account id, or empty. */
    public Optional<Long> owner(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT user_id FROM submissions WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Whether an account may read a blob: it belongs to one of its submissions, or to the record. */
    public boolean mayRead(Long userId, String sha256) {
        return db.read(c -> exists(c, "SELECT 1 FROM record_instances WHERE sha256 = ?", sha256)
                || (userId != null && existsFor(c, userId, sha256)));
    }

    private static boolean existsFor(Connection c, long userId, String sha) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM submission_files f JOIN submissions s ON s.id = f.submission_id WHERE s.user_id = ? AND f.sha256 = ? "
                + "UNION ALL SELECT 1 FROM submissions s WHERE s.user_id = ? AND s.descriptor_sha256 = ?")) {
            p.setLong(1, userId);
            p.setString(2, sha);
            p.setLong(3, userId);
            p.setString(4, sha);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    public List<ClaimRow> claims(String id) {
        return db.read(c -> {
            List<ClaimRow> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ordinal, claim_id, instance_name, instance_sha256, claimed, verdict, check_name, reason, method "
                    + "FROM claim_results WHERE submission_id = ? ORDER BY ordinal")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next())
                        l.add(new ClaimRow(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
                }
            }
            return l;
        });
    }

    /** Writes a finished job's results (called inside {@link JobQueue#finish}'s transaction). */
    public static void saveResults(Connection c, String id, String reportJson, List<ClaimRow> claims, List<ArenaRow> runs, String arenaReportSha) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET report = ?, arena_report_sha256 = ? WHERE id = ?")) {
            p.setString(1, reportJson);
            p.setString(2, arenaReportSha);
            p.setString(3, id);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO claim_results (submission_id, ordinal, claim_id, instance_name, instance_sha256, claimed, verdict, "
                + "check_name, reason, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ClaimRow r : claims) {
                p.setString(1, id);
                p.setInt(2, r.ordinal());
                p.setString(3, Text.cap(r.claimId(), 200));
                p.setString(4, Text.cap(r.instanceName(), 300));
                p.setString(5, r.instanceSha256());
                p.setString(6, Text.cap(r.claimed(), 4000));
                p.setString(7, r.verdict());
                p.setString(8, Text.cap(r.check(), 100));
                p.setString(9, Text.cap(r.reason(), 4000));
                p.setString(10, Text.cap(r.method(), 32));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO arena_runs (submission_id, run_id, solver, instance_sha256, category, verdict, reason, wall_s) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ArenaRow r : runs) {
                p.setString(1, id);
                p.setString(2, Text.cap(r.runId(), 200));
                p.setString(3, Text.cap(r.solver(), 200));
                p.setString(4, r.instanceSha256());
                p.setString(5, r.category());
                p.setString(6, Text.cap(r.verdict(), 4000));
                p.setString(7, Text.cap(r.reason(), 4000));
                p.setDouble(8, r.wallS());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A submission id: "s" and 16 base-32 characters (80 random bits), so ids cannot be enumerated. */
    static String newId() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder s = new StringBuilder("s");
        int buffer = 0, bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return s.toString();
    }
}
