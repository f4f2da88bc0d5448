package mcs.verifier.kernel;

/**
 * The fraction-free elimination of {@link ExactPsd} on a small integer matrix held in {@code long}s, for
 * the many tiny blocks of a {@code chordal} certificate where BigInteger would dominate the cost.
 *
 * <p><b>Method and soundness:</b> exactly those of {@link ExactPsd#eliminate}: Bareiss symmetric
 * elimination with diagonal pivoting; every intermediate entry is a bordered minor of the input, so every
 * division is exact. Every multiplication and subtraction is overflow-checked ({@link Math#multiplyExact},
 * {@link Math#subtractExact}); on overflow an {@link ArithmeticException} is thrown and the caller falls
 * back to the BigInteger path, so no answer ever rests on wrapped arithmetic.
 *
 * <p><b>Cost:</b> O(k³) long operations for order k.
 */
final class LongExactPsd {
    private LongExactPsd() {}

    /**
     * @param m lower triangle (row i has at least i + 1 entries), destroyed
     * @return −1 when PSD, else the 0-based index of a negative pivot or of a zero pivot with a nonzero row
     * @throws ArithmeticException when an intermediate value does not fit in a long
     */
    static int failingIndex(long[][] m, int k) {
        int[] active = new int[k];
        for (int i = 0; i < k; i++) active[i] = i;
        long[] col = new long[k];
        int size = k;
        long prev = 1;
        while (size > 0) {
            for (int a = 0; a < size; a++) {
                int i = active[a];
                if (m[i][i] < 0) return i;
            }
            int kept = 0;
            for (int a = 0; a < size; a++) {
                int i = active[a];
                if (m[i][i] != 0) {
                    active[kept++] = i;
                    continue;
                }
                for (int b = 0; b < size; b++) {
                    int j = active[b];
                    if (j != i && (i >= j ? m[i][j] : m[j][i]) != 0) return i;
                }
            }
            size = kept;
            if (size == 0) break;
            int p = active[0];
            System.arraycopy(active, 1, active, 0, size - 1);
            size--;
            long pp = m[p][p];
            for (int a = 0; a < size; a++) {
                int i = active[a];
                col[a] = i >= p ? m[i][p] : m[p][i];
            }
            for (int a = 0; a < size; a++) {
                long[] row = m[active[a]];
                long ci = col[a];
                for (int b = 0; b <= a; b++) {
                    int j = active[b];
                    long v = Math.multiplyExact(pp, row[j]);
                    if (ci != 0 && col[b] != 0) v = Math.subtractExact(v, Math.multiplyExact(ci, col[b]));
                    row[j] = prev == 1 ? v : v / prev;
                }
            }
            prev = pp;
        }
        return -1;
    }
}
