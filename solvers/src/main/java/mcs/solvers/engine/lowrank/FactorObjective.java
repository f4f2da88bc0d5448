package mcs.solvers.engine.lowrank;

/**
 * The Burer–Monteiro objective f(F) = Σ_{(i,j)∈Ω constrained} w_ij ((FFᵀ)_ij + δ[i=j] − a_ij)², with w = 1 on
 * the diagonal and 2 off it, so that f is exactly ‖Δ‖_F² of the {@code factor} form (SPEC §2.1) for the
 * shift δ. F is n×r, row-major; the gradient is ∇_i = Σ_j 4·R_ij·F_j (+ 4·R_ii·F_i on a constrained diagonal)
 * with R = FFᵀ + δI − a on Ω.
 *
 * <p>One pass over the diagonal that initialises ∇, then each stored pair once, its residual added to both gradient
 * rows (3·m·r multiply-adds), over {@link BlockedEdges} (edges grouped by column block so that the rows F_j, ∇_j a
 * pass jumps to stay in cache):
 * <ul>
 *   <li>one block of rows ({@link RowBlocks#count()} = 1): all pairs in one sequence ({@link BlockedEdges#lower});
 *   <li>several row blocks (parts): the pairs in tiles of pairs of parts, run round by round; the tiles of a round
 *       write disjoint gradient rows, so they run in parallel without locks or private copies
 *       ({@link BlockedEdges#tiles}). Every gradient row is accumulated in the same order whatever the threads
 *       and the partial values are added in tile order, so the result is bit-identical for any number of threads
 *       (it depends on the part count only). One barrier per round: {@code parts} rounds for an even part count.
 * </ul>
 * Dots use four accumulators (no serial chain of r dependent additions). No allocation per evaluation;
 * construction O(n + m).
 */
public final class FactorObjective implements Lbfgs.Function {
    private final int n, r;
    private final double delta;
    private final boolean diagonal;
    private final double[] diagonalTarget;
    private final RowBlocks blocks;
    private final BlockedEdges edges;
    private long nanos;

    public FactorObjective(FitTarget target, int r, double delta, RowBlocks blocks) {
        this(target, r, delta, blocks, defaultBlockBytes(target.n(), r));
    }

    /**
     * The same with the bytes of factor plus gradient rows per column block given (the solver takes
     * {@link #defaultBlockBytes}; other sizes are for measurements, bench/bm-blocks.sh).
     */
    public FactorObjective(FitTarget target, int r, double delta, RowBlocks blocks, long blockBytes) {
        this.n = target.n();
        this.r = r;
        this.delta = delta;
        this.diagonal = target.diagonalConstrained;
        this.blocks = blocks;
        this.diagonalTarget = new double[n];
        for (int i = 0; i < n; i++) diagonalTarget[i] = target.approx[target.omega.diagonalEntry(i)];
        int per = BlockedEdges.rowsPer(blockBytes, r);
        this.edges = blocks.count() == 1 ? BlockedEdges.lower(target, per) : BlockedEdges.tiles(target, per, blocks);
    }

    /** Bytes of factor plus gradient rows per column block for n rows of rank r (see {@link BlockedEdges}). */
    public static long defaultBlockBytes(int n, int r) {
        return BlockedEdges.blockBytes(n, r);
    }

    /** Wall-clock nanoseconds spent in {@link #evaluate} so far. */
    long nanos() {
        return nanos;
    }

    @Override
    public double evaluate(double[] f, double[] g) {
        long t0 = System.nanoTime();
        double v;
        if (blocks.count() == 1) {
            v = diagonal(f, g, 0, n) + lower(f, g);
        } else {
            // Round 0 is the diagonal tiles (a, a): each first initialises the gradient rows of its part.
            int[] rounds = edges.roundStart;
            v = blocks.sumTasks(rounds[1], a -> diagonal(f, g, blocks.start(a), blocks.start(a + 1)) + edges(f, g, a));
            for (int k = 1; k + 1 < rounds.length; k++) {
                int first = rounds[k];
                v += blocks.sumTasks(rounds[k + 1] - first, t -> edges(f, g, first + t));
            }
        }
        nanos += System.nanoTime() - t0;
        return v;
    }

    /** ∇_i = 4·R_ii·F_i (or 0 on a free diagonal) for rows [from, to); returns Σ R_ii². */
    private double diagonal(double[] f, double[] g, int from, int to) {
        int r = this.r;
        double sum = 0;
        for (int i = from; i < to; i++) {
            int bi = i * r;
            if (diagonal) {
                double x = dot(f, bi, bi, r) + delta - diagonalTarget[i];
                sum += x * x;
                double coef = 4 * x;
                for (int c = 0; c < r; c++) g[bi + c] = coef * f[bi + c];
            } else {
                for (int c = 0; c < r; c++) g[bi + c] = 0;
            }
        }
        return sum;
    }

    private double lower(double[] f, double[] g) {
        return edges(f, g, 0);
    }

    /** The pairs of tile t: each residual added to both gradient rows; returns Σ 2·R_ij². */
    private double edges(double[] f, double[] g, int t) {
        int r = this.r;
        int[] row = edges.row, col = edges.col;
        double[] a = edges.value;
        double sum = 0;
        for (int e = edges.tileStart[t]; e < edges.tileStart[t + 1]; e++) {
            int bi = row[e] * r, bj = col[e] * r;
            double x = dot(f, bi, bj, r) - a[e];
            sum += 2 * x * x;
            double coef = 4 * x;
            for (int c = 0; c < r; c++) {
                g[bi + c] += coef * f[bj + c];
                g[bj + c] += coef * f[bi + c];
            }
        }
        return sum;
    }

    /** F_i·F_j for rows starting at bi and bj, with four partial sums. */
    static double dot(double[] f, int bi, int bj, int r) {
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        int c = 0;
        for (; c + 3 < r; c += 4) {
            d0 += f[bi + c] * f[bj + c];
            d1 += f[bi + c + 1] * f[bj + c + 1];
            d2 += f[bi + c + 2] * f[bj + c + 2];
            d3 += f[bi + c + 3] * f[bj + c + 3];
        }
        for (; c < r; c++) d0 += f[bi + c] * f[bj + c];
        return (d0 + d1) + (d2 + d3);
    }
}
