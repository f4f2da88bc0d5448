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

/** Parsing of CSDP 6.2.0's console output and solution file, on a transcript recorded on this machine. */
class CsdpRunTest {
    @TempDir
    Path dir;

    /** CSDP 6.2.0 on the 2×2 unit-diagonal instance a12 = 9/10 (t* = 1 − 9/10 = 1/10). */
    static final List<String> CONSOLE = List.of(
            "CSDP 6.2.0",
            "Iter:  0 Ap: 0.00e+00 Pobj: -3.3389827e+01 Ad: 0.00e+00 Dobj:  0.0000000e+00 ",
            "Iter:  8 Ap: 1.00e+00 Pobj: -9.0000000e-01 Ad: 1.00e+00 Dobj: -9.0000156e-01 ",
            "Iter:  9 Ap: 1.00e+00 Pobj: -9.0000000e-01 Ad: 1.00e+00 Dobj: -9.0000002e-01 ",
            "Success: SDP solved",
            "Primal objective value: -9.0000000e-01 ",
            "Dual objective value: -9.0000002e-01 ",
            "Relative primal infeasibility: 8.55e-12 ",
            "DIMACS error measures: 8.55e-12 0.00e+00 7.79e-09 0.00e+00 -6.22e-09 2.11e-13");

    static final List<String> SOLUTION = List.of(
            "5.000000052233980474e-01 5.000000012315255482e-01 -1.000000019364819304e+00 ",
            "1 1 1 1 5.000000116783702708e-01 ",
            "1 1 1 2 -5.000000096824096518e-01 ",
            "1 1 2 2 5.000000076864977716e-01 ",
            "1 2 1 1 4.873400331649849540e-14 ",
            "2 1 1 1 9.000000000082341023e-01 ",
            "2 1 1 2 9.000000000095497166e-01 ",
            "2 1 2 2 9.000000000118721921e-01 ",
            "2 2 1 1 9.000000000009459322e-01 ");

    @Test
    void readsIterationsObjectivesAndTheFullPrecisionS() throws IOException {
        Path sol = Files.write(dir.resolve("x.sol"), SOLUTION);
        CsdpRun r = CsdpRun.parse(CONSOLE, sol, 0, false, 0.25, 0.2, 3);
        assertEquals("solved", r.status());
        assertEquals(9, r.iterations());
        assertEquals(-0.9, r.primalObjective());
        assertEquals(-0.90000002, r.dualObjective());
        assertEquals(0.9000000000009459322, r.sPrimal());
        assertEquals(-0.9000000000009459322, r.objective());
        assertEquals(0.1, SdpaWriter.marginFromObjective(Rational.ONE, r.objective()), 1e-11);
    }

    @Test
    void withoutASolutionFileTheObjectiveIsTheMeanOfThePrintedValues() throws IOException {
        CsdpRun r = CsdpRun.parse(CONSOLE, dir.resolve("missing.sol"), 0, false, 0.25, Double.NaN, -1);
        assertTrue(Double.isNaN(r.sPrimal()));
        assertEquals(-0.90000001, r.objective(), 1e-15);
    }

    @Test
    void timeoutsAndFailuresHaveNoObjective() throws IOException {
        Path sol = Files.write(dir.resolve("x.sol"), SOLUTION);
        CsdpRun t = CsdpRun.parse(CONSOLE.subList(0, 3), sol, -1, true, 600, Double.NaN, -1);
        assertEquals("timeout", t.status());
        assertEquals(8, t.iterations());
        assertTrue(Double.isNaN(t.objective()));
        CsdpRun f = CsdpRun.parse(CONSOLE.subList(0, 3), sol, 4, false, 1, 0.9, -1);
        assertEquals("failed:4", f.status());
        assertTrue(Double.isNaN(f.sPrimal()), "a failed run's solution is not read");
    }
}
