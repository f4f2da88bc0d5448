package mcs.bench.csdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mcs.problems.cert.Verdict;
import org.junit.jupiter.api.Test;

/** The ratios against the two peers: ours over CSDP, over DSDP, and over the faster peer among those that solved. */
class ComparisonRowTest {
    private static CsdpRun peer(String status, double wall) {
        return new CsdpRun(0, status, 10, -0.9, -0.9, 0.9, wall, wall, 10);
    }

    private static ComparisonRow row(CsdpRun csdp, CsdpRun dsdp, double ours) {
        OurRun o = new OurRun("SOLVED", "COMPLETABLE", 0.1, 8, ours, ours, 0.01, "ACCEPTED");
        ComparisonInstance ci = new ComparisonInstance("x", "test", OurRunTest.specNo(), Verdict.NOT_COMPLETABLE, Double.NaN);
        return new ComparisonRow(ci, 3, 5, 1, csdp, 0.1, dsdp, 0.1, o);
    }

    @Test
    void bestPeerIsTheFasterOneThatSolved() {
        ComparisonRow r = row(peer("solved", 2.0), peer("solved", 5.0), 1.0);
        assertEquals(0.5, r.ratio());
        assertEquals(0.2, r.ratioDsdp());
        assertEquals(0.5, r.ratioBest());
        ComparisonRow dsdpFaster = row(peer("solved", 4.0), peer("solved", 1.0), 2.0);
        assertEquals(2.0, dsdpFaster.ratioBest());
    }

    @Test
    void aPeerThatDidNotSolveDoesNotCount() {
        assertEquals(0.25, row(peer("solved", 4.0), peer("timeout", 0.5), 1.0).ratioBest());
        assertEquals(0.5, row(peer("partial", 0.1), peer("solved", 2.0), 1.0).ratioBest());
        assertTrue(Double.isNaN(row(CsdpRun.absent("none"), CsdpRun.absent("none"), 1.0).ratioBest()));
        assertTrue(Double.isNaN(row(peer("solved", 1.0), CsdpRun.absent("none"), 1.0).ratioDsdp()));
    }

    @Test
    void jsonCarriesBothPeersAndTheThreeRatios() {
        var j = row(peer("solved", 2.0), peer("solved", 4.0), 1.0).json();
        assertTrue(j.containsKey("csdp") && j.containsKey("dsdp"));
        assertEquals(0.5, j.get("ratio_ours_over_csdp"));
        assertEquals(0.25, j.get("ratio_ours_over_dsdp"));
        assertEquals(0.5, j.get("ratio_ours_over_best_peer"));
    }
}
