package mcs.solvers.ipm;

import java.util.stream.IntStream;

/**
 * Dense double kernels on flat row-major n×n arrays (full storage) for the interior-point method:
 * blocked Cholesky, inverse of a factor, products and triangular solves.
 *
 * <p>The Cholesky factor overwrites the lower triangle; the strict upper triangle is left as it was.
 * Block columns of width {@value #BLOCK}: the diagonal block and the rows below it are solved row by
 * row (contiguous access), copied into a packed panel, and the trailing matrix is updated by 2×4 tiles
 * of dot products with fused multiply–adds, 8 accumulators held in registers (Java 17 does not
 * vectorise the reductions, so register tiling is what keeps the loads per flop low), sweeping the
 * panel in column blocks that stay in L2. Rows and tiles
 * are shared between threads when {@code threads > 1}; every entry is computed by the same sequence of
 * operations whatever the split, so the results do not depend on the number of threads. Cost n³/3 flops.
 */
final class Dense {
    private static final int BLOCK = 96;
    private static final int PARALLEL_MIN = 256;
    /** Rows of the trailing matrix per task (a multiple of 4). */
    private static final int CHUNK = 32;
    /** Panel rows per column block of the trailing update (a multiple of 4): 128·BLOCK doubles ≈ 96 KiB. */
    private static final int COLUMNS = 128;
    /** k and j block sizes of the dense products: a 64×128 block of the right factor is 64 KiB. */
    private static final int PRODUCT_K = 128;
    private static final int PRODUCT_J = 64;

    private Dense() {}

    /**
     * In-place Cholesky A = LLᵀ of the lower triangle of {@code a} (n×n, row-major).
     *
     * @return false when a pivot is not positive (the matrix is not numerically positive definite)
     */
    static boolean cholesky(double[] a, int n, int threads) {
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

    /** Solves L x = b in place (L lower triangular from {@link #cholesky}). */
    static void forward(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) b[i] = (b[i] - dot(l, i * n, b, 0, i)) / l[i * n + i];
    }

    /** out = A·in for a full n×n matrix A (row-major). */
    static void multiply(double[] a, int n, double[] in, double[] out) {
        for (int i = 0; i < n; i++) out[i] = dot(a, i * n, in, 0, n);
    }

    /** Σ_{k &lt; len} a[off + k]·b[bOff + k], in four interleaved partial sums (independent chains keep the FMA units busy). */
    private static double dot(double[] a, int off, double[] b, int bOff, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 = Math.fma(a[off + k], b[bOff + k], s0);
            s1 = Math.fma(a[off + k + 1], b[bOff + k + 1], s1);
            s2 = Math.fma(a[off + k + 2], b[bOff + k + 2], s2);
            s3 = Math.fma(a[off + k + 3], b[bOff + k + 3], s3);
        }
        for (; k < len; k++) s0 = Math.fma(a[off + k], b[bOff + k], s0);
        return (s0 + s1) + (s2 + s3);
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

    /** (LLᵀ)⁻¹ as a full symmetric matrix, from the factor L: cost about 2n³/3 flops. */
    static double[] inverseFromFactor(double[] l, int n, int threads) {
        // U = L⁻ᵀ stored by rows: row i of U holds column i of L⁻¹, i.e. entries k ≥ i (zeros before).
        double[] u = new double[n * n];
        boolean par = threads > 1 && n >= PARALLEL_MIN;
        forEach(n, par, c -> {
            // column c of L⁻¹: solve L x = e_c, x_k = 0 for k < c.
            int rc = c * n;
            u[rc + c] = 1.0 / l[c * n + c];
            for (int i = c + 1; i < n; i++) {
                int ri = i * n;
                u[rc + i] = -dot(l, ri + c, u, rc + c, i - c) / l[ri + i];
            }
        });
        // G = U·Uᵀ, lower triangle by 4×4 tiles; the rows of a chunk vanish before the chunk's first column.
        double[] g = new double[n * n];
        forEach((n + CHUNK - 1) / CHUNK, par, c -> {
            int rb = c * CHUNK, re = Math.min(rb + CHUNK, n);
            productChunk(u, u, n, g, rb, re, rb, true);
            for (int i = rb; i < re; i++) for (int j = 0; j < i; j++) g[j * n + i] = g[i * n + j];
        });
        return g;
    }

    /** C = A·B for full n×n matrices with B symmetric (C_ij = Σ_k A_ik B_jk): 2n³ flops. */
    static double[] timesSymmetric(double[] a, double[] b, int n, int threads) {
        double[] c = new double[n * n];
        forEach((n + CHUNK - 1) / CHUNK, threads > 1 && n >= PARALLEL_MIN / 2, t -> {
            int rb = t * CHUNK;
            productChunk(a, b, n, c, rb, Math.min(rb + CHUNK, n), 0, false);
        });
        return c;
    }

    /**
     * c_ij += Σ_{k ≥ k0} x_ik·y_jk for rows rb ≤ i &lt; re (rb a multiple of 4) and all j (j ≤ i when
     * {@code lower}), blocked over k and j so that the block of y being swept stays in L2.
     */
    private static void productChunk(double[] x, double[] y, int n, double[] c, int rb, int re, int k0, boolean lower) {
        double[] s = new double[16];
        for (int kb = k0; kb < n; kb += PRODUCT_K) {
            int ke = Math.min(kb + PRODUCT_K, n);
            int jEnd = lower ? re : n;
            for (int jb = 0; jb < jEnd; jb += PRODUCT_J) {
                int je = Math.min(jb + PRODUCT_J, jEnd);
                for (int i0 = rb; i0 < re; i0 += 4) {
                    int i1 = Math.min(i0 + 4, re);
                    int jStop = lower ? Math.min(je, i1) : je;
                    for (int j0 = jb; j0 < jStop; j0 += 4) {
                        int j1 = Math.min(j0 + 4, jStop);
                        dotTile(x, i0, i1, y, j0, j1, n, kb, ke, s);
                        for (int i = i0; i < i1; i++) {
                            int ri = i * n;
                            for (int j = j0, jm = lower ? Math.min(j1 - 1, i) : j1 - 1; j <= jm; j++) c[ri + j] += s[4 * (i - i0) + j - j0];
                        }
                    }
                }
            }
        }
    }

    /** s[o..o+3] = Σ_k x[p0+k]·y[q·+k] and s[o+4..o+7] likewise for p1 (k0 ≤ k &lt; k1): the 2×4 kernel of {@link #syrkPair}. */
    private static void dotPair(double[] x, int p0, int p1, double[] y, int q0, int q1, int q2, int q3, int k0, int k1, double[] s, int o) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int k = k0; k < k1; k++) {
            double y0 = y[q0 + k], y1 = y[q1 + k], y2 = y[q2 + k], y3 = y[q3 + k];
            double x0 = x[p0 + k];
            s00 = Math.fma(x0, y0, s00); s01 = Math.fma(x0, y1, s01); s02 = Math.fma(x0, y2, s02); s03 = Math.fma(x0, y3, s03);
            double x1 = x[p1 + k];
            s10 = Math.fma(x1, y0, s10); s11 = Math.fma(x1, y1, s11); s12 = Math.fma(x1, y2, s12); s13 = Math.fma(x1, y3, s13);
        }
        s[o] = s00; s[o + 1] = s01; s[o + 2] = s02; s[o + 3] = s03;
        s[o + 4] = s10; s[o + 5] = s11; s[o + 6] = s12; s[o + 7] = s13;
    }

    /**
     * s[4(i−i0) + (j−j0)] = Σ_{k0 ≤ k < k1} x[i][k]·y[j][k] for rows i0..i1−1 of x and j0..j1−1 of y (at most
     * four each; row stride n). A full 4×4 tile is computed as two 2×4 register tiles.
     */
    private static void dotTile(double[] x, int i0, int i1, double[] y, int j0, int j1, int n, int k0, int k1, double[] s) {
        if (i1 - i0 == 4 && j1 - j0 == 4) {
            int q0 = j0 * n, q1 = q0 + n, q2 = q1 + n, q3 = q2 + n;
            dotPair(x, i0 * n, (i0 + 1) * n, y, q0, q1, q2, q3, k0, k1, s, 0);
            dotPair(x, (i0 + 2) * n, (i0 + 3) * n, y, q0, q1, q2, q3, k0, k1, s, 8);
            return;
        }
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                double v = 0;
                for (int k = k0; k < k1; k++) v = Math.fma(x[i * n + k], y[j * n + k], v);
                s[4 * (i - i0) + j - j0] = v;
            }
        }
    }
}
