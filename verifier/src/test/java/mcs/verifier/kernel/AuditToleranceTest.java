package mcs.verifier.kernel;

import static mcs.testkit.Matrices.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/**
 * Audit: tolerance mode (SPEC §2.5) must accept only when X + τ·max a_ii·I ⪰ 0 really holds. When every
 * diagonal entry is negative, t = τ·max a_ii is negative and the claim X + tI ⪰ 0 is stronger than X ⪰ 0.
 */
class AuditToleranceTest {
    private static final KernelOptions TAU_ONE = KernelOptions.defaults().withTolerance(Rational.ONE);

    /** 1×1 instance [−1]: t = −1, so the tolerance claim is −1 − 1 = −2 ≥ 0, false. */
    @Test
    void factorWithNegativeShiftSumIsNotAcceptedUnderTolerance() {
        Mc1Instance inst = Vectors.mc1("-1");
        Certificate c = Certificate.completion(null, new Body.Factor(RationalMatrix.zeros(1, 1), Rational.ZERO));
        Judgement j = Kernel.check(inst, null, c, TAU_ONE);
        assertNotEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
    }

    /** Larger τ makes (δ + t)² larger when δ + t &lt; 0: still no acceptance, for any τ. */
    @Test
    void factorWithNegativeDiagonalIsNeverAcceptedForAnyTolerance() {
        Mc1Instance inst = Vectors.mc1("-1", "0 -1");
        for (String tau : List.of("1/2", "1", "2", "10", "1000")) {
            KernelOptions o = KernelOptions.defaults().withTolerance(q(tau));
            Certificate c = Certificate.completion(null, new Body.Factor(RationalMatrix.zeros(2, 1), q("1/3")));
            Judgement j = Kernel.check(inst, null, c, o);
            assertNotEquals(Outcome.ACCEPTED, j.outcome(), "τ = " + tau + ": " + j.reason());
        }
    }

    /** The entries form on the same instance is (correctly) not accepted either. */
    @Test
    void entriesWithNegativeDiagonalIsNotAcceptedUnderTolerance() {
        Mc1Instance inst = Vectors.mc1("-1", "? -1");
        Certificate c = Certificate.completion(null, new Body.Entries(List.of(new Entry(1, 0, Rational.ZERO))));
        assertEquals(Outcome.REJECTED, Kernel.check(inst, null, c, TAU_ONE).outcome());
    }

    /** Positive control: a genuinely τ-approximate factor completion is still accepted with method tolerance. */
    @Test
    void factorWithinToleranceIsAccepted() {
        // a = [[1, 1], [1, 1 − 1/100]] is not PSD; F = [1; 1], δ = 0: Δ_22 = −1/100, ‖Δ‖ = 1/100 ≤ t = 1/50.
        Mc1Instance inst = Vectors.mc1("1", "1 99/100");
        Certificate c = Certificate.completion(null, new Body.Factor(Vectors.matrix(2, 1, "1", "1"), Rational.ZERO));
        Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults().withTolerance(q("1/50")));
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
        assertEquals(Method.TOLERANCE, j.method());
        Judgement exact = Kernel.check(inst, null, c, KernelOptions.defaults());
        assertEquals(Outcome.REJECTED, exact.outcome());
    }

    /**
     * Bounds reported with a tolerance verdict must hold for X, which may have eigenvalues down to −t:
     * then λmax(X) = tr X − Σ_{others} λ ≤ tr X + (n−1)t, and tr X alone is not an upper bound.
     */
    @Test
    void factorToleranceBoundsAreCertified() {
        Mc1Instance inst = Vectors.mc1("1", "1 99/100");
        Certificate c = Certificate.completion(null, new Body.Factor(Vectors.matrix(2, 1, "1", "1"), Rational.ZERO));
        Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults().withTolerance(q("1/50")));
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
        Rational up = q(j.bounds().get("lambda_max_upper"));
        Rational lo = q(j.bounds().get("lambda_min_lower"));
        // X = [[1, 1], [1, 99/100]] (fully specified). up·I − X ⪰ 0 and X − lo·I ⪰ 0, checked independently.
        Rational[][] x = {{Rational.ONE, Rational.ONE}, {Rational.ONE, q("99/100")}};
        Rational[][] upper = new Rational[2][2], lower = new Rational[2][2];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                Rational id = i == k ? Rational.ONE : Rational.ZERO;
                upper[i][k] = up.multiply(id).subtract(x[i][k]);
                lower[i][k] = x[i][k].subtract(lo.multiply(id));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(AuditAdversarialTest.psdByCharpoly(upper), "λmax(X) ≤ " + up + " is false");
        org.junit.jupiter.api.Assertions.assertTrue(AuditAdversarialTest.psdByCharpoly(lower), "λmin(X) ≥ " + lo + " is false");
    }

    /**
     * The {@code entries} form in tolerance mode reports the same λmax bound as the factor form, tr X + (n−1)t
     * (SOUNDNESS.md §2.4): X = [[1, 1], [1, 99/100]] is accepted with t = 1/50, so the bound is 199/100 + 1/50.
     */
    @Test
    void entriesToleranceBoundsAreCertifiedAndMatchTheDocument() {
        Mc1Instance inst = Vectors.mc1("1", "1 99/100");
        Certificate c = Certificate.completion(null, new Body.Entries(java.util.List.of()));
        Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults().withTolerance(q("1/50")));
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
        assertEquals(Method.TOLERANCE, j.method());
        assertEquals(q("199/100").add(q("1/50")), q(j.bounds().get("lambda_max_upper")));
        assertEquals(q("-1/50"), q(j.bounds().get("lambda_min_lower")));
    }
}
