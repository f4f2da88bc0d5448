package mcs.verifier.arena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, SVG and JavaScript; nothing is fetched) with
 * the ranking and the virtual best solver, the cactus plot, a log–log scatter of the two best-ranked
 * solvers, the per-instance table (click a header to sort), every failure with its reason, and the
 * provenance of the run.
 */
public final class ReportHtml {
    /** The reports' style sheet (tables, category colours), shared by {@code mcs study}'s page. */
    public static final String CSS = "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
            + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}th{background:#eee;cursor:pointer}"
            + ".CORRECT{background:#d9f2d9}.WRONG{background:#f4b6b6;font-weight:bold}.TIMEOUT{background:#fbe9c8}"
            + ".MEMOUT{background:#f7d7ee}.ERROR{background:#f9d0c4}.UNKNOWN{background:#eef}.virtual{font-style:italic;color:#555}"
            + "figure{display:inline-block;margin:0 1em 1em 0}code{font-size:12px}";
    private static final String SORT_JS = "document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){"
            + "var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th),"
            + "asc=th.getAttribute('data-dir')!=='asc';th.setAttribute('data-dir',asc?'asc':'desc');"
            + "var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var a=x.cells[i].getAttribute('data-v')||x.cells[i].textContent,"
            + "c=y.cells[i].getAttribute('data-v')||y.cells[i].textContent,na=parseFloat(a),nc=parseFloat(c);"
            + "var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?r:-r;});rows.forEach(function(r){b.appendChild(r);});});});"
            + "document.body.setAttribute('data-sortable','ready');";

    private ReportHtml() {}

    static String render(Plan plan, Map<String, Object> provenance, List<RunRow> rows, List<Standing> ranking) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mcs arena report</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>mcs arena report</h1>\n");
        h.append("<p>").append(rows.size()).append(" runs, ").append(plan.solvers().size()).append(" solvers, scoring <code>")
                .append(esc(plan.scoring())).append("</code>, time limit ").append(num(plan.timeLimitS())).append(" s, memory limit ")
                .append(plan.memoryLimitMb()).append(" MiB. Every answer was checked by the exact kernel; a WRONG answer ranks below any number of unsolved runs.</p>\n");
        ranking(h, ranking);
        h.append("<h2>Plots</h2>\n<figure id=\"cactus\">").append(Charts.cactus(rows, plan.solvers().stream().map(PlanSolver::name).toList(), plan.timeLimitS()))
                .append("<figcaption>Cactus plot: the k-th fastest correct run of each solver.</figcaption></figure>\n");
        List<String> top = ranking.stream().filter(s -> !s.virtual()).map(Standing::solver).limit(2).toList();
        if (top.size() == 2) {
            h.append("<figure id=\"scatter\">").append(Charts.scatter(rows, top.get(0), top.get(1), plan.timeLimitS()))
                    .append("<figcaption>Log–log scatter of the two best-ranked solvers; unsolved runs at twice the limit; dashed: y = x.</figcaption></figure>\n");
        }
        perInstance(h, plan, rows);
        failures(h, rows);
        provenance(h, provenance);
        h.append("<script>").append(SORT_JS).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void ranking(StringBuilder h, List<Standing> ranking) {
        h.append("<h2>Ranking</h2>\n<table id=\"ranking\" class=\"sortable\"><thead><tr><th>rank</th><th>solver</th><th>correct</th><th>wrong</th>"
                + "<th>unknown</th><th>timeout</th><th>memout</th><th>error</th><th>time of correct runs (s)</th><th>PAR-2</th></tr></thead><tbody>\n");
        for (Standing s : ranking) {
            h.append(s.virtual() ? "<tr class=\"virtual\">" : "<tr>").append(td(s.rank() == null ? "–" : s.rank().toString(), s.rank() == null ? "9999" : s.rank().toString()))
                    .append(td(s.solver() + (s.virtual() ? " (virtual best solver)" : ""), null)).append(td(s.correct())).append(td(s.wrong()))
                    .append(td(s.unknown())).append(td(s.timeout())).append(td(s.memout())).append(td(s.error()))
                    .append(td(num(s.timeS()), null)).append(td(num(s.par2()), null)).append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void perInstance(StringBuilder h, Plan plan, List<RunRow> rows) {
        List<String> solvers = plan.solvers().stream().map(PlanSolver::name).toList();
        Map<String, Map<String, RunRow>> byPair = new LinkedHashMap<>();
        Map<String, RunRow> firstOf = new LinkedHashMap<>();
        for (RunRow r : rows) {
            String key = r.instance() + "\u0000" + r.seed();
            byPair.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.solver(), r);
            firstOf.putIfAbsent(key, r);
        }
        List<String> keys = new ArrayList<>(byPair.keySet());
        keys.sort(Comparator.comparing((String k) -> firstOf.get(k).instance()).thenComparingLong(k -> firstOf.get(k).seed()));
        h.append("<h2>Per instance</h2>\n<p>Click a column header to sort. Cells: category and wall time in seconds.</p>\n");
        h.append("<table id=\"instances\" class=\"sortable\"><thead><tr><th>instance</th><th>seed</th><th>known</th>");
        for (String s : solvers) h.append("<th>").append(esc(s)).append("</th>");
        h.append("</tr></thead><tbody>\n");
        for (String k : keys) {
            RunRow f = firstOf.get(k);
            h.append("<tr>").append(td(f.instance(), null)).append(td(f.seed())).append(td(f.known() == null ? "" : f.known(), null));
            for (String s : solvers) {
                RunRow r = byPair.get(k).get(s);
                if (r == null) {
                    h.append("<td data-v=\"999999\"></td>");
                } else {
                    double sortKey = r.solved() ? r.wallS() : 100000 + r.category().ordinal();
                    h.append("<td class=\"").append(r.category()).append("\" data-v=\"").append(num(sortKey)).append("\" title=\"")
                            .append(esc(r.verdict() + (r.reason() == null ? "" : ": " + r.reason()))).append("\">").append(r.category()).append(' ')
                            .append(num(r.wallS())).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void failures(StringBuilder h, List<RunRow> rows) {
        h.append("<h2>Failures</h2>\n");
        List<RunRow> bad = new ArrayList<>();
        for (Category c : List.of(Category.WRONG, Category.ERROR, Category.MEMOUT, Category.TIMEOUT)) {
            for (RunRow r : rows) if (r.category() == c) bad.add(r);
        }
        if (bad.isEmpty()) {
            h.append("<p>None: every run answered correctly or said UNKNOWN.</p>\n");
            return;
        }
        h.append("<table id=\"failures\" class=\"sortable\"><thead><tr><th>category</th><th>solver</th><th>instance</th><th>seed</th><th>verdict</th>"
                + "<th>reason</th><th>run id</th></tr></thead><tbody>\n");
        for (RunRow r : bad) {
            h.append("<tr><td class=\"").append(r.category()).append("\">").append(r.category()).append("</td>").append(td(r.solver(), null))
                    .append(td(r.instance(), null)).append(td(r.seed())).append(td(r.verdict(), null)).append(td(r.reason() == null ? "" : r.reason(), null))
                    .append(td(r.runId(), null)).append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    @SuppressWarnings("unchecked")
    private static void provenance(StringBuilder h, Map<String, Object> p) {
        h.append("<h2>Provenance</h2>\n<table id=\"provenance\"><tbody>\n");
        for (var e : p.entrySet()) {
            if (e.getValue() instanceof Map<?, ?>) continue;
            h.append("<tr><th>").append(esc(e.getKey())).append("</th>").append(td(String.valueOf(e.getValue()), null)).append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        Object inst = p.get("instances");
        if (inst instanceof Map<?, ?> m) {
            h.append("<details><summary>Instance checksums (SHA-256), ").append(m.size()).append(" files</summary><table id=\"checksums\"><tbody>\n");
            for (var e : ((Map<String, Object>) m).entrySet()) {
                h.append("<tr>").append(td(e.getKey(), null)).append("<td><code>").append(esc(String.valueOf(e.getValue()))).append("</code></td></tr>\n");
            }
            h.append("</tbody></table></details>\n");
        }
    }

    private static String td(long v) {
        return td(Long.toString(v), Long.toString(v));
    }

    private static String td(String text, String sortValue) {
        return (sortValue == null ? "<td>" : "<td data-v=\"" + esc(sortValue) + "\">") + esc(text) + "</td>";
    }

    /** A number with three decimals, as the report's tables show it. */
    public static String num(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    /** HTML-escapes text for element content and quoted attributes (null gives ""). */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
