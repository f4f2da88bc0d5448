package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mcs.problems.exact.Rational;
import org.junit.jupiter.api.Test;

/** Rump's test never claims definiteness the exact method refutes, and does prove well-conditioned cases. */
class RumpTestTest {
    /** Random n×r double matrix G, returns G·Gᵀ computed in doubles (lower triangle). */
    static double[][] doubleGram(Random rnd, int n, int r, double diagShift) {
        double[][] g = new double[n][r];
        for (double[] row : g) for (int c = 0; c < r; c++) row[c] = rnd.nextDouble() * 2 - 1;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int c = 0; c < r; c++) s += g[i][c] * g[j][c];
                a[i][j] = s;
            }
            a[i][i] += diagShift;
        }
        return a;
    }

    static Rational[][] exact(double[][] a) {
        Rational[][] x = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) {
            x[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) x[i][j] = Rational.ofDouble(a[i][j]);
        }
        return x;
    }

    @Test
    void neverProvesWhatExactEliminationRefutes() {
        Random rnd = new Random(11);
        int proven = 0, refuted = 0;
        for (int trial = 0; trial < 600; trial++) {
            int n = 2 + rnd.nextInt(9);
            int r = Math.max(1, n - rnd.nextInt(3));
            // Shifts around zero: from clearly indefinite to barely definite.
            double shift = (rnd.nextDouble() - 0.5) * Math.pow(10, -rnd.nextInt(17));
            double[][] a = doubleGram(rnd, n, r, shift);
            boolean ok = true;
            for (int i = 0; i < n; i++) ok &= a[i][i] >= 0;
            if (!ok) continue;
            RumpTest.Result res = RumpTest.proveDefinite(a);
            PsdDecision d = ExactPsd.decide(exact(a));
            if (res.proven()) {
                proven++;
                assertTrue(d.definite(), "Rump proved a matrix the exact method finds " + d.reason());
            }
            if (!d.definite()) refuted++;
        }
        assertTrue(proven > 50 && refuted > 50, proven + " " + refuted);
    }

    @Test
    void radiusIsHonoured() {
        // diag(1, 1) is definite with λmin = 1: provable with radius 0.5, not with radius 1.
        double[][] a = {{1}, {0, 1}};
        assertTrue(RumpTest.proveDefinite(a, 0.5).proven());
        assertFalse(RumpTest.proveDefinite(a, 1.0).proven());
    }

    @Test
    void roundedRationalInputIsAccountedFor() {
        // X = [[1/3, 1/3],[1/3, 1/3 + 1e-30]] is definite but its nearest doubles are singular: not provable.
        Rational third = Rational.of(1, 3);
        Rational[][] x = {{third}, {third, third.add(Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(30)))}};
        assertTrue(ExactPsd.decide(x).definite());
        assertFalse(RumpTest.proveDefinite(x).proven());
        // [[1/3, 1/10],[1/10, 1/3]] has margin: proven despite inexact inputs.
        Rational[][] y = {{third}, {Rational.of(1, 10), third}};
        assertTrue(RumpTest.proveDefinite(y).proven());
    }

    @Test
    void provesWellConditionedUpTo300() {
        Random rnd = new Random(3);
        for (int n : new int[] {10, 100, 300}) {
            double[][] a = doubleGram(rnd, n, n, 0.0);
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] /= n;
            for (int i = 0; i < n; i++) a[i][i] += 1.0;
            assertTrue(RumpTest.proveDefinite(a).proven(), "n = " + n);
            // A 2×2 principal minor made negative (a_21² > a_11·a_22): indefinite, never proven.
            double[][] b = new double[n][];
            for (int i = 0; i < n; i++) b[i] = a[i].clone();
            b[1][0] = Math.sqrt(a[0][0] * a[1][1]) * 1.001;
            assertFalse(RumpTest.proveDefinite(b).proven());
        }
    }

    @Test
    void shiftConstantIsAnUpperBoundOfTheFormula() {
        double[] d = {1, 2, 3};
        double c = RumpTest.shiftConstant(3, d);
        // (n+1)u/(1−2(n+1)u)·tr + 4ηn(2(n+1)+max) with exact rationals.
        Rational u = Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.TWO.pow(53));
        Rational eta = Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.TWO.pow(1074));
        Rational np1u = u.multiply(4);
        Rational exact = np1u.divide(Rational.ONE.subtract(np1u.multiply(2))).multiply(6)
                .add(eta.multiply(12).multiply(Rational.of(8 + 3)));
        assertTrue(Rational.ofDouble(c).compareTo(exact) >= 0);
        assertTrue(Rational.ofDouble(c).compareTo(exact.multiply(Rational.of(1_000_001, 1_000_000))) <= 0);
    }
}
