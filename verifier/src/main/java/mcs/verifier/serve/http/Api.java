package mcs.verifier.serve.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.verifier.arena.Standing;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.Submissions;

/** The JSON API under {@code /api/v1} (described in {@code docs/openapi.json}). */
final class Api {
    static final int MAX_WAIT_S = 30;
    private final App app;

    Api(App app) {
        this.app = app;
    }

    void instances(Context ctx) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (RecordInstances.Item i : app.record().all()) l.add(instance(i));
        Web.json(ctx, 200, Map.of("instances", l));
    }

    void instance(Context ctx) {
        RecordInstances.Item i = app.record().byId(ctx.pathParam("id")).orElseThrow(() -> new ApiError(404, "id", "no instance '" + ctx.pathParam("id") + "' in the record"));
        Web.json(ctx, 200, instance(i));
    }

    static Map<String, Object> instance(RecordInstances.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("problem", i.problem());
        m.put("tier", i.tier());
        m.put("n", i.n());
        m.put("m", i.m());
        m.put("known_answer", i.knownAnswer());
        m.put("file_name", i.fileName());
        m.put("sha256", i.sha256());
        m.put("files", i.files());
        return m;
    }

    void submit(Context ctx) throws IOException {
        Accounts.Principal who = Web.require(ctx);
        Multipart.Parsed p = Multipart.read(ctx, app.blobs(), app.uploadTmp(), app.maxUploadBytes(), Set.of(), Set.of());
        try {
            String key = ctx.header("Idempotency-Key");
            if (key != null && (key.length() > 64 || !key.matches("[A-Za-z0-9._:-]+")))
                throw ApiError.badRequest("Idempotency-Key", "at most 64 characters of letters, digits, '.', '_', ':' and '-'");
            p.upload().idempotencyKey = key;
            String id = app.intake().accept(who, p.upload());
            ctx.header("Location", "/api/v1/submissions/" + id);
            Web.json(ctx, 202, Map.of("id", id, "state", "queued", "url", "/submissions/" + id, "status_url", "/api/v1/submissions/" + id));
        } finally {
            p.discard(app.blobs());
        }
    }

    void submission(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        int wait = 0;
        String w = ctx.queryParam("wait");
        if (w != null) {
            try {
                wait = Math.min(MAX_WAIT_S, Math.max(0, Integer.parseInt(w)));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("wait", "'wait' is a number of seconds (0 to " + MAX_WAIT_S + ")");
            }
        }
        Submissions.View v = view(id);
        long until = System.currentTimeMillis() + wait * 1000L;
        while (!v.finished() && System.currentTimeMillis() < until) {
            synchronized (app.done()) {
                try {
                    app.done().wait(Math.min(1000, Math.max(1, until - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            v = view(id);
        }
        Web.json(ctx, 200, submissionJson(v));
    }

    private Submissions.View view(String id) {
        if (id.length() > 32) throw new ApiError(404, "id", "no submission '" + id.substring(0, 32) + "…'");
        return app.submissions().get(id).orElseThrow(() -> new ApiError(404, "id", "no submission '" + id + "'"));
    }

    static Map<String, Object> submissionJson(Submissions.View v) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("user", v.user());
        m.put("title", v.title());
        m.put("state", v.state());
        m.put("final_state", v.finalState());
        m.put("reason", v.reason());
        m.put("attempts", v.attempts());
        m.put("created", Instant.ofEpochMilli(v.createdMs()).toString());
        m.put("finished", v.finishedMs() == null ? null : Instant.ofEpochMilli(v.finishedMs()).toString());
        m.put("url", "/submissions/" + v.id());
        m.put("arena_report", v.arenaReportSha256() == null ? null : "/submissions/" + v.id() + "/arena-report");
        m.put("report", v.report() == null ? null : Web.JSON.readTree(v.report()));
        return m;
    }

    void mine(Context ctx) {
        Accounts.Principal who = Web.require(ctx);
        List<Map<String, Object>> l = new ArrayList<>();
        for (Submissions.View v : app.submissions().recent(who.user().id(), 200)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("title", v.title());
            m.put("state", v.state());
            m.put("final_state", v.finalState());
            m.put("created", Instant.ofEpochMilli(v.createdMs()).toString());
            l.add(m);
        }
        Web.json(ctx, 200, Map.of("submissions", l));
    }

    void me(Context ctx) {
        Accounts.Principal who = Web.require(ctx);
        long[] used = app.submissions().usage(who.user().id());
        Submissions.Quota q = app.intake().quota(who.user());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", who.user().name());
        m.put("token_id", who.tokenId());
        m.put("rate_per_minute", app.intake().rate(who.user()));
        m.put("quota_per_day", q.perDay());
        m.put("quota_total", q.total());
        m.put("used_today", used[0]);
        m.put("used_total", used[1]);
        Web.json(ctx, 200, m);
    }

    void leaderboards(Context ctx) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (String[] b : app.leaderboard().boards()) l.add(Map.of("problem", b[0], "tier", b[1], "url", "/api/v1/leaderboards/" + b[0] + "/" + b[1]));
        Web.json(ctx, 200, Map.of("leaderboards", l));
    }

    void leaderboard(Context ctx) {
        String problem = ctx.pathParam("problem"), tier = ctx.pathParam("tier");
        boolean known = app.leaderboard().boards().stream().anyMatch(b -> b[0].equals(problem) && b[1].equals(tier));
        if (!known) throw new ApiError(404, "tier", "no leaderboard for problem '" + problem + "' and tier '" + tier + "'");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Standing s : app.leaderboard().rank(problem, tier)) rows.add(s.toMap());
        Web.json(ctx, 200, Map.of("problem", problem, "tier", tier, "scoring", mcs.verifier.serve.store.Leaderboard.SCORING, "ranking", rows));
    }

    /** A stored file, by SHA-256 only: the record's files for anyone, a submission's files for their owner. */
    void blob(Context ctx) throws IOException {
        String sha = ctx.pathParam("sha256");
        if (!BlobStore.SHA256.matcher(sha).matches()) throw new ApiError(400, "sha256", "not a lower-case hex SHA-256");
        Long user = Web.who(ctx).map(p -> p.user().id()).orElse(null);
        if (!app.submissions().mayRead(user, sha) || app.blobs().find(sha).isEmpty())
            throw new ApiError(404, "sha256", "no file " + sha + " that you may read" + (user == null ? " (sign in to read your own files)" : ""));
        ctx.header("Content-Disposition", "attachment; filename=\"" + sha + "\"");
        ctx.contentType("application/octet-stream");
        InputStream in = app.blobs().open(sha);
        ctx.result(in);
    }
}
