package mcs.verifier.kernel;

import static mcs.testkit.Matrices.entries;
import static mcs.testkit.Matrices.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Valid certificates of SPEC §6 are accepted with the right method and bounds; known rejections. */
class SpecVectorsTest {
    static final KernelOptions OPTS = KernelOptions.defaults();

    @TestFactory
    List<DynamicTest> everyValidCertificateIsAccepted() {
        return Vectors.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            assertTrue(NaiveCertificates.valid(c.instance(), c.certificate()), "fixture must be valid");
            Judgement j = Kernel.check(c.instance(), Vectors.SHA, c.certificate(), OPTS);
            assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
            assertEquals(c.method(), j.method());
        })).toList();
    }

    @Test
    void noMarginsAreTheSpecValues() {
        Map<String, String> expected = Map.of(
                "3x3 NO entries", "-2", "4-cycle c=4/5 NO", "-12/25", "4-cycle c=71/100 NO", "-11/2500",
                "Hadamard NO", "-1", "zero diagonal NO (singular W)", "-3/4");
        for (Vectors.Case c : Vectors.all()) {
            if (!expected.containsKey(c.name())) continue;
            Judgement j = Kernel.check(c.instance(), Vectors.SHA, c.certificate(), OPTS);
            assertEquals(expected.get(c.name()), j.bounds().get("inner_product"), c.name());
            Rational margin = q(j.bounds().get("margin"));
            Rational trace = q(j.bounds().get("trace_w"));
            assertEquals(q(expected.get(c.name())).negate().divide(trace), margin);
        }
    }

    @Test
    void yesBoundsAreReported() {
        Judgement j = Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA,
                Certificate.completion(Vectors.SHA, new Body.Entries(entries(3, 1, "1/4"))), OPTS);
        assertEquals("3", j.bounds().get("lambda_max_upper"));
        assertEquals("0", j.bounds().get("lambda_min_lower"));
        Vectors.Case f = Vectors.all().stream().filter(c -> c.name().equals("3x3 factor")).findFirst().orElseThrow();
        Judgement jf = Kernel.check(f.instance(), null, f.certificate(), OPTS);
        Rational lower = q(jf.bounds().get("lambda_min_lower"));
        // λmin(X) for the max-det completion is 1 − √(1/2 + 1/32)… ≥ 0.27; the Weyl bound gives δ − ‖Δ‖ ≈ 0.1.
        assertTrue(lower.compareTo(q("0.0999")) > 0 && lower.compareTo(q("0.1")) <= 0, lower.toString());
        assertEquals("weyl-bound", jf.check());
    }

    @Test
    void outsideTheCompletableIntervalIsRejectedWithLocation() {
        Judgement j = Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA,
                Certificate.completion(Vectors.SHA, new Body.Entries(entries(3, 1, "-0.5000001"))), OPTS);
        assertEquals(Outcome.REJECTED, j.outcome());
        assertEquals("psd", j.check());
        Judgement on = Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA,
                Certificate.completion(Vectors.SHA, new Body.Entries(entries(2, 1, "1/2"))), OPTS);
        assertEquals("support", on.check());
        assertEquals(Map.of("i", 2, "j", 1, "index", 1), on.location());
    }

    @Test
    void mc2WithFreeDiagonalNeedsTheDiagonalListed() {
        Judgement j = Kernel.check(Vectors.mc2(false), null,
                Certificate.squaring(null, new Body.Entries(entries(3, 1, "1/2"))), OPTS);
        assertEquals(Outcome.REJECTED, j.outcome());
        Judgement d = Kernel.check(Vectors.mc2(true), null,
                Certificate.squaring(null, new Body.Entries(entries(1, 1, "2", 3, 1, "1/2"))), OPTS);
        assertEquals("support", d.check());
    }

    @Test
    void hashProblemAndVerdictAreChecked() {
        Certificate c = Certificate.completion(Vectors.SHA, new Body.Entries(entries(3, 1, "1/4")));
        Mc1Instance inst = Vectors.threeByThreeYes();
        assertEquals("instance-hash", Kernel.check(inst, Vectors.SHA.replace('9', '8'), c, OPTS).check());
        assertEquals("instance-hash", Kernel.check(inst, Vectors.SHA, c.withInstanceSha256(null), OPTS).check());
        assertEquals(Outcome.ACCEPTED, Kernel.check(inst, null, c, OPTS).outcome());
        Certificate unknown = new Certificate(c.problem(), Vectors.SHA, Verdict.UNKNOWN, c.body(), null, true, null);
        assertEquals("verdict", Kernel.check(inst, Vectors.SHA, unknown, OPTS).check());
        Certificate wrongProblem = Certificate.squaring(Vectors.SHA, c.body());
        assertEquals("problem", Kernel.check(inst, Vectors.SHA, wrongProblem, OPTS).check());
        PermInstance perm = PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}));
        assertEquals(Outcome.ACCEPTED, Kernel.check(perm, null, Certificate.exactValue(perm.problem(), null, "10"), OPTS).outcome());
        assertEquals("value", Kernel.check(perm, null, Certificate.exactValue(perm.problem(), null, "11"), OPTS).check());
    }

    @Test
    void toleranceModeAcceptsNearBoundaryCompletionsAndSaysSo() {
        // a13 = −0.5000001 is just outside [−1/2, 1]: λmin ≈ −1e-7·(1/3)… accepted with τ = 1e-6, not with τ = 0.
        Certificate c = Certificate.completion(Vectors.SHA, new Body.Entries(entries(3, 1, "-0.5000001")));
        Judgement strict = Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA, c, OPTS);
        assertEquals(Outcome.REJECTED, strict.outcome());
        Judgement tol = Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA, c, OPTS.withTolerance(q("1e-6")));
        assertEquals(Outcome.ACCEPTED, tol.outcome());
        assertEquals(Method.TOLERANCE, tol.method());
        // A valid certificate is still decided exactly when a tolerance is given.
        Certificate ok = Certificate.completion(Vectors.SHA, new Body.Entries(entries(3, 1, "-0.5")));
        assertEquals(Method.EXACT, Kernel.check(Vectors.threeByThreeYes(), Vectors.SHA, ok, OPTS.withTolerance(q("1e-6"))).method());
        // Factor form: FFᵀ ≈ X(1/4) − 0.1·I claimed with δ = 0.001: ‖Δ‖_F ≈ √3·0.099 ≈ 0.171 > δ, but
        // ≤ δ + τ·max a_ii for τ = 0.2 (not for τ = 0.1).
        Vectors.Case f = Vectors.all().stream().filter(x -> x.name().equals("3x3 factor")).findFirst().orElseThrow();
        Body.Factor body = (Body.Factor) f.certificate().body();
        Certificate small = Certificate.completion(Vectors.SHA, new Body.Factor(body.factor(), q("0.001")));
        assertEquals(Outcome.REJECTED, Kernel.check(f.instance(), Vectors.SHA, small, OPTS).outcome());
        Judgement ft = Kernel.check(f.instance(), Vectors.SHA, small, OPTS.withTolerance(q("0.2")));
        assertEquals(Outcome.ACCEPTED, ft.outcome());
        assertEquals(Method.TOLERANCE, ft.method());
        assertEquals(Outcome.REJECTED, Kernel.check(f.instance(), Vectors.SHA, small, OPTS.withTolerance(q("0.1"))).outcome());
    }

    @Test
    void largeCompletionGoesThroughRumpsTest() {
        // Order 12 with exactDenseMaxN = 8 forces the rigorous floating-point path: tridiagonal
        // [1/4, 1, 1/4] specified, everything else unknown, zero completion; PD (λmin ≥ 1/2).
        int n = 12;
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = Rational.ONE;
            if (i > 0) a[i][i - 1] = q("1/4");
        }
        Mc1Instance inst = new Mc1Instance(mcs.problems.matrix.PartialSymmetricMatrix.ofLowerTriangle(a));
        KernelOptions small = new KernelOptions(Rational.ZERO, 26, 8);
        Judgement j = Kernel.check(inst, null, Certificate.completion(null, new Body.Entries(List.of())), small);
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
        assertEquals(Method.RIGOROUS_FLOAT, j.method());
        // A singular completion cannot be proven by the float test: UNVERIFIED, never ACCEPTED or REJECTED.
        Judgement s = Kernel.check(inst, null, Certificate.completion(null, new Body.Entries(entries(3, 1, "1"))), small);
        assertEquals(Outcome.UNVERIFIED, s.outcome(), s.reason());
    }
}
