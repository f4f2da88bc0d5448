package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/** The exact check of {@link FactorCertificate} against ‖Δ‖_F² recomputed here in plain {@link Rational} arithmetic. */
class FactorCertificateTest {
    /** Σ over constrained positions of w·Δ², Δ = a − FFᵀ − δ[i=j], straight from the definition (SPEC §2.1). */
    private static Rational deltaNorm2(Pattern omega, Rational[] a, boolean diagonal, Body.Factor f) {
        RationalMatrix m = f.factor();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < omega.n(); i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                if (i == j && !diagonal) continue;
                Rational d = a[k];
                for (int c = 0; c < m.cols(); c++) d = d.subtract(m.get(i, c).multiply(m.get(j, c)));
                if (i == j) d = d.subtract(f.shift());
                sum = sum.add(i == j ? d.square() : d.square().multiply(2));
            }
        }
        return sum;
    }

    @Test
    void acceptsExactlyWhenTheWeylBoundHolds() {
        // a = [[1, 1/2], [1/2, 1]] on the full 2×2 pattern; F = (1/√2)(1, 1)ᵀ-ish in double, δ = 1/2.
        Pattern p = Pattern.dense(2);
        PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
                {Rational.ONE, null}, {Rational.HALF, Rational.ONE}});
        Rational[] vals = {a.value(0), a.value(1), a.value(2)};
        FitTarget t = FitTarget.of(new Mc1Instance(a));
        double s = Math.sqrt(0.5);
        FactorCertificate.Outcome ok = FactorCertificate.build(t, new double[] {s, s}, 1, 0.5, 0, 0);
        assertNotNull(ok.body());
        Rational norm = deltaNorm2(p, vals, true, ok.body());
        assertTrue(norm.compareTo(ok.body().shift().square()) <= 0);
        assertEquals(norm.toDouble(), ok.residual(), 1e-15);
        // With F = 0 and δ = 1/2: Δ = [[1/2, 1/2], [1/2, 1/2]], ‖Δ‖_F² = 1 > 1/4: refused.
        FactorCertificate.Outcome bad = FactorCertificate.build(t, new double[] {0, 0}, 1, 0.5, 0, 0);
        assertNull(bad.body());
        assertEquals(1.0, bad.residual(), 0);
    }

    @Test
    void freeDiagonalShiftBoundsTheResidual() {
        var g = Families.byName("mc2-random").orElseThrow().generate(12, 3, Map.of("diagonal", "false", "k", "4", "entries", "decimal"));
        Mc2Instance inst = (Mc2Instance) g.instance();
        FitTarget t = FitTarget.of(inst);
        Pattern p = inst.omega();
        Rational[] vals = new Rational[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                Rational s = Rational.ZERO;
                for (int c = 0; c < inst.a().cols(); c++) s = s.add(inst.a().get(i, c).multiply(inst.a().get(p.col(k), c)));
                vals[k] = s;
                assertEquals(s, Rational.of(t.num[k], t.den), "exact Gram value at entry " + k);
            }
        }
        double[] f = new double[p.n() * 2];
        for (int q = 0; q < f.length; q++) f[q] = Math.sin(q + 1);
        FactorCertificate.Outcome o = FactorCertificate.build(t, f, 2, 0, 1, 0);
        assertNotNull(o.body());
        assertTrue(deltaNorm2(p, vals, false, o.body()).compareTo(o.body().shift().square()) <= 0);
    }
}
