package mcs.solvers.engine.chordal;

/**
 * The later-neighbour structure of an elimination order: for each vertex v, later(v) = neighbours of v
 * eliminated after v, stored in compressed rows sorted by elimination position, so that
 * {@code later(v)[0]} is the earliest ("parent" in the elimination tree). From it: the perfect elimination
 * test of Rose–Tarjan–Lueker (for each v with parent u, later(v) \ {u} ⊆ adj(u); equivalent to every
 * later(v) being a clique, by induction from the last vertex) and the maximal cliques C(v) = {v} ∪ later(v)
 * (C(u) with u = parent(v) is contained in C(v) iff |later(v)| = |later(u)| + 1, given the PEO).
 *
 * <p>Cost: O(n + m) time and ints, plus a sort of each later(v) (O(d log d) per vertex).
 */
public final class EliminationStructure {
    public final int n;
    public final int[] order;
    public final int[] position;
    /** later(v) is {@code laterIdx[laterPtr[v] .. laterPtr[v+1])}, in elimination order. */
    public final int[] laterPtr;
    public final int[] laterIdx;
    /** Entry index (into the pattern's values) of the pair (v, laterIdx[p]). */
    public final int[] laterEntry;

    private EliminationStructure(int n, int[] order, int[] position, int[] laterPtr, int[] laterIdx, int[] laterEntry) {
        this.n = n;
        this.order = order;
        this.position = position;
        this.laterPtr = laterPtr;
        this.laterIdx = laterIdx;
        this.laterEntry = laterEntry;
    }

    /** @param adj {@link mcs.problems.matrix.Pattern#adjacency()} ({ptr, nbr, entry}) */
    public static EliminationStructure of(int[] order, int[][] adj) {
        int n = order.length;
        int[] ptr = adj[0], nbr = adj[1], ent = adj[2];
        int[] pos = new int[n];
        for (int t = 0; t < n; t++) pos[order[t]] = t;
        int[] lp = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int c = 0;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) if (pos[nbr[p]] > pos[v]) c++;
            lp[v + 1] = lp[v] + c;
        }
        int[] li = new int[lp[n]], le = new int[lp[n]];
        long[] key = new long[16];
        for (int v = 0; v < n; v++) {
            int c = lp[v + 1] - lp[v];
            if (c == 0) continue;
            if (key.length < c) key = new long[2 * c];
            int q = 0;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) {
                int w = nbr[p];
                // Position in the high half, adjacency slot in the low half: one sort keeps both together.
                if (pos[w] > pos[v]) key[q++] = ((long) pos[w] << 32) | p;
            }
            if (c > 1) java.util.Arrays.sort(key, 0, c);
            for (int r = 0; r < c; r++) {
                int p = (int) key[r];
                li[lp[v] + r] = nbr[p];
                le[lp[v] + r] = ent[p];
            }
        }
        return new EliminationStructure(n, order, pos, lp, li, le);
    }

    public int laterCount(int v) {
        return laterPtr[v + 1] - laterPtr[v];
    }

    /**
     * Rose–Tarjan–Lueker test in O(n + m): −1 when the order is a perfect elimination ordering, else a
     * vertex v whose later neighbours are not a clique.
     */
    public int firstNonPerfectVertex(int[][] adj) {
        int[] ptr = adj[0], nbr = adj[1];
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        // Group the vertices v by their parent u (counting sort) so that u's neighbourhood is marked once.
        int[] childPtr = new int[n + 1];
        for (int v = 0; v < n; v++) if (laterCount(v) > 1) childPtr[laterIdx[laterPtr[v]] + 1]++;
        for (int u = 0; u < n; u++) childPtr[u + 1] += childPtr[u];
        int[] child = new int[childPtr[n]];
        int[] fill = java.util.Arrays.copyOf(childPtr, n);
        for (int v = 0; v < n; v++) if (laterCount(v) > 1) child[fill[laterIdx[laterPtr[v]]]++] = v;
        for (int u = 0; u < n; u++) {
            if (childPtr[u] == childPtr[u + 1]) continue;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) mark[nbr[p]] = u;
            for (int c = childPtr[u]; c < childPtr[u + 1]; c++) {
                int v = child[c];
                for (int p = laterPtr[v] + 1; p < laterPtr[v + 1]; p++) if (mark[laterIdx[p]] != u) return v;
            }
        }
        return -1;
    }

    /** Per vertex: whether C(v) is contained in some C(u) with parent(u) = v (valid for a PEO). */
    public boolean[] nonMaximal() {
        boolean[] covered = new boolean[n];
        for (int u = 0; u < n; u++) {
            if (laterCount(u) == 0) continue;
            int f = laterIdx[laterPtr[u]];
            if (laterCount(u) == laterCount(f) + 1) covered[f] = true;
        }
        return covered;
    }
}
