package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mcs.problems.io.Sha256;
import mcs.testkit.RequiredTool;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Sandbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's worker judges a submitted command through the same sandbox as {@code mcs submit check}
 * (issue 15): a hostile archive that tries to wipe the record the service runs tiers on, write into a canary
 * home folder, read a secret file, reach a port on the service's 127.0.0.1 and leave a setsid daemon behind is
 * contained. Checked: the stored report names the isolation (bwrap) in the report and the solver section,
 * every stored arena run is UNKNOWN with the hostile command's own "no network" message, the record and the
 * canary are byte-for-byte unchanged, the secret appears in no response and no stored row, no process of the
 * attack survives, and the worker goes on to judge the next submission.
 */
@Tag("bwrap")
class ServiceSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void aHostileArchiveJudgedByTheServiceWorkerIsSandboxedAndItsIsolationIsStored() throws Exception {
        RequiredTool.require("bwrap", Sandbox.available(Isolation.BWRAP), "apt-get install bubblewrap");
        Path record = dir.resolve("record");
        copyTree(TestService.REPO.resolve("proofs-data"), record);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".profile"), "# the judge's profile\n");
        String secret = "SECRET-" + UUID.randomUUID();
        Path secretFile = Files.createDirectories(dir.resolve("secret")).resolve("key.txt");
        Files.writeString(secretFile, secret + "\n");
        int sleep = 20000 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 30000);
        Map<String, String> before = snapshot(List.of(record, home));
        ServiceConfig base = TestService.config(dir.resolve("data"), TestService.h2(dir.resolve("data")), 1, 64 << 20, 1000, 1000);
        ServiceConfig c = new ServiceConfig(base.dataDir(), base.store(), base.blobs(), base.bind(), base.port(), base.workers(), record, base.maxUploadBytes(),
                base.ratePerMinute(), base.quotaPerDay(), base.quotaTotal(), base.leaseMs(), base.graceMs());
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TestService s = new TestService(c)) {
            listener.setSoTimeout(200);
            String script = "#!/bin/bash\n"
                    + "rm -rf '" + record + "/examples' 2>/dev/null; echo pwned > '" + record + "/index.csv' 2>/dev/null\n"
                    + "echo pwned > '" + home + "/.profile' 2>/dev/null\n"
                    + "s=$(cat '" + secretFile + "' 2>/dev/null)\n"
                    + "( setsid bash -c 'exec sleep " + sleep + "' </dev/null >/dev/null 2>&1 & )\n"
                    + "if exec 3<>/dev/tcp/127.0.0.1/" + listener.getLocalPort() + "; then net=connected; else net='no network'; fi 2>/dev/null\n"
                    + "echo \"$s\"; echo \"$s\" >&2\n"
                    + "echo \"{\\\"verdict\\\": \\\"UNKNOWN\\\", \\\"message\\\": \\\"$net$s\\\"}\"\n";
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("bin/hostile.sh"));
                z.write(script.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            String desc = "{\"format\":\"mcs-submission/1\",\"submitter\":{\"name\":\"mallory\"},\"solver\":{\"name\":\"hostile\",\"command\":[\"bin/hostile.sh\"]},"
                    + "\"checks\":{\"tiers\":[\"examples\"],\"time_limit_s\":5,\"search_s\":1,\"seed\":1}}";
            String mallory = s.token("mallory"), alice = s.token("alice");
            TestService.Res posted = s.post("/api/v1/submissions", mallory, new TestService.Form().part("descriptor", "submission.json", desc.getBytes(StandardCharsets.UTF_8))
                    .part("archive", "hostile.zip", zip.toByteArray()), Map.of());
            assertEquals(202, posted.status(), posted.toString());
            String id = JSON.readTree(posted.body()).path("id").asText();
            TestService.Res next = s.post("/api/v1/submissions", alice, TestService.sample(), Map.of());
            assertEquals(202, next.status(), next.toString());
            String nextId = JSON.readTree(next.body()).path("id").asText();

            StringBuilder responses = new StringBuilder();
            JsonNode v = finalView(s, id, responses);
            assertEquals("ACCEPTED", v.path("final_state").asText(), "an UNKNOWN-only solver is not wrong: " + v);
            JsonNode report = v.path("report");
            assertEquals("bwrap", report.path("isolation").asText(), report.toString());
            JsonNode solver = report.path("solver");
            assertEquals("bwrap", solver.path("details").path("isolation").asText(), solver.toString());
            JsonNode arena = solver.path("details").path("arena");
            assertEquals(1, arena.size(), "every run has the same category: " + arena);
            assertTrue(arena.path("UNKNOWN").asInt() >= 5, "the worker ran the whole examples tier: " + arena);
            boolean contacted;
            try {
                listener.accept().close();
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            assertFalse(contacted, "a sandboxed run reached the service's 127.0.0.1");

            List<String[]> runs = s.service.app().db().read(conn -> {
                List<String[]> out = new ArrayList<>();
                try (PreparedStatement p = conn.prepareStatement("SELECT category, reason FROM arena_runs WHERE submission_id = ?")) {
                    p.setString(1, id);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) out.add(new String[] {r.getString(1), r.getString(2)});
                    }
                }
                return out;
            });
            assertEquals(arena.path("UNKNOWN").asInt(), runs.size(), "one stored row per run");
            for (String[] r : runs) {
                assertEquals("UNKNOWN", r[0]);
                assertEquals("no network", r[1], "the hostile command could neither connect nor read the secret");
            }

            JsonNode after = finalView(s, nextId, responses);
            assertEquals("REJECTED", after.path("final_state").asText(), "the worker went on to the next submission (the sample has one wrong claim): " + after);
            responses.append(s.get("/submissions/" + id + "/arena-report", null).body());
            assertFalse(responses.toString().contains(secret), "the secret appears in what the service answers");
            assertEquals(before, snapshot(List.of(record, home)), "the record and the canary home are unchanged");
            assertEquals(List.of(), survivors(sleep), "the setsid daemon of the attack survived");
        }
    }

    private static JsonNode finalView(TestService s, String id, StringBuilder responses) throws Exception {
        JsonNode v = null;
        for (int k = 0; k < 20 && (v == null || v.path("final_state").isNull()); k++) {
            String body = s.get("/api/v1/submissions/" + id + "?wait=30", null).body();
            responses.append(body);
            v = JSON.readTree(body);
        }
        return v;
    }

    private static List<String> survivors(int sleep) throws Exception {
        List<String> out = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            out.clear();
            try (var ds = Files.newDirectoryStream(Path.of("/proc"))) {
                for (Path p : ds) {
                    if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                        if (cmd.contains("sleep " + sleep)) out.add(p.getFileName() + ": " + cmd);
                    } catch (java.io.IOException e) {
                        // ended while we looked
                    }
                }
            }
            if (out.isEmpty()) break;
            Thread.sleep(100);
        }
        return out;
    }

    private static Map<String, String> snapshot(List<Path> tops) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (Path top : tops) {
            try (Stream<Path> st = Files.walk(top)) {
                for (Path p : st.toList()) {
                    if (Files.isSymbolicLink(p)) m.put(p.toString(), "link->" + Files.readSymbolicLink(p));
                    else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) m.put(p.toString(), "dir");
                    else m.put(p.toString(), Sha256.ofFile(p));
                }
            }
        }
        return m;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> st = Files.walk(from)) {
            for (Path p : st.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
