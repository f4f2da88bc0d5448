package mcs.solvers.mc1.chordal;

import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.chordal.CliqueSolve;
import mcs.solvers.engine.chordal.EliminationStructure;

/**
 * The maximum-determinant PSD completion X̂ of a chordal partial matrix with positive definite clique
 * blocks (Dempster 1972; Grone et al. 1984), in double precision, held as the sparse factorization of
 * its inverse along a perfect elimination ordering: X̂⁻¹ = L·D·Lᵀ where column v of the unit lower
 * triangular L (in elimination order) is e_v − Σ_{w ∈ J} u_w e_w with J = later(v) and
 * u = A[J,J]⁻¹·A[J,v], and D_vv = 1/d_v with the Schur complement d_v = a_vv − A[v,J]·u &gt; 0.
 * L has the pattern of the later neighbours, so there is no fill, and X̂⁻¹ vanishes off Ω — the
 * characterisation of the max-det completion. det X̂ = Π_v d_v (equal to Π det A[C_i] / Π det A[S_j]
 * over the clique tree).
 *
 * <p>Why (the Gaussian view): build x backwards along the order, x_v = uᵀx_J + ε_v with independent
 * ε_v ~ N(0, d_v). By induction from the last vertex, the covariance of (x_v, x_J) is A[C(v)] (J = later(v)
 * is a clique already built with covariance A[J,J], and u, d_v reproduce A[J,v] and a_vv), so the
 * covariance X̂ agrees with A on every clique, i.e. on Ω. Since ε = Lᵀx has covariance diag(d),
 * Lᵀ X̂ L = diag(d) and X̂⁻¹ = L diag(1/d) Lᵀ, which vanishes off Ω (L has no fill); a completion whose
 * inverse vanishes off Ω is the max-det one (the gradient X⁻¹ of log det is orthogonal to the free
 * positions).
 *
 * <p>Cost: Σ_v |J|³/3 flops to factor the blocks A[J,J]; O(n + m) memory. Not used for certificates
 * (floating point); meant for reporting and as a starting point of other methods. {@link #dense()}
 * forms X̂ (O(n³), small n only).
 */
final class MaxDetCompletion {
    private final EliminationStructure es;
    /** For later slot p of v: L entry (laterIdx[p], v) = −u. */
    private final double[] lower;
    /** Schur complements d_v. */
    private final double[] schur;

    private MaxDetCompletion(EliminationStructure es, double[] lower, double[] schur) {
        this.es = es;
        this.lower = lower;
        this.schur = schur;
    }

    /**
     * @param es the later-neighbour structure of a perfect elimination ordering of G(Ω)
     * @throws IllegalArgumentException when some Schur complement d_v is not positive (a clique block is
     *     not positive definite in floating point)
     */
    public static MaxDetCompletion of(PartialSymmetricMatrix a, EliminationStructure es) {
        Pattern pattern = a.pattern();
        int n = es.n;
        double[] lower = new double[es.laterIdx.length];
        double[] schur = new double[n];
        double[] m = new double[64];
        double[] rhs = new double[8];
        for (int v = 0; v < n; v++) {
            int base = es.laterPtr[v];
            int c = es.laterCount(v);
            if (m.length < c * c) m = new double[2 * c * c];
            if (rhs.length < c) rhs = new double[2 * c];
            for (int r = 0; r < c; r++) {
                int w = es.laterIdx[base + r];
                rhs[r] = a.approx(es.laterEntry[base + r]);
                m[r * c + r] = a.approx(pattern.diagonalEntry(w));
                for (int q = 0; q < r; q++) {
                    int k = pattern.entryIndex(w, es.laterIdx[base + q]);
                    if (k < 0) throw new IllegalArgumentException("the order is not a perfect elimination ordering at vertex " + (v + 1));
                    m[r * c + q] = a.approx(k);
                }
            }
            // A[v,J]·A[J,J]⁻¹·A[J,v], and u = A[J,J]⁻¹A[J,v] left in rhs.
            double dot = CliqueSolve.solve(m, rhs, c);
            if (Double.isNaN(dot)) throw new IllegalArgumentException("the block on the later neighbours of " + (v + 1) + " is not positive definite");
            double d = a.approx(pattern.diagonalEntry(v)) - dot;
            if (!(d > 0)) throw new IllegalArgumentException("the clique block C(" + (v + 1) + ") is not positive definite");
            schur[v] = d;
            for (int r = 0; r < c; r++) lower[base + r] = -rhs[r];
        }
        return new MaxDetCompletion(es, lower, schur);
    }

    /** The elimination order the factor refers to ({@code order[t]} eliminated t-th). */
    public int[] order() {
        return es.order.clone();
    }

    /** d_v (the pivot of v; D_vv = 1/d_v). */
    double schurComplement(int v) {
        return schur[v];
    }

    /**
     * L's entries of column v as pairs: row {@code laterNeighbours(v)[r]} holds {@link #factorEntry}(v, r).
     */
    int[] laterNeighbours(int v) {
        return java.util.Arrays.copyOfRange(es.laterIdx, es.laterPtr[v], es.laterPtr[v + 1]);
    }

    /** L entry (laterNeighbours(v)[r], v). */
    double factorEntry(int v, int r) {
        return lower[es.laterPtr[v] + r];
    }

    /** log det X̂ = Σ log d_v. */
    double logDeterminant() {
        double s = 0;
        for (double d : schur) s += Math.log(d);
        return s;
    }

    /** X̂⁻¹ = Σ_v (1/d_v)·l_v l_vᵀ as a dense n×n array (O(n²) memory; small n). */
    double[][] denseInverse() {
        int n = es.n;
        double[][] w = new double[n][n];
        for (int v = 0; v < n; v++) {
            int base = es.laterPtr[v], c = es.laterCount(v);
            double g = 1 / schur[v];
            w[v][v] += g;
            for (int r = 0; r < c; r++) {
                int x = es.laterIdx[base + r];
                double lx = lower[base + r];
                w[x][v] += g * lx;
                w[v][x] += g * lx;
                for (int q = 0; q < c; q++) w[x][es.laterIdx[base + q]] += g * lx * lower[base + q];
            }
        }
        return w;
    }

    /** X̂ itself, by Gauss–Jordan inversion of {@link #denseInverse()} with partial pivoting: O(n³), small n. */
    public double[][] dense() {
        double[][] w = denseInverse();
        int n = w.length;
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) x[i][i] = 1;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(w[r][col]) > Math.abs(w[piv][col])) piv = r;
            double[] t = w[col];
            w[col] = w[piv];
            w[piv] = t;
            t = x[col];
            x[col] = x[piv];
            x[piv] = t;
            double p = w[col][col];
            for (int c = 0; c < n; c++) {
                w[col][c] /= p;
                x[col][c] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r == col || w[r][col] == 0) continue;
                double f = w[r][col];
                for (int c = 0; c < n; c++) {
                    w[r][c] -= f * w[col][c];
                    x[r][c] -= f * x[col][c];
                }
            }
        }
        return x;
    }
}
