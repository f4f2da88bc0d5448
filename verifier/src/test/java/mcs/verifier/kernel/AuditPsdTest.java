package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.testkit.Matrices;
import org.junit.jupiter.api.Test;

/**
 * Audit of the PSD deciders on inputs chosen to mislead floating point: exact spectra with eigenvalues of
 * 10⁻⁴⁰ (negative, zero or positive) next to eigenvalues of order 1, whole matrices scaled by 10^±60 or
 * 2^±1100 (entries beyond double range, subnormal or huge), and rank-deficient matrices. The modular fast
 * path ({@link ModularPd}, steered by floating point) must agree with the plain fraction-free elimination
 * and with the construction; Rump's test must never prove a matrix that is not positive definite.
 */
class AuditPsdTest {
    static Rational[][] lower(Rational[][] a) {
        return Matrices.lower(a);
    }

    static Rational[][] scale(Rational[][] a, Rational s) {
        int n = a.length;
        Rational[][] b = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = a[i][j].multiply(s);
        return b;
    }

    static Rational scaleFactor(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> Rational.ONE;
            case 1 -> Rational.of(BigInteger.TEN.pow(60));
            case 2 -> Rational.of(BigInteger.ONE, BigInteger.TEN.pow(60));
            case 3 -> Rational.of(BigInteger.TWO.pow(1100));
            default -> Rational.of(BigInteger.ONE, BigInteger.TWO.pow(1100));
        };
    }

    @Test
    void modularPathAgreesWithEliminationOnMisleadingSpectra() {
        Random rnd = new Random(4242);
        Rational tiny = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(40));
        int psd = 0, not = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + rnd.nextInt(6);
            Rational[] lambda = new Rational[n];
            for (int i = 0; i < n; i++) lambda[i] = AuditAdversarialTest.smallPositive(rnd);
            int zeros = rnd.nextInt(n);
            for (int i = 0; i < zeros; i++) lambda[i] = Rational.ZERO;
            int kind = rnd.nextInt(3);
            lambda[n - 1] = kind == 0 ? tiny.negate() : kind == 1 ? tiny : lambda[n - 1];
            boolean truth = lambda[n - 1].signum() >= 0;
            Rational[][] x = scale(AuditAdversarialTest.spectral(rnd, lambda), scaleFactor(rnd));
            PsdDecision fast = ExactPsd.decide(lower(x));
            PsdDecision slow = ExactPsd.decideByElimination(lower(x));
            assertEquals(truth, fast.psd(), "trial " + trial + ": " + fast.reason());
            assertEquals(truth, slow.psd(), "trial " + trial + ": " + slow.reason());
            if (truth) {
                int rank = 0;
                for (Rational l : lambda) if (l.signum() != 0) rank++;
                assertEquals(rank, fast.rank(), "rank, trial " + trial);
                assertEquals(rank, slow.rank(), "rank, trial " + trial);
                psd++;
            } else {
                not++;
            }
        }
        assertTrue(psd > 100 && not > 100, psd + " / " + not);
    }

    @Test
    void rumpNeverProvesANonDefiniteMatrixWhateverItsScale() {
        Random rnd = new Random(777);
        int proven = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + rnd.nextInt(6);
            Rational[] lambda = new Rational[n];
            for (int i = 0; i < n; i++) lambda[i] = AuditAdversarialTest.smallPositive(rnd);
            int e = 12 + rnd.nextInt(150);
            Rational tiny = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(e));
            int kind = rnd.nextInt(3);
            lambda[0] = kind == 0 ? tiny.negate() : kind == 1 ? Rational.ZERO : lambda[0];
            boolean definite = kind == 2;
            Rational[][] x = scale(AuditAdversarialTest.spectral(rnd, lambda), scaleFactor(rnd));
            RumpTest.Result r = RumpTest.proveDefinite(lower(x));
            if (!definite) assertFalse(r.proven(), "trial " + trial + " (λmin = " + lambda[0] + "): " + r.reason());
            if (r.proven()) proven++;
        }
        assertTrue(proven > 50, "the test proved only " + proven + " definite matrices");
    }

    /** Doubles at the edges: subnormal diagonals, entries near Double.MAX_VALUE, a tiny negative shift invisible in binary64. */
    @Test
    void rumpAtTheEdgesOfDoubleRange() {
        double min = Double.MIN_VALUE;
        assertFalse(RumpTest.proveDefinite(new double[][] {{min}, {0, min}}).proven(), "subnormal diagonal, below c");
        assertFalse(RumpTest.proveDefinite(new double[][] {{Double.MAX_VALUE}, {Double.MAX_VALUE, Double.MAX_VALUE}}).proven());
        assertFalse(RumpTest.proveDefinite(new double[][] {{Double.MAX_VALUE}, {0, Double.MAX_VALUE}}).proven(), "trace overflows");
        // X = [[1, 1], [1, 1 − 2^−80]] is indefinite-free but singular-ish: λmin ≈ 2^−81 > 0 yet far below c.
        Rational[][] x = {{Rational.ONE}, {Rational.ONE, Rational.ONE.subtract(Rational.of(BigInteger.ONE, BigInteger.TWO.pow(80)))}};
        assertFalse(RumpTest.proveDefinite(x).proven());
        // Y = [[1, 0], [0, −2^−1100]]: rounds to diag(1, −0.0); the rounding radius must keep it unproven.
        Rational[][] y = {{Rational.ONE}, {Rational.ZERO, Rational.of(BigInteger.ONE, BigInteger.TWO.pow(1100)).negate()}};
        assertFalse(RumpTest.proveDefinite(y).proven());
        // Z = [[2^−1100, 0], [0, 1]] is definite, but its rounding error equals its smallest eigenvalue: unproven.
        Rational[][] z = {{Rational.of(BigInteger.ONE, BigInteger.TWO.pow(1100))}, {Rational.ZERO, Rational.ONE}};
        assertFalse(RumpTest.proveDefinite(z).proven());
    }
}
