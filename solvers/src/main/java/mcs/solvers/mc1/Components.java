package mcs.solvers.mc1;

import mcs.problems.matrix.Pattern;

/** Connected components of G(Ω) by breadth-first search, O(n + m), with members and edge counts. */
final class Components {
    private final int[] label;
    private final int[] start; // members of component c are order[start[c] .. start[c+1])
    private final int[] order;
    private final long[] edges;

    private Components(int[] label, int[] start, int[] order, long[] edges) {
        this.label = label;
        this.start = start;
        this.order = order;
        this.edges = edges;
    }

    static Components of(Pattern pattern) {
        int n = pattern.n();
        int[][] adj = pattern.adjacency();
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] order = new int[n];
        int[] start = new int[n + 1];
        int count = 0, tail = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) continue;
            start[count] = tail;
            label[s] = count;
            order[tail++] = s;
            for (int head = start[count]; head < tail; head++) {
                int u = order[head];
                for (int p = adj[0][u]; p < adj[0][u + 1]; p++) {
                    int v = adj[1][p];
                    if (label[v] < 0) {
                        label[v] = count;
                        order[tail++] = v;
                    }
                }
            }
            count++;
        }
        start[count] = tail;
        long[] edges = new long[count];
        for (int u = 0; u < n; u++) edges[label[u]] += adj[0][u + 1] - adj[0][u];
        for (int c = 0; c < count; c++) edges[c] /= 2;
        return new Components(label, java.util.Arrays.copyOf(start, count + 1), order, edges);
    }

    int count() {
        return edges.length;
    }

    int of(int vertex) {
        return label[vertex];
    }

    /** Members of component c, increasing. */
    int[] members(int c) {
        int[] m = java.util.Arrays.copyOfRange(order, start[c], start[c + 1]);
        java.util.Arrays.sort(m);
        return m;
    }

    /** Whether every pair of members is an edge. */
    boolean isComplete(int c) {
        long k = start[c + 1] - start[c];
        return edges[c] == k * (k - 1) / 2;
    }
}
