package mcs.verifier.arena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mcs.problems.io.Sha256;

/**
 * Where and how a competition ran, for {@code DIR/provenance.json} and the report: tool version and git
 * SHA (when run inside a git checkout), Java, OS, CPU model, cores, memory, limits, seeds, the plan's
 * SHA-256 and every instance's SHA-256. Everything is best effort: a missing source gives "unknown".
 */
final class Provenance {
    private Provenance() {}

    static Map<String, Object> collect(Plan plan, List<ArenaInstance> instances, String shard) {
        Map<String, Object> m = new LinkedHashMap<>();
        String v = Provenance.class.getPackage().getImplementationVersion();
        m.put("tool", "mcs " + (v == null ? "development build" : v));
        m.put("git_sha", gitSha());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory_mb", memoryMb());
        m.put("time_limit_s", plan.timeLimitS());
        m.put("memory_limit_mb", plan.memoryLimitMb());
        m.put("grace_s", plan.graceS());
        m.put("jobs", plan.jobs());
        m.put("seeds", plan.seeds());
        m.put("scoring", plan.scoring());
        m.put("shard", shard);
        m.put("plan_sha256", Sha256.of(plan.text().getBytes(StandardCharsets.UTF_8)));
        Map<String, String> sums = new LinkedHashMap<>();
        for (ArenaInstance i : instances) sums.put(i.name(), i.sha256());
        m.put("instances", sums);
        return m;
    }

    static String gitSha() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    static long memoryMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("MemTotal:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
