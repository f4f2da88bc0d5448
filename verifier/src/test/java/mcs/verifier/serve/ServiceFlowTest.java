package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mcs.verifier.cli.Main;
import mcs.verifier.serve.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as its users meet it: {@code mcs submit send} and {@code mcs submit status} (run as separate
 * processes, with the token in {@code MCS_TOKEN}) against a running service, their report and exit codes
 * compared with {@code mcs submit check}'s; and the graceful shutdown, which gives a running job back to
 * the queue for the next start. Run on both stores.
 */
abstract class ServiceFlowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    TestService s;

    abstract StoreLocation store() throws IOException;

    void start(int workers) throws IOException {
        s = new TestService(TestService.config(dir.resolve("data"), store(), workers, 64 << 20, 1000, 1000));
    }

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    /** Runs {@code mcs ARGS} as a process with the test class path; returns {exit, stdout, stderr}. */
    static String[] mcs(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("MCS_TOKEN");
        pb.environment().put("XDG_CONFIG_HOME", Path.of(System.getProperty("java.io.tmpdir"), "mcs-no-config").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8)};
    }

    @Test
    void sendReportsLikeSubmitCheckAndStatusAgrees() throws Exception {
        start(1);
        String token = s.token("alice");
        Path descriptor = TestService.SAMPLE.resolve("submission.json");
        String[] sent = mcs(Map.of("MCS_TOKEN", token), "submit", "send", descriptor.toString(), "--server", s.service.url(), "--json");
        assertEquals("3", sent[0], String.join("\n", sent));
        JsonNode remote = JSON.readTree(sent[1]);
        String id = remote.path("id").asText();
        assertTrue(id.matches("s[a-z2-7]{16}"), sent[1]);
        assertTrue(sent[2].contains("queued as " + id), sent[2]);

        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(new String[] {"submit", "check", descriptor.toString(), "--out", dir.resolve("local").toString(), "--json"}, new PrintWriter(o, true),
                new PrintWriter(e, true));
        assertEquals(3, code, e.toString());
        JsonNode local = JSON.readTree(o.toString());
        List<String> fields = new ArrayList<>();
        remote.fieldNames().forEachRemaining(fields::add);
        List<String> expected = new ArrayList<>(List.of("id"));
        local.fieldNames().forEachRemaining(expected::add);
        assertEquals(expected, fields, "the report object of submit check --json, plus id");
        for (JsonNode n : List.of(remote, local)) {
            ((ObjectNode) n).remove(List.of("id", "submission", "seconds", "java"));
        }
        assertEquals(local, remote, "the same verdicts, checks and reasons");

        String[] status = mcs(Map.of(), "submit", "status", id, "--server", s.service.url());
        assertEquals("3", status[0], String.join("\n", status));
        assertEquals(3, status[1].lines().filter(l -> l.startsWith("ACCEPTED ")).count(), status[1]);
        assertEquals(1, status[1].lines().filter(l -> l.startsWith("REJECTED ")).count(), status[1]);
        assertTrue(status[1].contains("REJECTED; page: " + s.service.url() + "/submissions/" + id), status[1]);
        String board = s.get("/api/v1/leaderboards/psd-completion/examples", null).body();
        assertTrue(board.contains("\"solver\":\"alice (claims)\"") && board.contains("\"wrong\":1") && board.contains("\"correct\":2"), board);
    }

    @Test
    void noWaitPrintsTheIdAndRefusalsExitWith2() throws Exception {
        start(1);
        String token = s.token("bob");
        String[] sent = mcs(Map.of("MCS_TOKEN", token), "submit", "send", TestService.SAMPLE.resolve("submission.json").toString(), "--server", s.service.url(), "--no-wait");
        assertEquals("0", sent[0], String.join("\n", sent));
        String id = sent[1].trim();
        assertTrue(id.matches("s[a-z2-7]{16}") && sent[1].lines().count() == 1, "only the id on stdout: " + sent[1]);
        String[] status = mcs(Map.of(), "submit", "status", id, "--server", s.service.url(), "--wait", "--json");
        assertEquals("3", status[0], String.join("\n", status));
        assertEquals(id, JSON.readTree(status[1]).path("id").asText());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"mcs-submission/1\", \"submitter\": {\"name\": \"b\"},\n \"claims\": 7}\n");
        String[] r = mcs(Map.of("MCS_TOKEN", token), "submit", "send", bad.toString(), "--server", s.service.url());
        assertEquals("2", r[0], String.join("\n", r));
        assertTrue(r[2].contains("bad.json:2"), r[2]);
        r = mcs(Map.of(), "submit", "send", TestService.SAMPLE.resolve("submission.json").toString(), "--server", s.service.url());
        assertEquals("2", r[0], "no token: " + String.join("\n", r));
        s.service.app().accounts().revoke("bob");
        r = mcs(Map.of("MCS_TOKEN", token), "submit", "send", TestService.SAMPLE.resolve("submission.json").toString(), "--server", s.service.url());
        assertEquals("2", r[0], "a revoked token: " + String.join("\n", r));
        assertTrue(r[2].contains("401"), r[2]);
        r = mcs(Map.of(), "submit", "status", "snosuchsubmission", "--server", s.service.url());
        assertEquals("2", r[0], String.join("\n", r));
    }

    /** Tagged bwrap: the worker runs the submitted command only in the sandbox, so without it the job ends at once. */
    @Test
    @org.junit.jupiter.api.Tag("bwrap")
    void sigtermGivesARunningJobBackToTheQueue() throws Exception {
        mcs.testkit.RequiredTool.require("bwrap", mcs.verifier.sandbox.Sandbox.available(mcs.verifier.sandbox.Isolation.BWRAP), "apt-get install bubblewrap");
        start(1);
        String token = s.token("carol");
        Path sub = dir.resolve("slow");
        Files.createDirectories(sub);
        Files.writeString(sub.resolve("slow.sh"), "#!/bin/sh\nsleep 60\n");
        Files.writeString(sub.resolve("submission.json"), "{\"format\":\"mcs-submission/1\",\"submitter\":{\"name\":\"carol\"},"
                + "\"solver\":{\"name\":\"slow\",\"command\":[\"slow.sh\"]},\"checks\":{\"tiers\":[\"examples\"],\"time_limit_s\":60,\"search_s\":1}}");
        TestService.Res r = s.post("/api/v1/submissions", token, new TestService.Form().file("descriptor", "submission.json", sub.resolve("submission.json"))
                .file("file", "slow.sh", sub.resolve("slow.sh")), Map.of());
        assertEquals(202, r.status(), r.toString());
        String id = JSON.readTree(r.body()).path("id").asText();
        waitForState(id, "running");
        s.service.stop(); // what SIGTERM does; the grace period (2 s) is shorter than the job
        s = new TestService(TestService.config(dir.resolve("data"), store(), 0, 64 << 20, 1000, 1000));
        JsonNode v = JSON.readTree(s.get("/api/v1/submissions/" + id, null).body());
        assertEquals("queued", v.path("state").asText(), v.toString());
        assertEquals(0, v.path("attempts").asInt(), "a job given back at shutdown has not used an attempt");
        s.close();
        s = new TestService(TestService.config(dir.resolve("data"), store(), 1, 64 << 20, 1000, 1000));
        waitForState(id, "running");
        assertEquals(1, JSON.readTree(s.get("/api/v1/submissions/" + id, null).body()).path("attempts").asInt());
    }

    void waitForState(String id, String state) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (JSON.readTree(s.get("/api/v1/submissions/" + id, null).body()).path("state").asText().equals(state)) return;
            Thread.sleep(100);
        }
        throw new AssertionError(id + " never reached " + state);
    }
}
