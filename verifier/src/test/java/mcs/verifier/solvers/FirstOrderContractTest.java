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

    /**
     * The ε-promise (MC1-log): on the gap families, with ε taken from the instance's promise, every answer is right, a
     * YES is a completion whose λmin ≥ ε/2 follows exactly from its factor form (shift − ‖Δ‖_F ≥ ε/2), and most
     * instances get an answer (dual-descent: both sides; mmw: at least one of each).
     */
    @Test
    void underAPromiseBothSolversAnswerBothSidesWithTheMarginProven() throws Exception {
        for (String name : List.of("dual-descent", "mmw")) {
            Solver solver = Solvers.byName(name, Problem.PSD_COMPLETION).orElseThrow();
            int cases = 0, yes = 0, no = 0;
            for (String family : List.of("gap-cycles", "gap-planted", "gap-chordal", "gap-gamma2")) {
                for (String answer : List.of("yes", "no")) {
                    for (long seed = 1; seed <= (name.equals("mmw") ? 1 : 3); seed++) {
                        Generated g = Families.byName(family).orElseThrow().generate(name.equals("mmw") ? 8 : 16, seed, Map.of("eps", "0.2", "answer", answer));
                        mcs.problems.instance.Mc1Instance inst = (mcs.problems.instance.Mc1Instance) g.instance();
                        mcs.problems.exact.Rational eps = inst.promise().orElseThrow().epsilon();
                        SolverResult r = solver.solve(inst, SHA, SolverOptions.defaults().withSeed(seed).withThreads(1).withEpsilon(eps).withTimeoutSeconds(120));
                        cases++;
                        String what = name + " " + family + " seed=" + seed + " " + answer + ": " + r.message();
                        if (r.verdict() == Verdict.UNKNOWN) continue;
                        assertEquals(g.known().verdict(), r.verdict(), what);
                        Judgement j = Kernel.check(inst, SHA, roundTrip(r.certificate()), KernelOptions.defaults());
                        assertEquals(Outcome.ACCEPTED, j.outcome(), what + ": " + j.reason());
                        if (r.verdict() == Verdict.COMPLETABLE) {
                            yes++;
                            mcs.problems.cert.Body.Factor f = (mcs.problems.cert.Body.Factor) r.certificate().body();
                            mcs.problems.exact.Rational room = f.shift().subtract(eps.divide(mcs.problems.exact.Rational.TWO));
                            assertTrue(room.signum() >= 0 && deltaSquared(inst.matrix(), f).compareTo(room.square()) <= 0, what + ": λmin >= ε/2 is proven");
                        } else {
                            no++;
                        }
                    }
                }
            }
            if (name.equals("dual-descent")) assertTrue(yes + no >= 0.9 * cases, name + " answered " + (yes + no) + " of " + cases);
            assertTrue(yes >= 1 && no >= 1, name + ": " + yes + " YES and " + no + " NO answers");
        }
    }

    /** ‖Δ‖²_F of a factor completion (SPEC §2.1), off-diagonal pairs twice. */
    private static mcs.problems.exact.Rational deltaSquared(mcs.problems.matrix.PartialSymmetricMatrix a, mcs.problems.cert.Body.Factor f) {
        mcs.problems.matrix.Pattern p = a.pattern();
        mcs.problems.exact.Rational sum = mcs.problems.exact.Rational.ZERO;
        for (int k = 0; k < p.m(); k++) {
            int i = p.row(k), j = p.col(k);
            mcs.problems.exact.Rational d = a.value(k);
            for (int c = 0; c < f.factor().cols(); c++) d = d.subtract(f.factor().get(i, c).multiply(f.factor().get(j, c)));
            if (i == j) d = d.subtract(f.shift());
            sum = sum.add(d.square().multiply(i == j ? 1 : 2));
        }
        return sum;
    }
}
