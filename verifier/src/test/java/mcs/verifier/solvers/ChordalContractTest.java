package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Contract of the {@code chordal} solver, loaded through the SPI only: on hundreds of seeded instances of
 * the {@code chordal} family (both shapes, several k, YES and NO) the verdict equals the planted answer and
 * the certificate, after a JSON round trip, is ACCEPTED by the kernel.
 */
class ChordalContractTest {
    private static final String SHA = "0".repeat(64);

    @Test
    void everyCertificateIsAcceptedAndEveryVerdictIsRight() throws Exception {
        Solver solver = Solvers.byName("chordal", Problem.PSD_COMPLETION).orElseThrow();
        Family family = Families.byName("chordal").orElseThrow();
        int runs = 0, chordalForms = 0;
        for (String shape : new String[] {"ktree", "band"}) {
            for (int k : new int[] {1, 2, 3, 5}) {
                for (String answer : new String[] {"yes", "no"}) {
                    for (long seed = 1; seed <= 20; seed++) {
                        int n = k + 1 + (int) (seed * 7 % 40);
                        Generated g = family.generate(n, seed, Map.of("shape", shape, "k", Integer.toString(k), "answer", answer));
                        String what = shape + " k=" + k + " " + answer + " n=" + n + " seed=" + seed;
                        assertTrue(solver.accepts(g.instance()), what);
                        SolverResult r = solver.solve(g.instance(), SHA, SolverOptions.defaults().withSeed(seed));
                        assertEquals(g.known().verdict(), r.verdict(), what + ": " + r.message());
                        Certificate c = roundTrip(r.certificate());
                        Judgement j = Kernel.check(g.instance(), SHA, c, KernelOptions.defaults());
                        assertEquals(Outcome.ACCEPTED, j.outcome(), what + ": " + j.reason());
                        if (c.verdict() == Verdict.COMPLETABLE) {
                            assertTrue(c.body() instanceof Body.Chordal, what);
                            chordalForms++;
                        }
                        runs++;
                    }
                }
            }
        }
        assertEquals(320, runs);
        assertEquals(160, chordalForms);
    }

    @Test
    void nearBoundaryNoIsFoundAndAccepted() {
        Solver solver = Solvers.byName("chordal", Problem.PSD_COMPLETION).orElseThrow();
        Family family = Families.byName("chordal").orElseThrow();
        for (long seed = 1; seed <= 20; seed++) {
            Generated g = family.generate(30, seed, Map.of("shape", "ktree", "k", "4", "answer", "no", "margin", "1/1000000000"));
            SolverResult r = solver.solve(g.instance(), SHA, SolverOptions.defaults());
            assertEquals(Verdict.NOT_COMPLETABLE, r.verdict(), "seed " + seed);
            assertEquals(Outcome.ACCEPTED, Kernel.check(g.instance(), SHA, r.certificate(), KernelOptions.defaults()).outcome());
        }
    }

    private static Certificate roundTrip(Certificate c) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        return CertificateJson.read(out.toByteArray(), "certificate.json");
    }
}
