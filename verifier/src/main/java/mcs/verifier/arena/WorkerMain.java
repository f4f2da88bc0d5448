package mcs.verifier.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;

/**
 * A warm worker JVM for SPI solvers. Protocol, one JSON object per line: it prints {@code {"ready":true}},
 * then for each request {@code {"solver", "instance", "cert_out", "seed", "threads", "time_limit_s",
 * "options"}} on stdin it runs the solver (deadline = the time limit), writes the certificate of a
 * SOLVED result to {@code cert_out}, and answers {@code {"status", "verdict", "message"}}. Everything
 * else a solver prints goes to stderr, so stdout carries only the protocol. It exits at the end of
 * stdin; after an OutOfMemoryError it answers {@code MEMOUT} and exits, since its heap is suspect.
 */
public final class WorkerMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MEMOUT = "{\"status\":\"MEMOUT\",\"verdict\":null,\"message\":\"out of memory (heap limit -Xmx)\"}\n"
            .getBytes(StandardCharsets.UTF_8);

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream proto = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, Solver> cache = new ConcurrentHashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        warmUp(cache, java.util.Set.of(args));
        proto.println("{\"ready\":true}");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            Map<String, Object> reply;
            try {
                reply = handle(JSON.readTree(line), cache);
            } catch (OutOfMemoryError oom) {
                proto.write(MEMOUT);
                proto.flush();
                System.exit(3);
                return;
            }
            proto.println(JSON.writeValueAsString(reply));
        }
    }

    private static Map<String, Object> handle(JsonNode req, Map<String, Solver> cache) {
        try {
            LoadedInstance li = InstanceReader.read(Path.of(req.path("instance").asText()), null);
            String name = req.path("solver").asText();
            Map<String, String> extra = new LinkedHashMap<>();
            req.path("options").fields().forEachRemaining(e -> extra.put(e.getKey(), e.getValue().asText()));
            SolverOptions o = SolverOptions.defaults().withSeed(req.path("seed").asLong(1)).withThreads(Math.max(1, req.path("threads").asInt(1)))
                    .withExtra(extra).withTimeoutSeconds(req.path("time_limit_s").asDouble());
            SolverResult r;
            if (Plan.AUTO.equals(name)) {
                r = auto(li, o);
                if (r == null) return reply("UNSUPPORTED", null, "no solver accepts this " + li.instance().problem().id() + " instance (n = " + li.instance().n() + ")");
            } else {
                Solver s = cache.computeIfAbsent(li.instance().problem() + "/" + name,
                        k -> Solvers.byName(name, li.instance().problem()).orElse(null));
                if (s == null) return reply("ERROR", null, "no solver '" + name + "' for " + li.instance().problem().id());
                if (!s.accepts(li.instance())) return reply("UNSUPPORTED", null, name + " does not accept this instance (n = " + li.instance().n() + ")");
                r = s.solve(li.instance(), li.sha256(), o);
            }
            if (r == null) return reply("ERROR", null, "solver returned no result");
            if (r.certificate() != null && r.status() == mcs.problems.spi.Status.SOLVED) {
                CertificateJson.write(Path.of(req.path("cert_out").asText()), r.certificate());
            }
            return reply(r.status().name(), r.verdict().name(), r.message());
        } catch (DeadlineExceededException e) {
            return reply("TIMEOUT", null, "time limit reached");
        } catch (InputException e) {
            return reply("ERROR", null, "input: " + e.oneLine());
        } catch (RuntimeException | java.io.IOException | StackOverflowError e) {
            return reply("ERROR", null, "solver failed: " + e);
        }
    }

    /**
     * {@code auto}, as {@code mcs solve --solver auto}: the accepting solvers in auto order, each with the
     * time that is left, until one answers SOLVED; the last answer otherwise, null when none accepts. (Unlike
     * {@code mcs solve}, the worker does not judge in between: the arena's judge checks the one answer.)
     */
    private static SolverResult auto(LoadedInstance li, SolverOptions o) {
        SolverResult last = null;
        for (Solver s : Solvers.auto(li.instance())) {
            if (o.expired()) throw new DeadlineExceededException();
            last = s.solve(li.instance(), li.sha256(), o);
            if (last != null && last.status() == mcs.problems.spi.Status.SOLVED) return last;
        }
        return last;
    }

    /**
     * Loads and exercises the reader, the JSON writer and the named MC1 and permanent solvers (the
     * worker's arguments: the plan's SPI solvers) once on a 2×2 instance before the worker says it is
     * ready, so that class loading is not charged to the first timed run. Failures here are ignored: the
     * real run reports them.
     */
    private static void warmUp(Map<String, Solver> cache, java.util.Set<String> names) {
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("mcs-worker");
            Path mc1 = dir.resolve("w.mtx"), perm = dir.resolve("p.mtx"), cert = dir.resolve("c.json");
            java.nio.file.Files.writeString(mc1, "%%MatrixMarket matrix coordinate real symmetric\n2 2 3\n1 1 1\n2 1 1/2\n2 2 1\n");
            java.nio.file.Files.writeString(perm, "%%MatrixMarket matrix array real general\n2 2\n1\n3\n2\n4\n");
            for (Solver s : Solvers.all()) {
                if (!names.contains(s.name())) continue;
                Path f = s.problem() == mcs.problems.instance.Problem.PSD_COMPLETION ? mc1 : s.problem() == mcs.problems.instance.Problem.PERMANENT ? perm : null;
                if (f == null) continue;
                Map<String, Object> req = new LinkedHashMap<>();
                req.put("solver", s.name());
                req.put("instance", f.toString());
                req.put("cert_out", cert.toString());
                req.put("time_limit_s", 2.0);
                handle(JSON.valueToTree(req), cache);
            }
            JSON.writeValueAsString(reply("SOLVED", "COMPLETABLE", "warm"));
        } catch (java.io.IOException | RuntimeException e) {
            // warm-up is an optimisation only
        } finally {
            if (dir != null) {
                try (var files = java.nio.file.Files.list(dir)) {
                    for (Path f : files.toList()) java.nio.file.Files.deleteIfExists(f);
                    java.nio.file.Files.deleteIfExists(dir);
                } catch (java.io.IOException e) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    private static Map<String, Object> reply(String status, String verdict, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("verdict", verdict);
        m.put("message", message);
        return m;
    }
}
