package mcs.verifier.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Limits;
import mcs.verifier.sandbox.Sandbox;
import mcs.verifier.sandbox.SandboxRequest;
import mcs.verifier.sandbox.SandboxResult;

/**
 * Runs an external competitor as {@code CMD INSTANCE CERT_OUT} (SPEC §5) through the sandbox
 * ({@link Sandbox}: bubblewrap unless the plan says {@code "isolation": "none"}, prlimit, cgroups, the
 * wall-clock and memory limits with SIGTERM then SIGKILL after the grace period, and the kill of every
 * process it left). CERT_OUT lies in the run's private directory; the judge copies the certificate out
 * after the run ended. The answer is the {@code verdict} field of the JSON object it prints on stdout (the
 * {@code mcs solve --json} object).
 */
final class ExternalRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExternalRunner() {}

    /**
     * @param visible further files the command may read (the plan's {@code files} of this solver)
     * @param label names the run's scratch folder (the run id)
     */
    static Attempt run(List<String> argv, Path instance, List<Path> visible, Limits limits, Isolation isolation, String label) throws IOException {
        SandboxResult s = Sandbox.run(new SandboxRequest(argv, instance, visible, limits, isolation, label));
        String note = s.reason() == null || s.reason().isEmpty() ? "" : " (" + s.reason() + ")";
        Attempt a;
        if ("failed".equals(s.termination())) {
            a = new Attempt("failed", null, null, s.reason(), s.wallS(), s.cpuS(), s.peakRssMb(), s.isolation(), null, false, null);
        } else if (!s.exited()) {
            String why = s.reason() + (s.stderr().isBlank() ? "" : "; stderr: " + tail(s.stderr()));
            a = new Attempt(s.termination(), s.exitCode(), null, why, s.wallS(), s.cpuS(), s.peakRssMb(), s.isolation(), null, false, null);
        } else {
            JsonNode answer = lastJsonObject(s.stdout());
            if (answer == null || !answer.hasNonNull("verdict")) {
                a = new Attempt("failed", s.exitCode(), null, "exit code " + s.exitCode() + ", no JSON object with a verdict on stdout" + note
                        + (s.stderr().isBlank() ? "" : "; stderr: " + tail(s.stderr())), s.wallS(), s.cpuS(), s.peakRssMb(), s.isolation(), null, false, null);
            } else {
                a = new Attempt("done", s.exitCode(), answer.get("verdict").asText(), answer.path("message").asText("") + note, s.wallS(), s.cpuS(),
                        s.peakRssMb(), s.isolation(), null, false, null);
            }
        }
        return a.withCertificate(s.certificate(), s.certificateOverCap(), s.certificateProblem());
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
