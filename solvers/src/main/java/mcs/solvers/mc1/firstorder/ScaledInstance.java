package mcs.solvers.mc1.firstorder;

import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * The unit-diagonal scaling b = D^{-1/2} a D^{-1/2} of an MC1 instance with a positive diagonal, held as
 * coordinate arrays over Ω's lower triangle (entry k at (row[k], col[k]), diagonal included), and sparse
 * symmetric products with any matrix M given by its values on Ω.
 *
 * <p>Inner products follow SPEC's convention: off-diagonal pairs count twice ({@link #weight}).
 * Cost: O(m) per product; memory 4 arrays of m entries.
 */
final class ScaledInstance {
    final int n;
    final int m;
    final int[] row;
    final int[] col;
    /** Scaled data b_k = a_k / √(a_ii a_jj). */
    final double[] b;
    /** 1/√a_ii. */
    final double[] invSqrt;

    /** @param a an instance whose diagonal is positive (not checked here; the solvers test it first) */
    ScaledInstance(PartialSymmetricMatrix a) {
        Pattern p = a.pattern();
        n = a.n();
        m = a.m();
        row = new int[m];
        col = new int[m];
        b = new double[m];
        invSqrt = new double[n];
        for (int i = 0; i < n; i++) invSqrt[i] = 1 / Math.sqrt(a.approx(p.diagonalEntry(i)));
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                row[k] = i;
                col[k] = p.col(k);
                b[k] = i == col[k] ? 1.0 : a.approx(k) * invSqrt[i] * invSqrt[col[k]];
            }
        }
    }

    boolean diagonal(int k) {
        return row[k] == col[k];
    }

    /** 1 on the diagonal, 2 off it: the multiplicity of entry k in ⟨·,·⟩. */
    double weight(int k) {
        return row[k] == col[k] ? 1 : 2;
    }

    /** ⟨M, N⟩ for two matrices given by their values on Ω. */
    double inner(double[] mv, double[] nv) {
        double s = 0;
        for (int k = 0; k < m; k++) s += weight(k) * mv[k] * nv[k];
        return s;
    }

    /** y = M·x for M given by its values on Ω. */
    void multiply(double[] values, double[] x, double[] y) {
        java.util.Arrays.fill(y, 0, n, 0);
        for (int k = 0; k < m; k++) {
            int i = row[k], j = col[k];
            double v = values[k];
            if (i == j) {
                y[i] += v * x[i];
            } else {
                y[i] += v * x[j];
                y[j] += v * x[i];
            }
        }
    }
}
