package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mcs.verifier.arena.Standing;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.Leaderboard;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.StoreLocation;
import mcs.verifier.serve.store.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's contract, run on both stores ({@link StoreContractH2Test}, {@link StoreContractPostgresTest}):
 * the same migrations, accounts and token hashes, the queue's leases and its one final state per job, the
 * quota that never charges a failure of the service, and the leaderboard.
 */
abstract class StoreContractTest {
    @TempDir Path dir;
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    Database db;
    Accounts accounts;
    Submissions subs;
    JobQueue queue;
    BlobStore blobs;
    String descriptorSha;

    abstract StoreLocation location();

    @BeforeEach
    void open() throws Exception {
        db = Stores.open(location());
        accounts = new Accounts(db, now::get);
        subs = new Submissions(db, now::get);
        queue = new JobQueue(db, now::get);
        blobs = new BlobStore(dir.resolve("blobs"));
        BlobStore.Blob b = blobs.put(new ByteArrayInputStream("{\"format\":\"mcs-submission/1\"}".getBytes(StandardCharsets.UTF_8)), 1000);
        subs.registerBlob(b.sha256(), b.size());
        descriptorSha = b.sha256();
    }

    @AfterEach
    void close() {
        // null when the store could not be opened (a PostgreSQL test skipped where no server is set up)
        if (db != null) db.close();
    }

    long user(String name) {
        accounts.addUser(name);
        return accounts.user(name).orElseThrow().id();
    }

    String submit(long userId, String title) {
        return subs.create(new Submissions.New(userId, title, "submission.json", descriptorSha, Map.of("a.mtx", descriptorSha), 1, false, null, 60_000),
                new Submissions.Quota(1000, null));
    }

    @Test
    void migrationsRunOnceAndReopen() {
        db.close();
        db = Stores.open(location());
        long v = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE"); ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertTrue(v >= 1, "flyway recorded its migrations");
        assertEquals(Map.of("queued", 0L, "running", 0L, "done", 0L, "failed", 0L), new JobQueue(db, now::get).counts());
    }

    @Test
    void tokensAreStoredOnlyAsHashesAndRevocationIsImmediate() {
        String token = accounts.addUser("alice");
        assertTrue(token.matches("mcs_[a-z2-7]{16}_[A-Za-z0-9_-]{43}"), token);
        String secret = token.substring(21);
        List<String> stored = db.read(c -> {
            List<String> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, secret_hash FROM tokens"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    l.add(r.getString(1));
                    l.add(r.getString(2));
                }
            }
            return l;
        });
        assertEquals(2, stored.size());
        assertTrue(stored.get(1).startsWith("$argon2id$"), "an Argon2id hash: " + stored.get(1));
        assertFalse(stored.get(1).contains(secret), "the secret itself is not stored");
        assertEquals("alice", accounts.authenticate(token).orElseThrow().user().name());
        assertEquals("alice", accounts.authenticate(token).orElseThrow().user().name(), "again, from the cache");
        String forged = token.substring(0, 21) + (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);
        assertTrue(accounts.authenticate(forged).isEmpty(), "a wrong secret with a right id");
        assertTrue(accounts.authenticate("mcs_x_y").isEmpty());
        assertTrue(accounts.authenticate(null).isEmpty());
        String second = accounts.addToken("alice");
        assertNotEquals(token, second);
        Accounts other = new Accounts(db, now::get); // another process (mcs serve user revoke) on the same store
        assertEquals(2, other.revoke("alice"));
        assertTrue(accounts.authenticate(token).isEmpty(), "revoked, although this process cached the verification");
        assertTrue(accounts.authenticate(second).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> accounts.addUser("alice"));
        assertThrows(IllegalArgumentException.class, () -> accounts.addUser("bad name'; --"));
    }

    @Test
    void sessionsEndWithTheirToken() {
        String token = accounts.addUser("bob");
        Accounts.Principal p = accounts.authenticate(token).orElseThrow();
        String cookie = accounts.openSession(p);
        assertEquals("bob", accounts.session(cookie).orElseThrow().user().name());
        accounts.revoke("bob");
        assertTrue(accounts.session(cookie).isEmpty());
    }

    @Test
    void aJobIsLeasedOnceAndEndsOnce() {
        long u = user("carol");
        String id = submit(u, "one");
        JobQueue.Lease l = queue.claim("w1", 30_000).orElseThrow();
        assertEquals(id, l.submissionId());
        assertEquals(1, l.attempt());
        assertTrue(queue.claim("w2", 30_000).isEmpty(), "a leased job is not handed out twice");
        now.addAndGet(20_000);
        assertTrue(queue.heartbeat(l, 30_000));
        now.addAndGet(20_000);
        assertTrue(queue.claim("w2", 30_000).isEmpty(), "the heartbeat kept the lease");
        assertTrue(queue.finish(l, new JobQueue.Outcome("ACCEPTED", "all claims accepted"), c -> {}));
        assertFalse(queue.finish(l, new JobQueue.Outcome("REJECTED", "again"), c -> {}), "a second final state is refused");
        assertFalse(queue.heartbeat(l, 30_000));
        Submissions.View v = subs.get(id).orElseThrow();
        assertEquals("done", v.state());
        assertEquals("ACCEPTED", v.finalState());
        assertEquals("all claims accepted", v.reason());
    }

    @Test
    void aDeadWorkersJobIsLeasedAgainAndTheDeadWorkerCannotEndIt() {
        String id = submit(user("dave"), "t");
        JobQueue.Lease first = queue.claim("w1", 30_000).orElseThrow();
        now.addAndGet(31_000); // w1 stopped heartbeating
        JobQueue.Lease second = queue.claim("w2", 30_000).orElseThrow();
        assertEquals(id, second.submissionId());
        assertEquals(2, second.attempt());
        assertFalse(queue.heartbeat(first, 30_000), "w1 learns that it lost the lease");
        assertFalse(queue.finish(first, new JobQueue.Outcome("REJECTED", "late"), c -> {}), "w1's late outcome is refused");
        assertTrue(queue.finish(second, new JobQueue.Outcome("ACCEPTED", "ok"), c -> {}));
        assertEquals("ACCEPTED", subs.get(id).orElseThrow().finalState());
    }

    @Test
    void limitsAndLostWorkersEndJobsWithoutCharging() {
        long u = user("erin");
        String slow = submit(u, "slow");
        String lost = submit(u, "lost");
        JobQueue.Lease l = queue.claim("w1", 30_000).orElseThrow();
        assertEquals(slow, l.submissionId());
        for (int k = 0; k < 3; k++) { // the heartbeat goes on, but the attempt runs past its 60 s limit
            now.addAndGet(25_000);
            queue.heartbeat(l, 30_000);
        }
        for (int k = 0; k < JobQueue.MAX_ATTEMPTS; k++) {
            JobQueue.Lease x = queue.claim("w" + k, 30_000).orElseThrow();
            assertEquals(lost, x.submissionId());
            now.addAndGet(31_000); // its worker dies every time
            assertTrue(queue.heartbeat(l, 30_000), "the slow one's worker is alive");
        }
        assertTrue(queue.claim("w9", 30_000).isEmpty(), "a job lost " + JobQueue.MAX_ATTEMPTS + " times is not handed out again");
        List<JobQueue.Reaped> reaped = queue.reap();
        assertEquals(2, reaped.size(), reaped.toString());
        assertEquals("limit", subs.get(slow).orElseThrow().finalState());
        assertTrue(subs.get(slow).orElseThrow().reason().startsWith("limit"));
        assertEquals("failed", subs.get(lost).orElseThrow().finalState());
        assertFalse(queue.finish(l, new JobQueue.Outcome("ACCEPTED", "too late"), c -> {}), "the slow worker's late outcome is refused");
        assertTrue(queue.reap().isEmpty(), "reaping twice ends nothing twice");
        assertEquals(0, subs.usage(u)[0], "neither counts against the quota");
    }

    @Test
    void aReleasedJobIsQueuedAgainWithoutCountingTheAttempt() {
        String id = submit(user("fay"), "t");
        JobQueue.Lease l = queue.claim("w1", 30_000).orElseThrow();
        assertTrue(queue.release(l));
        JobQueue.Lease again = queue.claim("w2", 30_000).orElseThrow();
        assertEquals(id, again.submissionId());
        assertEquals(1, again.attempt());
    }

    @Test
    void concurrentWorkersClaimEveryJobExactlyOnce() throws Exception {
        long u = user("gus");
        int jobs = 40;
        for (int k = 0; k < jobs; k++) submit(u, "job " + k);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> dup = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String owner = "w" + w;
            fs.add(pool.submit(() -> {
                for (Optional<JobQueue.Lease> l; (l = queue.claim(owner, 30_000)).isPresent(); ) {
                    if (!seen.add(l.get().submissionId())) synchronized (dup) {
                        dup.add(l.get().submissionId());
                    }
                    assertTrue(queue.finish(l.get(), new JobQueue.Outcome("ACCEPTED", "ok"), c -> {}));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(dup.isEmpty(), "claimed twice: " + dup);
        assertEquals(jobs, seen.size());
        assertEquals((long) jobs, queue.counts().get("done"));
    }

    @Test
    void quotasCountJudgedAndPendingSubmissionsOnly() {
        long u = user("hal");
        Submissions.Quota q = new Submissions.Quota(2, 3);
        Submissions.New n = new Submissions.New(u, "q", "submission.json", descriptorSha, Map.of(), 1, false, null, 60_000);
        String a = subs.create(n, q);
        subs.create(n, q);
        assertThrows(Submissions.QuotaExceeded.class, () -> subs.create(n, q));
        // the first one fails through no fault of the submitter: it stops counting
        JobQueue.Lease l = queue.claim("w", 30_000).orElseThrow();
        assertEquals(a, l.submissionId());
        assertTrue(queue.finish(l, new JobQueue.Outcome("failed", "internal error"), c -> {}));
        subs.create(n, q);
        assertEquals(2, subs.usage(u)[0]);
        now.addAndGet(25 * 3600_000L); // a day later the daily quota is free, the total one is not
        subs.create(n, q);
        assertThrows(Submissions.QuotaExceeded.class, () -> subs.create(n, q));
    }

    @Test
    void anIdempotencyKeyMakesARetriedPostHarmless() {
        long u = user("ida");
        Submissions.New n = new Submissions.New(u, "q", "submission.json", descriptorSha, Map.of(), 1, false, "key-1", 60_000);
        String a = subs.create(n, new Submissions.Quota(10, null));
        assertEquals(a, subs.create(n, new Submissions.Quota(10, null)));
        assertEquals(1, subs.recent(u, 10).size());
    }

    @Test
    void sqlMetacharactersInTextAreStoredAsText() {
        long u = user("o.brien-2");
        String title = "Robert'); DROP TABLE submissions; -- \" \\ % _ ;";
        String id = subs.create(new Submissions.New(u, title, "x'--.json", descriptorSha, Map.of("a'; DELETE FROM blobs; --.mtx", descriptorSha), 1, false,
                "k' OR '1'='1", 60_000), new Submissions.Quota(10, null));
        assertEquals(title, subs.get(id).orElseThrow().title());
        assertEquals("x'--.json", subs.get(id).orElseThrow().descriptorName());
        assertEquals(Set.of("a'; DELETE FROM blobs; --.mtx"), subs.files(id).keySet());
        assertTrue(subs.blobKnown(descriptorSha));
    }

    @Test
    void theLeaderboardRanksAWrongAnswerLast() throws Exception {
        Path record = Path.of("..", "proofs-data").toAbsolutePath().normalize();
        RecordInstances rec = new RecordInstances(db, subs);
        assertTrue(rec.load(record, blobs) > 50);
        assertEquals(rec.all().size(), new RecordInstances(db, subs).load(record, blobs), "loading twice updates, never duplicates");
        RecordInstances.Item yes = rec.byId("spec-3x3-yes").orElseThrow(), no = rec.byId("spec-3x3-no").orElseThrow();
        assertEquals("examples", yes.tier());
        assertTrue(rec.byId("mc2-spec").orElseThrow().extraFiles().size() == 2, "an MC2 descriptor brings the files it names");
        long careful = user("careful"), bold = user("bold");
        judge(careful, List.of(new Submissions.ClaimRow(0, "c1", "a.mtx", yes.sha256(), "COMPLETABLE", "ACCEPTED", "psd", "ok", "exact")));
        judge(bold, List.of(new Submissions.ClaimRow(0, "c1", "a.mtx", yes.sha256(), "COMPLETABLE", "ACCEPTED", "psd", "ok", "exact"),
                new Submissions.ClaimRow(1, "c2", "b.mtx", no.sha256(), "COMPLETABLE", "REJECTED", "claim", "wrong", "exact")));
        List<Standing> board = new Leaderboard(db).rank("psd-completion", "examples");
        assertEquals(List.of("careful (claims)", "bold (claims)"), board.stream().map(Standing::solver).toList());
        assertEquals(1, board.get(1).wrong());
        assertEquals(1, board.get(1).correct());
        assertTrue(new Leaderboard(db).rank("psd-completion", "tiny").isEmpty());
        assertTrue(new Leaderboard(db).boards().stream().anyMatch(b -> b[0].equals("permanent") && b[1].equals("public")));
    }

    private void judge(long user, List<Submissions.ClaimRow> claims) {
        String id = submit(user, "claims");
        JobQueue.Lease l = queue.claim("w", 30_000).orElseThrow();
        assertEquals(id, l.submissionId());
        assertTrue(queue.finish(l, new JobQueue.Outcome("ACCEPTED", "r"), c -> Submissions.saveResults(c, id, "{}", claims, List.of(), null)));
    }
}
