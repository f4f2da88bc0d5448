package mcs.solvers.mc1.cliquesum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mcs.problems.spi.SolverOptions;

/**
 * Decomposition of a graph by its clique minimal separators into atoms (Tarjan 1985; the algorithm of
 * Berry, Pogorelcnik and Simonet, "An introduction to clique minimal separator decomposition",
 * Algorithms 3, 2010).
 *
 * <ol>
 *   <li>MCS-M (Berry, Blair, Heggernes, Peyton 2004) numbers the vertices n..1 and yields a minimal
 *       triangulation H of G: when v is numbered, every unnumbered u reachable from v through unnumbered
 *       vertices of weight below w(u) gets w(u)+1 and the H-edge uv. madj_H(u), the H-neighbours numbered
 *       before u, are exactly the vertices that raised u's weight, so |madj_H(u)| = w(u).
 *   <li>A vertex x whose weight when numbered is not larger than its predecessor's generates the minimal
 *       separator madj_H(x) of H; the minimal separators of G that are cliques are among these.
 *   <li>In elimination order (last numbered first): for each generator x whose separator S is a clique of
 *       G, the component C of G' − S containing x gives the atom S ∪ C, and C is removed from G'. What
 *       is left at the end is the last atom.
 * </ol>
 * Atoms are induced subgraphs with no clique separator; they cover every vertex and every edge, two atoms
 * meet in a clique of G, and G is the clique-sum of its atoms. An empty separator is a clique, so the
 * connected components come out separately. Cost: O(n·m) time (one restricted search per numbered
 * vertex), O(n + m) memory. The deadline is checked once per numbered vertex.
 */
final class CliqueSeparators {
    private CliqueSeparators() {}

    /**
     * @param n vertices 0..n−1
     * @param ptr adjacency offsets (n+1)
     * @param nbr neighbours (no self loops)
     * @param absent vertices to leave out (treated as deleted), or null
     * @return the atoms, each a sorted array of vertices
     */
    static List<int[]> atoms(int n, int[] ptr, int[] nbr, boolean[] absent, SolverOptions options) {
        int[] alpha = new int[n];
        Arrays.fill(alpha, -1);
        int[] weight = new int[n];
        int[][] madj = new int[n][];
        boolean[] generator = new boolean[n];
        int[] order = new int[n];
        int present = 0;
        for (int v = 0; v < n; v++) if (absent == null || !absent[v]) present++;
        // MCS-M with buckets of unnumbered vertices by weight; searches use a bucket queue per threshold.
        int[] madjCount = new int[n];
        List<int[]> raisedBy = new ArrayList<>();
        int[] reached = new int[n];
        Arrays.fill(reached, -1);
        int[][] buckets = new int[n + 1][];
        int[] bucketSize = new int[n + 1];
        int[] raised = new int[n];
        int prevWeight = -1;
        for (int i = present - 1; i >= 0; i--) {
            if ((i & 63) == 0) options.checkDeadline();
            int v = -1;
            for (int u = 0; u < n; u++) {
                if (alpha[u] >= 0 || (absent != null && absent[u])) continue;
                if (v < 0 || weight[u] > weight[v]) v = u;
            }
            alpha[v] = i;
            order[i] = v;
            if (weight[v] <= prevWeight) generator[v] = true;
            prevWeight = weight[v];
            int nRaised = 0;
            reached[v] = v;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) {
                int u = nbr[p];
                if (alpha[u] >= 0 || reached[u] == v || (absent != null && absent[u])) continue;
                reached[u] = v;
                push(buckets, bucketSize, weight[u], u);
                raised[nRaised++] = u;
            }
            for (int j = 0; j <= n; j++) {
                while (bucketSize[j] > 0) {
                    int x = buckets[j][--bucketSize[j]];
                    for (int p = ptr[x]; p < ptr[x + 1]; p++) {
                        int y = nbr[p];
                        if (alpha[y] >= 0 || reached[y] == v || (absent != null && absent[y])) continue;
                        reached[y] = v;
                        if (weight[y] > j) {
                            push(buckets, bucketSize, weight[y], y);
                            raised[nRaised++] = y;
                        } else {
                            push(buckets, bucketSize, j, y);
                        }
                    }
                }
            }
            raisedBy.add(Arrays.copyOf(raised, nRaised));
            for (int r = 0; r < nRaised; r++) {
                int u = raised[r];
                weight[u]++;
                madjCount[u]++;
            }
        }
        for (int u = 0; u < n; u++) madj[u] = new int[madjCount[u]];
        Arrays.fill(madjCount, 0);
        for (int t = 0; t < raisedBy.size(); t++) {
            int v = order[present - 1 - t];
            for (int u : raisedBy.get(t)) madj[u][madjCount[u]++] = v;
        }
        return split(n, ptr, nbr, absent, order, present, madj, generator);
    }

    private static List<int[]> split(int n, int[] ptr, int[] nbr, boolean[] absent, int[] order, int present, int[][] madj, boolean[] generator) {
        boolean[] removed = new boolean[n];
        if (absent != null) System.arraycopy(absent, 0, removed, 0, n);
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        List<int[]> atoms = new ArrayList<>();
        int[] stack = new int[n];
        int[] cliqueStamp = {0};
        for (int i = 0; i < present; i++) {
            int x = order[i];
            if (!generator[x] || removed[x]) continue;
            int[] s = madj[x];
            if (!isClique(s, ptr, nbr, mark, cliqueStamp)) continue;
            // Component of G' − S containing x.
            for (int u : s) stamp[u] = -2 - i;
            List<Integer> comp = new ArrayList<>();
            int top = 0;
            stack[top++] = x;
            stamp[x] = i;
            while (top > 0) {
                int u = stack[--top];
                comp.add(u);
                for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                    int y = nbr[p];
                    if (removed[y] || stamp[y] == i || stamp[y] == -2 - i) continue;
                    stamp[y] = i;
                    stack[top++] = y;
                }
            }
            int[] atom = new int[comp.size() + s.length];
            int k = 0;
            for (int u : comp) {
                atom[k++] = u;
                removed[u] = true;
            }
            for (int u : s) atom[k++] = u;
            Arrays.sort(atom);
            atoms.add(atom);
        }
        int rest = 0;
        for (int u = 0; u < n; u++) if (!removed[u]) rest++;
        if (rest > 0) {
            int[] atom = new int[rest];
            int k = 0;
            for (int u = 0; u < n; u++) if (!removed[u]) atom[k++] = u;
            atoms.add(atom);
        }
        return atoms;
    }

    /** Whether the vertices of s are pairwise adjacent in G; {@code mark} is scratch holding stamps below {@code stamp[0]}. */
    private static boolean isClique(int[] s, int[] ptr, int[] nbr, int[] mark, int[] stamp) {
        for (int a = 0; a < s.length; a++) {
            int u = s[a];
            int t = ++stamp[0];
            for (int p = ptr[u]; p < ptr[u + 1]; p++) mark[nbr[p]] = t;
            for (int b = a + 1; b < s.length; b++) if (mark[s[b]] != t) return false;
        }
        return true;
    }

    private static void push(int[][] buckets, int[] size, int j, int u) {
        if (buckets[j] == null) buckets[j] = new int[4];
        else if (size[j] == buckets[j].length) buckets[j] = Arrays.copyOf(buckets[j], 2 * size[j]);
        buckets[j][size[j]++] = u;
    }
}
