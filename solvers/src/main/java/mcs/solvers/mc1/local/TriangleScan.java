package mcs.solvers.mc1.local;

import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;

/**
 * Enumerates the triangles of G(Ω) by the forward algorithm: orient every edge from the endpoint of
 * lower (degree, index) rank to the higher one, mark the out-neighbours of u, and for each out-neighbour
 * v test the out-neighbours of v against the marks. Each triangle is seen exactly once, in
 * O(m·√m) time and O(n + m) extra memory.
 */
final class TriangleScan {
    /** Receives one triangle with the entry indices of its three edges; returns true to stop the scan. */
    interface Visitor {
        boolean visit(int u, int v, int w, int euv, int evw, int euw);
    }

    /** Triangles visited, and whether the scan covered all of them. */
    record Outcome(long visited, boolean complete) {}

    private TriangleScan() {}

    /**
     * @param budget the largest number of triangles to visit
     * @param options its deadline is checked every 4096 inner steps
     */
    static Outcome scan(Pattern pattern, long budget, SolverOptions options, Visitor visitor) {
        int n = pattern.n();
        int[][] adj = pattern.adjacency();
        int[] ptr = adj[0], nbr = adj[1], ent = adj[2];
        int[] outPtr = new int[n + 1];
        for (int u = 0; u < n; u++) {
            int c = 0;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) if (before(ptr, u, nbr[p])) c++;
            outPtr[u + 1] = outPtr[u] + c;
        }
        int[] outNbr = new int[outPtr[n]];
        int[] outEnt = new int[outPtr[n]];
        for (int u = 0; u < n; u++) {
            int f = outPtr[u];
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                if (before(ptr, u, nbr[p])) {
                    outNbr[f] = nbr[p];
                    outEnt[f++] = ent[p];
                }
            }
        }
        int[] mark = new int[n]; // entry index + 1 of (u, w) while u is the current source
        long visited = 0, steps = 0;
        for (int u = 0; u < n; u++) {
            for (int p = outPtr[u]; p < outPtr[u + 1]; p++) mark[outNbr[p]] = outEnt[p] + 1;
            for (int p = outPtr[u]; p < outPtr[u + 1]; p++) {
                int v = outNbr[p];
                for (int q = outPtr[v]; q < outPtr[v + 1]; q++) {
                    if ((++steps & 4095) == 0) options.checkDeadline();
                    int w = outNbr[q];
                    if (mark[w] == 0) continue;
                    if (visited >= budget) return new Outcome(visited, false);
                    visited++;
                    if (visitor.visit(u, v, w, outEnt[p], outEnt[q], mark[w] - 1)) return new Outcome(visited, false);
                }
            }
            for (int p = outPtr[u]; p < outPtr[u + 1]; p++) mark[outNbr[p]] = 0;
        }
        return new Outcome(visited, true);
    }

    private static boolean before(int[] ptr, int u, int v) {
        int du = ptr[u + 1] - ptr[u], dv = ptr[v + 1] - ptr[v];
        return du < dv || (du == dv && u < v);
    }
}
