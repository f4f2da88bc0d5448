package mcs.verifier.arena;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.io.AtomicFile;
import mcs.problems.io.InputException;

/**
 * The files derived from {@code results.jsonl}: {@code results.csv} (the same columns, after
 * {@link Scoring#reconcile}), {@code ranking.json} and {@code report.html}. They can always be rebuilt
 * from the folder ({@code mcs arena report DIR}).
 */
public final class Outputs {
    private static final String[] COLUMNS = {"run_id", "solver", "instance", "seed", "category", "verdict", "reason", "wall_s", "cpu_s",
        "peak_rss_mb", "instance_sha256", "termination", "exit_code", "known", "isolation"};

    private Outputs() {}

    /** Writes the derived files and returns the ranking (virtual best solver last). */
    public static List<Standing> write(Path dir, Plan plan, List<RunRow> raw) throws IOException {
        List<RunRow> rows = Scoring.reconcile(raw);
        List<String> names = plan.solvers().stream().map(PlanSolver::name).toList();
        List<Standing> ranking = Scoring.rank(rows, names, plan.scoring(), plan.timeLimitS());
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (RunRow r : rows) {
            Map<String, Object> m = r.toMap();
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) cells.add(csvCell(m.get(c)));
            csv.append(String.join(",", cells)).append('\n');
        }
        writeText(dir.resolve("results.csv"), csv.toString());
        List<Map<String, Object>> rj = new ArrayList<>();
        for (Standing s : ranking) rj.add(s.toMap());
        writeText(dir.resolve("ranking.json"), Arena.JSON.writeValueAsString(rj) + "\n");
        writeText(dir.resolve("report.html"), ReportHtml.render(plan, provenance(dir), rows, ranking));
        return ranking;
    }

    /** Rebuilds the derived files of a results folder. */
    public static List<Standing> rebuild(Path dir) throws IOException {
        return write(dir, storedPlan(dir), ResultsFile.read(dir.resolve(ResultsFile.NAME)));
    }

    static Plan storedPlan(Path dir) {
        Path f = dir.resolve("plan.json");
        if (!Files.isRegularFile(f)) throw new InputException(f.toString(), 0, "missing: not an arena results folder");
        return Plan.read(f);
    }

    static Map<String, Object> provenance(Path dir) throws IOException {
        Path f = dir.resolve("provenance.json");
        if (!Files.isRegularFile(f)) return new LinkedHashMap<>();
        return Arena.JSON.readValue(f.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private static void writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    private static String csvCell(Object v) {
        if (v == null) return "";
        String s = v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
