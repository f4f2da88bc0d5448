package mcs.bench.csdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our side of the harness, driven through the SPI with the {@code local-checks} solver (always on the
 * class path) since {@code ipm} may not be: its certificate goes through the exact kernel.
 */
class OurRunTest {
    @TempDir
    Path dir;

    /** SPEC §6: unit diagonal, a12 = 1/2, a23 = 2: NOT_COMPLETABLE (the 2×2 block {2,3} is indefinite). */
    static Mc1Instance specNo() {
        Rational one = Rational.ONE;
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
            {one, null, null}, {Rational.HALF, one, null}, {null, Rational.TWO, one}}));
    }

    @Test
    void aSolverOnTheClassPathIsRunAndItsCertificateCheckedExactly() {
        Solver s = OurRun.find("local-checks").orElseThrow();
        OurRun r = OurRun.run(s, specNo(), 30, 1);
        assertEquals("SOLVED", r.status());
        assertEquals("NOT_COMPLETABLE", r.verdict());
        assertEquals("ACCEPTED", r.verification());
        assertTrue(r.solveSeconds() >= 0 && r.verifySeconds() >= 0);
    }

    @Test
    void anAbsentSolverGivesNotAvailableRowsAndTheRunStillCompletes() throws Exception {
        ComparisonInstance ci = new ComparisonInstance("spec-no", "SPEC §6", specNo(),
                mcs.problems.cert.Verdict.NOT_COMPLETABLE, Double.NaN);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<ComparisonRow> rows = CsdpComparison.run(List.of(ci), dir, "ours", "no-such-solver", 10, 1, false, 0,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(1, rows.size());
        assertEquals("n/a", rows.get(0).ours().status());
        assertEquals("absent", rows.get(0).csdp().status());
        assertTrue(Double.isNaN(rows.get(0).ratio()));
        assertEquals(3 + 2, rows.get(0).m());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("'no-such-solver' is not on the class path"));
    }
}
