package mcs.verifier.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import mcs.verifier.serve.store.StoreLocation;

/** A service started in this JVM for a test (port 0), with helpers to call it and to count what it stored. */
final class TestService implements AutoCloseable {
    static final Path REPO = repo();
    static final Path SAMPLE = REPO.resolve("docs/examples/submission-claims");

    final Service service;
    final ServiceConfig config;
    final HttpClient http = HttpClient.newHttpClient();

    TestService(ServiceConfig config) throws IOException {
        this.config = config;
        this.service = Service.start(config);
    }

    static ServiceConfig config(Path dir, StoreLocation store, int workers, long maxUpload, int rate, int perDay) {
        return new ServiceConfig(dir, store, dir.resolve("blobs"), "127.0.0.1", 0, workers, REPO.resolve("proofs-data"), maxUpload, rate, perDay, null, 30_000, 2_000);
    }

    static StoreLocation h2(Path dir) throws IOException {
        return StoreLocation.embedded(dir, Service.embeddedPassword(dir));
    }

    URI uri(String path) {
        return URI.create(service.url() + path);
    }

    String token(String user) {
        return service.app().accounts().addUser(user);
    }

    /** A response: status and body text. */
    record Res(int status, String body, java.net.http.HttpHeaders headers) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Res get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r.headers());
    }

    /** A multipart body; each part is {name, filename or null, bytes}. */
    static final class Form {
        final String boundary = "b" + UUID.randomUUID();
        final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        Form part(String name, String filename, byte[] bytes) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"")
                    + "\r\nContent-Type: " + (filename == null ? "text/plain" : "application/octet-stream") + "\r\n\r\n";
            buf.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            buf.writeBytes(bytes);
            buf.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Form file(String name, String filename, Path file) throws IOException {
            return part(name, filename, Files.readAllBytes(file));
        }

        Form text(String name, String value) {
            return part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(buf.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        HttpRequest.BodyPublisher body() {
            return HttpRequest.BodyPublishers.ofByteArray(bytes());
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    /** The sample submission (4 claims) as a form: the descriptor and its 8 files. */
    static Form sample() throws IOException {
        Form f = new Form().file("descriptor", "submission.json", SAMPLE.resolve("submission.json"));
        try (Stream<Path> s = Files.list(SAMPLE)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".mtx") || n.endsWith(".cert.json")) f.file("file", n, p);
            }
        }
        return f;
    }

    Res post(String path, String token, Form form, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", form.contentType()).POST(form.body());
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r.headers());
    }

    /** What the service has stored: rows of its tables and files of its blob store (tmp/ included). */
    List<Long> stored() throws IOException {
        List<Long> l = new ArrayList<>(service.app().db().read(c -> {
            List<Long> n = new ArrayList<>();
            for (String t : List.of("submissions", "jobs", "submission_files", "blobs", "claim_results")) {
                try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + t); ResultSet r = p.executeQuery()) {
                    r.next();
                    n.add(r.getLong(1));
                }
            }
            return n;
        }));
        // The upload scratch folder (blobs/tmp) is the HTTP server's own: it empties it when a request
        // completes, which can be just after the response was sent; tmpFilesGone() checks that separately.
        Path tmp = config.uploadTmp();
        try (Stream<Path> s = Files.walk(config.blobs())) {
            l.add(s.filter(Files::isRegularFile).filter(f -> !f.startsWith(tmp)).count());
        }
        return l;
    }

    /** Whether the upload scratch folder holds no file within a few seconds (a refused upload keeps nothing). */
    boolean tmpFilesGone() throws IOException, InterruptedException {
        Path tmp = config.uploadTmp();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            long n;
            try (Stream<Path> s = Files.exists(tmp) ? Files.walk(tmp) : Stream.empty()) {
                n = s.filter(Files::isRegularFile).count();
            }
            if (n == 0) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        service.stop();
    }

    private static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("proofs-data").toFile().isDirectory()) p = p.getParent();
        if (p == null) throw new IllegalStateException("the repository (with proofs-data) is not above " + Path.of("").toAbsolutePath());
        return p;
    }
}
