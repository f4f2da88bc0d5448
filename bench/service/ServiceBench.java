// The driver of bench/service-load.sh and bench/service-faults.sh: a single-file Java program, run with
//   java -cp verifier/target/mcs.jar bench/service/ServiceBench.java COMMAND ...
// It talks to a running `mcs serve` over loopback only, through its JSON API, and reads the store (same
// --data or --db) to create accounts and to check the outcome. Every loop is bounded in count and time.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mcs.verifier.record.IndexCsv;
import mcs.verifier.serve.Service;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.StoreLocation;

public class ServiceBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One claim to send: a record instance (by SHA-256, as refs) and a certificate, valid or mutated. */
    record Item(String id, String problem, String instanceName, String instanceSha, Map<String, String> extra, String claim, String certName, byte[] cert, boolean mutated,
            Path instanceFile, Path certFile) {}

    public static void main(String[] a) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int k = 1; k + 1 < a.length; k += 2) o.put(a[k], a[k + 1]);
        switch (a[0]) {
            case "users" -> users(o);
            case "load" -> load(o);
            case "send" -> send(o);
            case "check" -> check(o);
            case "pairs" -> pairs(o);
            default -> throw new IllegalArgumentException("commands: users, load, send, check, pairs");
        }
    }

    static StoreLocation store(Map<String, String> o) throws IOException {
        return o.containsKey("--db") ? StoreLocation.parse(o.get("--db")) : StoreLocation.embedded(Path.of(o.get("--data")), Service.embeddedPassword(Path.of(o.get("--data"))));
    }

    /** users --data DIR|--db URL --n N --out FILE: N accounts without limits; their tokens, one a line. */
    static void users(Map<String, String> o) throws Exception {
        int n = Integer.parseInt(o.get("--n"));
        List<String> tokens = new ArrayList<>();
        try (Database db = Database.open(store(o), 2)) {
            Accounts acc = new Accounts(db, System::currentTimeMillis);
            String run = Long.toString(System.currentTimeMillis() % 100000, 36);
            for (int k = 0; k < n; k++) {
                String name = "bench-" + run + "-" + k;
                tokens.add(acc.addUser(name));
                acc.setLimits(name, 1_000_000, 1_000_000, null);
            }
        }
        Files.write(Path.of(o.get("--out")), tokens);
    }

    /** The record's claims that have a certificate, valid and mutated, on the given tiers. */
    static List<Item> items(Path record, List<String> tiers, Random rnd) throws IOException {
        List<Item> out = new ArrayList<>();
        for (IndexCsv.Row r : IndexCsv.read(record.resolve("index.csv"))) {
            if (!tiers.contains(r.tier()) || r.certificate().isEmpty() || r.knownAnswer().equals("INVALID")) continue;
            if (r.problem().equals("approximate-squaring")) continue; // MC2 instances name further files; claims on MC1 and permanents suffice here
            Path inst = record.resolve(r.instance()), cert = record.resolve(r.certificate());
            byte[] good = Files.readAllBytes(cert);
            String sha = BlobStore.sha256Hex(Files.readAllBytes(inst));
            out.add(new Item(r.id(), r.problem(), inst.getFileName().toString(), sha, Map.of(), r.knownAnswer(), "cert.json", good, false, inst, cert));
            byte[] bad = mutate(good, rnd);
            if (bad != null) out.add(new Item(r.id(), r.problem(), inst.getFileName().toString(), sha, Map.of(), r.knownAnswer(), "cert.json", bad, true, inst, null));
        }
        return out;
    }

    /** Changes one digit of the last exact number string of a certificate (a value, an entry, a factor element). */
    static byte[] mutate(byte[] cert, Random rnd) {
        String s = new String(cert, StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"(-?[0-9]+(?:\\.[0-9]+)?(?:/[0-9]+)?)\"").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(1), m.end(1)});
        if (spans.isEmpty()) return null;
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        String num = s.substring(sp[0], sp[1]);
        int slash = num.indexOf('/');
        int at = (slash > 0 ? slash : num.length()) - 1;
        char d = num.charAt(at);
        char nd = (char) ('0' + (d - '0' + 1 + rnd.nextInt(8)) % 10);
        String changed = num.substring(0, at) + nd + num.substring(at + 1);
        return (s.substring(0, sp[0]) + changed + s.substring(sp[1])).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] descriptor(Item it) throws IOException {
        return JSON.writeValueAsBytes(Map.of("format", "mcs-submission/1", "submitter", Map.of("name", "bench"), "title", "bench " + it.id() + (it.mutated() ? " (mutated)" : ""),
                "claims", List.of(Map.of("id", it.id(), "instance", it.instanceName(), "certificate", it.certName(), "claim", it.claim()))));
    }

    static byte[] multipart(String boundary, Item it) throws IOException {
        var b = new java.io.ByteArrayOutputStream();
        part(b, boundary, "descriptor", "submission.json", descriptor(it));
        part(b, boundary, "file", it.certName(), it.cert());
        Map<String, String> refs = new LinkedHashMap<>(it.extra());
        refs.put(it.instanceName(), it.instanceSha());
        part(b, boundary, "refs", null, JSON.writeValueAsBytes(refs));
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    static void part(java.io.ByteArrayOutputStream b, String boundary, String name, String file, byte[] data) {
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes(data);
        b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts one submission until it is acknowledged (202), retrying connection failures and 503 with the same
     * Idempotency-Key for up to {@code retryMs}; returns its id.
     */
    static String post(URI server, String token, Item it, long retryMs) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        HttpRequest req = HttpRequest.newBuilder(server.resolve("/api/v1/submissions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(300)).POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, it))).build();
        long until = System.currentTimeMillis() + retryMs;
        String last = "";
        while (System.currentTimeMillis() < until) {
            try {
                HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) return JSON.readTree(r.body()).path("id").asText();
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() != 503 && r.statusCode() != 429) throw new IllegalStateException("refused: " + last);
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not acknowledged within " + retryMs + " ms: " + last);
    }

    /** Waits for a final state (long polls), retrying while the service is away; returns the submission's JSON. */
    static JsonNode await(URI server, String id, long limitMs) throws Exception {
        long until = System.currentTimeMillis() + limitMs;
        while (System.currentTimeMillis() < until) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.resolve("/api/v1/submissions/" + id + "?wait=20")).timeout(Duration.ofSeconds(40)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    JsonNode s = JSON.readTree(r.body());
                    if (s.path("final_state").isTextual()) return s;
                    continue;
                }
            } catch (IOException e) {
                // the service is away (killed, restarting): ask again shortly
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(id + " has no final state after " + limitMs + " ms");
    }

    /**
     * load --server URL --tokens FILE --record DIR --clients C --per-client K --out FILE.json: C concurrent
     * clients each send K claims (a mix of valid and mutated certificates) one after the other and wait for
     * each verdict; records the time to acknowledge and to verdict of each.
     */
    static void load(Map<String, String> o) throws Exception {
        URI server = URI.create(o.get("--server"));
        List<String> tokens = Files.readAllLines(Path.of(o.get("--tokens")));
        int clients = Integer.parseInt(o.get("--clients")), per = Integer.parseInt(o.get("--per-client"));
        List<Item> items = items(Path.of(o.get("--record")), List.of("examples", "tiny"), new Random(1));
        List<double[]> lat = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1), done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    Random rnd = new Random(1000 + client);
                    for (int k = 0; k < per; k++) {
                        Item it = items.get(rnd.nextInt(items.size()));
                        long t0 = System.nanoTime();
                        String id = post(server, tokens.get(client % tokens.size()), it, 900_000);
                        long t1 = System.nanoTime();
                        JsonNode s = await(server, id, 600_000);
                        long t2 = System.nanoTime();
                        lat.add(new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, k});
                        String key = (it.mutated() ? "mutated " : "valid ") + s.path("final_state").asText();
                        outcomes.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        done.await();
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Double> ack = new ArrayList<>(), verdict = new ArrayList<>();
        for (double[] l : lat) {
            ack.add(l[0]);
            verdict.add(l[1]);
        }
        Collections.sort(ack);
        Collections.sort(verdict);
        // A client's first request carries a token the service has not verified yet (one Argon2id each, a burst
        // of 200 at the start); the later ones are served from the verification cache.
        List<Double> ackFirst = new ArrayList<>(), ackLater = new ArrayList<>();
        for (double[] l : lat) (l[2] == 0 ? ackFirst : ackLater).add(l[0]);
        Collections.sort(ackFirst);
        Collections.sort(ackLater);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", clients);
        m.put("submissions", lat.size());
        m.put("distinct_claims", items.size());
        m.put("wall_s", round(wall));
        m.put("throughput_per_s", round(lat.size() / wall));
        m.put("ack_ms", Map.of("p50", round(pct(ack, 50)), "p99", round(pct(ack, 99)), "max", round(pct(ack, 100))));
        m.put("ack_ms_first_request", Map.of("p50", round(pct(ackFirst, 50)), "p99", round(pct(ackFirst, 99))));
        m.put("ack_ms_later_requests", Map.of("p50", round(pct(ackLater, 50)), "p99", round(pct(ackLater, 99))));
        m.put("verdict_ms", Map.of("p50", round(pct(verdict, 50)), "p99", round(pct(verdict, 99)), "max", round(pct(verdict, 100))));
        m.put("outcomes", outcomes);
        Map<String, Integer> distinct = new java.util.TreeMap<>();
        for (String e : errors) distinct.merge(e, 1, Integer::sum);
        m.put("errors", distinct);
        Files.writeString(Path.of(o.get("--out")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    /**
     * pairs --record DIR --out DIR --n N: writes the first N claims of the load (valid and mutated
     * certificates alike) as files, and "INSTANCE CERTIFICATE" lines in DIR/pairs.txt, for the by-hand
     * baseline (one `mcs verify` per line).
     */
    static void pairs(Map<String, String> o) throws Exception {
        Path out = Path.of(o.get("--out"));
        Files.createDirectories(out);
        List<Item> items = items(Path.of(o.get("--record")), List.of("examples", "tiny"), new Random(1));
        int n = Math.min(items.size(), Integer.parseInt(o.get("--n")));
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Item it = items.get(k);
            Path c = out.resolve(k + "-" + it.id() + (it.mutated() ? "-mutated" : "") + ".cert.json");
            Files.write(c, it.cert());
            lines.add(it.instanceFile().toAbsolutePath() + " " + c.toAbsolutePath());
        }
        Files.write(out.resolve("pairs.txt"), lines);
    }

    /** send --server URL --tokens FILE --record DIR --n N --out FILE: sends N claims from a few threads, retrying until each is acknowledged; writes "id valid|mutated" lines. */
    static void send(Map<String, String> o) throws Exception {
        URI server = URI.create(o.get("--server"));
        List<String> tokens = Files.readAllLines(Path.of(o.get("--tokens")));
        int n = Integer.parseInt(o.get("--n"));
        long pace = Long.parseLong(o.getOrDefault("--pace-ms", "0"));
        List<Item> items = items(Path.of(o.get("--record")), List.of("examples", "tiny", "public"), new Random(2));
        long start = System.currentTimeMillis();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < 10; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Random rnd = new Random(client);
                for (int k; (k = next.getAndIncrement()) < n; ) {
                    Item it = items.get(rnd.nextInt(items.size()));
                    long due = start + k * pace - System.currentTimeMillis();
                    if (due > 0) {
                        try {
                            Thread.sleep(due);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        String id = post(server, tokens.get(client % tokens.size()), it, 300_000);
                        synchronized (lines) {
                            lines.add(id + " " + (it.mutated() ? "mutated" : "valid"));
                            // written whole and renamed into place, so that a reader never sees it half-written
                            Path tmp = Path.of(o.get("--out") + ".tmp");
                            Files.write(tmp, new ArrayList<>(lines));
                            Files.move(tmp, Path.of(o.get("--out")), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    } catch (Exception e) {
                        errors.add(e.toString());
                    }
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) t.join();
        // renamed into place like every update above: the fault script counts its lines while a kill is due
        Path tmp = Path.of(o.get("--out") + ".tmp");
        Files.write(tmp, lines);
        Files.move(tmp, Path.of(o.get("--out")), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("acknowledged " + lines.size() + " of " + n + (errors.isEmpty() ? "" : "; errors: " + errors));
    }

    /**
     * check --server URL --ids FILE --data DIR|--db URL --blobs DIR: waits for every acknowledged submission's
     * final state, then checks in the store that each has exactly one job with one final state and one
     * result row per claim, that valid certificates were ACCEPTED, and that every blob the store names
     * exists and still hashes to its name. Prints a JSON summary; exit 1 when anything is lost or doubled.
     */
    static void check(Map<String, String> o) throws Exception {
        URI server = URI.create(o.get("--server"));
        List<String[]> ids = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(o.get("--ids")))) if (!l.isBlank()) ids.add(l.trim().split(" "));
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String[] x : ids) {
            JsonNode s = await(server, x[0], 900_000);
            outcomes.merge(x[1] + " " + s.path("final_state").asText() + (s.path("attempts").asInt() > 1 ? " (after " + s.path("attempts").asInt() + " attempts)" : ""), 1, Integer::sum);
            if (x[1].equals("valid") && !s.path("final_state").asText().equals("ACCEPTED")) problems.add(x[0] + ": a valid certificate ended " + s.path("final_state").asText() + ": " + s.path("reason").asText());
        }
        BlobStore blobs = new BlobStore(Path.of(o.get("--blobs")));
        int blobCount = 0;
        try (Database db = Database.open(store(o), 2)) {
            for (String[] x : ids) {
                List<Object[]> jobs = db.read(c -> {
                    List<Object[]> l = new ArrayList<>();
                    try (PreparedStatement p = c.prepareStatement("SELECT state, final_state, (SELECT COUNT(*) FROM claim_results r WHERE r.submission_id = j.submission_id), "
                            + "(SELECT n_claims FROM submissions s WHERE s.id = j.submission_id) FROM jobs j WHERE j.submission_id = ?")) {
                        p.setString(1, x[0]);
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) l.add(new Object[] {r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)});
                        }
                    }
                    return l;
                });
                if (jobs.size() != 1) problems.add(x[0] + ": " + jobs.size() + " jobs");
                else {
                    Object[] j = jobs.get(0);
                    if (j[1] == null) problems.add(x[0] + ": no final state (" + j[0] + ")");
                    boolean judged = j[0].equals("done");
                    if (judged && (Long) j[2] != (Long) j[3]) problems.add(x[0] + ": " + j[2] + " claim results for " + j[3] + " claims");
                    if (!judged && (Long) j[2] != 0) problems.add(x[0] + ": results stored for a job that failed");
                }
            }
            List<String> shas = db.read(c -> {
                List<String> l = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT sha256 FROM blobs"); ResultSet r = p.executeQuery()) {
                    while (r.next()) l.add(r.getString(1));
                }
                return l;
            });
            for (String sha : shas) {
                blobCount++;
                if (!blobs.verify(sha)) problems.add("blob " + sha + " is missing or does not hash to its name");
            }
        }
        long leftovers;
        try (var s = Files.list(blobs.root().resolve("tmp"))) {
            leftovers = s.count();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acknowledged", ids.size());
        m.put("outcomes", outcomes);
        m.put("blobs_checked", blobCount);
        m.put("tmp_leftovers", leftovers);
        m.put("problems", problems);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        if (!problems.isEmpty()) System.exit(1);
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        int k = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }

    static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
