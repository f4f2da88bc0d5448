package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.families.Families;
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
 * Contract of the first-order solvers {@code dual-descent} and {@code mmw}, loaded through the SPI only: on seeded
 * instances of the MC1 families every verdict other than UNKNOWN equals the planted answer and its certificate,
 * after a JSON round trip, is ACCEPTED by the kernel; and on NO instances with a clear margin the solvers find a
 * verified witness often enough (a floor on the success rate, so that a broken method fails the test).
 */
class FirstOrderContractTest {
    private static final String SHA = "0".repeat(64);

    /** One generated instance and whether it is a NO instance with a clear margin. */
    private record Case(String what, Generated g, boolean clearNo) {}

    private static Case make(String family, int n, long seed, Map<String, String> params, boolean clearNo) {
        Generated g = Families.byName(family).orElseThrow().generate(n, seed, params);
        return new Case(family + " n=" + n + " seed=" + seed + " " + params, g, clearNo);
    }

    /** The dual-descent set: 204 instances. */
    private static List<Case> dualDescentCases() {
        List<Case> cs = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            int n = 10 + (int) (seed * 7 % 50);
            cs.add(make("random-sparse", n, seed, Map.of("answer", "no"), true));
            cs.add(make("random-sparse", n, seed, Map.of("answer", "yes"), false));
        }
        for (long seed = 1; seed <= 20; seed++) {
            int side = 3 + (int) (seed % 5);
            cs.add(make("grid", side * side, seed, Map.of("answer", "no"), true));
            cs.add(make("grid", side * side, seed, Map.of("answer", "yes"), false));
        }
        for (long seed = 1; seed <= 30; seed++) {
            int n = 4 + (int) (seed % 12);
            cs.add(make("cycle", n, seed, Map.of("answer", "no"), true));
            cs.add(make("cycle", n, seed, Map.of("answer", "yes"), false));
        }
        for (String c : new String[] {"4/5", "3/4", "9/10", "-4/5", "1", "3/5", "7/10", "-1/2"}) {
            boolean no = 2 * Math.pow(mcs.problems.exact.Rational.parse(c).toDouble(), 2) > 1;
            cs.add(make("near-boundary", 4, 1, Map.of("c", c), no));
        }
        for (int n : new int[] {4, 8, 16, 32}) {
            for (String t : new String[] {"1", "1/2", "-1/2", "1/8"}) {
                double tv = mcs.problems.exact.Rational.parse(t).toDouble();
                cs.add(make("gamma2", n, 1, Map.of("t", t), tv * tv * n / 2 > 1.5));
            }
        }
        return cs;
    }

    @Test
    void dualDescentVerdictsAreRightAndClearNoInstancesAreSolved() throws Exception {
        Solver solver = Solvers.byName("dual-descent", Problem.PSD_COMPLETION).orElseThrow();
        List<Case> cases = dualDescentCases();
        int[] counts = run(solver, cases, Map.of("max-iterations", "600"));
        assertEquals(204, cases.size());
        assertEquals(0, counts[2], "dual-descent never says COMPLETABLE");
        assertTrue(counts[1] >= 0.9 * counts[0], "verified witnesses on clear NO instances: " + counts[1] + " of " + counts[0]);
    }

    @Test
    void mmwVerdictsAreRightAndClearNoInstancesAreSolved() throws Exception {
        Solver solver = Solvers.byName("mmw", Problem.PSD_COMPLETION).orElseThrow();
        List<Case> cases = new ArrayList<>();
        for (String c : new String[] {"4/5", "9/10", "-4/5", "3/5", "-1/2"}) {
            cases.add(make("near-boundary", 4, 1, Map.of("c", c), 2 * Math.pow(mcs.problems.exact.Rational.parse(c).toDouble(), 2) > 1));
        }
        for (int n : new int[] {4, 8, 16}) {
            for (String t : new String[] {"1", "1/2", "1/8"}) {
                double tv = mcs.problems.exact.Rational.parse(t).toDouble();
                cases.add(make("gamma2", n, 1, Map.of("t", t), tv * tv * n / 2 > 1.5));
            }
        }
        for (long seed = 1; seed <= 10; seed++) {
            cases.add(make("cycle", 5 + (int) (seed % 6), seed, Map.of("answer", "no"), true));
            cases.add(make("cycle", 5 + (int) (seed % 6), seed, Map.of("answer", "yes"), false));
            cases.add(make("grid", 9, seed, Map.of("answer", "no"), true));
            cases.add(make("grid", 9, seed, Map.of("answer", "yes"), false));
        }
        int[] counts = run(solver, cases, Map.of("max-iterations", "150"));
        assertTrue(counts[1] >= 0.9 * counts[0], "verified witnesses on clear NO instances: " + counts[1] + " of " + counts[0]);
        assertTrue(counts[2] >= 1, "mmw certified at least one YES instance (it found " + counts[2] + ")");
    }

    /** Runs every case; @return {clear NO cases, clear NO cases solved, YES certificates} */
    private static int[] run(Solver solver, List<Case> cases, Map<String, String> extra) throws Exception {
        int clear = 0, solved = 0, yes = 0;
        for (Case c : cases) {
            SolverResult r = solver.solve(c.g().instance(), SHA, SolverOptions.defaults().withSeed(7).withThreads(1).withExtra(extra));
            if (c.clearNo()) clear++;
            if (r.verdict() == Verdict.UNKNOWN) continue;
            assertEquals(c.g().known().verdict(), r.verdict(), c.what() + ": " + r.message());
            Judgement j = Kernel.check(c.g().instance(), SHA, roundTrip(r.certificate()), KernelOptions.defaults());
            assertEquals(Outcome.ACCEPTED, j.outcome(), c.what() + ": " + j.reason());
            if (c.clearNo()) solved++;
            if (r.verdict() == Verdict.COMPLETABLE) yes++;
        }
        return new int[] {clear, solved, yes};
    }

    private static Certificate roundTrip(Certificate c) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        return CertificateJson.read(out.toByteArray(), "certificate.json");
    }
}
