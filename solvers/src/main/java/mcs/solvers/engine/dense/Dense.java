package mcs.solvers.engine.dense;

/**
 * Dense double kernels on flat row-major n×n arrays (full storage) for the interior-point method:
 * Cholesky, inverse of a factor and products.
 *
 * <p>The O(n³) kernels copy their operands into row arrays and work by vectorised row updates
 * ({@link RowCholesky}: C2 on Java 17 vectorises a loop only when all its arrays share one index
 * expression); the O(n²) copies are cheap against the n³ flops. Rows and tiles are shared between threads
 * when {@code threads > 1}; every entry is computed by the same sequence of operations whatever the
 * split, so the results do not depend on the number of threads.
 */
public final class Dense {
    private static final int PARALLEL_MIN = 256;
    /** Rows per task of the products. */
    private static final int CHUNK = 16;
    /** Columns per tile of {@link #timesSymmetric}: four row pieces of B take 16 KiB. */
    private static final int PRODUCT_TILE = 512;
    /** Columns per task of the inverse of a triangular factor. */
    private static final int INVERSE_TILE = 64;

    private Dense() {}

    /**
     * In-place Cholesky A = LLᵀ of the lower triangle of {@code a} (n×n, row-major) by {@link RowCholesky}
     * on a copy in rows (n² copies, against n³/3 flops); the strict upper triangle is left as it was.
     *
     * @return false when a pivot is not positive (the matrix is not numerically positive definite)
     */
    public static boolean cholesky(double[] a, int n, int threads) {
        double[][] rows = RowCholesky.rowsOf(a, n);
        if (!RowCholesky.factor(rows, threads)) return false;
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, a, i * n, i + 1);
        return true;
    }

    /** The rows of a full row-major n×n matrix, each copied into its own array (for {@link #multiplySymmetric}). */
    public static double[][] rows(double[] a, int n) {
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) r[i] = java.util.Arrays.copyOfRange(a, i * n, i * n + n);
        return r;
    }

    /**
     * out = A·in for a symmetric A given by its rows: out = Σ_k in_k·A_k, four rows per vectorised update (a row
     * of dot products would be a chain of dependent additions). Cost n² flops.
     */
    public static void multiplySymmetric(double[][] a, double[] in, double[] out) {
        int n = a.length;
        java.util.Arrays.fill(out, 0, n, 0.0);
        int k = 0;
        for (; k + 4 <= n; k += 4) RowCholesky.update4(out, a[k], a[k + 1], a[k + 2], a[k + 3], 0, n, in[k], in[k + 1], in[k + 2], in[k + 3]);
        for (; k < n; k++) RowCholesky.update1(out, a[k], 0, n, in[k]);
    }

    /**
     * (LLᵀ)⁻¹ as a full symmetric matrix, from the factor L: M = L⁻¹ row by row (M_i = (e_i − Σ_{k&lt;i} L_ik M_k)
     * / L_ii, shared between threads by tiles of columns), then the lower triangle of MᵀM row by row
     * (G_i = Σ_{k≥i} M_ki M_k). Every update is a vectorised row operation ({@link RowCholesky#update4}).
     * Cost 2n³/3 flops, memory 2n² doubles besides the result.
     */
    public static double[] inverseFromFactor(double[] l, int n, int threads) {
        double[][] lr = RowCholesky.rowsOf(l, n);
        // Full-length rows, zero right of the diagonal, so that every row update can run to the tile's end.
        double[][] mr = new double[n][n];
        boolean par = threads > 1 && n >= PARALLEL_MIN;
        RowCholesky.forEach((n + INVERSE_TILE - 1) / INVERSE_TILE, par, t -> {
            int j0 = t * INVERSE_TILE, j1 = Math.min(j0 + INVERSE_TILE, n);
            for (int i = j0; i < n; i++) {
                double[] mi = mr[i], li = lr[i];
                int hi = Math.min(j1, i + 1);
                if (i < j1) mi[i] = 1.0;
                int k = j0;
                for (; k + 4 <= i; k += 4) RowCholesky.update4(mi, mr[k], mr[k + 1], mr[k + 2], mr[k + 3], j0, hi, -li[k], -li[k + 1], -li[k + 2], -li[k + 3]);
                for (; k < i; k++) RowCholesky.update1(mi, mr[k], j0, hi, -li[k]);
                double d = li[i];
                for (int j = j0; j < hi; j++) mi[j] /= d;
            }
        });
        double[] g = new double[n * n];
        RowCholesky.forEach((n + CHUNK - 1) / CHUNK, par, c -> {
            double[] gi = new double[n];
            for (int i = c * CHUNK, e = Math.min(i + CHUNK, n); i < e; i++) {
                java.util.Arrays.fill(gi, 0, i + 1, 0.0);
                int k = i;
                for (; k + 4 <= n; k += 4) RowCholesky.update4(gi, mr[k], mr[k + 1], mr[k + 2], mr[k + 3], 0, i + 1, mr[k][i], mr[k + 1][i], mr[k + 2][i], mr[k + 3][i]);
                for (; k < n; k++) RowCholesky.update1(gi, mr[k], 0, i + 1, mr[k][i]);
                System.arraycopy(gi, 0, g, i * n, i + 1);
                for (int j = 0; j < i; j++) g[j * n + i] = gi[j];
            }
        });
        return g;
    }

    /**
     * C = A·B for full n×n matrices with B symmetric: row i of C is Σ_k A_ik·(row k of B), accumulated four
     * rows of B at a time over tiles of {@value #PRODUCT_TILE} columns (the four row pieces stay in L1 while a
     * chunk of rows of C is updated). 2n³ flops.
     */
    public static double[] timesSymmetric(double[] a, double[] b, int n, int threads) {
        double[][] br = new double[n][];
        for (int k = 0; k < n; k++) br[k] = java.util.Arrays.copyOfRange(b, k * n, k * n + n);
        double[] c = new double[n * n];
        RowCholesky.forEach((n + CHUNK - 1) / CHUNK, threads > 1 && n >= PARALLEL_MIN / 2, t -> {
            int r0 = t * CHUNK, r1 = Math.min(r0 + CHUNK, n);
            double[][] acc = new double[r1 - r0][n];
            for (int j0 = 0; j0 < n; j0 += PRODUCT_TILE) {
                int j1 = Math.min(j0 + PRODUCT_TILE, n);
                int k = 0;
                for (; k + 4 <= n; k += 4) {
                    double[] y0 = br[k], y1 = br[k + 1], y2 = br[k + 2], y3 = br[k + 3];
                    for (int i = r0; i < r1; i++) {
                        int ri = i * n + k;
                        RowCholesky.update4(acc[i - r0], y0, y1, y2, y3, j0, j1, a[ri], a[ri + 1], a[ri + 2], a[ri + 3]);
                    }
                }
                for (; k < n; k++) for (int i = r0; i < r1; i++) RowCholesky.update1(acc[i - r0], br[k], j0, j1, a[i * n + k]);
            }
            for (int i = r0; i < r1; i++) System.arraycopy(acc[i - r0], 0, c, i * n, n);
        });
        return c;
    }
}
