package mcs.verifier.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an external competitor as {@code CMD INSTANCE CERT_OUT} (SPEC §5) in its own process group with
 * stdin from /dev/null and both output streams captured up to a cap. At the wall-clock limit the group
 * gets SIGTERM, then SIGKILL after the grace period; a group whose resident memory (sampled every
 * 20 ms) exceeds the memory limit is ended the same way. Processes the competitor left behind in its
 * group are ended when it exits. The answer is the {@code verdict} field of the JSON object it prints
 * on stdout (the {@code mcs solve --json} object).
 */
final class ExternalRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 20;

    private ExternalRunner() {}

    static Attempt run(List<String> argv, Path instance, Path certOut, Path workDir, double limitS, int memMb, double graceS, int capBytes)
            throws IOException {
        List<String> cmd = new ArrayList<>(argv);
        cmd.add(instance.toString());
        cmd.add(certOut.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = ProcessGroups.start(pb);
        } catch (IOException e) {
            return new Attempt("failed", null, null, "cannot start " + argv.get(0) + ": " + e.getMessage(), 0, -1, -1);
        }
        long pgid = p.pid();
        CappedCapture out = new CappedCapture(p.getInputStream(), capBytes, "arena-stdout-" + pgid);
        CappedCapture err = new CappedCapture(p.getErrorStream(), capBytes, "arena-stderr-" + pgid);
        long limitNanos = (long) (limitS * 1e9);
        String termination = "done";
        double cpu = -1, rss = -1;
        try {
            while (!p.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                double[] u = ProcStats.groupUsage(pgid);
                cpu = Math.max(cpu, u[0]);
                rss = Math.max(rss, u[1]);
                if (System.nanoTime() - t0 >= limitNanos) {
                    termination = "timeout";
                    break;
                }
                if (u[1] > memMb) {
                    termination = "memory";
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            termination = "failed";
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        boolean leftovers = ProcessGroups.terminate(pgid, (long) (graceS * 1000)) && "done".equals(termination);
        Integer code = p.isAlive() ? null : p.exitValue();
        String stdout = out.text(1000);
        String stderr = err.text(1000);
        if (!"done".equals(termination)) return new Attempt(termination, code, null, tail(stderr), wall, cpu, rss);
        String note = (leftovers ? " (processes it left running were killed)" : "")
                + (out.dropped() > 0 ? " (stdout cut at " + capBytes + " bytes, " + out.dropped() + " dropped)" : "");
        JsonNode answer = lastJsonObject(stdout);
        if (answer == null || !answer.hasNonNull("verdict")) {
            return new Attempt("failed", code, null, "exit code " + code + ", no JSON object with a verdict on stdout" + note
                    + (stderr.isBlank() ? "" : "; stderr: " + tail(stderr)), wall, cpu, rss);
        }
        String message = answer.path("message").asText("") + note;
        return new Attempt("done", code, answer.get("verdict").asText(), message, wall, cpu, rss);
    }

    /** The last line of stdout that parses as a JSON object, or the whole text as one (pretty-printed) object. */
    private static JsonNode lastJsonObject(String stdout) {
        try {
            JsonNode whole = JSON.readTree(stdout);
            if (whole != null && whole.isObject()) return whole;
        } catch (IOException e) {
            // not one document: look for a line holding one
        }
        String[] lines = stdout.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].trim();
            if (!l.startsWith("{")) continue;
            try {
                JsonNode n = JSON.readTree(l);
                if (n.isObject()) return n;
            } catch (IOException e) {
                // keep looking
            }
        }
        return null;
    }

    static String tail(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : "…" + t.substring(t.length() - 300);
    }
}
