package mcs.verifier.arena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.io.InputException;

/**
 * {@code mcs arena merge DIR… --out DIR}: the union of shard folders of one plan, keyed by run ID. The
 * merged folder holds the same rows as an unsharded run (run IDs do not depend on the shard) and its
 * derived files are computed from the whole table, so ranking and reconciliation see every run. Rows
 * are ordered by instance, seed, then the solver's plan position. When a run ID occurs in several
 * folders (a shard run twice), a finished non-ERROR row wins over an ERROR row.
 */
public final class Merge {
    private Merge() {}

    public static List<Standing> merge(List<Path> dirs, Path out) throws IOException {
        if (dirs.isEmpty()) throw new IllegalArgumentException("merge needs at least one folder");
        String planText = null;
        Map<String, RunRow> rows = new LinkedHashMap<>();
        Map<String, Object> provenance = null;
        Map<String, Object> instances = new LinkedHashMap<>();
        List<String> shards = new ArrayList<>();
        for (Path d : dirs) {
            Path pf = d.resolve("plan.json");
            if (!Files.isRegularFile(pf)) throw new InputException(pf.toString(), 0, "missing: not an arena results folder");
            String text = Files.readString(pf, StandardCharsets.UTF_8);
            if (planText == null) planText = text;
            else if (!planText.equals(text)) throw new InputException(pf.toString(), 0, "a different plan than " + dirs.get(0).resolve("plan.json"));
            for (RunRow r : ResultsFile.read(d.resolve(ResultsFile.NAME))) {
                RunRow old = rows.get(r.runId());
                if (old == null || old.category().failed()) rows.put(r.runId(), r);
            }
            Map<String, Object> p = Outputs.provenance(d);
            if (provenance == null) provenance = p;
            if (p.get("instances") instanceof Map<?, ?> m) m.forEach((k, v) -> instances.put(String.valueOf(k), v));
            shards.add(String.valueOf(p.getOrDefault("shard", "?")));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), planText, StandardCharsets.UTF_8);
        Plan plan = Plan.read(out.resolve("plan.json"));
        List<String> order = plan.solvers().stream().map(PlanSolver::name).toList();
        List<RunRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(RunRow::instance).thenComparingLong(RunRow::seed).thenComparingInt(r -> order.indexOf(r.solver())));
        provenance = new LinkedHashMap<>(provenance);
        provenance.put("shard", "merged from " + String.join(", ", shards));
        provenance.put("instances", instances);
        Files.writeString(out.resolve("provenance.json"), Arena.JSON.writeValueAsString(provenance), StandardCharsets.UTF_8);
        ResultsFile.rewrite(out.resolve(ResultsFile.NAME), sorted, r -> true);
        return Outputs.write(out, plan, sorted);
    }
}
