package mcs.verifier.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.io.AtomicFile;
import mcs.verifier.kernel.Outcome;

/**
 * The result of {@code mcs submit check}: each claim ACCEPTED / REJECTED / UNVERIFIED with its reason, and
 * the examination of a submitted solver, written as {@code submission-report.json} (format
 * {@code mcs-submission-report/1}) and a self-contained {@code submission-report.html}.
 *
 * @param solver the solver section (arena categories, search findings) or null when none was submitted
 * @param isolation how the submitted solver's runs were isolated: {@code bwrap}, or {@code none} when the user
 *     opted out with {@code --isolation none}; recorded in the report (and in every row of the arena's
 *     results.jsonl)
 */
public record SubmissionReport(Submission submission, List<ClaimCheck.Result> claims, SolverFindings solver, double seconds, String isolation) {
    /** A report whose runs (if any) were sandboxed with bubblewrap. */
    public SubmissionReport(Submission submission, List<ClaimCheck.Result> claims, SolverFindings solver, double seconds) {
        this(submission, claims, solver, seconds, "bwrap");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What was found about a submitted solver.
     *
     * @param outcome REJECTED when it gave a wrong answer or a certificate the kernel rejects anywhere,
     *     ACCEPTED when every answer it gave was right, UNVERIFIED when it could not be run
     * @param findings one line per problem found (instance, what was wrong), empty when none
     * @param details JSON-friendly details (arena counts, search statistics, counterexample files)
     */
    public record SolverFindings(String name, Outcome outcome, String reason, List<String> findings, Map<String, Object> details) {}

    /** REJECTED if anything is rejected, else UNVERIFIED if anything is unverified, else ACCEPTED. */
    public Outcome verdict() {
        List<Outcome> all = new ArrayList<>();
        claims.forEach(c -> all.add(c.outcome()));
        if (solver != null) all.add(solver.outcome());
        if (all.contains(Outcome.REJECTED)) return Outcome.REJECTED;
        if (all.contains(Outcome.UNVERIFIED)) return Outcome.UNVERIFIED;
        return Outcome.ACCEPTED;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "mcs-submission-report/1");
        m.put("submission", submission.file().toString());
        m.put("submitter", submission.submitter());
        m.put("title", submission.title());
        m.put("verdict", verdict().name());
        m.put("isolation", solver == null ? null : isolation);
        List<Map<String, Object>> cl = new ArrayList<>();
        for (ClaimCheck.Result r : claims) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("instance", r.instance());
            c.put("claim", r.claimed());
            c.put("verdict", r.outcome().name());
            c.put("check", r.check());
            c.put("reason", r.reason());
            c.put("method", r.method());
            cl.add(c);
        }
        m.put("claims", cl);
        if (solver != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", solver.name());
            s.put("verdict", solver.outcome().name());
            s.put("reason", solver.reason());
            s.put("findings", solver.findings());
            s.put("details", solver.details());
            s.put("exponents", exponents());
            m.put("solver", s);
        } else {
            m.put("solver", null);
        }
        m.put("java", System.getProperty("java.version"));
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return m;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code dir/submission-report.json} and {@code dir/submission-report.html}; returns their paths. */
    public List<Path> write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Path j = dir.resolve("submission-report.json"), h = dir.resolve("submission-report.html");
        byte[] jb = (json() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(j, out -> out.write(jb));
        byte[] hb = html().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(h, out -> out.write(hb));
        return List.of(j, h);
    }

    String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mcs submission report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eee}")
                .append(".ACCEPTED{color:#060;font-weight:bold}.REJECTED{color:#b00;font-weight:bold}.UNVERIFIED{color:#a60;font-weight:bold}")
                .append("code{font-size:90%}</style></head><body>\n");
        b.append("<h1>Submission report</h1>\n<p>").append(esc(submission.title().isEmpty() ? submission.file().getFileName().toString() : submission.title()))
                .append(" — submitted by ").append(esc(submission.submitter())).append("</p>\n");
        b.append("<p>Overall: <span class=\"").append(verdict()).append("\">").append(verdict()).append("</span> (")
                .append(claims.size()).append(" claims").append(solver != null ? ", one solver" : "").append("; checked in ")
                .append(String.format(java.util.Locale.ROOT, "%.2f", seconds)).append(" s)</p>\n");
        if (!claims.isEmpty()) {
            b.append("<h2>Claims</h2>\n<table id=\"claims\"><tr><th>id</th><th>instance</th><th>claim</th><th>verdict</th><th>check</th><th>reason</th></tr>\n");
            for (ClaimCheck.Result r : claims)
                b.append("<tr><td>").append(esc(r.id())).append("</td><td><code>").append(esc(r.instance())).append("</code></td><td>").append(esc(abbreviate(r.claimed())))
                        .append("</td><td class=\"").append(r.outcome()).append("\">").append(r.outcome()).append("</td><td>").append(esc(r.check()))
                        .append(" (").append(esc(r.method())).append(")</td><td>").append(esc(r.reason())).append("</td></tr>\n");
            b.append("</table>\n");
        }
        if (solver != null) {
            b.append("<h2>Solver ").append(esc(solver.name())).append("</h2>\n<p>Verdict: <span class=\"").append(solver.outcome()).append("\">")
                    .append(solver.outcome()).append("</span> — ").append(esc(solver.reason())).append("</p>\n");
            b.append("<p id=\"isolation\">Isolation of its runs: <b>").append(esc(isolation)).append("</b>")
                    .append("none".equals(isolation) ? " (opted out with --isolation none: the solver ran with the checker's rights)" : " (bubblewrap sandbox)")
                    .append("</p>\n");
            if (!solver.findings().isEmpty()) {
                b.append("<ul id=\"findings\">\n");
                for (String f : solver.findings()) b.append("<li>").append(esc(f)).append("</li>\n");
                b.append("</ul>\n");
            }
            study(b);
            b.append("<pre>").append(esc(detailsText())).append("</pre>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    /**
     * α and β of the ε-study the submission asked for ({@code checks.study}), each {@code {exponent, exponent_ci, of}},
     * with the statement that they are evidence, not proof; null when no study was asked for or run.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> exponents() {
        if (solver == null || !(solver.details().get("study") instanceof Map<?, ?> st) || !st.containsKey("alpha")) return null;
        Map<String, Object> e = new LinkedHashMap<>();
        for (String k : List.of("alpha", "beta")) {
            Map<String, Object> one = (Map<String, Object>) st.get(k);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("exponent", one.get("exponent"));
            x.put("exponent_ci", one.get("exponent_ci"));
            x.put("of", one.get("of"));
            e.put(k, x);
        }
        e.put("statement", st.get("statement"));
        return e;
    }

    @SuppressWarnings("unchecked")
    private void study(StringBuilder b) {
        if (exponents() == null) return;
        Map<String, Object> st = (Map<String, Object>) solver.details().get("study");
        b.append("<h3>Scaling of the solver (ε-study)</h3>\n<p id=\"study-statement\"><strong>").append(esc(String.valueOf(st.get("statement"))))
                .append("</strong></p>\n<table id=\"study\"><tr><th>exponent</th><th>estimate and 95% interval</th><th>by side</th><th>instances</th><th>correct fraction</th><th>study page</th></tr>\n");
        for (String k : List.of("alpha", "beta")) {
            Map<String, Object> one = (Map<String, Object>) st.get(k);
            String where = "alpha".equals(k) ? "n = " + one.get("n") + ", ε ∈ " + one.get("eps") : "n ∈ " + one.get("sizes") + ", ε = " + one.get("eps");
            b.append("<tr><td>").append("alpha".equals(k) ? "α (time in 1/ε)" : "β (time in n·m)").append("</td><td>").append(esc(String.valueOf(one.get("headline"))))
                    .append("</td><td>").append(esc(String.valueOf(one.get("by_side")))).append("</td><td>").append(esc(one.get("family") + ", " + where + ", seeds " + one.get("seeds")))
                    .append("</td><td>").append(esc(String.valueOf(one.get("correct_fraction")))).append("</td><td><code>").append(esc(String.valueOf(one.get("report"))))
                    .append("</code></td></tr>\n");
        }
        b.append("</table>\n");
    }

    private String detailsText() {
        try {
            return JSON.writeValueAsString(solver.details());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String v) {
        return v.length() <= 60 ? v : v.substring(0, 30) + "…" + v.substring(v.length() - 12);
    }

    private static String esc(String s) {
        return mcs.verifier.arena.ReportHtml.esc(s);
    }
}
