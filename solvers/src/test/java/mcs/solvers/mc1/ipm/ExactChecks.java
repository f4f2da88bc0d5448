package mcs.solvers.mc1.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;

/**
 * Independent exact checks of the certificates the ipm solver emits (small n): the factor form's Weyl
 * condition recomputed entry by entry, and for witnesses support, ⟨W,a⟩ &lt; 0 and W ⪰ 0 by exact
 * symmetric elimination (pivots ≥ 0, a zero pivot needs a zero remaining column).
 */
final class ExactChecks {
    private ExactChecks() {}

    static void assertValid(PartialSymmetricMatrix a, Certificate c) {
        assertNotNull(c);
        if (c.verdict() == Verdict.COMPLETABLE) assertFactorCompletion(a, (Body.Factor) c.body());
        else assertWitness(a, (Body.Entries) c.body());
    }

    static void assertFactorCompletion(PartialSymmetricMatrix a, Body.Factor f) {
        RationalMatrix F = f.factor();
        Rational delta = f.shift();
        assertTrue(delta.signum() > 0, "shift must be positive");
        int n = a.n();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational aij = a.get(i, j);
                if (aij == null) continue;
                Rational ff = Rational.ZERO;
                for (int k = 0; k < F.cols(); k++) ff = ff.add(F.get(i, k).multiply(F.get(j, k)));
                Rational d = aij.subtract(ff).subtract(i == j ? delta : Rational.ZERO);
                sum = sum.add(i == j ? d.square() : d.square().multiply(2));
            }
        }
        assertTrue(sum.compareTo(delta.square()) <= 0, "‖Δ‖_F² = " + sum.toDouble() + " > δ² = " + delta.square().toDouble());
    }

    static void assertWitness(PartialSymmetricMatrix a, Body.Entries w) {
        int n = a.n();
        Rational[][] m = new Rational[n][n];
        for (Rational[] r : m) java.util.Arrays.fill(r, Rational.ZERO);
        Rational inner = Rational.ZERO;
        for (Entry e : w.entries()) {
            Rational aij = a.get(e.i(), e.j());
            assertNotNull(aij, "witness entry off Ω at " + e);
            m[e.i()][e.j()] = e.value();
            m[e.j()][e.i()] = e.value();
            Rational t = e.value().multiply(aij);
            inner = inner.add(e.i() == e.j() ? t : t.multiply(2));
        }
        assertTrue(inner.signum() < 0, "⟨W,a⟩ = " + inner + " is not negative");
        assertTrue(psd(m), "W is not PSD");
    }

    static boolean psd(Rational[][] m) {
        int n = m.length;
        Rational[][] b = new Rational[n][];
        for (int i = 0; i < n; i++) b[i] = m[i].clone();
        for (int k = 0; k < n; k++) {
            Rational piv = b[k][k];
            if (piv.signum() < 0) return false;
            if (piv.isZero()) {
                for (int i = k + 1; i < n; i++) if (!b[i][k].isZero()) return false;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                if (b[i][k].isZero()) continue;
                Rational f = b[i][k].divide(piv);
                for (int j = k + 1; j < n; j++) b[i][j] = b[i][j].subtract(f.multiply(b[k][j]));
            }
        }
        return true;
    }

    /** Smallest eigenvalue of a small symmetric matrix by cyclic Jacobi rotations. */
    static double lambdaMin(double[][] s) {
        int n = s.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = s[i].clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) off += a[i][j] * a[i][j];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - sn * akq;
                        a[k][q] = sn * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - sn * aqk;
                        a[q][k] = sn * apk + c * aqk;
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) min = Math.min(min, a[i][i]);
        return min;
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol, what);
    }
}
