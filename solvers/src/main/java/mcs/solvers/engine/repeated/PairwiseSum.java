package mcs.solvers.engine.repeated;

/**
 * Pairwise (cascade) summation with a binary counter of partial sums: after k additions every addend has
 * passed through at most ⌈log₂ k⌉ + 1 rounded additions, so a sum of up to 2^62 values adds at most
 * {@value #DEPTH} to the rounding depth of what is summed. The result depends only on the order of the
 * {@link #add} calls.
 */
public final class PairwiseSum {
    /** Largest number of roundings an addend goes through here (64 levels and the final fold). */
    public static final int DEPTH = 2 * 64 + 1;

    private final double[] level = new double[64];
    private final boolean[] full = new boolean[64];

    public void add(double x) {
        int k = 0;
        while (full[k]) {
            x += level[k];
            full[k] = false;
            k++;
        }
        level[k] = x;
        full[k] = true;
    }

    /** The sum of everything added so far. */
    public double sum() {
        double s = 0;
        for (int k = 0; k < 64; k++) if (full[k]) s += level[k];
        return s;
    }
}
