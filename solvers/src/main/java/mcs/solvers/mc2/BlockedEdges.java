package mcs.solvers.mc2;

import mcs.problems.matrix.Pattern;

/**
 * The off-diagonal entries of Ω as flat arrays (row, column, target value) in an order that keeps the random
 * accesses of a Burer–Monteiro pass inside the cache: edges are grouped by the <i>column block</i> of their
 * column j, a block being {@link #rowsPerBlock} consecutive rows whose factor and gradient rows take about
 * {@value #BLOCK_BYTES} bytes; inside a group edges are sorted by row i, then j. A pass over one group reads
 * and writes rows i in increasing order (a stream the hardware prefetcher follows) and touches rows j only
 * inside one block, which stays in the L2/L3 cache. Without this the pass is bound by memory latency: on a
 * random pattern with n = 10^5, m = 10^6, r = 20 (F and ∇ 16 MB each) one evaluation took 235 ms of CPU in
 * pattern order against 100 ms in 16 column blocks (blocks of 1 MB / 4 MB per block were 10–25% slower, one block
 * of 32 MB was the 235 ms).
 *
 * <p>Two shapes: {@link #lower} holds each unordered pair once (i &gt; j), groups in increasing column block;
 * {@link #directed} holds each pair in both directions and groups by (row block of {@link RowBlocks}, column
 * block), so that every row block owns a contiguous run of groups and writes only its own gradient rows.
 * Memory: 16 bytes per stored edge. Construction: one counting sort, O(n + m + blocks).
 */
final class BlockedEdges {
    /** Target bytes of factor plus gradient rows in one column block. */
    static final int BLOCK_BYTES = 2 << 20;

    final int[] row;
    final int[] col;
    final double[] value;
    /** Edges of row block b (directed shape) are [partStart[b], partStart[b+1]); the lower shape has one part. */
    final int[] partStart;

    private BlockedEdges(int[] row, int[] col, double[] value, int[] partStart) {
        this.row = row;
        this.col = col;
        this.value = value;
        this.partStart = partStart;
    }

    /** Rows per column block for factor rank r: BLOCK_BYTES / (16·r), at least 1. */
    static int rowsPerBlock(int r) {
        return Math.max(1, BLOCK_BYTES / (16 * Math.max(1, r)));
    }

    int size() {
        return row.length;
    }

    /** Each off-diagonal pair of Ω once as (i, j), i &gt; j, with value a_ij, grouped by the column block of j. */
    static BlockedEdges lower(FitTarget target, int r) {
        Pattern p = target.omega;
        int n = p.n(), per = rowsPerBlock(r);
        int blocks = (n + per - 1) / per;
        int[] count = new int[blocks + 1];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i) - 1; e++) count[p.col(e) / per + 1]++;
        }
        for (int b = 0; b < blocks; b++) count[b + 1] += count[b];
        int size = count[blocks];
        int[] row = new int[size], col = new int[size];
        double[] value = new double[size];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i) - 1; e++) {
                int j = p.col(e), q = count[j / per]++;
                row[q] = i;
                col[q] = j;
                value[q] = target.approx[e];
            }
        }
        return new BlockedEdges(row, col, value, new int[] {0, size});
    }

    /**
     * Each off-diagonal pair of Ω twice, as (i, j) and (j, i), grouped first by the row block of i in
     * {@code rows}, then by the column block of j, then by i.
     */
    static BlockedEdges directed(FitTarget target, int r, RowBlocks rows) {
        Pattern p = target.omega;
        int n = p.n(), per = rowsPerBlock(r);
        int blocks = (n + per - 1) / per, parts = rows.count();
        int[] partOf = new int[n];
        for (int b = 0; b < parts; b++) {
            for (int i = rows.start(b); i < rows.start(b + 1); i++) partOf[i] = b;
        }
        int[][] adj = p.adjacency();
        int[] ptr = adj[0], nbr = adj[1], entry = adj[2];
        int groups = parts * blocks;
        int[] count = new int[groups + 1];
        for (int i = 0; i < n; i++) {
            for (int q = ptr[i]; q < ptr[i + 1]; q++) count[partOf[i] * blocks + nbr[q] / per + 1]++;
        }
        for (int k = 0; k < groups; k++) count[k + 1] += count[k];
        int[] partStart = new int[parts + 1];
        for (int b = 0; b <= parts; b++) partStart[b] = count[b * blocks];
        int size = count[groups];
        int[] row = new int[size], col = new int[size];
        double[] value = new double[size];
        for (int i = 0; i < n; i++) {
            // Neighbours of i come in increasing order, so each group ends up sorted by i, then j.
            for (int q = ptr[i]; q < ptr[i + 1]; q++) {
                int j = nbr[q], s = count[partOf[i] * blocks + j / per]++;
                row[s] = i;
                col[s] = j;
                value[s] = target.approx[entry[q]];
            }
        }
        return new BlockedEdges(row, col, value, partStart);
    }
}
