package mcs.solvers.perm.estimate;

import java.util.Arrays;

/**
 * Minimum-cost perfect assignment (Hungarian algorithm with potentials, Kuhn–Munkres in the O(n³)
 * shortest-augmenting-path form). Used for the Frank–Wolfe gap of the Bethe free energy (a linear
 * function is minimised over the Birkhoff polytope at a permutation matrix) and to decide whether a
 * nonnegative matrix has a perfect matching in its support (perm > 0).
 */
final class Assignment {
    private Assignment() {}

    /**
     * A permutation σ minimising Σ_i cost[i][σ(i)].
     *
     * @param cost finite n×n costs
     * @return σ with σ[i] the column assigned to row i
     */
    static int[] minimise(double[][] cost) {
        int n = cost.length;
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] p = new int[n + 1], way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] sigma = new int[n];
        for (int j = 1; j <= n; j++) sigma[p[j] - 1] = j - 1;
        return sigma;
    }

    /** Whether the nonzero pattern of a contains a permutation (equivalently, perm(|a|) > 0). */
    static boolean hasPerfectMatching(double[][] a) {
        int n = a.length;
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cost[i][j] = a[i][j] != 0 ? 0 : 1;
        int[] s = minimise(cost);
        for (int i = 0; i < n; i++) if (a[i][s[i]] == 0) return false;
        return true;
    }
}
