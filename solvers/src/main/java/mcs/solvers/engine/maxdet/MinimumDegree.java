package mcs.solvers.engine.maxdet;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A fill-reducing elimination order by the (exact, single-elimination) minimum degree rule on the explicit
 * elimination graph: repeatedly eliminate a vertex of least current degree (ties: smallest index) and make its
 * remaining neighbours a clique. When the least degree equals the number of remaining vertices minus one, the
 * remaining graph is complete and the rest is appended in index order (no further fill is possible).
 *
 * <p>Not AMD: degrees are exact rather than approximate and no quotient graph is kept, so the cost is
 * Σ_v deg(v)·(deg(v) + deg of its neighbours) over the elimination graph — near-linear when the fill is small
 * (banded, grids of moderate size, chordal patterns) and up to O(n·w²) for a final clique of w vertices. Memory
 * is the filled graph, O(n + nnz(L)). Deterministic.
 */
public final class MinimumDegree {
    private MinimumDegree() {}

    /**
     * @param ptr adjacency offsets ({@link mcs.problems.matrix.Pattern#adjacency()}[0])
     * @param nbr neighbours, no self loops ({@link mcs.problems.matrix.Pattern#adjacency()}[1])
     * @return {@code order[t]} = the vertex eliminated t-th
     */
    public static int[] order(int n, int[] ptr, int[] nbr) {
        int[][] adj = new int[n][];
        int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            adj[v] = Arrays.copyOfRange(nbr, ptr[v], ptr[v + 1]);
            size[v] = adj[v].length;
        }
        boolean[] gone = new boolean[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        // Keys deg·2^32 + v: stale keys (degree changed since) are skipped when popped.
        PriorityQueue<Long> heap = new PriorityQueue<>(Math.max(1, n));
        for (int v = 0; v < n; v++) heap.add(key(size[v], v));
        int[] order = new int[n];
        int t = 0;
        int[] clique = new int[16];
        while (t < n) {
            long k = heap.poll();
            int v = (int) k;
            int deg = (int) (k >>> 32);
            if (gone[v] || deg != size[v]) continue;
            if (deg == n - t - 1) {
                // The remaining graph is complete: any order adds no fill.
                for (int w = 0; w < n; w++) if (!gone[w]) order[t++] = w;
                break;
            }
            gone[v] = true;
            order[t++] = v;
            int c = 0;
            if (clique.length < size[v]) clique = new int[2 * size[v]];
            for (int p = 0; p < size[v]; p++) if (!gone[adj[v][p]]) clique[c++] = adj[v][p];
            adj[v] = null;
            for (int q = 0; q < c; q++) {
                int u = clique[q];
                int[] a = adj[u];
                int s = 0;
                // Compact u's list (drop eliminated vertices, v among them) and mark what remains.
                for (int p = 0; p < size[u]; p++) {
                    int w = a[p];
                    if (!gone[w]) {
                        a[s++] = w;
                        mark[w] = u;
                    }
                }
                mark[u] = u;
                int extra = 0;
                for (int r = 0; r < c; r++) if (mark[clique[r]] != u) extra++;
                if (s + extra > a.length) a = adj[u] = Arrays.copyOf(a, Math.max(s + extra, 2 * a.length));
                for (int r = 0; r < c; r++) {
                    int w = clique[r];
                    if (mark[w] != u) {
                        a[s++] = w;
                        mark[w] = u;
                    }
                }
                if (s != size[u]) {
                    size[u] = s;
                    heap.add(key(s, u));
                } else {
                    size[u] = s;
                }
            }
        }
        return order;
    }

    private static long key(int deg, int v) {
        return ((long) deg << 32) | v;
    }
}
