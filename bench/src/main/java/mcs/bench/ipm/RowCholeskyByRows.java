package mcs.bench.ipm;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * {@code mcs.solvers.engine.dense.RowCholesky} as of 9bd8325, kept unchanged (factor only) as the baseline of
 * {@link CholeskyRate}: the rows below each diagonal block solved one row at a time (a scalar 4×4 triangle per
 * four columns, then a vectorised update of at most {@value #BLOCK} entries), the trailing update in chunks of
 * {@value #CHUNK} rows that each sweep the whole panel. Its factor is bit for bit that of the current kernel.
 */
public final class RowCholeskyByRows {
    static final int BLOCK = 128;
    static final int TILE = 256;
    /** Rows per task of the panel solve and the trailing update. */
    private static final int CHUNK = 8;
    private static final int PARALLEL_MIN = 192;

    private RowCholeskyByRows() {}

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
            int chunks = (n - ke + CHUNK - 1) / CHUNK;
            forEach(chunks, par, c -> {
                for (int i = fke + c * CHUNK, e = Math.min(i + CHUNK, n); i < e; i++) solveRow(rows, inv, t, fkb, i, fke, fke);
            });
            // Largest chunks (the longest rows, at the bottom) first, for balance.
            forEach(chunks, par, c -> trailing(rows, t, fkb, fke, n - (c + 1) * CHUNK, n - c * CHUNK));
        }
        return true;
    }

    /**
     * Row i against the diagonal block kb..: solves x_q for kb ≤ q &lt; end (x_q −= Σ_{kb≤p&lt;q} x_p L_qp, then
     * x_q ·= 1/L_qq), records x_q in T_{q−kb}[i], and subtracts the solved part from x_q for end ≤ q &lt; hi (the
     * diagonal entry when row i is in the block). Four columns at a time: a scalar 4×4 triangle, then one
     * vectorised update of the rest of the segment.
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
     * Trailing update of rows max(ke, r0)..r1−1 by the panel kb..ke−1 (columns ke..i of row i): per tile of
     * columns, four panel columns at a time applied to every row of the chunk (a kernel over more columns
     * is not vectorised by C2 on Java 17).
     */
    private static void trailing(double[][] rows, double[][] t, int kb, int ke, int r0, int r1) {
        r0 = Math.max(r0, ke);
        int w = ke - kb;
        for (int jt = ke; jt < r1; jt += TILE) {
            int iFrom = Math.max(r0, jt);
            int p = 0;
            for (; p + 4 <= w; p += 4) {
                double[] y0 = t[p], y1 = t[p + 1], y2 = t[p + 2], y3 = t[p + 3];
                for (int i = iFrom; i < r1; i++) {
                    double[] x = rows[i];
                    int q = kb + p;
                    update4(x, y0, y1, y2, y3, jt, Math.min(jt + TILE, i + 1), -x[q], -x[q + 1], -x[q + 2], -x[q + 3]);
                }
            }
            for (; p < w; p++) {
                for (int i = iFrom; i < r1; i++) update1(rows[i], t[p], jt, Math.min(jt + TILE, i + 1), -rows[i][kb + p]);
            }
        }
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
}
