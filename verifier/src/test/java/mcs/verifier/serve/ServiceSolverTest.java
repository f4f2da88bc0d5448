package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submitted solver goes through the arena on a tier of the record: a command archive holding a liar
 * (it claims COMPLETABLE for everything and proves nothing) is REJECTED with the arena's findings, its
 * arena report is served, and it ranks last on the tier's leaderboard, below an account whose claims are
 * right.
 */
@org.junit.jupiter.api.Tag("bwrap")
class ServiceSolverTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void aLyingSolverIsRejectedAndRanksLast() throws Exception {
        // The worker runs a submitted command only in the sandbox (issue 15): without bubblewrap it is not run.
        mcs.testkit.RequiredTool.require("bwrap", mcs.verifier.sandbox.Sandbox.available(mcs.verifier.sandbox.Isolation.BWRAP), "apt-get install bubblewrap");
        try (TestService s = new TestService(TestService.config(dir.resolve("data"), TestService.h2(dir.resolve("data")), 1, 64 << 20, 1000, 1000))) {
            String mallory = s.token("mallory"), alice = s.token("alice");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("bin/liar.sh"));
                z.write(("#!/bin/sh\n# CMD INSTANCE CERT_OUT: claims COMPLETABLE and writes no certificate\n"
                        + "echo '{\"problem\":\"psd-completion\",\"solver\":\"liar\",\"verdict\":\"COMPLETABLE\",\"certificate\":null,\"seconds\":0,\"n\":0,\"m\":0}'\n")
                        .getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            String desc = "{\"format\":\"mcs-submission/1\",\"submitter\":{\"name\":\"mallory\"},\"solver\":{\"name\":\"liar\",\"command\":[\"bin/liar.sh\"]},"
                    + "\"checks\":{\"tiers\":[\"examples\"],\"time_limit_s\":20,\"search_s\":1}}";
            TestService.Res r = s.post("/api/v1/submissions", mallory, new TestService.Form().part("descriptor", "submission.json", desc.getBytes(StandardCharsets.UTF_8))
                    .part("archive", "liar.zip", zip.toByteArray()), Map.of());
            assertEquals(202, r.status(), r.toString());
            String id = JSON.readTree(r.body()).path("id").asText();
            assertEquals(202, s.post("/api/v1/submissions", alice, TestService.sample(), Map.of()).status());
            JsonNode v = JSON.readTree(s.get("/api/v1/submissions/" + id + "?wait=30", null).body());
            for (int k = 0; k < 20 && v.path("final_state").isNull(); k++) v = JSON.readTree(s.get("/api/v1/submissions/" + id + "?wait=30", null).body());
            assertEquals("REJECTED", v.path("final_state").asText(), v.toString());
            JsonNode solver = v.path("report").path("solver");
            assertEquals("REJECTED", solver.path("verdict").asText());
            assertEquals("bwrap", v.path("report").path("isolation").asText(), "the stored report names the isolation");
            assertTrue(solver.path("details").path("arena").path("WRONG").asInt() > 0, solver.toString());
            assertTrue(solver.path("findings").toString().contains("arena:"), solver.toString());
            TestService.Res report = s.get("/submissions/" + id + "/arena-report", null);
            assertEquals(200, report.status());
            assertTrue(report.body().contains("<table id=\"ranking\""), "the arena's own report");
            assertTrue(report.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
            JsonNode board = JSON.readTree(s.get("/api/v1/leaderboards/psd-completion/examples?x=1", null).body()).path("ranking");
            for (int k = 0; k < 50 && board.size() < 2; k++) {
                Thread.sleep(200);
                board = JSON.readTree(s.get("/api/v1/leaderboards/psd-completion/examples", null).body()).path("ranking");
            }
            assertEquals(2, board.size(), board.toString());
            assertEquals("mallory/liar", board.get(1).path("solver").asText(), "the liar ranks below an account with one wrong claim and two right: " + board);
            assertTrue(board.get(1).path("wrong").asInt() > 1);
        }
    }

    /**
     * checks.study through the service: the worker takes the path of {@code mcs submit check} (SubmissionCheck.judge), so the
     * stored report carries α and β with their intervals and the evidence-not-proof statement, and the submission's page shows them.
     */
    @Test
    void anEpsilonStudyPutsAlphaAndBetaInTheServedReport() throws Exception {
        try (TestService s = new TestService(TestService.config(dir.resolve("data"), TestService.h2(dir.resolve("data")), 1, 64 << 20, 1000, 1000))) {
            String bob = s.token("bob");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("my-solver.sh"));
                z.write(("#!/bin/sh\n# CMD INSTANCE CERT_OUT: mcs solve with ipm (the test's class path stands in for the jar)\nexec '" + java + "' -Xss16m -cp '"
                        + System.getProperty("java.class.path") + "' mcs.verifier.cli.Main solve \"$1\" --solver ipm --certificate \"$2\" --json\n")
                        .getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            String desc = "{\"format\":\"mcs-submission/1\",\"submitter\":{\"name\":\"bob\"},\"solver\":{\"name\":\"mine\",\"command\":[\"my-solver.sh\"]},"
                    + "\"checks\":{\"tiers\":[\"none\"],\"time_limit_s\":60,\"search_s\":1,\"seed\":1,"
                    + "\"study\":{\"family\":\"gap-cycles\",\"n\":7,\"eps\":[\"0.1\",\"0.01\",\"0.001\"],\"sizes\":[5,9,13],\"size_eps\":\"0.1\","
                    + "\"seeds\":[1],\"params\":{\"answer\":\"yes\"}}}}";
            TestService.Res r = s.post("/api/v1/submissions", bob, new TestService.Form().part("descriptor", "submission.json", desc.getBytes(StandardCharsets.UTF_8))
                    .part("archive", "mine.zip", zip.toByteArray()), Map.of());
            assertEquals(202, r.status(), r.toString());
            String id = JSON.readTree(r.body()).path("id").asText();
            JsonNode v = JSON.readTree(s.get("/api/v1/submissions/" + id + "?wait=30", null).body());
            for (int k = 0; k < 40 && v.path("final_state").isNull(); k++) v = JSON.readTree(s.get("/api/v1/submissions/" + id + "?wait=30", null).body());
            // The service sandboxes every submitted command (no opt-out), and this script's class path lies outside its
            // archive, so its study runs fail: what is checked here is that the study ran, sandboxed, and that the served
            // report carries its exponents' fields and statement. The exponents' values through the same judge are checked
            // by SubmitCommandTest.anEpsilonStudyPutsAlphaAndBetaWithIntervalsInTheReport.
            assertFalse(v.path("final_state").isNull(), v.toString());
            JsonNode e = v.path("report").path("solver").path("exponents");
            for (String k : new String[] {"alpha", "beta"}) assertTrue(e.path(k).has("exponent") && e.path(k).has("exponent_ci"), e.toString());
            assertEquals("1/eps", e.path("alpha").path("of").asText(), e.toString());
            assertEquals("bwrap", v.path("report").path("solver").path("details").path("study").path("isolation").asText(), v.path("report").toString());
            assertTrue(e.path("statement").asText().contains("evidence, not proof"), e.toString());
            String study = v.path("report").path("solver").path("details").path("study").toString();
            assertTrue(!study.contains(dir.toString()), "the worker's scratch folder is taken out of the served paths: " + study);
            String page = s.get("/submissions/" + id, null).body();
            assertTrue(page.contains("id=\"study\"") && page.contains("evidence, not proof") && page.contains("α (time in 1/ε)"), page);
        }
    }
}
