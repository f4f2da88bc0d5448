package mcs.bench.csdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.io.SdpaWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of DSDP 5.8's console output ({@code -print 1}) and solution file, on a transcript recorded on this machine. */
class DsdpRunTest {
    @TempDir
    Path dir;

    /** dsdp5 on the SPEC §6 4-cycle c = 3/5 (t* = 1 − √2·3/5 = 0.15147186...), unit diagonal so τ = 1. */
    static final List<String> CONSOLE = List.of(
            "cycle4-c3_5.dat-s -save c.sol -print 1 ",
            "",
            "Variables 8 ",
            "Matrix Blocks: 2, Total Number of Constraints: 5 ",
            "Iter   PP Objective      DD Objective    PInfeas   DInfeas     Nu     StepLength   Pnrm",
            "---------------------------------------------------------------------------------------",
            "0     1.00000000e+10   -3.54520803e+10   2.2e+00   3.5e+02   3.5e+10  0.00  0.00   0.00 ",
            "16    8.48528352e-01    8.48528121e-01   8.4e-23   0.0e+00   2.6e-09  1.00  0.06  15.34 ",
            "17    8.48528184e-01    8.48528135e-01   1.8e-23   0.0e+00   6.0e-10  1.00  0.09  15.32 ",
            "DSDP Converged. ",
            "",
            "P Objective  :   8.48528143e-01 ",
            "DSDP Solution:   8.48528135e-01 ",
            "",
            "DSDP Solve Time:                     6.812e-03 seconds",
            "--------------------------------------------------------------------------",
            "                               DSDP Solve           1   6.6100e-03  97.03",
            "--------------------------------------------------------------------------");

    static final List<String> SOLUTION = List.of(
            "2.4999999938762437756701e-01 -3.5355338391533186470639e-01 2.4999999938762421103355e-01 ",
            "1 1 1 1 2.4999999938762437756701e-01 ",
            "1 2 1 1 1.9088552960511151468381e-09 ",
            "2 1 1 1 8.4852814260701914239604e-01 ",
            "2 1 3 4 0.60 ",
            "2 2 1 1 8.4852814260517028799313e-01 ");

    @Test
    void readsIterationsTheNegatedObjectivesAndS() throws IOException {
        Path sol = Files.write(dir.resolve("c.dsdp.sol"), SOLUTION);
        CsdpRun r = DsdpRunner.parse(CONSOLE, sol, 0, false, 0.05, 0.04, 4);
        assertEquals("solved", r.status());
        assertEquals(17, r.iterations());
        assertEquals(-0.848528143, r.primalObjective());
        assertEquals(-0.848528135, r.dualObjective());
        assertEquals(0.84852814260517028799313, r.sPrimal());
        double t = SdpaWriter.marginFromObjective(Rational.ONE, r.objective());
        assertEquals(1 - Math.sqrt(2) * 0.6, t, 1e-8);
    }

    @Test
    void anEndWithoutConvergenceIsPartialAndAKillIsATimeout() throws IOException {
        List<String> stopped = CONSOLE.stream().map(l -> l.startsWith("DSDP Converged") ? "DSDP Terminated:  Small relative gap and small steps detected (3)" : l).toList();
        assertEquals("partial", DsdpRunner.parse(stopped, null, 0, false, 1, 1, 1).status());
        CsdpRun killed = DsdpRunner.parse(CONSOLE.subList(0, 8), dir.resolve("none.sol"), -1, true, 600, Double.NaN, -1);
        assertEquals("timeout", killed.status());
        assertTrue(Double.isNaN(killed.sPrimal()));
        assertEquals("failed:1", DsdpRunner.parse(CONSOLE, null, 1, false, 1, 1, 1).status());
    }
}
