package mcs.solvers.engine.maxdet;

import java.util.Arrays;
import mcs.problems.matrix.Pattern;

/**
 * The symbolic Cholesky factorization of a matrix supported on Ω under an elimination order: the filled
 * pattern V ⊇ Ω of the unit lower triangular factor L, in permuted indices (vertex {@code order[t]} is
 * index t). Column j holds the rows {@code rowIdx[colPtr[j] .. colPtr[j+1])}, strictly below j and increasing;
 * they form a clique of the filled graph (V is chordal and the order is a perfect elimination order of V).
 * Each entry k of Ω is mapped to its slot: {@code omegaSlot[k]} is the index into the column storage, or −1 − t
 * for the diagonal entry at permuted position t (the diagonal lives in separate arrays indexed by position).
 *
 * <p>Built once per pattern by the elimination tree: rows(j) = (Ω's later neighbours of j) ∪ ⋃ over the
 * children c of j of rows(c) \ {j}, the parent being the first row of a column. Cost O(nnz(L)·log) time,
 * O(n + nnz(L)) ints. {@link #slot} finds any entry of V by binary search in its column.
 */
public final class SymbolicFactor {
    public final int n;
    /** {@code order[t]}: the original vertex at permuted position t; {@code position} is its inverse. */
    public final int[] order;
    final int[] position;
    public final int[] colPtr;
    public final int[] rowIdx;
    /** Per Ω entry k: slot in the column storage, or −1 − t for the diagonal entry of permuted position t. */
    final int[] omegaSlot;

    private SymbolicFactor(int n, int[] order, int[] position, int[] colPtr, int[] rowIdx, int[] omegaSlot) {
        this.n = n;
        this.order = order;
        this.position = position;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.omegaSlot = omegaSlot;
    }

    /**
     * @param order {@code order[t]} = vertex eliminated t-th (a permutation of 0..n−1)
     * @throws IllegalStateException when nnz(L) would exceed the int range
     */
    public static SymbolicFactor of(Pattern omega, int[] order) {
        int n = omega.n();
        int[] pos = new int[n];
        for (int t = 0; t < n; t++) pos[order[t]] = t;
        int[][] adj = omega.adjacency();
        int[] aPtr = adj[0], aNbr = adj[1];
        int[][] cols = new int[n][];
        int[] parent = new int[n];
        // Children lists as linked lists through childNext: head[j] is the last child registered.
        int[] head = new int[n];
        int[] childNext = new int[n];
        Arrays.fill(head, -1);
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] buf = new int[16];
        long total = 0;
        for (int j = 0; j < n; j++) {
            int v = order[j];
            int c = 0;
            mark[j] = j;
            for (int p = aPtr[v]; p < aPtr[v + 1]; p++) {
                int r = pos[aNbr[p]];
                if (r > j && mark[r] != j) {
                    if (c == buf.length) buf = Arrays.copyOf(buf, 2 * c);
                    buf[c++] = r;
                    mark[r] = j;
                }
            }
            for (int ch = head[j]; ch >= 0; ch = childNext[ch]) {
                for (int r : cols[ch]) {
                    if (mark[r] != j) {
                        if (c == buf.length) buf = Arrays.copyOf(buf, 2 * c);
                        buf[c++] = r;
                        mark[r] = j;
                    }
                }
                // A child's rows are merged into its parent once; they are kept for the numeric phase.
            }
            int[] col = Arrays.copyOf(buf, c);
            Arrays.sort(col);
            cols[j] = col;
            total += c;
            if (total > Integer.MAX_VALUE - 8) throw new IllegalStateException("the factor has more than 2^31 entries");
            parent[j] = c > 0 ? col[0] : -1;
            if (c > 0) {
                childNext[j] = head[col[0]];
                head[col[0]] = j;
            }
        }
        int[] colPtr = new int[n + 1];
        for (int j = 0; j < n; j++) colPtr[j + 1] = colPtr[j] + cols[j].length;
        int[] rowIdx = new int[colPtr[n]];
        for (int j = 0; j < n; j++) {
            System.arraycopy(cols[j], 0, rowIdx, colPtr[j], cols[j].length);
            cols[j] = null;
        }
        SymbolicFactor s = new SymbolicFactor(n, order, pos, colPtr, rowIdx, new int[omega.m()]);
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                s.omegaSlot[k] = i == j ? -1 - pos[i] : s.slot(Math.max(pos[i], pos[j]), Math.min(pos[i], pos[j]));
            }
        }
        return s;
    }

    /** Number of strictly lower entries of L. */
    public int nnz() {
        return rowIdx.length;
    }

    int count(int j) {
        return colPtr[j + 1] - colPtr[j];
    }

    /** Largest clique of the filled graph: 1 + the longest column. */
    public int maxClique() {
        int w = 0;
        for (int j = 0; j < n; j++) w = Math.max(w, count(j));
        return w + 1;
    }

    /** Σ_j (|col j| + 1)³: the work of clique-by-clique dense algorithms. */
    double cubicWork() {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double c = count(j) + 1;
            s += c * c * c;
        }
        return s;
    }

    /** Slot of the permuted entry (i, j), i &gt; j, in V; −1 when it is not in V. O(log |col j|). */
    int slot(int i, int j) {
        int k = Arrays.binarySearch(rowIdx, colPtr[j], colPtr[j + 1], i);
        return k >= 0 ? k : -1;
    }
}
