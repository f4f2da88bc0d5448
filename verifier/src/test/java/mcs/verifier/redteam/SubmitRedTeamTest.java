package mcs.verifier.redteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mcs.testkit.RequiredTool;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.ResultsFile;
import mcs.verifier.arena.RunRow;
import mcs.verifier.redteam.hostile.HostileJar;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team against {@code mcs submit check}: a submitted command that tries to delete the record, and
 * submitted SPI jars that change the instance object, reach kernel classes by reflection, call System.exit or
 * leave threads running. Each runs in a sandboxed child process (a jar is never loaded into the judge's
 * JVM). Checked: the verdict and reasons, the record (and `mcs verify --all` on it), the secret, survivors,
 * the isolation named in the report, and that the judge finished every run.
 */
@Tag("bwrap")
class SubmitRedTeamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    /** The arena rows of the last {@link #submitJar} call. */
    private List<RunRow> rows;

    @BeforeEach
    void needsTheSandbox() {
        RequiredTool.require("bwrap", Sandbox.available(Isolation.BWRAP), "apt-get install bubblewrap");
    }

    /**
     * The "tried as a new user would": a submission whose command tries to delete proofs-data leaves
     * {@code mcs verify --all} green, and the report names the run's isolation.
     */
    @Test
    void aSubmittedCommandThatDeletesTheRecordLeavesItVerifiable() throws Exception {
        World w = new World(tmp);
        w.script("solver.sh", "#!/bin/bash\nrm -rf '@RECORD@' 2>/dev/null; rm -rf \"$(dirname \"$1\")\" 2>/dev/null\n"
                + "cat '@SECRET_FILE@' 2>&1\necho '{\"verdict\": \"UNKNOWN\", \"message\": \"deleted?\"}'\n");
        Path desc = w.solver.resolve("submission.json");
        Files.writeString(desc, "{\"format\": \"mcs-submission/1\", \"submitter\": {\"name\": \"mallory\"},\n"
                + " \"solver\": {\"name\": \"deleter\", \"command\": [\"solver.sh\"]},\n"
                + " \"checks\": {\"tiers\": [\"examples\"], \"time_limit_s\": 5, \"search_s\": 0.5, \"seed\": 1}}\n");
        Map<String, String> before = w.snapshot();
        Path out = w.root.resolve("report");
        World.Run r = World.mcs("submit", "check", desc.toString(), "--record", w.record.toString(), "--out", out.toString());
        assertEquals(0, r.code(), "an UNKNOWN-only solver is not wrong: " + r);
        assertTrue(r.out().contains("(isolation bwrap)"), r.toString());
        JsonNode report = JSON.readTree(out.resolve("submission-report.json").toFile());
        assertEquals("bwrap", report.get("isolation").asText());
        assertEquals("bwrap", report.get("solver").get("details").get("isolation").asText());
        assertTrue(Files.readString(out.resolve("submission-report.html")).contains("Isolation of its runs: <b>bwrap</b>"));
        List<RunRow> rows = ResultsFile.read(out.resolve("solver-examination/arena").resolve(ResultsFile.NAME));
        assertTrue(rows.size() >= 5, "the arena ran the examples tier: " + rows.size());
        for (RunRow row : rows) {
            assertEquals(Category.UNKNOWN, row.category(), row.toString());
            assertEquals("bwrap", row.isolation());
        }
        assertEquals(before, w.snapshot(), "the record is untouched");
        World.Run verify = World.mcs("verify", "--all", w.record.toString());
        assertEquals(0, verify.code(), "mcs verify --all stays green: " + verify);
        assertFalse(r.out().contains(w.secret) || World.allText(out).contains(w.secret), "the secret leaked into the report");
        assertEquals(List.of(), w.survivors());
    }

    private JsonNode submitJar(World w, String spiName, double timeLimit) throws IOException {
        Path jar = HostileJar.build(w.solver);
        Path desc = w.solver.resolve("submission-" + spiName + ".json");
        Files.writeString(desc, "{\"format\": \"mcs-submission/1\", \"submitter\": {\"name\": \"mallory\"},\n"
                + " \"solver\": {\"name\": \"" + spiName + "\", \"jar\": \"" + jar.getFileName() + "\", \"spi_name\": \"" + spiName + "\"},\n"
                + " \"checks\": {\"tiers\": [\"examples\"], \"time_limit_s\": " + timeLimit + ", \"search_s\": 0.5, \"seed\": 1}}\n");
        Map<String, String> before = w.snapshot();
        Path out = w.root.resolve("report-" + spiName);
        World.Run r = World.mcs("submit", "check", desc.toString(), "--record", w.record.toString(), "--out", out.toString(), "--json");
        assertTrue(r.code() == 0 || r.code() == 3 || r.code() == 4, r.toString());
        assertEquals(before, w.snapshot(), "the record is untouched");
        JsonNode report = JSON.readTree(out.resolve("submission-report.json").toFile());
        assertEquals("bwrap", report.get("isolation").asText());
        List<RunRow> rows = ResultsFile.read(out.resolve("solver-examination/arena").resolve(ResultsFile.NAME));
        assertTrue(rows.size() >= 5, "the judge ran every instance of the tier: " + rows.size());
        for (RunRow row : rows) assertEquals("bwrap", row.isolation());
        this.rows = rows;
        assertFalse(r.out().contains(w.secret) || r.err().contains(w.secret) || World.allText(out).contains(w.secret), "the secret leaked into the report");
        List<String> left = List.of();
        for (int i = 0; i < 50 && !(left = w.survivors()).isEmpty(); i++) sleep(100);
        assertEquals(List.of(), left, "child JVMs of the jar survived");
        return report;
    }

    @Test
    void aJarThatChangesTheInstanceObjectGetsNoCertificateAccepted() throws Exception {
        JsonNode report = submitJar(new World(tmp), "instance-changer", 10);
        JsonNode solver = report.get("solver");
        assertEquals("REJECTED", solver.get("verdict").asText(), solver.toString());
        boolean rejected = false;
        for (JsonNode f : solver.get("findings")) rejected |= f.asText().startsWith("arena: examples/spec-3x3-no.mtx");
        assertTrue(rejected, "its zero completion of a NO instance is judged on the judge's own read of the instance: " + solver);
    }

    @Test
    void aJarThatReachesKernelClassesByReflectionChangesNothingOfTheJudge() throws Exception {
        World w = new World(tmp);
        JsonNode report = submitJar(w, "kernel-reflector", 10);
        JsonNode solver = report.get("solver");
        assertEquals("REJECTED", solver.get("verdict").asText(), report.toString());
        boolean rejected = false;
        for (JsonNode f : solver.get("findings")) rejected |= f.asText().startsWith("arena: examples/spec-3x3-no.mtx");
        assertTrue(rejected, "its zero completion of a NO instance is rejected by the judge's own kernel: " + solver);
        for (RunRow row : rows) assertFalse(row.category() == Category.ERROR, "no run broke the judge: " + row);
        // The judge's kernel is intact: the record's certificates are still accepted, its budgets still apply.
        assertEquals(0, World.mcs("verify", "--all", w.record.toString(), "--tier", "examples").code());
    }

    @Test
    void aJarThatCallsSystemExitEndsOnlyItsOwnJvm() throws Exception {
        JsonNode report = submitJar(new World(tmp), "exiter", 10);
        JsonNode solver = report.get("solver");
        assertEquals("UNVERIFIED", solver.get("verdict").asText(), solver.toString());
        assertTrue(solver.get("reason").asText().contains("every run ended in ERROR"), solver.toString());
        for (RunRow row : rows) {
            assertEquals(Category.ERROR, row.category(), row.toString());
            assertEquals("failed", row.termination(), "only its own JVM ended: " + row);
            assertTrue(row.reason().contains("no JSON object with a verdict"), row.reason());
        }
    }

    @Test
    void aJarThatLeavesThreadsRunningIsEndedAtTheLimit() throws Exception {
        JsonNode report = submitJar(new World(tmp), "thread-leaver", 2);
        JsonNode arena = report.get("solver").get("details").get("arena");
        assertTrue(arena.has("TIMEOUT") && arena.get("TIMEOUT").asInt() >= 5, "its JVM never exits by itself: " + arena);
        for (RunRow row : rows) {
            assertEquals(Category.TIMEOUT, row.category(), row.toString());
            assertTrue(row.reason().contains("wall-clock limit of 2.0 s"), row.reason());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
