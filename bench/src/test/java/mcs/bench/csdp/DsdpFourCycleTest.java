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
 * DSDP on our SDPA files for the signed 4-cycles of SPEC §6, end to end through the harness as the second peer: its t*
 * must match the closed form 1 − √2·|c| to its gap tolerance (10⁻⁶), with the right sign. Needs {@code dsdp5} on PATH
 * ({@link RequiredTool}; .ci/run installs Debian's {@code dsdp}).
 */
@Tag("dsdp")
class DsdpFourCycleTest {
    @TempDir
    Path dir;

    @Test
    void dsdpFindsTheKnownMarginAndSignOnEveryCycle() throws Exception {
        RequiredTool.require("dsdp", DsdpRunner.onPath(1).isPresent(), "apt-get install dsdp");
        Path stray = Path.of("results-dsdp-5.8").toAbsolutePath();
        String strayBefore = Files.exists(stray) ? Files.readString(stray) : null;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<ComparisonRow> rows = CsdpComparison.run(ComparisonSet.cycles(), dir, "csdp", "dsdp", "converged", "ipm", 60, 1, false, 0,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(ComparisonSet.CYCLE_C.length, rows.size());
        for (ComparisonRow r : rows) {
            String name = r.instance().name();
            assertEquals("solved", r.dsdp().status(), name + ": " + log);
            assertEquals("absent", r.csdp().status(), "CSDP was not asked for");
            double known = r.instance().knownTStar();
            assertEquals(known, r.dsdpTStar(), 1e-6, name);
            assertEquals(Math.signum(known), Math.signum(r.dsdpTStar()), name);
            assertTrue(r.dsdp().iterations() > 0, name);
            // s read back from DSDP's solution file: the harness's -save name reached DSDP whole
            assertEquals(known, r.tau() - r.dsdp().sPrimal(), 1e-6, name);
        }
        // DSDP's own summary file goes to the work folder, not to the folder the harness was started from
        assertTrue(Files.readString(dir.resolve("work").resolve("results-dsdp-5.8")).contains("cycle4-"));
        assertEquals(strayBefore, Files.exists(stray) ? Files.readString(stray) : null, "DSDP wrote into " + stray.getParent());
        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertTrue(md.contains("DSDP status"), md);
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\"dsdp\" : {"));
    }
}
