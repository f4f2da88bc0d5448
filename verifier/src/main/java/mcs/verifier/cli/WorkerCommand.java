package mcs.verifier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.Submissions;
import mcs.verifier.serve.work.JobExecutor;
import mcs.verifier.serve.work.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcs worker}: judges queued submissions of a service's store, on this machine or another. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = {
    "Takes jobs from the service's queue and judges them, like the service's own workers: this is how the service outgrows one",
    "machine. It needs the same store (--db postgresql://...) and the same blob store (--blobs, a shared folder). SIGTERM",
    "finishes running jobs or gives them back to the queue."
})
final class WorkerCommand implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--blobs", paramLabel = "DIR", description = "The service's blob store (shared). Default: DATA/blobs.")
    Path blobs;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "2", description = "Judging threads. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--record", paramLabel = "DIR", defaultValue = "proofs-data", description = "The record whose tiers submitted solvers run on. Default: ${DEFAULT-VALUE}.")
    Path record;

    @Option(names = "--lease", paramLabel = "S", defaultValue = "30", description = "Lease time in seconds (as the service's). Default: ${DEFAULT-VALUE}.")
    double leaseS;

    @Option(names = "--grace", paramLabel = "S", defaultValue = "30", description = "Seconds SIGTERM waits for running jobs. Default: ${DEFAULT-VALUE}.")
    double graceS;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (workers < 1) throw new UsageException("--workers must be 1 or more");
        Path data = store.data.toAbsolutePath().normalize();
        Path blobDir = blobs != null ? blobs.toAbsolutePath() : data.resolve("blobs");
        if (!Files.isDirectory(blobDir)) throw new UsageException("--blobs: no folder " + blobDir + " (the service's blob store, shared with this machine)");
        Database db = Database.open(store.location(), 2 + 2 * workers);
        BlobStore bs = new BlobStore(blobDir);
        Path work = data.resolve("work");
        Files.createDirectories(work);
        WorkerPool pool = new WorkerPool(new JobQueue(db, System::currentTimeMillis), new JobExecutor(bs, new Submissions(db, System::currentTimeMillis),
                record.toAbsolutePath(), work), workers, (long) (leaseS * 1000), () -> {});
        CountDownLatch down = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.stop((long) (graceS * 1000));
            db.close();
            down.countDown();
        }, "mcs-shutdown"));
        pool.start();
        spec.commandLine().getErr().println("mcs worker: " + workers + " worker(s) on " + db.display() + ", blobs in " + blobDir);
        spec.commandLine().getErr().flush();
        down.await();
        return ExitCodes.OK;
    }
}
