package mcs.solvers.mc1.prep;

import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Scaling to unit diagonal, b = D^{-1/2} a D^{-1/2} with D = diag(a_ii) &gt; 0, for floating-point work.
 * The answer is unchanged (congruence by a positive diagonal). Certificates do not map back exactly
 * (√a_ii is irrational in general), so only <em>directions</em> map back: a direction u with
 * uᵀ b_C u &lt; 0 for the scaled block gives v = D^{-1/2} u with vᵀ a_C v = uᵀ b_C u &lt; 0 in exact arithmetic.
 * {@link #rationalDirection} rounds v to rationals, and the caller must check vᵀ a_C v &lt; 0 exactly on
 * the original data before emitting vvᵀ (a rounded v is a valid witness whenever that check passes).
 *
 * <p>Entries with a_ii = 0 (droppable rows, {@link DiagonalRules}) get scale factor 0. Cost O(m).
 */
public final class UnitScaling {
    private final double[] invSqrt;

    private UnitScaling(double[] invSqrt) {
        this.invSqrt = invSqrt;
    }

    /** Scale factors 1/√a_ii in double (relative error ≤ 2 units of roundoff each); 0 when a_ii ≤ 0. */
    public static UnitScaling of(PartialSymmetricMatrix a) {
        int n = a.n();
        double[] s = new double[n];
        Pattern p = a.pattern();
        for (int i = 0; i < n; i++) {
            double d = a.approx(p.diagonalEntry(i));
            s[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        return new UnitScaling(s);
    }

    /** 1/√a_ii (0 for a non-positive diagonal). */
    public double factor(int i) {
        return invSqrt[i];
    }

    /** b_ij = a_ij / √(a_ii a_jj) in double, for entry k at (i, j). */
    public double scaled(PartialSymmetricMatrix a, int k, int i, int j) {
        return a.approx(k) * invSqrt[i] * invSqrt[j];
    }

    /** v = D^{-1/2}·u on the index set idx. */
    double[] unscale(int[] idx, double[] u) {
        double[] v = new double[u.length];
        for (int t = 0; t < u.length; t++) v[t] = u[t] * invSqrt[idx[t]];
        return v;
    }

    /** The doubles of v as exact rationals (doubles are dyadic rationals: no rounding happens here). */
    public static Rational[] rationalDirection(double[] v) {
        Rational[] r = new Rational[v.length];
        for (int t = 0; t < v.length; t++) r[t] = Rational.ofDouble(v[t]);
        return r;
    }
}
