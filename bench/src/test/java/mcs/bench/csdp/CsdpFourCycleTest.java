package mcs.bench.csdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.testkit.RequiredTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSDP on our SDPA files for the signed 4-cycles of SPEC §6, end to end through the harness. The
 * margin is known in closed form: t* = 1 − √2·|c| (the zero-chord completion I + cT has λmin =
 * 1 − √2|c|, and the dual point W = (I + S/√2)/4, PSD with trace 1, has ⟨W, a⟩ = 1 − √2|c|). Needs
 * {@code csdp} on PATH ({@link RequiredTool}; .ci/run installs Debian's {@code coinor-csdp}).
 */
@Tag("csdp")
class CsdpFourCycleTest {
    @TempDir
    Path dir;

    @Test
    void csdpFindsTheKnownMarginAndSignOnEveryCycle() throws Exception {
        RequiredTool.require("csdp", CsdpRunner.onPath(1).isPresent(), "apt-get install coinor-csdp");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<ComparisonRow> rows = CsdpComparison.run(ComparisonSet.cycles(), dir, "csdp", "ipm", 60, 1, false, 0,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(ComparisonSet.CYCLE_C.length, rows.size());
        for (ComparisonRow r : rows) {
            String name = r.instance().name();
            assertEquals("solved", r.csdp().status(), name);
            double known = r.instance().knownTStar();
            assertEquals(known, r.csdpTStar(), 1e-6, name);
            assertEquals(Math.signum(known), Math.signum(r.csdpTStar()), name);
            assertEquals(8, r.m(), "4 diagonal + 4 edge constraints");
        }
        assertTrue(rows.get(0).csdpTStar() > 0, "c = 3/5 is completable with margin");
        assertTrue(rows.get(rows.size() - 1).csdpTStar() < 0, "c = 4/5 is not completable");
        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertTrue(md.contains("| cycle4-c4_5 | 4 | 8 | NO |"), md);
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\"instance\" : \"cycle4-c3_5\""));
        assertTrue(Files.readString(dir.resolve("times.svg")).startsWith("<svg"));
    }
}
