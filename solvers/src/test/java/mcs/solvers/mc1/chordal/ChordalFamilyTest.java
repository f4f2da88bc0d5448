package mcs.solvers.mc1.chordal;

import static mcs.testkit.NaiveCertificates.assertProves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.Test;

/** Planted answers of the {@code chordal} family: the verdict matches, the certificate passes exact brute-force checks. */
class ChordalFamilyTest {
    private final ChordalSolver solver = new ChordalSolver();

    @Test
    void plantedAnswersAreFoundWithValidCertificates() {
        int yes = 0, no = 0;
        for (String shape : new String[] {"ktree", "band"}) {
            for (int k = 1; k <= 3; k++) {
                for (String answer : new String[] {"yes", "no"}) {
                    for (long seed = 1; seed <= 12; seed++) {
                        int n = k + 1 + (int) (seed * 3 % 17);
                        Generated g = Families.byName("chordal").orElseThrow().generate(n, seed,
                                Map.of("shape", shape, "k", Integer.toString(k), "answer", answer));
                        Mc1Instance inst = (Mc1Instance) g.instance();
                        String what = shape + " k=" + k + " " + answer + " seed " + seed + " n " + n;
                        assertTrue(solver.accepts(inst), what);
                        SolverResult r = solver.solve(inst, null, SolverOptions.defaults());
                        assertEquals(Status.SOLVED, r.status(), what + ": " + r.message());
                        assertEquals(g.known().verdict(), r.verdict(), what);
                        if (r.verdict() == Verdict.COMPLETABLE) {
                            assertChordalHint(inst.matrix(), r.certificate());
                            yes++;
                        } else {
                            assertRankOneWitness(inst.matrix(), r.certificate());
                            no++;
                        }
                    }
                }
            }
        }
        assertEquals(72, yes);
        assertEquals(72, no);
    }

    @Test
    void largerBandIsSolvedAndReportsItsCliques() {
        Generated g = Families.byName("chordal").orElseThrow().generate(2000, 7L, Map.of("shape", "band", "k", "5"));
        SolverResult r = solver.solve(g.instance(), null, SolverOptions.defaults());
        assertEquals(Verdict.COMPLETABLE, r.verdict(), r.message());
        assertEquals(2000 - 5, r.statistics().get("maximal_cliques"));
        assertEquals(6, r.statistics().get("max_clique"));
        assertEquals(1, r.statistics().get("components"));
    }

    @Test
    void floatDirectionsDecideLargeNoBlocksAndSingularYesBlocksNeedExactness() {
        SolverOptions tight = SolverOptions.defaults().withExtra(Map.of("max-exact", "2"));
        for (long seed = 1; seed <= 10; seed++) {
            Generated g = Families.byName("chordal").orElseThrow().generate(40, seed, Map.of("shape", "ktree", "k", "5", "answer", "no"));
            SolverResult r = solver.solve(g.instance(), null, tight);
            assertEquals(Verdict.NOT_COMPLETABLE, r.verdict(), "seed " + seed + ": " + r.message());
            assertEquals(0L, r.statistics().get("blocks_exact"));
            assertEquals(1L, r.statistics().get("float_directions"));
            assertRankOneWitness(((Mc1Instance) g.instance()).matrix(), r.certificate());
        }
        // [[1,1,1],[1,1,1],[1,1,1]] is PSD but singular: float cannot tell, exactness can.
        Mc1Instance ones = ChordalSpecVectorsTest.lower(new String[][] {{"1"}, {"1", "1"}, {"1", "1", "1"}});
        assertEquals(Status.UNKNOWN, solver.solve(ones, null, tight).status());
        assertEquals(Verdict.COMPLETABLE, solver.solve(ones, null, SolverOptions.defaults()).verdict());
    }

    private static void assertChordalHint(PartialSymmetricMatrix a, Certificate c) {
        assertProves(a, c, Verdict.COMPLETABLE, Body.Chordal.class);
    }

    /** chordal's witnesses are W = vvᵀ on a clique: rank one as well as valid. */
    private static void assertRankOneWitness(PartialSymmetricMatrix a, Certificate c) {
        String why = NaiveCertificates.rankOne(assertProves(a, c, Verdict.NOT_COMPLETABLE, Body.Entries.class));
        assertNull(why, why);
    }
}
