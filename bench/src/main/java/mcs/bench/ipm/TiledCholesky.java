package mcs.bench.ipm;

import java.util.stream.IntStream;

/**
 * The dense Cholesky of {@code mcs.solvers.mc1.ipm} before the row-oriented kernel ({@code mcs.solvers.engine.dense.RowCholesky}), kept
 * unchanged as the baseline of {@link CholeskyBench}: flat row-major n×n storage, block columns of width
 * {@value #BLOCK}, a packed panel, and a trailing update by 2×4 register tiles of scalar fused
 * multiply–adds (dot products, which C2 on Java 17 does not vectorise). Cost n³/3 flops.
 */
public final class TiledCholesky {
    private static final int BLOCK = 96;
    private static final int PARALLEL_MIN = 256;
    private static final int CHUNK = 32;
    private static final int COLUMNS = 128;

    private TiledCholesky() {}

    /**
     * In-place Cholesky A = LLᵀ of the lower triangle of {@code a} (n×n, row-major).
     *
     * @return false when a pivot is not positive (the matrix is not numerically positive definite)
     */
    public static boolean cholesky(double[] a, int n, int threads) {
        double[] pk = new double[Math.max(0, n - BLOCK) * BLOCK];
        for (int kb = 0; kb < n; kb += BLOCK) {
            int ke = Math.min(kb + BLOCK, n);
            for (int i = kb; i < ke; i++) {
                int ri = i * n;
                for (int j = kb; j <= i; j++) {
                    int rj = j * n;
                    double s = a[ri + j];
                    for (int p = kb; p < j; p++) s -= a[ri + p] * a[rj + p];
                    if (j < i) {
                        a[ri + j] = s / a[rj + j];
                    } else {
                        if (!(s > 0)) return false;
                        a[ri + j] = Math.sqrt(s);
                    }
                }
            }
            if (ke == n) break;
            int rows = n - ke, w = ke - kb;
            final int fkb = kb;
            boolean par = threads > 1 && rows >= PARALLEL_MIN;
            forEach((rows + 15) / 16, par, c -> {
                int r = 16 * c, re = Math.min(r + 16, rows);
                for (; r + 4 <= re; r += 4) solveRows4(a, n, pk, fkb, ke, r);
                for (; r < re; r++) solveRow(a, n, pk, fkb, ke, r);
            });
            forEach((rows + CHUNK - 1) / CHUNK, par, c -> {
                int rb = c * CHUNK, re = Math.min(rb + CHUNK, rows);
                // Column blocks of the panel small enough to stay in L2 while the chunk's rows sweep them.
                for (int cb = 0; cb < rb; cb += COLUMNS) {
                    int ce = Math.min(cb + COLUMNS, rb);
                    for (int r0 = rb; r0 < re; r0 += 4) syrkTiles(a, n, pk, ke, w, rows, r0, cb, ce);
                }
                for (int r0 = rb; r0 < re; r0 += 4) syrkTiles(a, n, pk, ke, w, rows, r0, rb, r0 + 4);
            });
        }
        return true;
    }

    private static void forEach(int count, boolean parallel, java.util.function.IntConsumer body) {
        if (parallel) IntStream.range(0, count).parallel().forEach(body);
        else for (int t = 0; t < count; t++) body.accept(t);
    }

    /** Row ke+r of the panel: solves it against the diagonal block kb..ke−1 and copies it into the packed panel. */
    private static void solveRow(double[] a, int n, double[] pk, int kb, int ke, int r) {
        int ri = (ke + r) * n, pr = r * (ke - kb) - kb;
        for (int j = kb; j < ke; j++) {
            int rj = j * n;
            double s = a[ri + j];
            for (int p = kb; p < j; p++) s -= a[ri + p] * a[rj + p];
            double v = s / a[rj + j];
            a[ri + j] = v;
            pk[pr + j] = v;
        }
    }

    /**
     * a[ax..ax+3] −= Σ_p x_p·y_p and a[bx..bx+3] likewise for the two panel rows at p0, p1 against the four at
     * q0..q3. Two rows by four columns: eight accumulators and five operands fit the sixteen vector registers of
     * AVX2 (a 4×4 tile spills and runs about 1.5× slower on Java 17).
     */
    private static void syrkPair(double[] a, int ax, int bx, double[] pk, int p0, int p1, int q0, int q1, int q2, int q3, int w) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int p = 0; p < w; p++) {
            double y0 = pk[q0 + p], y1 = pk[q1 + p], y2 = pk[q2 + p], y3 = pk[q3 + p];
            double x0 = pk[p0 + p];
            s00 = Math.fma(x0, y0, s00); s01 = Math.fma(x0, y1, s01); s02 = Math.fma(x0, y2, s02); s03 = Math.fma(x0, y3, s03);
            double x1 = pk[p1 + p];
            s10 = Math.fma(x1, y0, s10); s11 = Math.fma(x1, y1, s11); s12 = Math.fma(x1, y2, s12); s13 = Math.fma(x1, y3, s13);
        }
        a[ax] -= s00; a[ax + 1] -= s01; a[ax + 2] -= s02; a[ax + 3] -= s03;
        a[bx] -= s10; a[bx + 1] -= s11; a[bx + 2] -= s12; a[bx + 3] -= s13;
    }

    /** {@link #solveRow} for rows ke+r..ke+r+3 at once: four independent chains share the loads of the block rows. */
    private static void solveRows4(double[] a, int n, double[] pk, int kb, int ke, int r) {
        int w = ke - kb;
        int r0 = (ke + r) * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        int k0 = r * w - kb, k1 = k0 + w, k2 = k1 + w, k3 = k2 + w;
        for (int j = kb; j < ke; j++) {
            int rj = j * n;
            double s0 = a[r0 + j], s1 = a[r1 + j], s2 = a[r2 + j], s3 = a[r3 + j];
            for (int p = kb; p < j; p++) {
                double l = a[rj + p];
                s0 -= a[r0 + p] * l;
                s1 -= a[r1 + p] * l;
                s2 -= a[r2 + p] * l;
                s3 -= a[r3 + p] * l;
            }
            double d = a[rj + j];
            double v0 = s0 / d, v1 = s1 / d, v2 = s2 / d, v3 = s3 / d;
            a[r0 + j] = v0;
            a[r1 + j] = v1;
            a[r2 + j] = v2;
            a[r3 + j] = v3;
            pk[k0 + j] = v0;
            pk[k1 + j] = v1;
            pk[k2 + j] = v2;
            pk[k3 + j] = v3;
        }
    }

    /**
     * Trailing update of rows ke+r0..ke+r0+3 in columns ke+cFrom..ke+cTo−1 (cFrom a multiple of 4; lower
     * triangle only): a_ij −= Σ_p pk[i][p]·pk[j][p], with the packed panel pk holding row r at offset r·w.
     */
    private static void syrkTiles(double[] a, int n, double[] pk, int ke, int w, int rows, int r0, int cFrom, int cTo) {
        int rEnd = Math.min(r0 + 4, rows);
        int c0 = cFrom;
        if (rEnd - r0 == 4) {
            int p0 = r0 * w, p1 = p0 + w, p2 = p1 + w, p3 = p2 + w;
            int a0 = (ke + r0) * n + ke, a1 = a0 + n, a2 = a1 + n, a3 = a2 + n;
            for (; c0 + 4 <= Math.min(cTo, r0 + 1); c0 += 4) {
                int q0 = c0 * w, q1 = q0 + w, q2 = q1 + w, q3 = q2 + w;
                syrkPair(a, a0 + c0, a1 + c0, pk, p0, p1, q0, q1, q2, q3, w);
                syrkPair(a, a2 + c0, a3 + c0, pk, p2, p3, q0, q1, q2, q3, w);
            }
        }
        for (int r = r0; r < rEnd; r++) {
            int pr = r * w, ar = (ke + r) * n + ke;
            for (int c = c0, ce = Math.min(cTo - 1, r); c <= ce; c++) {
                int pc = c * w;
                double s = 0;
                for (int p = 0; p < w; p++) s = Math.fma(pk[pr + p], pk[pc + p], s);
                a[ar + c] -= s;
            }
        }
    }

}
