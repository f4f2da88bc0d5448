package mcs.solvers.mc1.firstorder;

/**
 * All eigenpairs of a symmetric tridiagonal matrix (diagonal α, off-diagonal β) by the implicit QL
 * algorithm with Wilkinson shifts (the classical tql2 of EISPACK). O(k²) for the values, O(k³) with vectors.
 * {@code vectors[j][r]} is component j of the eigenvector of {@code values[r]}.
 */
final class Tridiagonal {
    final double[] values;
    final double[][] vectors;

    /** @param alpha diagonal (first k used); @param beta off-diagonal, beta[j] joins j and j+1 (first k − 1 used) */
    Tridiagonal(double[] alpha, double[] beta, int k) {
        double[] d = java.util.Arrays.copyOf(alpha, k);
        double[] e = new double[k];
        for (int j = 0; j + 1 < k; j++) e[j] = beta[j];
        double[][] z = new double[k][k];
        for (int j = 0; j < k; j++) z[j][j] = 1;
        for (int l = 0; l < k; l++) {
            int iter = 0;
            while (true) {
                int mm = l;
                for (; mm < k - 1; mm++) {
                    double dd = Math.abs(d[mm]) + Math.abs(d[mm + 1]);
                    if (Math.abs(e[mm]) <= 0x1p-52 * dd) break;
                }
                if (mm == l || iter++ > 60) break;
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[mm] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1, c = 1, p = 0;
                int i = mm - 1;
                for (; i >= l; i--) {
                    double f = s * e[i], b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[mm] = 0;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    for (int t = 0; t < k; t++) {
                        f = z[t][i + 1];
                        z[t][i + 1] = s * z[t][i] + c * f;
                        z[t][i] = c * z[t][i] - s * f;
                    }
                }
                if (r == 0 && i >= l) continue;
                d[l] -= p;
                e[l] = g;
                e[mm] = 0;
            }
        }
        values = d;
        vectors = z;
    }

    int smallestIndex() {
        int lo = 0;
        for (int r = 1; r < values.length; r++) if (values[r] < values[lo]) lo = r;
        return lo;
    }
}
