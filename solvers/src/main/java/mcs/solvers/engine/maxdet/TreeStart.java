package mcs.solvers.engine.maxdet;

import java.util.Arrays;
import mcs.problems.matrix.Pattern;

/**
 * The starting dual point of {@link MaxDetNewton}: the inverse of the max-det completion of ã restricted to a
 * spanning forest T of G(Ω), which is supported on T ⊆ Ω and positive definite. For a forest with unit diagonal
 * and edge values ρ_e (|ρ_e| &lt; 1) it has the closed form (clique-tree formula with edge cliques and vertex
 * separators) S_ij = −ρ/(1 − ρ²) on the edges and S_ii = 1 + Σ_{e ∋ i} ρ_e²/(1 − ρ_e²). The forest is a maximum
 * spanning forest for |ρ| (Kruskal), so the strongest correlations are matched from the start; edges with
 * |ρ| ≥ 1 − 10⁻⁹ are left out (they cannot belong to a positive definite completion anyway).
 *
 * <p>Cost: O(m log m) for the sort, near-linear union–find.
 */
final class TreeStart {
    private TreeStart() {}

    /**
     * @param a unit-diagonal values on Ω's entries
     * @param rowOf row of each entry
     * @return S on Ω's entries
     */
    static double[] of(Pattern omega, double[] a, int[] rowOf) {
        int n = omega.n(), m = omega.m();
        double[] s = new double[m];
        long[] keys = new long[m - n];
        int e = 0;
        for (int k = 0; k < m; k++) {
            if (rowOf[k] == omega.col(k) || !(Math.abs(a[k]) < 1 - 1e-9)) continue;
            // Sort by decreasing |ρ|: the high bits hold the complement of the float bits of |ρ| (monotone for ≥ 0).
            long bits = Float.floatToIntBits((float) Math.abs(a[k]));
            keys[e++] = ((0x7fffffffL - bits) << 32) | k;
        }
        Arrays.sort(keys, 0, e);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) s[omega.diagonalEntry(i)] = 1;
        for (int q = 0; q < e; q++) {
            int k = (int) keys[q];
            int i = rowOf[k], j = omega.col(k);
            int ri = find(parent, i), rj = find(parent, j);
            if (ri == rj) continue;
            parent[ri] = rj;
            double rho = a[k], den = 1 - rho * rho;
            s[k] = -rho / den;
            s[omega.diagonalEntry(i)] += rho * rho / den;
            s[omega.diagonalEntry(j)] += rho * rho / den;
        }
        return s;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
