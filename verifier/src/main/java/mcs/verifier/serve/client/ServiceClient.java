package mcs.verifier.serve.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mcs.verifier.submit.Submission;

/**
 * The client of the service's JSON API, for {@code mcs submit send} and {@code mcs submit status}.
 *
 * <p>A submission is posted once, as {@code multipart/form-data}: the descriptor and every file it names
 * (paths relative to the descriptor's folder, which must hold them). The POST carries an
 * {@code Idempotency-Key}, so it is retried safely when the service or its store is briefly away (a
 * connection refused, or 503): the retry returns the submission the first attempt made, if it made one.
 */
public final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service refused the request (4xx): exit code 2. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The service could not be reached, or failed (5xx), for longer than the retries cover: exit code 1. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final long retryMs;

    /** @param retryMs how long connection failures and 503s are retried before giving up */
    public ServiceClient(URI server, String token, long retryMs) {
        this.server = server;
        this.token = token;
        this.retryMs = retryMs;
    }

    /** The files a descriptor names, by the name the service will know them under (relative to its folder). */
    public static Map<String, Path> files(Submission s) throws IOException {
        Path base = s.file().toAbsolutePath().normalize().getParent();
        Map<String, Path> out = new LinkedHashMap<>();
        for (int k = 0; k < s.claims().size(); k++) {
            Submission.Claim c = s.claims().get(k);
            add(out, base, c.instance(), "claims/" + k + "/instance");
            add(out, base, c.certificate(), "claims/" + k + "/certificate");
            if (c.instance().toString().endsWith(".json") && Files.isRegularFile(c.instance())) {
                JsonNode d;
                try {
                    d = JSON.readTree(c.instance().toFile());
                } catch (IOException e) {
                    d = null; // the service's check rejects the claim with the line
                }
                for (String f : List.of("a", "omega"))
                    if (d != null && d.path(f).isTextual()) add(out, base, c.instance().toAbsolutePath().getParent().resolve(d.get(f).asText()), "claims/" + k + "/instance " + f);
            }
        }
        if (s.solver() != null) {
            if (s.solver().jar() != null) add(out, base, s.solver().jar(), "solver/jar");
            if (s.solver().command() != null)
                for (String a : s.solver().command()) {
                    Path p = Path.of(a);
                    if (p.isAbsolute() && p.normalize().startsWith(base) && Files.isRegularFile(p)) add(out, base, p, "solver/command");
                }
        }
        return out;
    }

    private static void add(Map<String, Path> out, Path base, Path file, String field) {
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(base))
            throw new IllegalArgumentException(field + ": " + file + " is outside the descriptor's folder " + base + "; the service knows files by their path relative to it");
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(field + ": no file " + p);
        out.put(base.relativize(p).toString().replace('\\', '/'), p);
    }

    /** Posts a submission; returns the service's answer ({@code id}, {@code state}, {@code url}). */
    public JsonNode send(Path descriptor, Map<String, Path> files) throws IOException, InterruptedException {
        String boundary = "mcs-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(text(partHead(boundary, "descriptor", descriptor.getFileName().toString())));
        parts.add(HttpRequest.BodyPublishers.ofFile(descriptor));
        for (var f : files.entrySet()) {
            parts.add(text("\r\n" + partHead(boundary, "file", f.getKey())));
            parts.add(HttpRequest.BodyPublishers.ofFile(f.getValue()));
        }
        parts.add(text("\r\n--" + boundary + "--\r\n"));
        HttpRequest req = authorized(HttpRequest.newBuilder(server.resolve("/api/v1/submissions")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
        return call(req);
    }

    /** The submission's state, waiting up to {@code waitS} seconds on the service's side for its final state. */
    public JsonNode status(String id, int waitS) throws IOException, InterruptedException {
        if (!id.matches("[A-Za-z0-9]{1,32}")) throw new Refused(400, "'" + id + "' is not a submission id");
        HttpRequest req = authorized(HttpRequest.newBuilder(server.resolve("/api/v1/submissions/" + id + "?wait=" + waitS)))
                .timeout(Duration.ofSeconds(waitS + 30)).GET().build();
        return call(req);
    }

    /** Waits until the submission has a final state, reporting each change of state to {@code onState}. */
    public JsonNode await(String id, java.util.function.Consumer<JsonNode> onState) throws IOException, InterruptedException {
        String last = null;
        while (true) {
            JsonNode s = status(id, 20);
            String state = s.path("state").asText();
            if (!state.equals(last)) {
                onState.accept(s);
                last = state;
            }
            if (!s.path("final_state").isNull() && !s.path("final_state").isMissingNode()) return s;
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        b.header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private JsonNode call(HttpRequest req) throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + retryMs;
        long wait = 250;
        while (true) {
            String problem;
            try {
                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode body = parse(r.body());
                int st = r.statusCode();
                if (st < 300) return body;
                String msg = body.path("error").path("message").asText("HTTP " + st);
                String field = body.path("error").path("field").asText("");
                if (st == 503 || st == 502 || st == 504) {
                    problem = "the service answered " + st + ": " + msg;
                } else if (st >= 400 && st < 500) {
                    throw new Refused(st, "refused (" + st + (field.isEmpty() ? "" : ", field " + field) + "): " + msg);
                } else {
                    throw new Unavailable("the service failed (" + st + "): " + msg);
                }
            } catch (ConnectException e) {
                problem = "cannot connect to " + server;
            } catch (java.net.http.HttpTimeoutException e) {
                problem = "no answer from " + server + " in time";
            } catch (IOException e) {
                problem = "connection to " + server + " failed: " + e.getMessage();
            }
            if (System.currentTimeMillis() + wait > until) throw new Unavailable(problem);
            Thread.sleep(wait);
            wait = Math.min(wait * 2, 5000);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String partHead(String boundary, String name, String filename) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename.replace("\"", "%22")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    }

    private static HttpRequest.BodyPublisher text(String s) {
        return HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token: {@code MCS_TOKEN}, else the line {@code token=…} of the config file
     * ({@code $XDG_CONFIG_HOME/mcs/config}, default {@code ~/.config/mcs/config}).
     */
    public static String token() throws IOException {
        String env = System.getenv("MCS_TOKEN");
        if (env != null && !env.isBlank()) return env.trim();
        return config().get("token");
    }

    /** The server named by {@code MCS_SERVER}, else the config file's {@code server=…}, else null. */
    public static String defaultServer() throws IOException {
        String env = System.getenv("MCS_SERVER");
        if (env != null && !env.isBlank()) return env.trim();
        return config().get("server");
    }

    public static Path configFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return dir.resolve("mcs").resolve("config");
    }

    private static Map<String, String> config() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = configFile();
        if (!Files.isRegularFile(f)) return m;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int eq = l.indexOf('=');
            if (eq > 0) m.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return m;
    }
}
