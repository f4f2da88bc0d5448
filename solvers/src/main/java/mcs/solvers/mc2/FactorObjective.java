package mcs.solvers.mc2;

/**
 * The Burer–Monteiro objective f(F) = Σ_{(i,j)∈Ω constrained} w_ij ((FFᵀ)_ij + δ[i=j] − a_ij)², with w = 1 on
 * the diagonal and 2 off it, so that f is exactly ‖Δ‖_F² of the {@code factor} form (SPEC §2.1) for the
 * shift δ. F is n×r, row-major; the gradient is ∇_i = Σ_j 4·R_ij·F_j (+ 4·R_ii·F_i on a constrained diagonal)
 * with R = FFᵀ + δI − a on Ω.
 *
 * <p>Two passes, both over {@link BlockedEdges} (edges grouped by column block so that the rows F_j, ∇_j a
 * pass jumps to stay in cache), both starting with one sequential pass over the diagonal that initialises ∇:
 * <ul>
 *   <li>one block of rows ({@link RowBlocks#count()} = 1): each stored pair once, its residual added to both
 *       gradient rows; 3·m·r multiply-adds;
 *   <li>several row blocks: each pair from both ends, every row block writing only its own gradient rows, so
 *       the blocks run in parallel without conflicts; 4·m·r multiply-adds in total. Each gradient row is
 *       accumulated in a fixed order and the value's partial sums are added in block order, so the result is
 *       bit-identical for any number of threads (it depends on the block count only).
 * </ul>
 * Dots use four accumulators (no serial chain of r dependent additions). No allocation per evaluation;
 * construction O(n + m).
 */
final class FactorObjective implements Lbfgs.Function {
    private final int n, r;
    private final double delta;
    private final boolean diagonal;
    private final double[] diagonalTarget;
    private final RowBlocks blocks;
    private final BlockedEdges edges;
    private long nanos;

    FactorObjective(FitTarget target, int r, double delta, RowBlocks blocks) {
        this.n = target.n();
        this.r = r;
        this.delta = delta;
        this.diagonal = target.diagonalConstrained;
        this.blocks = blocks;
        this.diagonalTarget = new double[n];
        for (int i = 0; i < n; i++) diagonalTarget[i] = target.approx[target.omega.diagonalEntry(i)];
        this.edges = blocks.count() == 1 ? BlockedEdges.lower(target, r) : BlockedEdges.directed(target, r, blocks);
    }

    /** Wall-clock nanoseconds spent in {@link #evaluate} so far. */
    long nanos() {
        return nanos;
    }

    @Override
    public double evaluate(double[] f, double[] g) {
        long t0 = System.nanoTime();
        double v = blocks.count() == 1 ? diagonal(f, g, 0, n) + lower(f, g) : blocks.sumBlocks(b -> directed(f, g, b));
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
        int r = this.r;
        int[] row = edges.row, col = edges.col;
        double[] a = edges.value;
        double sum = 0;
        for (int e = 0; e < row.length; e++) {
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

    private double directed(double[] f, double[] g, int b) {
        int r = this.r;
        int[] row = edges.row, col = edges.col;
        double[] a = edges.value;
        double sum = diagonal(f, g, blocks.start(b), blocks.start(b + 1));
        for (int e = edges.partStart[b]; e < edges.partStart[b + 1]; e++) {
            int bi = row[e] * r, bj = col[e] * r;
            double x = dot(f, bi, bj, r) - a[e];
            sum += x * x;
            double coef = 4 * x;
            for (int c = 0; c < r; c++) g[bi + c] += coef * f[bj + c];
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
