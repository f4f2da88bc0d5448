package mcs.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import mcs.verifier.serve.client.ServiceClient;

/** How {@code mcs submit send} and {@code mcs submit status} print a submission and choose their exit code. */
final class ServiceOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceOutput() {}

    static URI server(String option) throws IOException {
        String s = option != null ? option : ServiceClient.defaultServer();
        if (s == null) throw new UsageException("give --server URL (or MCS_SERVER, or server=URL in " + ServiceClient.configFile() + ")");
        try {
            URI u = URI.create(s.endsWith("/") ? s : s + "/");
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null)
                throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server: not an http(s) URL: " + s);
        }
    }

    /**
     * Prints the final (or current) state: with {@code json}, the report object of {@code submit check --json}
     * plus {@code id} (for a job that ended without a report, the same fields with its final state and reason);
     * otherwise one line per claim, the solver, and the verdict with the page's address.
     */
    static int print(JsonNode s, URI server, boolean json, PrintWriter out) throws IOException {
        JsonNode report = s.path("report");
        String finalState = s.path("final_state").isTextual() ? s.get("final_state").asText() : null;
        if (json) {
            if (report.isObject()) {
                out.println(JSON.writeValueAsString(report));
            } else {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", s.path("id").asText());
                o.put("format", "mcs-submission-report/1");
                o.put("verdict", finalState == null ? null : "UNVERIFIED");
                o.put("state", s.path("state").asText());
                o.put("final_state", finalState);
                o.set("reason", s.path("reason"));
                o.putArray("claims");
                o.putNull("solver");
                out.println(JSON.writeValueAsString(o));
            }
        } else {
            if (report.isObject()) {
                for (JsonNode c : report.path("claims"))
                    out.printf("%-10s %-20s %s: %s%n", c.path("verdict").asText(), c.path("id").asText(), c.path("instance").asText(), c.path("reason").asText());
                JsonNode sv = report.path("solver");
                if (sv.isObject()) {
                    out.printf("%-10s solver %s: %s%n", sv.path("verdict").asText(), sv.path("name").asText(), sv.path("reason").asText());
                    for (JsonNode f : sv.path("findings")) out.printf("           %s%n", f.asText());
                }
            }
            String page = server.resolve("submissions/" + s.path("id").asText()).toString();
            if (finalState == null) out.printf("%s: %s; page: %s%n", s.path("id").asText(), s.path("state").asText(), page);
            else if (report.isObject()) out.printf("%s; page: %s%n", report.path("verdict").asText(), page);
            else out.printf("%s: %s; page: %s%n", finalState, s.path("reason").asText(), page);
        }
        out.flush();
        return exitCode(s);
    }

    /** 0 accepted, 3 rejected, 4 unverified, past its limit or not finished yet, 1 when the service failed it. */
    static int exitCode(JsonNode s) {
        String f = s.path("final_state").isTextual() ? s.get("final_state").asText() : null;
        if (f == null) return ExitCodes.LIMIT;
        return switch (f) {
            case "ACCEPTED" -> ExitCodes.OK;
            case "REJECTED" -> ExitCodes.REJECTED;
            case "failed" -> ExitCodes.INTERNAL;
            default -> ExitCodes.LIMIT;
        };
    }

    static void progress(PrintWriter err, JsonNode s) {
        err.printf("mcs submit: %s %s%s%n", s.path("id").asText(), s.path("state").asText(),
                s.path("attempts").asInt() > 1 ? " (attempt " + s.path("attempts").asInt() + ")" : "");
        err.flush();
    }
}
