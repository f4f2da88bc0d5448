package mcs.verifier.serve.http;

import java.nio.file.Path;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.Leaderboard;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.Submissions;

/**
 * The parts of a running service that request handlers use.
 *
 * @param done notified when a job of this process ends, so that waiting requests look again at once
 */
public record App(Database db, BlobStore blobs, Accounts accounts, Submissions submissions, JobQueue queue, RecordInstances record, Leaderboard leaderboard,
        Intake intake, RateLimiter rates, RateLimiter authFailures, Path uploadTmp, long maxUploadBytes, Object done) {

    /** Wakes requests waiting for a verdict. */
    public void signalDone() {
        synchronized (done) {
            done.notifyAll();
        }
    }
}
