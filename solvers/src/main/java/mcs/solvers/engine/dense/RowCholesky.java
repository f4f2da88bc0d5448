package mcs.solvers.engine.dense;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Blocked right-looking Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix held as
 * lower-triangular rows ({@code rows[i]} has length at least i + 1 and holds A_i0..A_ii), overwritten by L,
 * with the matching triangular solves.
 *
 * <p>Why rows: every inner loop is an update c[j] += Σ s_p·y_p[j] in which the output row c and the
 * operand rows y_p are indexed by the same expression j. HotSpot's C2 on Java 17 vectorises exactly that
 * shape (AVX2: four doubles per fused multiply–add) for up to four operand rows (with five or more the loop
 * body exceeds C2's default unrolling limit and stays scalar); with different offsets into one flat array it
 * falls back to scalar code, about 3× slower. The panel of width {@value #BLOCK} is held transposed, as rows
 * T_p[c] = L_{c, kb+p} indexed by the matrix row c:
 * <ul>
 *   <li>the diagonal block is factored row by row;
 *   <li>the rows below it are solved against it in that transposed form, {@value #PANEL} rows at a time:
 *       column by column, each step an update of whole T rows (T_q −= L_qp·T_p, four p at a time, then
 *       T_q ·= 1/L_qq), so the solve runs in the same vectorised loops as the trailing update instead of a
 *       scalar triangle per row; the solved values are then written back into the rows;
 *   <li>the trailing matrix is updated in bands of {@value #BAND} rows, tile by tile ({@value #TILE} columns),
 *       four panel columns at a time applied to {@value #CHUNK} rows: the tile of T (about 256 KB) stays in
 *       L2 while the band's rows pass over it, and the 4·{@value #TILE} doubles of T and the row pieces of
 *       the {@value #CHUNK} rows stay in L1.
 * </ul>
 * Every entry receives the same fused operations in the same order as in the plain row-by-row panel solve,
 * whatever the split into tasks, so the factor does not depend on the number of threads (nor on the block
 * sizes of the tasks). Cost n³/3 flops, memory n·{@value #BLOCK} doubles besides the matrix. Rates beside
 * OpenBLAS's {@code dpotrf}: {@code bench/cholesky-anchor.sh}, bench/RESULTS-ipm.md.
 */
public final class RowCholesky {
    static final int BLOCK = 128;
    static final int TILE = 256;
    /** Rows updated together, four panel columns at a time, in the trailing update. */
    private static final int CHUNK = 8;
    /** Rows per task of the trailing update (a multiple of {@link #CHUNK}). */
    private static final int BAND = 64;
    /** Rows per task of the panel solve (the length of its vectorised loops). */
    private static final int PANEL = 128;
    private static final int PARALLEL_MIN = 192;

    private RowCholesky() {}

    /**
     * Factors in place.
     *
     * @param rows lower-triangular rows of A (rows[i][j] = A_ij for j ≤ i); overwritten by L
     * @param threads 1 for sequential work, more to share rows among the common fork–join pool
     * @return false when a pivot is not positive (A is not numerically positive definite); rows are then
     *     partly overwritten
     */
    public static boolean factor(double[][] rows, int threads) {
        int n = rows.length;
        double[][] t = new double[Math.min(BLOCK, n)][n];
        // Reciprocals of the pivots: the panel solve multiplies (a division is ~13 cycles of latency per entry).
        double[] inv = new double[n];
        boolean par = threads > 1 && n >= PARALLEL_MIN;
        for (int kb = 0; kb < n; kb += BLOCK) {
            int ke = Math.min(kb + BLOCK, n);
            for (int i = kb; i < ke; i++) {
                double[] x = rows[i];
                solveRow(rows, inv, t, kb, i, i, i + 1);
                double d = x[i];
                if (!(d > 0)) return false;
                x[i] = Math.sqrt(d);
                inv[i] = 1 / x[i];
            }
            if (ke == n) break;
            final int fkb = kb, fke = ke;
            forEach((n - ke + PANEL - 1) / PANEL, par, c -> panel(rows, inv, t, fkb, fke, fke + c * PANEL, Math.min(fke + (c + 1) * PANEL, n)));
            // Largest bands (the longest rows, at the bottom) first, for balance.
            forEach((n - ke + BAND - 1) / BAND, par, c -> trailing(rows, t, fkb, fke, n - (c + 1) * BAND, n - c * BAND));
        }
        return true;
    }

    /**
     * Row i of the diagonal block kb..: solves x_q for kb ≤ q &lt; end (x_q −= Σ_{kb≤p&lt;q} x_p L_qp, then
     * x_q ·= 1/L_qq), records x_q in T_{q−kb}[i], and subtracts the solved part from x_q for end ≤ q &lt; hi (the
     * diagonal entry). Four columns at a time: a scalar 4×4 triangle, then one vectorised update of the rest
     * of the segment.
     */
    private static void solveRow(double[][] rows, double[] inv, double[][] t, int kb, int i, int end, int hi) {
        double[] x = rows[i];
        for (int g = kb; g < end; g += 4) {
            int ge = Math.min(g + 4, end);
            for (int q = g; q < ge; q++) {
                double[] lq = rows[q];
                double s = x[q];
                for (int p = g; p < q; p++) s = Math.fma(-x[p], lq[p], s);
                s *= inv[q];
                x[q] = s;
                t[q - kb][i] = s;
            }
            if (ge - g == 4) {
                update4(x, t[g - kb], t[g - kb + 1], t[g - kb + 2], t[g - kb + 3], ge, hi, -x[g], -x[g + 1], -x[g + 2], -x[g + 3]);
            } else {
                for (int p = g; p < ge; p++) update1(x, t[p - kb], ge, hi, -x[p]);
            }
        }
    }

    /**
     * Rows r0..r1−1 (below the diagonal block kb..ke−1) solved against it in the transposed panel: gathers
     * x_q = A_iq into T_{q−kb}[i], then column by column T_q ·= 1/L_qq after the updates T_q −= L_qp·T_p of the
     * earlier columns p, grouped by four as in {@link #solveRow} (the same products, fused in the same order, as
     * solving each row alone), and writes the solved values back into the rows.
     */
    private static void panel(double[][] rows, double[] inv, double[][] t, int kb, int ke, int r0, int r1) {
        int w = ke - kb;
        for (int i = r0; i < r1; i++) {
            double[] x = rows[i];
            for (int p = 0; p < w; p++) t[p][i] = x[kb + p];
        }
        for (int g = 0; g < w; g += 4) {
            int ge = Math.min(g + 4, w);
            for (int q = g; q < ge; q++) {
                double[] lq = rows[kb + q], tq = t[q];
                for (int p = g; p < q; p++) update1(tq, t[p], r0, r1, -lq[kb + p]);
                scale(tq, r0, r1, inv[kb + q]);
            }
            if (ge - g == 4) {
                double[] y0 = t[g], y1 = t[g + 1], y2 = t[g + 2], y3 = t[g + 3];
                for (int q = ge; q < w; q++) {
                    double[] lq = rows[kb + q];
                    update4(t[q], y0, y1, y2, y3, r0, r1, -lq[kb + g], -lq[kb + g + 1], -lq[kb + g + 2], -lq[kb + g + 3]);
                }
            } else {
                for (int q = ge; q < w; q++) for (int p = g; p < ge; p++) update1(t[q], t[p], r0, r1, -rows[kb + q][kb + p]);
            }
        }
        for (int i = r0; i < r1; i++) {
            double[] x = rows[i];
            for (int p = 0; p < w; p++) x[kb + p] = t[p][i];
        }
    }

    /**
     * Trailing update of rows max(ke, r0)..r1−1 by the panel kb..ke−1 (columns ke..i of row i), tile by tile of
     * columns, {@value #CHUNK} rows at a time.
     */
    private static void trailing(double[][] rows, double[][] t, int kb, int ke, int r0, int r1) {
        r0 = Math.max(r0, ke);
        for (int jt = ke; jt < r1; jt += TILE) {
            for (int i0 = Math.max(r0, jt); i0 < r1; i0 += CHUNK) tile(rows, t, kb, ke - kb, jt, i0, Math.min(i0 + CHUNK, r1));
        }
    }

    /**
     * Columns jt..min(jt + {@value #TILE}, i + 1)−1 of rows i0..i1−1 updated by the w panel columns from kb: four
     * panel columns at a time applied to every row (a kernel over more columns is not vectorised by C2 on Java 17).
     */
    private static void tile(double[][] rows, double[][] t, int kb, int w, int jt, int i0, int i1) {
        int p = 0;
        for (; p + 4 <= w; p += 4) {
            double[] y0 = t[p], y1 = t[p + 1], y2 = t[p + 2], y3 = t[p + 3];
            for (int i = i0; i < i1; i++) {
                double[] x = rows[i];
                int q = kb + p;
                update4(x, y0, y1, y2, y3, jt, Math.min(jt + TILE, i + 1), -x[q], -x[q + 1], -x[q + 2], -x[q + 3]);
            }
        }
        for (; p < w; p++) {
            for (int i = i0; i < i1; i++) update1(rows[i], t[p], jt, Math.min(jt + TILE, i + 1), -rows[i][kb + p]);
        }
    }

    /** c[j] ·= s for from ≤ j &lt; to. */
    static void scale(double[] c, int from, int to, double s) {
        for (int j = from; j < to; j++) c[j] *= s;
    }

    /** c[j] += s0·y0[j] + s1·y1[j] + s2·y2[j] + s3·y3[j] for from ≤ j &lt; to (fused, in that order). */
    static void update4(double[] c, double[] y0, double[] y1, double[] y2, double[] y3, int from, int to,
            double s0, double s1, double s2, double s3) {
        for (int j = from; j < to; j++) c[j] = Math.fma(s3, y3[j], Math.fma(s2, y2[j], Math.fma(s1, y1[j], Math.fma(s0, y0[j], c[j]))));
    }

    /** c[j] += s·y[j] for from ≤ j &lt; to (fused). */
    static void update1(double[] c, double[] y, int from, int to, double s) {
        for (int j = from; j < to; j++) c[j] = Math.fma(s, y[j], c[j]);
    }

    static void forEach(int count, boolean parallel, IntConsumer body) {
        if (parallel) IntStream.range(0, count).parallel().forEach(body);
        else for (int c = 0; c < count; c++) body.accept(c);
    }

    /** Solves L y = b in place (L from {@link #factor}). Cost n² flops. */
    public static void forward(double[][] l, double[] b) {
        int n = l.length;
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < i; k += 4) {
                s0 = Math.fma(li[k], b[k], s0);
                s1 = Math.fma(li[k + 1], b[k + 1], s1);
                s2 = Math.fma(li[k + 2], b[k + 2], s2);
                s3 = Math.fma(li[k + 3], b[k + 3], s3);
            }
            for (; k < i; k++) s0 = Math.fma(li[k], b[k], s0);
            b[i] = (b[i] - ((s0 + s1) + (s2 + s3))) / li[i];
        }
    }

    /** The columns of L as full-length rows: c[k][i] = L_ik for i ≥ k, 0 before (for {@link #forwardByColumns}). */
    public static double[][] columns(double[][] l) {
        int n = l.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            for (int k = 0; k <= i; k++) c[k][i] = li[k];
        }
        return c;
    }

    /**
     * Solves L y = b in place from the columns of L ({@link #columns}): each step a vectorised update of the
     * entries below, instead of {@link #forward}'s chain of dependent additions; worth the n² copy when many
     * systems share one factor.
     */
    public static void forwardByColumns(double[][] c, double[] b) {
        int n = c.length;
        for (int k = 0; k < n; k++) {
            double[] ck = c[k];
            double yk = b[k] / ck[k];
            b[k] = yk;
            update1(b, ck, k + 1, n, -yk);
        }
    }

    /** Solves Lᵀ x = b in place, column by column (each step a vectorised update of the leading entries). */
    public static void backward(double[][] l, double[] b) {
        for (int i = l.length - 1; i >= 0; i--) {
            double[] li = l[i];
            double xi = b[i] / li[i];
            b[i] = xi;
            update1(b, li, 0, i, -xi);
        }
    }

    /** Lower-triangular rows of the full row-major n×n matrix a (row i gets a_i0..a_ii). */
    public static double[][] rowsOf(double[] a, int n) {
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            r[i] = new double[i + 1];
            System.arraycopy(a, i * n, r[i], 0, i + 1);
        }
        return r;
    }
}
