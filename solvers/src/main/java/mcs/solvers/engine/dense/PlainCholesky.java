package mcs.solvers.engine.dense;

/**
 * Unblocked Cholesky A = LLᵀ in place, one column at a time: L_jj = √(A_jj − Σ_{k<j} L_jk²), then
 * L_ij = (A_ij − Σ_{k<j} L_ik·L_jk)/L_jj for i &gt; j, every sum taken in increasing k. It is for the small dense
 * blocks (cliques, witness supports, the Newton system of the max-det dual) where one fixed order of plain
 * round-to-nearest operations matters more than speed: every caller gets the same bits, and the rigorous
 * floating-point bounds built on the factor (Rump's test in the first-order witness check, the clique margins
 * of the chordal solver) assume exactly this order, without fused multiply–adds. Large matrices go to
 * {@link RowCholesky}. Cost s³/3 flops.
 */
public final class PlainCholesky {
    private PlainCholesky() {}

    /**
     * Factors in place.
     *
     * @param a the lower triangle of A, row-major s×s ({@code a[i*s+j]}, j ≤ i), overwritten by L; the strict upper
     *     triangle is not read or written
     * @param perColumn run before each column (e.g. a deadline check), or null
     * @return −1 when every pivot is positive; else the first column j whose pivot is not (NaN included), with the
     *     pivot's value left at {@code a[j*s+j]} and the later columns untouched
     */
    public static int factor(double[] a, int s, Runnable perColumn) {
        for (int j = 0; j < s; j++) {
            if (perColumn != null) perColumn.run();
            double d = a[j * s + j];
            for (int k = 0; k < j; k++) d -= a[j * s + k] * a[j * s + k];
            if (!(d > 0)) {
                a[j * s + j] = d;
                return j;
            }
            double root = Math.sqrt(d);
            a[j * s + j] = root;
            for (int i = j + 1; i < s; i++) {
                double x = a[i * s + j];
                for (int k = 0; k < j; k++) x -= a[i * s + k] * a[j * s + k];
                a[i * s + j] = x / root;
            }
        }
        return -1;
    }
}
