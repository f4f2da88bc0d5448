package mcs.solvers.mc1.ipm;

import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.dense.Dense;

/**
 * The margin SDP of SPEC §1 after scaling to unit diagonal, in the standard primal form the interior-point
 * method works on. With S = X − tI and s = 1 − t ≥ 0 (t* ≤ 1 for unit diagonal):
 * <pre>
 *   min s   s.t.  S_ii − s = 0 (i ∈ [n]),  S_ij = b_ij ((i,j) ∈ E),  S ⪰ 0, s ≥ 0,
 * </pre>
 * with b_ij = a_ij/√(a_ii a_jj). Constraint k is pattern entry k (lower triangle, diagonal included), with
 * matrix A_k = (E_ij + E_ji)/2 and coefficient −1 (diagonal) or 0 (edge) on the scalar block. The dual slack
 * of the matrix block is supported on Ω, and any positive semidefinite Z on Ω gives the upper bound
 * t* ≤ ⟨Z, B⟩ / tr Z. Requires every a_ii &gt; 0.
 */
final class MarginSdp {
    final int n;
    final int m;
    final int[] row;
    final int[] col;
    final boolean[] diagonal;
    /** Scaled value b_k of entry k (1 on the diagonal). */
    final double[] value;
    /** Right-hand side of constraint k: 0 for the diagonal, b_k for edges. */
    final double[] rhs;
    /** √a_ii. */
    final double[] scale;

    MarginSdp(PartialSymmetricMatrix a) {
        Pattern p = a.pattern();
        n = p.n();
        m = p.m();
        row = new int[m];
        col = new int[m];
        diagonal = new boolean[m];
        value = new double[m];
        rhs = new double[m];
        scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = Math.sqrt(a.approx(p.diagonalEntry(i)));
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                row[k] = i;
                col[k] = j;
                diagonal[k] = i == j;
                value[k] = i == j ? 1.0 : a.approx(k) / (scale[i] * scale[j]);
                rhs[k] = i == j ? 0.0 : value[k];
            }
        }
    }

    /** Weight of entry k in a Frobenius inner product: 1 on the diagonal, 2 off it. */
    double weight(int k) {
        return diagonal[k] ? 1.0 : 2.0;
    }

    /** Dense full n×n matrix of the symmetric matrix with values v on Ω. */
    double[] dense(double[] v) {
        double[] d = new double[n * n];
        for (int k = 0; k < m; k++) {
            d[row[k] * n + col[k]] = v[k];
            d[col[k] * n + row[k]] = v[k];
        }
        return d;
    }

    /** out = x·V + add (add may be null) for dense x and V symmetric on Ω with values v: O(n·m). */
    double[] timesSparse(double[] x, double[] v, double[] add) {
        double[] out = add == null ? new double[n * n] : add.clone();
        for (int r = 0; r < n; r++) {
            int rr = r * n;
            for (int k = 0; k < m; k++) {
                double vk = v[k];
                if (vk == 0) continue;
                int i = row[k], j = col[k];
                out[rr + j] += x[rr + i] * vk;
                if (i != j) out[rr + i] += x[rr + j] * vk;
            }
        }
        return out;
    }

    /** out = V·w for V symmetric on Ω with values v. */
    void sparseApply(double[] v, double[] w, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k < m; k++) {
            int i = row[k], j = col[k];
            out[i] += v[k] * w[j];
            if (i != j) out[j] += v[k] * w[i];
        }
    }
}
