package mcs.problems.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;

/**
 * A symmetric position set Ω on [0, n) that contains the whole diagonal, stored as the compressed rows
 * of its lower triangle: row i lists the columns j ≤ i in increasing order, its last entry being the
 * diagonal. Entry k (0 ≤ k &lt; m) is the k-th position in that order, so values can live in plain
 * arrays indexed by k. Indices are 0-based in memory and 1-based only on disk.
 *
 * <p>Memory: 4·(n + m) bytes, plus 8·(m − n) for the full adjacency when first asked for.
 *
 * <p>Immutable: the constructor copies the caller's arrays and no method hands out an internal array
 * ({@link #adjacency()} returns a copy), so a pattern shared with untrusted code stays what it was.
 */
public final class Pattern {
    private final int n;
    private final int[] lowPtr;
    private final int[] lowCol;
    private volatile int[][] adjacency; // {ptr, neighbour, entry}

    /**
     * @param lowPtr n+1 offsets into lowCol
     * @param lowCol per row, strictly increasing columns ≤ row, ending with the row itself
     */
    public Pattern(int n, int[] lowPtr, int[] lowCol) {
        // Copied before they are validated, so that a caller cannot change them between check and use.
        lowPtr = lowPtr.clone();
        lowCol = lowCol.clone();
        if (lowPtr.length != n + 1) throw new IllegalArgumentException("lowPtr must have n+1 entries");
        if (lowPtr[0] != 0 || lowPtr[n] != lowCol.length) throw new IllegalArgumentException("lowPtr must run from 0 to the number of entries");
        for (int i = 0; i < n; i++) {
            int a = lowPtr[i], b = lowPtr[i + 1];
            if (b <= a || lowCol[b - 1] != i) throw new IllegalArgumentException("row " + i + " lacks its diagonal");
            for (int p = a + 1; p < b; p++) {
                if (lowCol[p] <= lowCol[p - 1]) throw new IllegalArgumentException("row " + i + " is not strictly increasing");
            }
            if (lowCol[a] < 0) throw new IllegalArgumentException("negative column in row " + i);
        }
        this.n = n;
        this.lowPtr = lowPtr;
        this.lowCol = lowCol;
    }

    /** A deep copy (new arrays; the adjacency is rebuilt on demand). */
    public Pattern copy() {
        return new Pattern(n, lowPtr, lowCol);
    }

    /** Builds a pattern from 0-based pairs (either order; duplicates and the diagonal are fine). */
    public static Pattern of(int n, int[][] pairs) {
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(new int[] {i, i});
        for (int[] p : pairs) all.add(new int[] {Math.max(p[0], p[1]), Math.min(p[0], p[1])});
        all.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int[] ptr = new int[n + 1];
        int[] col = new int[all.size()];
        int m = 0;
        int[] prev = null;
        for (int[] e : all) {
            if (prev != null && prev[0] == e[0] && prev[1] == e[1]) continue;
            col[m++] = e[1];
            ptr[e[0] + 1]++;
            prev = e;
        }
        for (int i = 0; i < n; i++) ptr[i + 1] += ptr[i];
        return new Pattern(n, ptr, Arrays.copyOf(col, m));
    }

    /** The pattern with every pair specified. */
    public static Pattern dense(int n) {
        int[] ptr = new int[n + 1];
        int[] col = new int[(int) ((long) n * (n + 1) / 2)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) col[k++] = j;
            ptr[i + 1] = k;
        }
        return new Pattern(n, ptr, col);
    }

    public int n() {
        return n;
    }

    /** Number of specified positions counted once per unordered pair, diagonal included. */
    public int m() {
        return lowCol.length;
    }

    /** Number of off-diagonal pairs (edges of G(Ω)). */
    public int edges() {
        return lowCol.length - n;
    }

    /** First entry index of row i in lower-triangle order. */
    public int rowStart(int i) {
        return lowPtr[i];
    }

    /** One past the last entry index of row i; the last entry of a row is its diagonal. */
    public int rowEnd(int i) {
        return lowPtr[i + 1];
    }

    /** Column of entry k. */
    public int col(int k) {
        return lowCol[k];
    }

    /** Row of entry k, by binary search: O(log n). */
    public int row(int k) {
        int r = Arrays.binarySearch(lowPtr, k);
        if (r >= 0) {
            while (r + 1 <= n && lowPtr[r + 1] == k) r++;
            return r;
        }
        return -r - 2;
    }

    /** Entry index of the diagonal position (i, i). */
    public int diagonalEntry(int i) {
        return lowPtr[i + 1] - 1;
    }

    /** Entry index of (i, j) in either order, or −1 when the position is unknown. O(log deg). */
    public int entryIndex(int i, int j) {
        int r = Math.max(i, j), c = Math.min(i, j);
        int k = Arrays.binarySearch(lowCol, lowPtr[r], lowPtr[r + 1], c);
        return k >= 0 ? k : -1;
    }

    public boolean contains(int i, int j) {
        return entryIndex(i, j) >= 0;
    }

    /** Number of off-diagonal neighbours of i in G(Ω). */
    public int degree(int i) {
        int[][] a = sharedAdjacency();
        return a[0][i + 1] - a[0][i];
    }

    /** Off-diagonal neighbours of i, increasing. */
    public int[] neighbours(int i) {
        int[][] a = sharedAdjacency();
        return Arrays.copyOfRange(a[1], a[0][i], a[0][i + 1]);
    }

    /**
     * The full symmetric adjacency without the diagonal as three arrays {@code {ptr, nbr, entry}}:
     * the neighbours of i are {@code nbr[ptr[i] .. ptr[i+1])}, increasing, and {@code entry[p]} is the
     * entry index of the pair (i, nbr[p]). Built once on first use in O(n + m); each call returns a fresh
     * copy (O(n + m)), which the caller owns: call it once per algorithm, not in a loop.
     */
    public int[][] adjacency() {
        int[][] a = sharedAdjacency();
        return new int[][] {a[0].clone(), a[1].clone(), a[2].clone()};
    }

    /** The cached adjacency, for this class only: never handed out. */
    private int[][] sharedAdjacency() {
        int[][] a = adjacency;
        if (a != null) return a;
        synchronized (this) {
            if (adjacency != null) return adjacency;
            int[] deg = new int[n + 1];
            for (int i = 0; i < n; i++) {
                for (int k = lowPtr[i]; k < lowPtr[i + 1] - 1; k++) {
                    deg[i]++;
                    deg[lowCol[k]]++;
                }
            }
            int[] ptr = new int[n + 1];
            for (int i = 0; i < n; i++) ptr[i + 1] = ptr[i] + deg[i];
            int[] nbr = new int[ptr[n]];
            int[] ent = new int[ptr[n]];
            int[] fill = Arrays.copyOf(ptr, n);
            // Rows in increasing order: for vertex v, neighbours below v come first (from row v,
            // increasing), then neighbours above v (from rows i > v, in increasing i).
            for (int i = 0; i < n; i++) {
                for (int k = lowPtr[i]; k < lowPtr[i + 1] - 1; k++) {
                    int j = lowCol[k];
                    nbr[fill[i]] = j;
                    ent[fill[i]++] = k;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int k = lowPtr[i]; k < lowPtr[i + 1] - 1; k++) {
                    int j = lowCol[k];
                    nbr[fill[j]] = i;
                    ent[fill[j]++] = k;
                }
            }
            adjacency = a = new int[][] {ptr, nbr, ent};
            return a;
        }
    }

    /** Calls the action with each entry index k of row i that is off the diagonal. */
    public void forEachOffDiagonalInRow(int i, IntConsumer action) {
        for (int k = lowPtr[i]; k < lowPtr[i + 1] - 1; k++) action.accept(k);
    }

    /**
     * G(Ω) as a JGraphT graph on vertices 0..n−1 whose edges are the off-diagonal pairs. It is a boxed
     * copy (about 150 bytes per edge): meant for JGraphT's algorithms on moderate sizes; code that must
     * scale to n = 10^6 works on {@link #adjacency()} instead.
     */
    public Graph<Integer, DefaultEdge> graph() {
        Graph<Integer, DefaultEdge> g = new org.jgrapht.graph.SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) g.addVertex(i);
        for (int i = 0; i < n; i++) {
            for (int k = lowPtr[i]; k < lowPtr[i + 1] - 1; k++) g.addEdge(lowCol[k], i);
        }
        return g;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.n == n && Arrays.equals(p.lowPtr, lowPtr) && Arrays.equals(p.lowCol, lowCol);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lowPtr) + Arrays.hashCode(lowCol);
    }
}
