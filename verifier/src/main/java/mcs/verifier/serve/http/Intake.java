package mcs.verifier.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mcs.problems.io.InputException;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Names;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.Submissions;
import mcs.verifier.serve.work.JobExecutor;
import mcs.verifier.submit.Submission;

/**
 * Turns an upload into a queued submission, or refuses it with nothing stored.
 *
 * <p>Everything is checked before anything is kept: the descriptor is read by the same strict reader as
 * {@code mcs submit check} (in a private scratch folder that holds nothing else), every path it names must
 * be an acceptable name ({@link Names}) and be sent (or be a file of the record, by SHA-256), every file
 * sent must be named, a command archive must hold acceptable names only. Only then are the files, already
 * written and fsynced under {@code tmp/}, renamed into the blob store, and the submission and its job
 * created in one transaction (within the account's quota).
 */
public final class Intake {
    /** An upload, parsed; the staged files are discarded by {@link #discard} whatever happens. */
    public static final class Upload {
        String descriptorName = "submission.json";
        BlobStore.Staged descriptor;
        final Map<String, BlobStore.Staged> files = new LinkedHashMap<>();
        final Map<String, String> refs = new LinkedHashMap<>();
        BlobStore.Staged archive;
        String idempotencyKey;

        List<BlobStore.Staged> staged() {
            List<BlobStore.Staged> l = new ArrayList<>(files.values());
            if (descriptor != null) l.add(descriptor);
            if (archive != null) l.add(archive);
            return l;
        }
    }

    private final BlobStore blobs;
    private final Submissions submissions;
    private final RecordInstances record;
    private final Path scratch;
    private final Limits limits;

    /** The service's defaults for accounts without their own limits, and the job limit's parts. */
    public record Limits(int ratePerMinute, int quotaPerDay, Integer quotaTotal) {}

    public Intake(BlobStore blobs, Submissions submissions, RecordInstances record, Path scratch, Limits limits) {
        this.blobs = blobs;
        this.submissions = submissions;
        this.record = record;
        this.scratch = scratch;
        this.limits = limits;
    }

    public Submissions.Quota quota(Accounts.User u) {
        return new Submissions.Quota(u.quotaPerDay() != null ? u.quotaPerDay() : limits.quotaPerDay(), u.quotaTotal() != null ? u.quotaTotal() : limits.quotaTotal());
    }

    public int rate(Accounts.User u) {
        return u.ratePerMinute() != null ? u.ratePerMinute() : limits.ratePerMinute();
    }

    /** Checks and stores an upload; returns the submission's id. Discards the staged files in every case. */
    public String accept(Accounts.Principal who, Upload u) throws IOException {
        try {
            Checked c = check(who, u);
            Submissions.Quota q = quota(who.user());
            long[] used = submissions.usage(who.user().id());
            if (used[0] >= q.perDay() || (q.total() != null && used[1] >= q.total()))
                throw new ApiError(429, "Authorization", "the quota of this account is used up (" + used[0] + " today of " + q.perDay() + ", "
                        + used[1] + " in all" + (q.total() == null ? "" : " of " + q.total()) + "); failures of the service are not counted");
            Map<String, String> files = new LinkedHashMap<>();
            for (var e : u.files.entrySet()) files.put(e.getKey(), keep(e.getValue()));
            files.putAll(u.refs);
            if (u.archive != null) files.put(JobExecutor.ARCHIVE, keep(u.archive));
            String descriptorSha = keep(u.descriptor);
            try {
                return submissions.create(new Submissions.New(who.user().id(), c.title, u.descriptorName, descriptorSha, files, c.claims, c.solver, u.idempotencyKey,
                        c.limitMs), q);
            } catch (Submissions.QuotaExceeded e) {
                throw new ApiError(429, "Authorization", e.getMessage());
            }
        } finally {
            discard(u);
        }
    }

    public void discard(Upload u) {
        for (BlobStore.Staged s : u.staged()) blobs.discard(s);
    }

    private String keep(BlobStore.Staged s) throws IOException {
        BlobStore.Blob b = blobs.finish(s);
        submissions.registerBlob(b.sha256(), b.size());
        return b.sha256();
    }

    private record Checked(String title, int claims, boolean solver, long limitMs) {}

    private Checked check(Accounts.Principal who, Upload u) throws IOException {
        if (u.descriptor == null) throw ApiError.badRequest("descriptor", "no descriptor was sent (multipart field 'descriptor', a mcs-submission/1 JSON file)");
        if (!Names.valid(u.descriptorName)) throw ApiError.badRequest("descriptor", "the descriptor's file name '" + u.descriptorName + "' is not acceptable: " + Names.rule());
        if (u.files.containsKey(u.descriptorName) || u.refs.containsKey(u.descriptorName))
            throw ApiError.badRequest("file", "a file has the descriptor's own name '" + u.descriptorName + "'");
        for (var r : u.refs.entrySet()) {
            if (!Names.valid(r.getKey())) throw ApiError.badRequest("refs", "'" + r.getKey() + "' is not an acceptable file name: " + Names.rule());
            if (u.files.containsKey(r.getKey())) throw ApiError.badRequest("refs", "'" + r.getKey() + "' is both sent and referred to");
            if (!BlobStore.SHA256.matcher(r.getValue()).matches()) throw ApiError.badRequest("refs", "'" + r.getValue() + "' is not a lower-case hex SHA-256");
            if (!submissions.mayRead(who.user().id(), r.getValue()) || blobs.find(r.getValue()).isEmpty())
                throw ApiError.badRequest("refs", "no file of the record (or of yours) has SHA-256 " + r.getValue());
        }
        Submission s = readDescriptor(u);
        Path base = s.file().toAbsolutePath().getParent();
        Set<String> needed = new LinkedHashSet<>();
        for (int k = 0; k < s.claims().size(); k++) {
            Submission.Claim c = s.claims().get(k);
            String inst = name(base, c.instance(), "claims/" + k + "/instance");
            needed.add(inst);
            needed.add(name(base, c.certificate(), "claims/" + k + "/certificate"));
            if (inst.endsWith(".json")) needed.addAll(descriptorFiles(u, inst, k));
        }
        boolean command = s.solver() != null && s.solver().command() != null;
        if (s.solver() != null && s.solver().jar() != null) needed.add(name(base, s.solver().jar(), "solver/jar"));
        for (String n : needed)
            if (!u.files.containsKey(n) && !u.refs.containsKey(n))
                throw ApiError.badRequest("file", "the descriptor names '" + n + "', but no file of that name was sent (a multipart 'file' part with that file name, "
                        + "or a 'refs' entry naming a file of the record by SHA-256)");
        if (!command) {
            for (String n : u.files.keySet()) if (!needed.contains(n)) throw ApiError.badRequest("file", "the file '" + n + "' is not named by the descriptor");
            for (String n : u.refs.keySet()) if (!needed.contains(n)) throw ApiError.badRequest("refs", "'" + n + "' is not named by the descriptor");
            if (u.archive != null) throw ApiError.badRequest("archive", "a command archive goes with a solver given by a \"command\"");
        }
        if (u.archive != null) checkArchive(u.archive, u);
        String title = s.title().isEmpty() ? (s.claims().size() + " claim(s)" + (s.solver() != null ? " and solver " + s.solver().name() : "")) : s.title();
        return new Checked(title, s.claims().size(), s.solver() != null, limitMs(s));
    }

    /** Reads the descriptor alone in a fresh scratch folder; its errors name the descriptor and the line. */
    private Submission readDescriptor(Upload u) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "intake");
        try {
            Path d = dir.resolve(u.descriptorName).normalize();
            if (!d.startsWith(dir)) throw ApiError.badRequest("descriptor", "bad descriptor name");
            Files.createDirectories(d.getParent());
            Files.copy(u.descriptor.file(), d);
            try {
                return Submission.read(d);
            } catch (InputException e) {
                throw ApiError.badRequest("descriptor", e.oneLine().replace(dir + "/", ""));
            }
        } finally {
            mcs.verifier.serve.work.Scratch.delete(dir);
        }
    }

    private static String name(Path base, Path p, String field) {
        String rel = base.relativize(p.toAbsolutePath()).toString();
        if (!Names.valid(rel))
            throw ApiError.badRequest("descriptor", "/" + field + ": '" + rel + "' is not an acceptable file name: " + Names.rule());
        return rel;
    }

    /** The files an MC2 instance descriptor (sent, or of the record) names, relative to its folder. */
    private List<String> descriptorFiles(Upload u, String inst, int k) throws IOException {
        JsonNode d;
        try (InputStream in = u.files.containsKey(inst) ? Files.newInputStream(u.files.get(inst).file()) : u.refs.containsKey(inst) ? blobs.open(u.refs.get(inst)) : null) {
            if (in == null) return List.of();
            d = Web.JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(); // the kernel's reader rejects the claim with the line; nothing more to fetch
        }
        List<String> out = new ArrayList<>();
        String dir = inst.contains("/") ? inst.substring(0, inst.lastIndexOf('/') + 1) : "";
        for (String f : List.of("a", "omega")) {
            if (d != null && d.path(f).isTextual()) {
                String n = dir + d.get(f).asText();
                if (!Names.valid(n)) throw ApiError.badRequest("file", "the instance '" + inst + "' (claims/" + k + ") names '" + n + "', not an acceptable file name: " + Names.rule());
                out.add(n);
            }
        }
        return out;
    }

    private static void checkArchive(BlobStore.Staged a, Upload u) throws IOException {
        int n = 0;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(a.file()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = e.isDirectory() ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
                if (!Names.valid(name)) throw ApiError.badRequest("archive", "the archive entry '" + name + "' is not an acceptable file name: " + Names.rule());
                if (!e.isDirectory() && (u.files.containsKey(name) || name.equals(u.descriptorName)))
                    throw ApiError.badRequest("archive", "the archive entry '" + name + "' is also sent as a file");
                if (++n > JobExecutor.ARCHIVE_MAX_ENTRIES) throw ApiError.badRequest("archive", "more than " + JobExecutor.ARCHIVE_MAX_ENTRIES + " entries");
            }
        } catch (java.util.zip.ZipException e) {
            throw ApiError.badRequest("archive", "not a zip archive: " + e.getMessage());
        }
        if (n == 0) throw ApiError.badRequest("archive", "not a zip archive, or an empty one");
    }

    /**
     * The job's limit: the time its checks may take, generously (a limit is for jobs that are stuck, not
     * slow; the fault runs on a machine at load 30 saw one exact permanent claim take over 3 minutes).
     * Claims: 10 minutes plus 1 per claim (the kernel has its own budgets). A solver: its arena runs (the
     * record's instances of its problem in its tiers, each under its time limit, plus start-up) and its two
     * searches, plus 5 minutes.
     */
    private long limitMs(Submission s) {
        double sec = 600 + 60.0 * s.claims().size();
        if (s.solver() != null) {
            String problem = s.solver().problem() != null ? s.solver().problem() : "psd-completion";
            long instances = record.all().stream().filter(i -> s.checks().tiers().contains(i.tier()) && (s.solver().jar() != null || i.problem().equals(problem))).count();
            sec += instances * (s.checks().timeLimitSeconds() + 5) + 2 * s.checks().searchSeconds() + 300;
        }
        return (long) (sec * 1000);
    }
}
