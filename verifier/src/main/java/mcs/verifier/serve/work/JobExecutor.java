package mcs.verifier.serve.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mcs.problems.io.InputException;
import mcs.verifier.arena.ResultsFile;
import mcs.verifier.arena.RunRow;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.JobQueue;
import mcs.verifier.serve.store.Names;
import mcs.verifier.serve.store.Submissions;
import mcs.verifier.submit.ClaimCheck;
import mcs.verifier.submit.Submission;
import mcs.verifier.submit.SubmissionCheck;
import mcs.verifier.submit.SubmissionReport;

/**
 * Runs one job: lays the submission's files out in a fresh folder (each copied from the blob store and
 * its SHA-256 checked on the way), judges it on the same path as {@code mcs submit check}
 * ({@link SubmissionCheck}), and returns the outcome with the results to store. The report is the
 * {@code submit check --json} object plus {@code id}.
 */
public final class JobExecutor {
    /** The name under which a solver's command archive is kept with a submission's files. */
    public static final String ARCHIVE = ".archive.zip";
    public static final long ARCHIVE_MAX_BYTES = 256L << 20;
    public static final int ARCHIVE_MAX_ENTRIES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a job produced: its outcome and the transaction body that stores its results. */
    public record Result(JobQueue.Outcome outcome, JobQueue.ResultWriter writer) {}

    private final BlobStore blobs;
    private final Submissions submissions;
    private final Path record;
    private final Path workRoot;

    public JobExecutor(BlobStore blobs, Submissions submissions, Path record, Path workRoot) {
        this.blobs = blobs;
        this.submissions = submissions;
        this.record = record;
        this.workRoot = workRoot;
    }

    public Result run(JobQueue.Lease lease, StringWriter progress) throws IOException {
        Submissions.View v = submissions.get(lease.submissionId()).orElseThrow(() -> new IOException("submission " + lease.submissionId() + " is gone"));
        Map<String, String> files = submissions.files(v.id());
        Path dir = workRoot.resolve("job-" + lease.jobId() + "-" + lease.attempt());
        delete(dir);
        Files.createDirectories(dir);
        try {
            String descriptorSha = descriptorSha(v);
            copy(descriptorSha, place(dir, v.descriptorName()));
            for (var f : files.entrySet()) {
                if (f.getKey().equals(ARCHIVE)) unzip(f.getValue(), dir);
                else copy(f.getValue(), place(dir, f.getKey()));
            }
            makeCommandExecutable(dir, v.descriptorName());
            Submission s;
            try {
                s = Submission.read(dir.resolve(v.descriptorName()));
            } catch (InputException e) {
                // The descriptor was read when it was accepted; failing now is the service's fault.
                return new Result(new JobQueue.Outcome("failed", "failed: the stored descriptor no longer reads: " + e.oneLine().replace(dir + "/", "")), c -> {});
            }
            PrintWriter err = new PrintWriter(progress, true);
            // A door on the network offers no opt-out: every submitted command or jar runs in the bubblewrap sandbox,
            // and where it cannot start the solver is not run (UNVERIFIED with the refusal in the stored report).
            SubmissionReport report = SubmissionCheck.judge(s, dir, record, dir.resolve("solver-examination"), err, Isolation.BWRAP);
            String json = reportJson(v.id(), v.descriptorName(), report, dir);
            List<Submissions.ClaimRow> claims = new ArrayList<>();
            for (int k = 0; k < report.claims().size(); k++) {
                ClaimCheck.Result r = report.claims().get(k);
                claims.add(new Submissions.ClaimRow(k, r.id(), r.instance(), files.get(r.instance()), r.claimed(), r.outcome().name(), r.check(), r.reason(), r.method()));
            }
            List<Submissions.ArenaRow> runs = new ArrayList<>();
            String arenaSha = null;
            Path arena = dir.resolve("solver-examination").resolve("arena");
            if (report.solver() != null && Files.isRegularFile(arena.resolve(ResultsFile.NAME))) {
                for (RunRow r : ResultsFile.read(arena.resolve(ResultsFile.NAME)))
                    runs.add(new Submissions.ArenaRow(r.runId(), r.solver(), r.instanceSha256(), r.category().name(), r.verdict(), r.reason(), r.wallS()));
                Path html = arena.resolve("report.html");
                if (Files.isRegularFile(html)) {
                    try (InputStream in = Files.newInputStream(html)) {
                        BlobStore.Blob b = blobs.put(in, Long.MAX_VALUE);
                        submissions.registerBlob(b.sha256(), b.size());
                        arenaSha = b.sha256();
                    }
                }
            }
            String verdict = report.verdict().name();
            String reason = summary(report);
            String arenaReport = arenaSha;
            return new Result(new JobQueue.Outcome(verdict, reason), c -> Submissions.saveResults(c, v.id(), json, claims, runs, arenaReport));
        } finally {
            delete(dir);
        }
    }

    private String descriptorSha(Submissions.View v) throws IOException {
        // The descriptor's hash is on the submission's row; View leaves it out, so read it through the files API.
        return submissions.descriptorSha(v.id()).orElseThrow(() -> new IOException("no descriptor for " + v.id()));
    }

    /** The path of a submission file inside the job's folder, after checking the name once more. */
    static Path place(Path dir, String name) throws IOException {
        if (!Names.valid(name)) throw new IOException("refusing the stored file name '" + name + "'");
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir)) throw new IOException("refusing the stored file name '" + name + "'");
        Files.createDirectories(p.getParent());
        return p;
    }

    private void copy(String sha, Path to) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(blobs.open(sha), md); OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
        String got = HexFormat.of().formatHex(md.digest());
        if (!got.equals(sha)) throw new IOException("the blob " + sha + " is corrupt (its bytes hash to " + got + ")");
    }

    /** Unpacks a command archive, every entry name checked like an uploaded file's, within size and count caps. */
    private void unzip(String sha, Path dir) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipInputStream z = new ZipInputStream(blobs.open(sha))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++entries > ARCHIVE_MAX_ENTRIES) throw new IOException("the archive has more than " + ARCHIVE_MAX_ENTRIES + " entries");
                String name = e.getName();
                if (e.isDirectory()) {
                    Files.createDirectories(place(dir, name.substring(0, name.length() - 1)));
                    continue;
                }
                Path p = place(dir, name);
                try (OutputStream out = Files.newOutputStream(p)) {
                    byte[] buf = new byte[65536];
                    for (int r; (r = z.read(buf)) >= 0; ) {
                        total += r;
                        if (total > ARCHIVE_MAX_BYTES) throw new IOException("the archive unpacks to more than " + ARCHIVE_MAX_BYTES + " bytes");
                        out.write(buf, 0, r);
                    }
                }
            }
        }
    }

    /** A zip file keeps no Unix modes, and browsers upload none: the program a command names is made executable. */
    private static void makeCommandExecutable(Path dir, String descriptorName) {
        try {
            var solver = JSON.readTree(dir.resolve(descriptorName).toFile()).path("solver").path("command");
            if (solver.isArray() && solver.size() > 0 && solver.get(0).isTextual()) {
                String prog = solver.get(0).asText();
                if (Names.valid(prog)) {
                    Path p = dir.resolve(prog).normalize();
                    if (p.startsWith(dir) && Files.isRegularFile(p)) p.toFile().setExecutable(true, false);
                }
            }
        } catch (IOException ignored) {
            // An unreadable descriptor is reported by Submission.read right after.
        }
    }

    /** The report object of {@code submit check --json}, plus {@code id}, with the job's folder taken out of paths. */
    static String reportJson(String id, String descriptorName, SubmissionReport report, Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.putAll(report.toMap());
        m.put("submission", descriptorName);
        String s = JSON.writeValueAsString(m);
        String prefix = JSON.writeValueAsString(dir.toString() + "/");
        return s.replace(prefix.substring(1, prefix.length() - 1), "");
    }

    static String summary(SubmissionReport r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClaimCheck.Result c : r.claims()) counts.merge(c.outcome().name(), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        if (!counts.isEmpty()) b.append(r.claims().size()).append(" claim(s): ").append(counts.toString().replaceAll("[{}]", "").replace("=", " "));
        if (r.solver() != null) b.append(b.length() > 0 ? "; " : "").append("solver ").append(r.solver().name()).append(": ").append(r.solver().outcome()).append(" (")
                .append(r.solver().reason()).append(")");
        return b.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
