package mcs.solvers.engine.chordal;

/**
 * Maximum cardinality search (Tarjan–Yannakakis 1984): visit vertices one by one, always one with the most
 * already-visited neighbours. The reverse of the visit order is a perfect elimination ordering whenever the
 * graph is chordal. Disconnected graphs are handled in the same pass (a weight-0 pick starts a new
 * component), so the elimination order lists the components one after another, each a PEO of its own.
 *
 * <p>Cost: O(n + m) time with bucket lists (doubly linked, one per weight) in primitive arrays; 6·n ints
 * of extra memory. Ties go to the vertex inserted last into the bucket, deterministically.
 */
public final class MaximumCardinalitySearch {
    private MaximumCardinalitySearch() {}

    /**
     * @param n number of vertices
     * @param ptr adjacency offsets (n + 1), as {@link mcs.problems.matrix.Pattern#adjacency()}[0]
     * @param nbr neighbours, as {@link mcs.problems.matrix.Pattern#adjacency()}[1]
     * @return the elimination order: {@code order[t]} is the vertex eliminated t-th (reverse visit order)
     */
    public static int[] eliminationOrder(int n, int[] ptr, int[] nbr) {
        int[] weight = new int[n];
        int[] head = new int[n + 1];
        int[] next = new int[n];
        int[] prev = new int[n];
        java.util.Arrays.fill(head, -1);
        for (int v = n - 1; v >= 0; v--) {
            next[v] = head[0];
            prev[v] = -1;
            if (head[0] >= 0) prev[head[0]] = v;
            head[0] = v;
        }
        int[] order = new int[n];
        int max = 0;
        for (int t = n - 1; t >= 0; t--) {
            while (head[max] < 0) max--;
            int v = head[max];
            unlink(v, weight[v], head, next, prev);
            weight[v] = -1;
            order[t] = v;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) {
                int w = nbr[p];
                int wt = weight[w];
                if (wt < 0) continue;
                unlink(w, wt, head, next, prev);
                weight[w] = ++wt;
                next[w] = head[wt];
                prev[w] = -1;
                if (head[wt] >= 0) prev[head[wt]] = w;
                head[wt] = w;
                if (wt > max) max = wt;
            }
        }
        return order;
    }

    private static void unlink(int v, int wt, int[] head, int[] next, int[] prev) {
        if (prev[v] >= 0) next[prev[v]] = next[v];
        else head[wt] = next[v];
        if (next[v] >= 0) prev[next[v]] = prev[v];
    }
}
