package mcs.verifier.serve;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import mcs.verifier.serve.http.App;
import mcs.verifier.serve.http.Intake;
import mcs.verifier.serve.http.RateLimiter;
import mcs.verifier.serve.http.Routes;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.Leaderboard;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.Submissions;
import mcs.verifier.serve.work.JobExecutor;
import mcs.verifier.serve.work.WorkerPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mcs serve}: the store, the blob store, K in-process workers and the HTTP server (Javalin on
 * Jetty). {@link #stop} is the graceful shutdown that SIGTERM triggers: /health turns 503, running jobs get
 * {@link ServiceConfig#graceMs()} to finish and are given back to the queue otherwise, then the server and
 * the store close.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final ServiceConfig config;
    private final Database db;
    private final App app;
    private final WorkerPool workers;
    private final Javalin http;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch down = new CountDownLatch(1);

    private Service(ServiceConfig config, Database db, App app, WorkerPool workers, Javalin http) {
        this.config = config;
        this.db = db;
        this.app = app;
        this.workers = workers;
        this.http = http;
    }

    /** The store's password file of an embedded store: created once with a random password, readable by its owner only. */
    public static String embeddedPassword(Path dataDir) throws IOException {
        createPrivateDir(dataDir);
        Path f = dataDir.resolve("db.secret");
        if (!Files.exists(f)) {
            Path t = dataDir.resolve("db.secret.tmp");
            Files.writeString(t, UUID.randomUUID().toString().replace("-", "") + "\n");
            setPrivate(t, "rw-------");
            try {
                Files.move(t, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(t);
            }
        }
        return Files.readString(f).trim();
    }

    static void createPrivateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            setPrivate(dir, "rwx------");
        }
    }

    private static void setPrivate(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not a POSIX file system: the folder keeps its default rights.
        }
    }

    public static Service start(ServiceConfig c) throws IOException {
        createPrivateDir(c.dataDir());
        BlobStore blobs = new BlobStore(c.blobs());
        int cleaned = blobs.cleanTmp(3600_000);
        Database db = Database.open(c.store(), 12 + 2 * c.workers());
        try {
            Accounts accounts = new Accounts(db, System::currentTimeMillis);
            Submissions subs = new Submissions(db, System::currentTimeMillis);
            JobQueue queue = new JobQueue(db, System::currentTimeMillis);
            RecordInstances record = new RecordInstances(db, subs);
            int loaded = c.record() != null && Files.isDirectory(c.record()) ? record.load(c.record(), blobs) : 0;
            if (loaded == 0) LOG.atWarn().addKeyValue("record", String.valueOf(c.record())).log("no record loaded: no instances to list, and submitted solvers cannot be run");
            Intake intake = new Intake(blobs, subs, record, c.dataDir().resolve("scratch"), new Intake.Limits(c.ratePerMinute(), c.quotaPerDay(), c.quotaTotal()));
            App app = new App(db, blobs, accounts, subs, queue, record, new Leaderboard(db), intake, new RateLimiter(System::nanoTime), new RateLimiter(System::nanoTime),
                    c.uploadTmp(), c.maxUploadBytes(), new Object());
            WorkerPool workers = null;
            if (c.workers() > 0) {
                Files.createDirectories(c.workDir());
                workers = new WorkerPool(queue, new JobExecutor(blobs, subs, c.record(), c.workDir()), c.workers(), c.leaseMs(), app::signalDone);
            }
            AtomicBoolean readyFlag = new AtomicBoolean();
            Javalin http = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                QueuedThreadPool pool = new QueuedThreadPool(400, 8, 60_000);
                pool.setName("mcs-http");
                cfg.jetty.threadPool = pool;
                cfg.http.maxRequestSize = 1 << 20;
                Routes.install(cfg, app, readyFlag, c.maxUploadBytes());
            });
            Service s = new Service(c, db, app, workers, http);
            http.start(c.bind(), c.port());
            if (workers != null) workers.start();
            readyFlag.set(true);
            s.ready.set(true);
            LOG.atInfo().addKeyValue("url", s.url()).addKeyValue("store", db.display()).addKeyValue("blobs", c.blobs().toString()).addKeyValue("record_instances", loaded)
                    .addKeyValue("workers", c.workers()).addKeyValue("tmp_cleaned", cleaned).log("service ready");
            s.readyFlag = readyFlag;
            return s;
        } catch (RuntimeException | IOException e) {
            db.close();
            throw e;
        }
    }

    private AtomicBoolean readyFlag;

    public int port() {
        return http.port();
    }

    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    public App app() {
        return app;
    }

    /** Blocks until {@link #stop} has finished. */
    public void awaitStop() throws InterruptedException {
        down.await();
    }

    /** Graceful shutdown (SIGTERM): see the class comment. Safe to call more than once. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            try {
                down.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        LOG.atInfo().addKeyValue("grace_ms", config.graceMs()).log("stopping: finishing or re-queueing running jobs");
        ready.set(false);
        if (readyFlag != null) readyFlag.set(false);
        try {
            if (workers != null) workers.stop(config.graceMs());
            http.stop();
        } finally {
            db.close();
            LOG.atInfo().log("stopped");
            down.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
