package mcs.verifier.serve;

import java.nio.file.Path;
import mcs.verifier.serve.store.StoreLocation;

/**
 * How {@code mcs serve} runs.
 *
 * @param dataDir the service's folder: the embedded store, the blob store and the workers' scratch space
 * @param store the embedded store under dataDir, or PostgreSQL
 * @param blobs the blob store's folder (shared with workers on other machines)
 * @param bind the address to listen on (127.0.0.1 unless told otherwise; TLS belongs to a reverse proxy)
 * @param port 8080 by default, 0 for a free one
 * @param workers worker threads in this process (0: only {@code mcs worker} processes judge)
 * @param record the record ({@code proofs-data}): its instances are listed and its tiers run submitted solvers
 * @param maxUploadBytes the largest request body accepted (413 above)
 * @param ratePerMinute default per-token rate of submissions and uploads
 * @param quotaPerDay default submissions per token's account per 24 h
 * @param quotaTotal default submissions per account in all, null for no limit
 * @param leaseMs how long a worker's lease on a job lasts without a heartbeat
 * @param graceMs how long SIGTERM waits for running jobs before giving them back to the queue
 */
public record ServiceConfig(Path dataDir, StoreLocation store, Path blobs, String bind, int port, int workers, Path record, long maxUploadBytes,
        int ratePerMinute, int quotaPerDay, Integer quotaTotal, long leaseMs, long graceMs) {

    public Path workDir() {
        return dataDir.resolve("work");
    }

    public Path uploadTmp() {
        return blobs.resolve("tmp");
    }
}
