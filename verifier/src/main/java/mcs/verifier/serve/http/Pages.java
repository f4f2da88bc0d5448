package mcs.verifier.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mcs.verifier.arena.Standing;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Names;
import mcs.verifier.serve.store.RecordInstances;
import mcs.verifier.serve.store.Submissions;

/**
 * The web pages: the record's instances, signing in with a token, the submit forms (a descriptor with its
 * files, one claim, a solver), one page per submission with its live status, and the leaderboards. Forms
 * post with a CSRF field; pages read what the API reads.
 */
final class Pages {
    private final App app;

    Pages(App app) {
        this.app = app;
    }

    void home(Context ctx) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Claims and solvers for ARC's matrix completion and permanent problems, judged by mcs's exact kernel: every verdict shown here rests on a "
                + "certificate the kernel checked. <a href=\"/submit\">Submit</a> a claim or a solver, browse the record's <a href=\"/instances\">instances</a>, "
                + "or see the <a href=\"/leaderboards\">leaderboards</a>. The JSON API is described in <code>docs/openapi.json</code>; "
                + "<code>mcs submit send</code> uses it.</p>\n<h2>Recent submissions</h2>\n");
        b.append(submissionTable(app.submissions().recent(null, 30)));
        ctx.html(Html.page(ctx, "mcs submissions", b.toString(), null));
    }

    private static String submissionTable(List<Submissions.View> l) {
        if (l.isEmpty()) return "<p>None yet.</p>";
        StringBuilder b = new StringBuilder("<table id=\"submissions\"><tr><th>submission</th><th>by</th><th>title</th><th>sent</th><th>state</th><th>outcome</th></tr>\n");
        for (Submissions.View v : l)
            b.append("<tr><td><a href=\"/submissions/").append(v.id()).append("\">").append(v.id()).append("</a></td><td>").append(Html.esc(v.user())).append("</td><td>")
                    .append(Html.esc(v.title())).append("</td><td>").append(Html.time(v.createdMs())).append("</td><td class=\"").append(v.state()).append("\">")
                    .append(v.state()).append("</td><td class=\"").append(v.finalState() == null ? "" : v.finalState()).append("\">")
                    .append(v.finalState() == null ? "" : v.finalState()).append("</td></tr>\n");
        return b.append("</table>").toString();
    }

    void instances(Context ctx) {
        StringBuilder b = new StringBuilder("<p>The record (<code>proofs-data</code>): each instance with its known answer. A claim on one of them (or on a "
                + "file with the same bytes) counts on the leaderboard of its problem and tier.</p>\n");
        Map<String, List<RecordInstances.Item>> by = new LinkedHashMap<>();
        for (RecordInstances.Item i : app.record().all()) by.computeIfAbsent(i.problem() + " — tier " + i.tier(), k -> new ArrayList<>()).add(i);
        for (var e : by.entrySet()) {
            b.append("<h2>").append(Html.esc(e.getKey())).append("</h2>\n<table class=\"instances\"><tr><th>id</th><th>n</th><th>m</th><th>known answer</th><th>file</th><th>SHA-256</th></tr>\n");
            for (RecordInstances.Item i : e.getValue())
                b.append("<tr><td>").append(Html.esc(i.id())).append("</td><td>").append(i.n()).append("</td><td>").append(i.m()).append("</td><td>")
                        .append(Html.esc(Html.abbreviate(i.knownAnswer(), 40))).append("</td><td><a href=\"/api/v1/blobs/").append(i.sha256()).append("\">")
                        .append(Html.esc(i.fileName())).append("</a></td><td><code>").append(i.sha256(), 0, 12).append("…</code></td></tr>\n");
            b.append("</table>\n");
        }
        if (by.isEmpty()) b.append("<p>No record was loaded (mcs serve --record DIR).</p>");
        ctx.html(Html.page(ctx, "Instances", b.toString(), null));
    }

    void signinForm(Context ctx) {
        String body = "<p>Paste an API token (from <code>mcs serve user add NAME</code> or <code>mcs serve user token NAME</code>). The token is checked "
                + "against its stored hash; this browser then keeps a session cookie, which ends when the token is revoked.</p>\n"
                + "<form method=\"post\" action=\"/signin\">" + Html.csrfField(ctx)
                + "<label>Token <input type=\"password\" name=\"token\" id=\"token\" size=\"70\" autocomplete=\"off\"></label>"
                + "<button type=\"submit\" id=\"signin-submit\">Sign in</button></form>";
        ctx.html(Html.page(ctx, "Sign in", body, null));
    }

    void signin(Context ctx) {
        Web.checkCsrf(ctx, ctx.formParam("csrf"));
        String ip = ctx.ip();
        if (app.authFailures().acquire("signin:" + ip, 20) > 0) throw new ApiError(429, "token", "too many failed sign-ins from this address; wait a minute");
        Accounts.Principal p = app.accounts().authenticate(ctx.formParam("token")).orElse(null);
        if (p == null) {
            throw new ApiError(401, "token", "this token is unknown, revoked or mistyped");
        }
        String secret = app.accounts().openSession(p);
        ctx.cookie(Web.cookie(Web.SESSION, secret, 12 * 3600));
        ctx.redirect("/submit", HttpStatus.SEE_OTHER);
    }

    void signout(Context ctx) {
        Web.checkCsrf(ctx, ctx.formParam("csrf"));
        app.accounts().closeSession(ctx.cookie(Web.SESSION));
        ctx.cookie(Web.cookie(Web.SESSION, "", 0));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void submitForms(Context ctx) {
        if (Web.who(ctx).isEmpty()) {
            ctx.html(Html.page(ctx, "Submit", "<p><a href=\"/signin\">Sign in</a> with a token to submit.</p>", null));
            return;
        }
        String csrf = Html.csrfField(ctx);
        Set<String> tiers = new TreeSet<>();
        StringBuilder options = new StringBuilder("<option value=\"\">(upload an instance below)</option>");
        for (RecordInstances.Item i : app.record().all()) {
            tiers.add(i.tier());
            options.append("<option value=\"").append(Html.esc(i.id())).append("\">").append(Html.esc(i.problem() + " / " + i.tier() + " / " + i.id())).append("</option>");
        }
        StringBuilder tierOptions = new StringBuilder();
        for (String t : tiers) tierOptions.append("<option").append(t.equals("tiny") ? " selected" : "").append(">").append(Html.esc(t)).append("</option>");
        String body = "<fieldset><legend>A submission descriptor with its files</legend>"
                + "<p>A <code>mcs-submission/1</code> descriptor (as for <code>mcs submit check</code>) and every file it names.</p>"
                + "<form method=\"post\" action=\"/submit/descriptor\" enctype=\"multipart/form-data\" id=\"descriptor-form\">" + csrf
                + "<label>Descriptor <input type=\"file\" name=\"descriptor\" id=\"descriptor\" accept=\".json\"></label>"
                + "<label>Files it names <input type=\"file\" name=\"file\" id=\"files\" multiple></label>"
                + "<button type=\"submit\" id=\"descriptor-submit\">Submit</button></form></fieldset>\n"
                + "<fieldset><legend>One claim</legend><form method=\"post\" action=\"/submit/claim\" enctype=\"multipart/form-data\" id=\"claim-form\">" + csrf
                + "<label>Instance of the record <select name=\"record_instance\" id=\"record_instance\">" + options + "</select></label>"
                + "<label>or an instance file <input type=\"file\" name=\"instance\" id=\"instance\"></label>"
                + "<label>Certificate <input type=\"file\" name=\"certificate\" id=\"certificate\" accept=\".json\"></label>"
                + "<label>Claimed answer <input type=\"text\" name=\"claim\" id=\"claim\" placeholder=\"COMPLETABLE, NOT_COMPLETABLE, SOLVED or the exact value\"></label>"
                + "<button type=\"submit\" id=\"claim-submit\">Submit the claim</button></form></fieldset>\n"
                + "<fieldset><legend>A solver</legend><p>Run on a tier of the record through the arena (every answer checked by the kernel), then searched "
                + "for a wrong answer. Either an SPI jar, or a command archive (.zip) with the command that runs it as <code>CMD INSTANCE CERT_OUT</code>.</p>"
                + "<form method=\"post\" action=\"/submit/solver\" enctype=\"multipart/form-data\" id=\"solver-form\">" + csrf
                + "<label>Name <input type=\"text\" name=\"name\" id=\"solver-name\"></label>"
                + "<label>Problem <select name=\"problem\"><option>psd-completion</option><option>approximate-squaring</option><option>permanent</option>"
                + "<option>hafnian</option></select></label>"
                + "<label>SPI jar <input type=\"file\" name=\"jar\" accept=\".jar\"></label><label>its solver's name <input type=\"text\" name=\"spi_name\"></label>"
                + "<label>or a command archive <input type=\"file\" name=\"archive\" accept=\".zip\"></label>"
                + "<label>and the command in it <input type=\"text\" name=\"command\" placeholder=\"solve.sh\"></label>"
                + "<label>Tier <select name=\"tier\">" + tierOptions + "</select></label>"
                + "<label>Time limit per run (s) <input type=\"number\" name=\"time_limit_s\" value=\"10\" min=\"1\" max=\"600\"></label>"
                + "<label>Search budget per property (s) <input type=\"number\" name=\"search_s\" value=\"30\" min=\"1\" max=\"600\"></label>"
                + "<button type=\"submit\">Submit the solver</button></form></fieldset>";
        ctx.html(Html.page(ctx, "Submit", body, null));
    }

    void submitDescriptor(Context ctx) throws IOException {
        Accounts.Principal who = Web.require(ctx);
        Multipart.Parsed p = Multipart.read(ctx, app.blobs(), app.uploadTmp(), app.maxUploadBytes(), Set.of(), Set.of("csrf"));
        try {
            Web.checkCsrf(ctx, p.fields().get("csrf"));
            redirect(ctx, app.intake().accept(who, p.upload()));
        } finally {
            p.discard(app.blobs());
        }
    }

    void submitClaim(Context ctx) throws IOException {
        Accounts.Principal who = Web.require(ctx);
        Multipart.Parsed p = Multipart.read(ctx, app.blobs(), app.uploadTmp(), app.maxUploadBytes(), Set.of("instance", "certificate"), Set.of("csrf", "record_instance", "claim"));
        try {
            Web.checkCsrf(ctx, p.fields().get("csrf"));
            Intake.Upload u = p.upload();
            String claim = p.fields().getOrDefault("claim", "").trim();
            if (claim.isEmpty()) throw ApiError.badRequest("claim", "give the claimed answer (COMPLETABLE, NOT_COMPLETABLE, SOLVED, or the exact value)");
            BlobStore.Staged cert = p.named().get("certificate");
            if (cert == null) throw ApiError.badRequest("certificate", "choose a certificate file");
            BlobStore.Staged inst = p.named().get("instance");
            String recordId = p.fields().getOrDefault("record_instance", "");
            String instName;
            if (!recordId.isEmpty()) {
                if (inst != null) {
                    app.blobs().discard(inst);
                    throw ApiError.badRequest("instance", "choose an instance of the record or upload one, not both");
                }
                RecordInstances.Item item = app.record().byId(recordId).orElseThrow(() -> ApiError.badRequest("record_instance", "no instance '" + recordId + "' in the record"));
                u.refs.putAll(item.files());
                instName = item.fileName();
            } else {
                if (inst == null) throw ApiError.badRequest("instance", "choose an instance of the record or upload an instance file");
                String fn = p.fields().get("instance.filename");
                instName = Names.valid(fn) && !fn.equals("certificate.json") ? fn : "instance.mtx";
                u.files.put(instName, inst);
            }
            String certName = instName.equals("certificate.json") ? "certificate-1.json" : "certificate.json";
            u.files.put(certName, cert);
            ObjectNode d = Web.JSON.createObjectNode();
            d.put("format", "mcs-submission/1");
            d.putObject("submitter").put("name", who.user().name());
            d.put("title", "Claim " + claim.substring(0, Math.min(40, claim.length())) + " on " + instName);
            ObjectNode c = d.putArray("claims").addObject();
            c.put("id", "claim-1");
            c.put("instance", instName);
            c.put("certificate", certName);
            c.put("claim", claim);
            u.descriptor = app.blobs().stage(new ByteArrayInputStream(Web.JSON.writeValueAsBytes(d)), 1 << 20);
            redirect(ctx, app.intake().accept(who, u));
        } finally {
            p.discard(app.blobs());
        }
    }

    void submitSolver(Context ctx) throws IOException {
        Accounts.Principal who = Web.require(ctx);
        Multipart.Parsed p = Multipart.read(ctx, app.blobs(), app.uploadTmp(), app.maxUploadBytes(), Set.of("jar"),
                Set.of("csrf", "name", "problem", "spi_name", "command", "tier", "time_limit_s", "search_s"));
        try {
            Web.checkCsrf(ctx, p.fields().get("csrf"));
            Intake.Upload u = p.upload();
            Map<String, String> f = p.fields();
            String name = f.getOrDefault("name", "").trim();
            if (!Accounts.validName(name)) throw ApiError.badRequest("name", "the solver's name: letters, digits, '.', '_' or '-' (at most 64)");
            ObjectNode d = Web.JSON.createObjectNode();
            d.put("format", "mcs-submission/1");
            d.putObject("submitter").put("name", who.user().name());
            d.put("title", "Solver " + name);
            ObjectNode s = d.putObject("solver");
            s.put("name", name);
            BlobStore.Staged jar = p.named().get("jar");
            if (jar != null) {
                if (u.archive != null) throw ApiError.badRequest("archive", "send an SPI jar or a command archive, not both");
                String spi = f.getOrDefault("spi_name", "").trim();
                if (spi.isEmpty()) throw ApiError.badRequest("spi_name", "name the SPI solver in the jar");
                u.files.put("solver.jar", jar);
                s.put("jar", "solver.jar");
                s.put("spi_name", spi);
            } else {
                if (u.archive == null) throw ApiError.badRequest("archive", "send an SPI jar or a command archive");
                String cmd = f.getOrDefault("command", "").trim();
                if (cmd.isEmpty()) throw ApiError.badRequest("command", "give the command in the archive that runs the solver");
                s.put("problem", f.getOrDefault("problem", "psd-completion"));
                ArrayNode a = s.putArray("command");
                for (String part : cmd.split("\\s+")) a.add(part);
            }
            ObjectNode checks = d.putObject("checks");
            checks.putArray("tiers").add(f.getOrDefault("tier", "tiny"));
            checks.put("time_limit_s", number(f, "time_limit_s", 10));
            checks.put("search_s", number(f, "search_s", 30));
            u.descriptor = app.blobs().stage(new ByteArrayInputStream(Web.JSON.writeValueAsBytes(d)), 1 << 20);
            redirect(ctx, app.intake().accept(who, u));
        } finally {
            p.discard(app.blobs());
        }
    }

    private static double number(Map<String, String> f, String field, double dflt) {
        String v = f.get(field);
        if (v == null || v.isBlank()) return dflt;
        try {
            double x = Double.parseDouble(v.trim());
            if (!(x > 0 && x <= 3600)) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(field, "'" + field + "' must be a number of seconds between 0 and 3600");
        }
    }

    private static void redirect(Context ctx, String id) {
        ctx.redirect("/submissions/" + id, HttpStatus.SEE_OTHER);
    }

    void submission(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Submissions.View v = id.length() > 32 ? null : app.submissions().get(id).orElse(null);
        if (v == null) throw new ApiError(404, "id", "no submission '" + Html.abbreviate(id, 40) + "'");
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(Html.esc(v.title())).append(" — sent by <b>").append(Html.esc(v.user())).append("</b> at ").append(Html.time(v.createdMs())).append("</p>\n");
        b.append("<p>State: <span id=\"state\" class=\"").append(v.state()).append("\">").append(v.state()).append("</span>");
        if (v.finalState() != null)
            b.append(" — outcome <span id=\"outcome\" class=\"").append(v.finalState()).append("\">").append(v.finalState()).append("</span>");
        if (v.attempts() > 1) b.append(" (attempt ").append(v.attempts()).append(")");
        b.append("</p>\n");
        if (v.reason() != null) b.append("<p id=\"reason\">").append(Html.esc(v.reason())).append("</p>\n");
        if (!v.finished()) b.append("<p id=\"live\">Waiting for the verdict; this page updates by itself.</p>\n");
        if (v.report() != null) {
            JsonNode r = Web.JSON.readTree(v.report());
            JsonNode claims = r.path("claims");
            if (claims.size() > 0) {
                b.append("<h2>Claims</h2>\n<table id=\"claims\"><tr><th>id</th><th>instance</th><th>claim</th><th>verdict</th><th>check</th><th>reason</th></tr>\n");
                for (JsonNode c : claims)
                    b.append("<tr><td>").append(Html.esc(c.path("id").asText())).append("</td><td><code>").append(Html.esc(c.path("instance").asText()))
                            .append("</code></td><td>").append(Html.esc(Html.abbreviate(c.path("claim").asText(), 60))).append("</td><td class=\"")
                            .append(Html.esc(c.path("verdict").asText())).append("\">").append(Html.esc(c.path("verdict").asText())).append("</td><td>")
                            .append(Html.esc(c.path("check").asText())).append(" (").append(Html.esc(c.path("method").asText())).append(")</td><td class=\"claim-reason\">")
                            .append(Html.esc(c.path("reason").asText())).append("</td></tr>\n");
                b.append("</table>\n");
            }
            JsonNode s = r.path("solver");
            if (s.isObject()) {
                b.append("<h2>Solver ").append(Html.esc(s.path("name").asText())).append("</h2>\n<p>Verdict: <span id=\"solver-verdict\" class=\"")
                        .append(Html.esc(s.path("verdict").asText())).append("\">").append(Html.esc(s.path("verdict").asText())).append("</span> — ")
                        .append(Html.esc(s.path("reason").asText())).append("</p>\n");
                if (s.path("findings").size() > 0) {
                    b.append("<ul id=\"findings\">");
                    for (JsonNode x : s.path("findings")) b.append("<li>").append(Html.esc(x.asText())).append("</li>");
                    b.append("</ul>\n");
                }
                if (v.arenaReportSha256() != null) b.append("<p><a id=\"arena-report\" href=\"/submissions/").append(v.id()).append("/arena-report\">The arena report</a></p>\n");
            }
            b.append("<p><a href=\"/api/v1/submissions/").append(v.id()).append("\">This report as JSON</a> (the object of <code>mcs submit check --json</code>, plus its id)</p>\n");
        }
        String attrs = "data-submission=\"" + v.id() + "\" data-final=\"" + (v.finalState() == null ? "" : v.finalState()) + "\"";
        ctx.html(Html.page(ctx, "Submission " + v.id(), b.toString(), attrs));
    }

    /** The arena's self-contained report, sandboxed: its script runs, but in an origin of its own. */
    void arenaReport(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Submissions.View v = id.length() > 32 ? null : app.submissions().get(id).orElse(null);
        if (v == null || v.arenaReportSha256() == null) throw new ApiError(404, "id", "no arena report for '" + Html.abbreviate(id, 40) + "'");
        ctx.header("Content-Security-Policy", "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:");
        ctx.contentType("text/html; charset=utf-8");
        InputStream in = app.blobs().open(v.arenaReportSha256());
        ctx.result(in);
    }

    void mine(Context ctx) {
        Accounts.Principal who = Web.who(ctx).orElse(null);
        if (who == null) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        long[] used = app.submissions().usage(who.user().id());
        Submissions.Quota q = app.intake().quota(who.user());
        String body = "<p>Quota: " + used[0] + " of " + q.perDay() + " today, " + used[1] + (q.total() == null ? "" : " of " + q.total())
                + " in all (failures of the service are not counted). Rate: " + app.intake().rate(who.user()) + " submissions a minute.</p>\n"
                + submissionTable(app.submissions().recent(who.user().id(), 200));
        ctx.html(Html.page(ctx, "My submissions", body, null));
    }

    void leaderboards(Context ctx) {
        StringBuilder b = new StringBuilder("<p>One board per problem and tier of the record, ranked by the arena's <code>errors-first</code> scoring: fewest wrong "
                + "answers first (a wrong answer ranks below any number of unsolved instances), then most correct, then fewest errors, then time. "
                + "<i>USER (claims)</i> holds an account's claims; <i>USER/SOLVER</i> a submitted solver's arena runs.</p>\n<ul id=\"boards\">");
        for (String[] x : app.leaderboard().boards())
            b.append("<li><a href=\"/leaderboards/").append(Html.esc(x[0])).append("/").append(Html.esc(x[1])).append("\">").append(Html.esc(x[0])).append(" — ")
                    .append(Html.esc(x[1])).append("</a></li>");
        ctx.html(Html.page(ctx, "Leaderboards", b.append("</ul>").toString(), null));
    }

    void leaderboard(Context ctx) {
        String problem = ctx.pathParam("problem"), tier = ctx.pathParam("tier");
        boolean known = app.leaderboard().boards().stream().anyMatch(x -> x[0].equals(problem) && x[1].equals(tier));
        if (!known) throw new ApiError(404, "tier", "no leaderboard for problem '" + Html.abbreviate(problem, 40) + "' and tier '" + Html.abbreviate(tier, 40) + "'");
        List<Standing> rows = app.leaderboard().rank(problem, tier);
        StringBuilder b = new StringBuilder();
        if (rows.isEmpty()) b.append("<p id=\"empty\">No entries yet.</p>");
        else {
            b.append("<table id=\"leaderboard\"><tr><th>rank</th><th>entrant</th><th>correct</th><th>wrong</th><th>unknown</th><th>timeout</th><th>error</th><th>time (s)</th></tr>\n");
            for (Standing s : rows)
                b.append("<tr class=\"").append(s.wrong() > 0 ? "WRONG" : "").append("\"><td>").append(s.rank()).append("</td><td class=\"entrant\">")
                        .append(Html.esc(s.solver())).append("</td><td>").append(s.correct()).append("</td><td>").append(s.wrong()).append("</td><td>")
                        .append(s.unknown()).append("</td><td>").append(s.timeout()).append("</td><td>").append(s.error() + s.memout()).append("</td><td>")
                        .append(String.format(java.util.Locale.ROOT, "%.3f", s.timeS())).append("</td></tr>\n");
            b.append("</table>");
        }
        ctx.html(Html.page(ctx, "Leaderboard: " + problem + ", tier " + tier, b.toString(), null));
    }

    static final String SCRIPT = """
            // Live status of a submission page: polls the JSON API until the job has a final state, then reloads.
            document.addEventListener('DOMContentLoaded', function () {
              var id = document.body.dataset.submission;
              if (!id || document.body.dataset.final) return;
              function poll() {
                fetch('/api/v1/submissions/' + id + '?wait=10', {headers: {'Accept': 'application/json'}})
                  .then(function (r) { return r.json(); })
                  .then(function (s) {
                    if (s.final_state) { location.reload(); return; }
                    var st = document.getElementById('state');
                    if (st && s.state) { st.textContent = s.state; st.className = s.state; }
                    setTimeout(poll, 500);
                  })
                  .catch(function () { setTimeout(poll, 2000); });
              }
              poll();
            });
            """;

    static byte[] script() {
        return SCRIPT.getBytes(StandardCharsets.UTF_8);
    }
}
