package mcs.solvers.engine.maxdet;

import java.util.SplittableRandom;
import mcs.problems.matrix.Pattern;

/**
 * A max-det completion held implicitly as X = Σ·S̃⁻¹·Σ, with S̃ = L·diag(d)·Lᵀ the sparse factorization of the
 * (scaled) dual and Σ = diag(σ). Nothing dense is formed until {@link #dense()} is asked for.
 */
public final class Completion {
    private final SparseLdl ldl;
    private final double[] sigma;
    private final Pattern omega;
    private final double[] dualScaled;

    /**
     * @param omega the pattern the dual lives on (Ω for Newton; the chordal extension V for chordal-maxdet may
     *     pass null)
     * @param dualScaled S̃ on Ω's entries, or null
     */
    public Completion(Pattern omega, SparseLdl ldl, double[] sigma, double[] dualScaled) {
        this.omega = omega;
        this.ldl = ldl;
        this.sigma = sigma;
        this.dualScaled = dualScaled;
    }

    public int n() {
        return sigma.length;
    }

    /** Number of strictly lower entries of the sparse factor (the fill of the chordal extension included). */
    int factorNonzeros() {
        return ldl.sym.nnz();
    }

    /** Column j of X: O(nnz(L)). */
    double[] column(int j) {
        int n = n();
        double[] c = new double[n];
        ldl.inverseColumn(j, c);
        for (int i = 0; i < n; i++) c[i] *= sigma[i] * sigma[j];
        return c;
    }

    /** X as a row-major n×n array: n sparse solves, O(n·nnz(L)) time, 8n² bytes. */
    public double[] dense() {
        int n = n();
        double[] x = new double[n * n];
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            ldl.inverseColumn(j, c);
            for (int i = 0; i < n; i++) x[i * n + j] = c[i] * sigma[i] * sigma[j];
        }
        return x;
    }

    /** The dual S = X⁻¹ on Ω's entries (original scale), or null when this completion does not keep it. */
    double[] dual() {
        if (dualScaled == null) return null;
        double[] s = new double[dualScaled.length];
        for (int i = 0; i < omega.n(); i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) s[k] = dualScaled[k] / (sigma[i] * sigma[omega.col(k)]);
        }
        return s;
    }

    /**
     * An estimate of λmin(X) = 1/λmax(X⁻¹) by 60 power iterations on X⁻¹ = Σ⁻¹LDLᵀΣ⁻¹ (seeded start vector):
     * an upper bound in exact arithmetic (the power method approaches λmax from below). O(60·nnz(L)).
     */
    double lambdaMinEstimate(long seed) {
        int n = n();
        double[] v = new double[n], u = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble() - 0.5;
        double mu = 0;
        for (int it = 0; it < 60; it++) {
            double norm = 0;
            for (double x : v) norm += x * x;
            norm = Math.sqrt(norm);
            if (!(norm > 0)) break;
            for (int i = 0; i < n; i++) u[i] = v[i] / norm / sigma[i];
            ldl.multiply(u, v);
            mu = 0;
            for (int i = 0; i < n; i++) {
                v[i] /= sigma[i];
                mu += v[i] * u[i] * sigma[i];
            }
        }
        return 1 / mu;
    }
}
