package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mcs.problems.io.InputException;
import mcs.verifier.sandbox.Isolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan fields of issue 15: isolation, certificate_cap_mb and a command solver's files. */
class PlanSandboxFieldsTest {
    @TempDir Path dir;

    private static final String PLAN = "{\"format\": \"mcs-plan/1\",\n"
            + " \"solvers\": [{\"name\": \"a\", \"solver\": \"chordal\"},\n"
            + "   {\"name\": \"c\", \"command\": [\"./run.sh\"], \"files\": [\"lib\", \"/opt/data.bin\"]}],\n"
            + " \"instances\": [\"x\"], \"seeds\": [1], \"time_limit_s\": 2, \"memory_limit_mb\": 256, \"output_cap_kb\": 8,\n"
            + " \"isolation\": \"bwrap\", \"certificate_cap_mb\": 3}";

    @Test
    void defaultsAreTheSandboxAndA64MegabyteCap() {
        Plan p = Plan.parse("{\"format\": \"mcs-plan/1\", \"solvers\": [{\"name\": \"c\", \"command\": [\"x\"]}], \"instances\": [\"x\"]}", dir, "p.json");
        assertEquals(Isolation.BWRAP, p.isolation());
        assertEquals(64, p.certificateCapMb());
        assertEquals(64L << 20, p.sandboxLimits().certificateCapBytes());
        assertEquals(List.of(), p.solvers().get(0).files());
    }

    @Test
    void theFieldsAreReadAndBecomeSandboxLimits() {
        Plan p = Plan.parse(PLAN, dir, "p.json");
        assertEquals(3, p.certificateCapMb());
        assertEquals(List.of(dir.resolve("lib"), Path.of("/opt/data.bin")), p.solvers().get(1).files());
        assertEquals(2.0, p.sandboxLimits().wallSeconds());
        assertEquals(256, p.sandboxLimits().memoryMb());
        assertEquals(8 * 1024, p.sandboxLimits().outputCapBytes());
        assertEquals(3L << 20, p.sandboxLimits().certificateCapBytes());
        assertTrue(p.sandboxLimits().fileSizeBytes() > 3L << 20, "a certificate just over the cap can still be written and seen as such");
        assertEquals(Isolation.NONE, Plan.parse(PLAN.replace("\"bwrap\"", "\"none\""), dir, "p.json").isolation());
        assertEquals(Isolation.NONE, p.withIsolation(Isolation.NONE).isolation(), "--isolation overrides the plan");
    }

    @Test
    void badValuesNameTheFileAndTheLine() {
        InputException e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"bwrap\"", "\"docker\""), dir, "p.json"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("isolation must be 'bwrap' or 'none'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"certificate_cap_mb\": 3", "\"certificate_cap_mb\": 0.5"), dir, "p.json"));
        assertTrue(e.getMessage().contains("whole number of MiB"), e.getMessage());
        assertEquals(5, e.line());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"files\": [\"lib\", \"/opt/data.bin\"]", "\"files\": \"lib\""), dir, "p.json"));
        assertTrue(e.getMessage().contains("\"files\" of 'c' must be a list"), e.getMessage());
        assertEquals(3, e.line());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"chordal\"}", "\"chordal\", \"files\": [\"x\"]}"), dir, "p.json"));
        assertTrue(e.getMessage().contains("for command solvers only"), e.getMessage());
        assertEquals(2, e.line());
    }

    /** PlanCheck (run before any run starts) knows the fields: a plan using them passes, a missing file is named with its line. */
    @Test
    void planCheckAcceptsTheFieldsAndNamesAMissingFileWithItsLine() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("x"));
        java.nio.file.Files.writeString(dir.resolve("x/a.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 1\n");
        java.nio.file.Files.createDirectories(dir.resolve("lib"));
        java.nio.file.Path run = java.nio.file.Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        run.toFile().setExecutable(true);
        String ok = PLAN.replace("\"/opt/data.bin\"", "\"run.sh\"");
        PlanCheck.check(Plan.parse(ok, dir, "p.json"));
        InputException e = assertThrows(InputException.class, () -> PlanCheck.check(Plan.parse(PLAN, dir, "p.json")));
        assertEquals("p.json", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("/opt/data.bin") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
