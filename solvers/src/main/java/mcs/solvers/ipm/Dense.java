package mcs.solvers.ipm;

import java.util.stream.IntStream;

/**
 * Dense double kernels on flat row-major n×n arrays (full storage) for the interior-point method:
 * blocked right-looking Cholesky, inverse of a factor, products and triangular solves.
 *
 * <p>The Cholesky factor overwrites the lower triangle; the strict upper triangle is left as it was.
 * The trailing update of each block column is a sum of four axpy streams per row, which the JIT turns
 * into vector instructions; rows are shared between threads when {@code threads > 1}. Cost n³/3 flops.
 */
final class Dense {
    private static final int BLOCK = 64;
    private static final int PARALLEL_MIN = 256;

    private Dense() {}

    /**
     * In-place Cholesky A = LLᵀ of the lower triangle of {@code a} (n×n, row-major).
     *
     * @return false when a pivot is not positive (the matrix is not numerically positive definite)
     */
    static boolean cholesky(double[] a, int n, int threads) {
        double[] panel = new double[BLOCK * n];
        for (int kb = 0; kb < n; kb += BLOCK) {
            int ke = Math.min(kb + BLOCK, n);
            for (int j = kb; j < ke; j++) {
                int rj = j * n;
                double d = a[rj + j];
                for (int p = kb; p < j; p++) d -= a[rj + p] * a[rj + p];
                if (!(d > 0)) return false;
                double ljj = Math.sqrt(d);
                a[rj + j] = ljj;
                double inv = 1.0 / ljj;
                for (int i = j + 1; i < n; i++) {
                    int ri = i * n;
                    double s = a[ri + j];
                    for (int p = kb; p < j; p++) s -= a[ri + p] * a[rj + p];
                    a[ri + j] = s * inv;
                }
            }
            if (ke == n) break;
            int w = ke - kb;
            for (int p = 0; p < w; p++) {
                int off = p * n;
                for (int j = ke; j < n; j++) panel[off + j] = a[j * n + kb + p];
            }
            final int fkb = kb, fke = ke;
            // Rows in pairs share every panel load (two rows × four panel columns per pass).
            int pairs = (n - ke + 1) / 2;
            if (threads > 1 && n - ke >= PARALLEL_MIN) {
                IntStream.range(0, pairs).parallel().forEach(t -> updatePair(a, n, panel, fkb, fke, ke + 2 * t));
            } else {
                for (int t = 0; t < pairs; t++) updatePair(a, n, panel, fkb, fke, ke + 2 * t);
            }
        }
        return true;
    }

    /** Trailing update of rows i and i+1 (when i+1 &lt; n) by the panel kb..ke−1. */
    private static void updatePair(double[] a, int n, double[] panel, int kb, int ke, int i) {
        if (i + 1 >= n) {
            updateRow(a, n, panel, kb, ke, i);
            return;
        }
        int ri = i * n, rs = ri + n;
        int w = ke - kb;
        int p = 0;
        for (; p + 3 < w; p += 4) {
            double l0 = a[ri + kb + p], l1 = a[ri + kb + p + 1], l2 = a[ri + kb + p + 2], l3 = a[ri + kb + p + 3];
            double m0 = a[rs + kb + p], m1 = a[rs + kb + p + 1], m2 = a[rs + kb + p + 2], m3 = a[rs + kb + p + 3];
            int o0 = p * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
            for (int j = ke; j <= i; j++) {
                double p0 = panel[o0 + j], p1 = panel[o1 + j], p2 = panel[o2 + j], p3 = panel[o3 + j];
                a[ri + j] -= l0 * p0 + l1 * p1 + l2 * p2 + l3 * p3;
                a[rs + j] -= m0 * p0 + m1 * p1 + m2 * p2 + m3 * p3;
            }
            int j = i + 1;
            a[rs + j] -= m0 * panel[o0 + j] + m1 * panel[o1 + j] + m2 * panel[o2 + j] + m3 * panel[o3 + j];
        }
        for (; p < w; p++) {
            double l0 = a[ri + kb + p], m0 = a[rs + kb + p];
            int o0 = p * n;
            for (int j = ke; j <= i; j++) {
                a[ri + j] -= l0 * panel[o0 + j];
                a[rs + j] -= m0 * panel[o0 + j];
            }
            a[rs + i + 1] -= m0 * panel[o0 + i + 1];
        }
    }

    private static void updateRow(double[] a, int n, double[] panel, int kb, int ke, int i) {
        int ri = i * n;
        int w = ke - kb;
        int p = 0;
        for (; p + 3 < w; p += 4) {
            double l0 = a[ri + kb + p], l1 = a[ri + kb + p + 1], l2 = a[ri + kb + p + 2], l3 = a[ri + kb + p + 3];
            int o0 = p * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
            for (int j = ke; j <= i; j++) {
                a[ri + j] -= l0 * panel[o0 + j] + l1 * panel[o1 + j] + l2 * panel[o2 + j] + l3 * panel[o3 + j];
            }
        }
        for (; p < w; p++) {
            double l0 = a[ri + kb + p];
            int o0 = p * n;
            for (int j = ke; j <= i; j++) a[ri + j] -= l0 * panel[o0 + j];
        }
    }

    /** Solves L x = b in place (L lower triangular from {@link #cholesky}). */
    static void forward(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[ri + k] * b[k];
            b[i] = s / l[ri + i];
        }
    }

    /** Solves Lᵀ x = b in place. */
    static void backward(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double xi = b[i] / l[ri + i];
            b[i] = xi;
            for (int k = 0; k < i; k++) b[k] -= l[ri + k] * xi;
        }
    }

    /** (LLᵀ)⁻¹ as a full symmetric matrix, from the factor L: cost about n³/2 flops. */
    static double[] inverseFromFactor(double[] l, int n, int threads) {
        // U = L⁻ᵀ stored by rows: row i of U holds column i of L⁻¹, i.e. entries k ≥ i.
        double[] u = new double[n * n];
        IntStream cols = IntStream.range(0, n);
        if (threads > 1 && n >= PARALLEL_MIN) cols = cols.parallel();
        cols.forEach(c -> {
            // column c of L⁻¹: solve L x = e_c, x_k = 0 for k < c.
            int rc = c * n;
            u[rc + c] = 1.0 / l[c * n + c];
            for (int i = c + 1; i < n; i++) {
                int ri = i * n;
                double s = 0;
                for (int k = c; k < i; k++) s -= l[ri + k] * u[rc + k];
                u[rc + i] = s / l[ri + i];
            }
        });
        double[] g = new double[n * n];
        IntStream rows = IntStream.range(0, n);
        if (threads > 1 && n >= PARALLEL_MIN) rows = rows.parallel();
        rows.forEach(i -> {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = 0;
                for (int k = i; k < n; k++) s += u[ri + k] * u[rj + k];
                g[ri + j] = s;
                g[rj + i] = s;
            }
        });
        return g;
    }

    /** C = A·B for full n×n matrices. */
    static double[] multiply(double[] a, double[] b, int n, int threads) {
        double[] c = new double[n * n];
        IntStream rows = IntStream.range(0, n);
        if (threads > 1 && n >= PARALLEL_MIN / 2) rows = rows.parallel();
        rows.forEach(i -> {
            int ri = i * n;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                double a0 = a[ri + k], a1 = a[ri + k + 1], a2 = a[ri + k + 2], a3 = a[ri + k + 3];
                int o0 = k * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
                for (int j = 0; j < n; j++) c[ri + j] += a0 * b[o0 + j] + a1 * b[o1 + j] + a2 * b[o2 + j] + a3 * b[o3 + j];
            }
            for (; k < n; k++) {
                double a0 = a[ri + k];
                int o0 = k * n;
                for (int j = 0; j < n; j++) c[ri + j] += a0 * b[o0 + j];
            }
        });
        return c;
    }
}
