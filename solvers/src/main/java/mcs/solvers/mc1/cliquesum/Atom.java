package mcs.solvers.mc1.cliquesum;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * One atom of the clique-separator decomposition: its vertices (increasing), its shape, and the principal
 * partial submatrix on them. Local index t stands for global vertex {@code vertices[t]}; since both are
 * increasing, lower-triangle entries stay lower-triangle when lifted.
 */
final class Atom {
    enum Shape { CLIQUE, CYCLE, GENERAL }

    final int[] vertices;
    final Shape shape;
    /** Edges of G(Ω) inside the atom. */
    final long edges;

    private Atom(int[] vertices, Shape shape, long edges) {
        this.vertices = vertices;
        this.shape = shape;
        this.edges = edges;
    }

    /** Classifies the induced subgraph on {@code vertices} (sorted): O(Σ degrees). */
    static Atom of(int[] vertices, int[] ptr, int[] nbr, int[] scratch) {
        for (int t = 0; t < vertices.length; t++) scratch[vertices[t]] = t;
        long edges = 0;
        boolean allTwo = true;
        for (int u : vertices) {
            int deg = 0;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) if (inside(nbr[p], vertices, scratch)) deg++;
            edges += deg;
            if (deg != 2) allTwo = false;
        }
        edges /= 2;
        long s = vertices.length;
        Shape shape = edges == s * (s - 1) / 2 ? Shape.CLIQUE : allTwo && s >= 4 ? Shape.CYCLE : Shape.GENERAL;
        return new Atom(vertices, shape, edges);
    }

    static boolean inside(int w, int[] vertices, int[] scratch) {
        int t = scratch[w];
        return t >= 0 && t < vertices.length && vertices[t] == w;
    }

    /** The vertices in cycle order (shape CYCLE only; an atom is connected). */
    int[] cycleOrder(int[] ptr, int[] nbr, int[] scratch) {
        for (int t = 0; t < vertices.length; t++) scratch[vertices[t]] = t;
        int[] out = new int[vertices.length];
        int prev = -1, cur = vertices[0];
        for (int k = 0; k < out.length; k++) {
            out[k] = cur;
            int next = -1;
            for (int p = ptr[cur]; p < ptr[cur + 1]; p++) {
                int w = nbr[p];
                if (w != prev && inside(w, vertices, scratch)) {
                    next = w;
                    break;
                }
            }
            prev = cur;
            cur = next;
        }
        return out;
    }

    /** The principal partial submatrix on the atom's vertices (local indices). */
    PartialSymmetricMatrix restrict(PartialSymmetricMatrix a) {
        Pattern p = a.pattern();
        int s = vertices.length;
        int[] ptr = new int[s + 1];
        List<Integer> col = new ArrayList<>();
        List<Rational> val = new ArrayList<>();
        for (int t = 0; t < s; t++) {
            int i = vertices[t];
            int q = 0;
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                while (q < t && vertices[q] < j) q++;
                if (q <= t && vertices[q] == j) {
                    col.add(q);
                    val.add(a.value(k));
                }
            }
            ptr[t + 1] = col.size();
        }
        int[] c = new int[col.size()];
        for (int k = 0; k < c.length; k++) c[k] = col.get(k);
        return PartialSymmetricMatrix.of(new Pattern(s, ptr, c), val.toArray(new Rational[0]));
    }

    /** Entries in local indices relabelled to global ones. */
    List<Entry> lift(List<Entry> local) {
        List<Entry> out = new ArrayList<>(local.size());
        for (Entry e : local) out.add(new Entry(vertices[e.i()], vertices[e.j()], e.value()));
        return out;
    }
}
