package mcs.solvers.engine.lowrank;

import mcs.problems.matrix.Pattern;

/**
 * The off-diagonal entries of Ω as flat arrays (row, column, target value) in an order that keeps the random
 * accesses of a Burer–Monteiro pass inside the cache: edges are grouped by the <i>column block</i> of their
 * column j, a block being {@link #rowsPerBlock} consecutive rows whose factor and gradient rows take
 * {@link #blockBytes} bytes; inside a group edges are sorted by row i, then j. A pass over one group reads
 * and writes rows i in increasing order (a stream the hardware prefetcher follows) and touches rows j only
 * inside one block, which stays in the L2/L3 cache. Without this the pass is bound by memory latency: on a
 * random pattern with n = 10^5, m = 10^6, r = 20 (F and ∇ 16 MB each) one evaluation took 235 ms of CPU in
 * pattern order against 101 ms in 16 column blocks of 2 MB (32 blocks of 1 MB: 126 ms, 8 of 4 MB: 136 ms, 64: 205 ms,
 * the rows i being streamed once per block).
 *
 * <p>Why the block grows with n: a pass streams the rows i once per column block, and a group of a block holds
 * about m/blocks pairs spread over all n rows. With fixed 2 MB blocks at n = 10^6 (160 blocks, r = 21) a group
 * touches one row i in fifteen, 2.5 KB apart: the stream is no longer one the prefetcher follows, and every row i
 * costs a miss to memory. Larger blocks make the stream denser but let the rows j fall out of the cache; the
 * balance moves like the square root of the arrays' size. One evaluation on 2 threads (4 parts), random-sparse
 * degree 20, r = 21, block sizes alternated in one JVM (2026-12-07, load 2–3; best of 6, ms):
 * n = 10^5: 1 MB 75, 2 MB 80, 4 MB 87, 8 MB 106; n = 3·10^5: 2 MB 345, 4 MB 310, 8 MB 395;
 * n = 5·10^5: 2 MB 375, 4 MB 309, 6 MB 237, 8 MB 237; n = 10^6: 2 MB 973, 4 MB 831, 6 MB 759, 8 MB 693, 16 MB 1 031
 * (n = 2·10^5 is flat from 2 to 6 MB). {@link #blockBytes} is √(bytes of F and ∇ · {@value #SQRT_SCALE}), between
 * {@value #MIN_BLOCK_BYTES} and {@value #MAX_BLOCK_BYTES} bytes (a quarter of this machine kind's 32 MB L3).
 *
 * <p>Two shapes, both holding each unordered pair once (i &gt; j): {@link #lower}, groups in increasing column
 * block, for one thread; {@link #tiles}, cut further by pairs of row parts into tiles scheduled in rounds whose
 * tiles write disjoint gradient rows, for several threads.
 * Memory: 16 bytes per stored edge. Construction: one counting sort, O(n + m + blocks).
 */
final class BlockedEdges {
    /** Bounds and scale of the bytes of factor plus gradient rows in one column block (see the class comment). */
    static final int MIN_BLOCK_BYTES = 1 << 20, MAX_BLOCK_BYTES = 8 << 20, SQRT_SCALE = 160 << 10;

    final int[] row;
    final int[] col;
    final double[] value;
    /** Edges of tile t are [tileStart[t], tileStart[t+1]); the lower shape is one tile. */
    final int[] tileStart;
    /** Tiles of round k are [roundStart[k], roundStart[k+1]); the lower shape is one round. */
    final int[] roundStart;

    private BlockedEdges(int[] row, int[] col, double[] value, int[] tileStart, int[] roundStart) {
        this.row = row;
        this.col = col;
        this.value = value;
        this.tileStart = tileStart;
        this.roundStart = roundStart;
    }

    /** Bytes of factor plus gradient rows in one column block for n rows of rank r: √(16·r·n · SQRT_SCALE), clamped. */
    static long blockBytes(int n, int r) {
        double bytes = 16.0 * Math.max(1, r) * Math.max(1, n);
        return Math.max(MIN_BLOCK_BYTES, Math.min(MAX_BLOCK_BYTES, (long) Math.sqrt(bytes * SQRT_SCALE)));
    }

    /** Rows per column block for n rows of rank r: {@link #blockBytes} / (16·r), at least 1. */
    static int rowsPerBlock(int n, int r) {
        return rowsPer(blockBytes(n, r), r);
    }

    /** Rows whose factor and gradient rows of rank r take about {@code bytes}: bytes / (16·r), at least 1. */
    static int rowsPer(long bytes, int r) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / (16L * Math.max(1, r))));
    }

    int size() {
        return row.length;
    }

    /** Each off-diagonal pair of Ω once as (i, j), i &gt; j, with value a_ij, grouped by the column block of j. */
    static BlockedEdges lower(FitTarget target, int per) {
        Pattern p = target.omega;
        int n = p.n();
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
        return new BlockedEdges(row, col, value, new int[] {0, size}, new int[] {0, 1});
    }

    /**
     * Each off-diagonal pair of Ω once, (i, j) with i &gt; j, split into tiles by the row parts of {@code rows}: tile
     * (a, b), a ≥ b, holds the pairs with i in part a and j in part b. Tiles come in rounds of a round-robin
     * schedule: round 0 holds the diagonal tiles (a, a), each later round one tile (a, b) per pair of a perfect
     * matching of the parts (the circle method), so the tiles of one round touch disjoint sets of rows and can
     * run in parallel without conflicts. Inside a tile edges are grouped by column block, then sorted by i, then j.
     * An odd part count gets one more, empty, part in the schedule only.
     */
    static BlockedEdges tiles(FitTarget target, int per, RowBlocks rows) {
        Pattern p = target.omega;
        int n = p.n();
        int blocks = (n + per - 1) / per, parts = rows.count();
        int[] partOf = new int[n];
        for (int b = 0; b < parts; b++) {
            for (int i = rows.start(b); i < rows.start(b + 1); i++) partOf[i] = b;
        }
        int even = parts + (parts & 1);
        int[] tileOf = new int[parts * parts];
        int[] roundStartTile = new int[even + 1];
        int t = 0;
        for (int a = 0; a < parts; a++) tileOf[a * parts + a] = t++;
        roundStartTile[1] = t;
        for (int k = 0; k < even - 1; k++) {
            for (int q = 0; q < even / 2; q++) {
                int x = q == 0 ? even - 1 : Math.floorMod(k + q, even - 1);
                int y = q == 0 ? k : Math.floorMod(k - q, even - 1);
                if (x >= parts || y >= parts) continue;
                tileOf[Math.max(x, y) * parts + Math.min(x, y)] = t++;
            }
            roundStartTile[k + 2] = t;
        }
        int tiles = t;
        int[] count = new int[tiles * blocks + 1];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i) - 1; e++) {
                int j = p.col(e);
                count[tileOf[partOf[i] * parts + partOf[j]] * blocks + j / per + 1]++;
            }
        }
        for (int k = 0; k < tiles * blocks; k++) count[k + 1] += count[k];
        int[] tileStart = new int[tiles + 1];
        for (int k = 0; k <= tiles; k++) tileStart[k] = count[k * blocks];
        int size = count[tiles * blocks];
        int[] row = new int[size], col = new int[size];
        double[] value = new double[size];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i) - 1; e++) {
                int j = p.col(e), q = count[tileOf[partOf[i] * parts + partOf[j]] * blocks + j / per]++;
                row[q] = i;
                col[q] = j;
                value[q] = target.approx[e];
            }
        }
        return new BlockedEdges(row, col, value, tileStart, roundStartTile);
    }
}
