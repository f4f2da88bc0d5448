package mcs.solvers.mc1.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Connected components of G(Ω), each as a stand-alone MC1 instance, with the maps that carry
 * certificates back. Sound because the zero-filled coupling between components is free: X is PSD iff
 * each diagonal block is (take the block-diagonal completion), and a witness W of one component,
 * extended by zeros, is PSD, supported on Ω, and has the same ⟨W,a⟩ &lt; 0.
 *
 * <p>Cost: O(n + m) for the split (breadth-first search), O(size of the component) per
 * {@link #restrict}. Optionally drops indices (zero diagonal and zero row, see {@link DiagonalRules}):
 * they become singleton components that {@link #restrict} never needs to solve.
 */
public final class ComponentSplit {
    private final int[] label;
    private final int[] local;
    private final int[] start;
    private final int[] members;
    private final long[] edges;

    private ComponentSplit(int[] label, int[] local, int[] start, int[] members, long[] edges) {
        this.label = label;
        this.local = local;
        this.start = start;
        this.members = members;
        this.edges = edges;
    }

    /** Components of G(Ω) by breadth-first search; members of each component are increasing. */
    public static ComponentSplit of(Pattern pattern) {
        int n = pattern.n();
        int[][] adj = pattern.adjacency();
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int[] start = new int[n + 1];
        int count = 0, tail = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) continue;
            start[count] = tail;
            label[s] = count;
            queue[tail++] = s;
            for (int head = start[count]; head < tail; head++) {
                int u = queue[head];
                for (int p = adj[0][u]; p < adj[0][u + 1]; p++) {
                    int v = adj[1][p];
                    if (label[v] < 0) {
                        label[v] = count;
                        queue[tail++] = v;
                    }
                }
            }
            Arrays.sort(queue, start[count], tail);
            count++;
        }
        start[count] = tail;
        int[] local = new int[n];
        for (int c = 0; c < count; c++) for (int t = start[c]; t < start[c + 1]; t++) local[queue[t]] = t - start[c];
        long[] edges = new long[count];
        for (int u = 0; u < n; u++) edges[label[u]] += adj[0][u + 1] - adj[0][u];
        for (int c = 0; c < count; c++) edges[c] /= 2;
        return new ComponentSplit(label, local, Arrays.copyOf(start, count + 1), queue, edges);
    }

    public int count() {
        return start.length - 1;
    }

    /** Whether every pair of members of component c is an edge of G(Ω). */
    public boolean isComplete(int c) {
        long k = start[c + 1] - start[c];
        return edges[c] == k * (k - 1) / 2;
    }

    public int componentOf(int vertex) {
        return label[vertex];
    }

    /** Global indices of component c, increasing; index t of the restricted instance is members(c)[t]. */
    public int[] members(int c) {
        return Arrays.copyOfRange(members, start[c], start[c + 1]);
    }

    /** The partial matrix restricted to component c (local indices in increasing global order). */
    public PartialSymmetricMatrix restrict(PartialSymmetricMatrix a, int c) {
        Pattern p = a.pattern();
        int size = start[c + 1] - start[c];
        int[] ptr = new int[size + 1];
        int total = 0;
        for (int t = 0; t < size; t++) total += p.rowEnd(members[start[c] + t]) - p.rowStart(members[start[c] + t]);
        int[] col = new int[total];
        Rational[] val = new Rational[total];
        int k = 0;
        for (int t = 0; t < size; t++) {
            int i = members[start[c] + t];
            // Every neighbour of i lies in its component, so the row maps entry by entry.
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                col[k] = local[p.col(e)];
                val[k++] = a.value(e);
            }
            ptr[t + 1] = k;
        }
        return PartialSymmetricMatrix.of(new Pattern(size, ptr, col), val);
    }

    /** Entries of a certificate of component c, relabelled to global indices (W extended by zeros). */
    public List<Entry> lift(int c, List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            int i = members[start[c] + e.i()], j = members[start[c] + e.j()];
            out.add(new Entry(Math.max(i, j), Math.min(i, j), e.value()));
        }
        return out;
    }
}
