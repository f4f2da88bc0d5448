package mcs.verifier.arena;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code results.jsonl} (SPEC §5), plus fields beyond the SPEC: {@code instance_sha256},
 * {@code termination} (BenchExec's termination reason: {@code done}, {@code timeout}, {@code memory},
 * {@code killed}, {@code failed}), {@code exit_code}, {@code known} (the instance's known verdict) and
 * {@code isolation} (how the run was isolated: {@code bwrap} or {@code none} for external commands,
 * {@code worker} for the plan owner's SPI solvers; absent in rows written before it existed).
 *
 * @param verdict the verdict the solver claimed (COMPLETABLE, NOT_COMPLETABLE, SOLVED, UNKNOWN)
 * @param wallS wall-clock seconds measured by the arena
 * @param cpuS CPU seconds (user + system) of the run's processes, best effort from /proc; -1 when unknown
 * @param peakRssMb peak resident memory in MiB, best effort from /proc; -1 when unknown
 */
public record RunRow(
        String runId,
        String solver,
        String instance,
        long seed,
        Category category,
        String verdict,
        String reason,
        double wallS,
        double cpuS,
        double peakRssMb,
        String instanceSha256,
        String termination,
        Integer exitCode,
        String known,
        String isolation) {

    /** A row without a recorded isolation (rows written before issue 15, tests). */
    public RunRow(String runId, String solver, String instance, long seed, Category category, String verdict, String reason, double wallS,
            double cpuS, double peakRssMb, String instanceSha256, String termination, Integer exitCode, String known) {
        this(runId, solver, instance, seed, category, verdict, reason, wallS, cpuS, peakRssMb, instanceSha256, termination, exitCode, known, null);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("solver", solver);
        m.put("instance", instance);
        m.put("seed", seed);
        m.put("category", category.name());
        m.put("verdict", verdict);
        m.put("reason", reason);
        m.put("wall_s", round(wallS));
        m.put("cpu_s", round(cpuS));
        m.put("peak_rss_mb", round(peakRssMb));
        m.put("instance_sha256", instanceSha256);
        m.put("termination", termination);
        m.put("exit_code", exitCode);
        m.put("known", known);
        if (isolation != null) m.put("isolation", isolation);
        return m;
    }

    public static RunRow fromMap(Map<String, Object> m) {
        return new RunRow(str(m, "run_id"), str(m, "solver"), str(m, "instance"), ((Number) m.get("seed")).longValue(),
                Category.valueOf(str(m, "category")), str(m, "verdict"), str(m, "reason"), num(m, "wall_s"), num(m, "cpu_s"),
                num(m, "peak_rss_mb"), str(m, "instance_sha256"), str(m, "termination"),
                m.get("exit_code") == null ? null : ((Number) m.get("exit_code")).intValue(), str(m, "known"), str(m, "isolation"));
    }

    /** The same row re-categorised (used when a verdict contradicts a verified one). */
    public RunRow withCategory(Category c, String why) {
        return new RunRow(runId, solver, instance, seed, c, verdict, why, wallS, cpuS, peakRssMb, instanceSha256, termination, exitCode, known, isolation);
    }

    public boolean solved() {
        return category == Category.CORRECT;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? -1 : ((Number) v).doubleValue();
    }

    /** Millisecond resolution keeps the file short; -1 stays -1. */
    private static double round(double x) {
        return x < 0 ? -1 : Math.round(x * 1000) / 1000.0;
    }
}
