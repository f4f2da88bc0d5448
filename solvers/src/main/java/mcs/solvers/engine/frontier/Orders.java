package mcs.solvers.engine.frontier;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Vertex and row orders that keep the frontier of a {@link Plan} narrow. */
public final class Orders {
    private Orders() {}

    public static int[] natural(int n) {
        return IntStream.range(0, n).toArray();
    }

    /**
     * Reverse Cuthill–McKee: per connected component, a breadth-first search from a pseudo-peripheral vertex
     * (the end of a second search started at a vertex of least degree), neighbours visited by increasing
     * degree; the whole order reversed. Its bandwidth is small for band-like and mesh-like patterns.
     * Deterministic (ties broken by index). O(n + m log m).
     */
    public static int[] reverseCuthillMcKee(int[][] adj) {
        int n = adj.length;
        boolean[] seen = new boolean[n];
        int[] out = new int[n];
        int k = 0;
        Integer[] byDegree = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt((Integer v) -> adj[v].length).thenComparingInt(v -> v)).toArray(Integer[]::new);
        for (int root : byDegree) {
            if (seen[root]) continue;
            int start = farthest(adj, farthest(adj, root));
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                out[k++] = v;
                int[] nb = Arrays.stream(adj[v]).filter(w -> !seen[w]).boxed()
                        .sorted(Comparator.comparingInt((Integer w) -> adj[w].length).thenComparingInt(w -> w)).mapToInt(Integer::intValue).toArray();
                for (int w : nb) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        for (int i = 0; i < n / 2; i++) {
            int t = out[i];
            out[i] = out[n - 1 - i];
            out[n - 1 - i] = t;
        }
        return out;
    }

    /** The last vertex reached by a breadth-first search from v (least degree among the last level). */
    private static int farthest(int[][] adj, int v) {
        int n = adj.length;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        dist[v] = 0;
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(v);
        int best = v;
        while (!q.isEmpty()) {
            int x = q.poll();
            if (dist[x] > dist[best] || (dist[x] == dist[best] && adj[x].length < adj[best].length)) best = x;
            for (int w : adj[x]) {
                if (dist[w] < 0) {
                    dist[w] = dist[x] + 1;
                    q.add(w);
                }
            }
        }
        return best;
    }

    /** Rows sorted by their first column, then their last column, then index. */
    public static int[] rowsByFirstColumn(int[][] rows) {
        return IntStream.range(0, rows.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> min(rows[i])).thenComparingInt(i -> max(rows[i])).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int min(int[] a) {
        return Arrays.stream(a).min().orElse(Integer.MAX_VALUE);
    }

    private static int max(int[] a) {
        return Arrays.stream(a).max().orElse(Integer.MAX_VALUE);
    }
}
