package mcs.solvers.perm.exact;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The structural reductions of a sparse integer matrix that leave its permanent unchanged:
 * <ol>
 *   <li>a row or column that is entirely zero makes the permanent 0;
 *   <li>a row (column) with a single nonzero a_ij: perm(A) = a_ij·perm(A without row i and column j), by
 *       the Laplace expansion along that row (column); repeated until no such line is left;
 *   <li>block-triangular split (the fine part of the Dulmage–Mendelsohn decomposition): with a perfect
 *       matching σ of the bipartite nonzero graph (none means perm = 0, since every permutation then
 *       meets a zero), let row i point to row k when a_{i,σ(k)} ≠ 0. Ordering rows by the strongly connected
 *       components of this digraph (and columns by σ) makes A block triangular with the components as
 *       diagonal blocks, and the permanent of a block-triangular matrix is the product of the permanents of
 *       its diagonal blocks (a permutation with a nonzero product cannot leave a block early).
 * </ol>
 * Complexity: O(n³) for the reductions, O(n·nnz) for the matching (augmenting paths), O(nnz) for the
 * components (Tarjan).
 *
 * @param factor product of the entries removed by single-entry reductions (0 when the permanent is 0)
 * @param blocks the remaining diagonal blocks (integer matrices), empty when factor is 0
 */
record BlockSplit(BigInteger factor, List<BigInteger[][]> blocks) {

    static BlockSplit of(BigInteger[][] a) {
        int n = a.length;
        boolean[] rowGone = new boolean[n];
        boolean[] colGone = new boolean[n];
        BigInteger factor = BigInteger.ONE;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int line = 0; line < 2 * n; line++) {
                boolean byRow = line < n;
                int k = byRow ? line : line - n;
                if (byRow ? rowGone[k] : colGone[k]) continue;
                int count = 0;
                int at = -1;
                for (int x = 0; x < n && count < 2; x++) {
                    if (byRow ? colGone[x] : rowGone[x]) continue;
                    if ((byRow ? a[k][x] : a[x][k]).signum() != 0) {
                        count++;
                        at = x;
                    }
                }
                if (count == 0) return new BlockSplit(BigInteger.ZERO, List.of());
                if (count == 1) {
                    int i = byRow ? k : at;
                    int j = byRow ? at : k;
                    factor = factor.multiply(a[i][j]);
                    rowGone[i] = true;
                    colGone[j] = true;
                    changed = true;
                }
            }
        }
        int[] rows = indices(rowGone);
        int[] cols = indices(colGone);
        int[] match = matching(a, rows, cols);
        if (match == null) return new BlockSplit(BigInteger.ZERO, List.of());
        List<BigInteger[][]> blocks = new ArrayList<>();
        for (int[] comp : components(a, rows, cols, match)) {
            int s = comp.length;
            BigInteger[][] b = new BigInteger[s][s];
            for (int x = 0; x < s; x++) for (int y = 0; y < s; y++) b[x][y] = a[rows[comp[x]]][cols[match[comp[y]]]];
            blocks.add(b);
        }
        return new BlockSplit(factor, blocks);
    }

    /** Whether the split is worth it: the permanent is 0, or the largest block is smaller than n. */
    boolean helps(int n) {
        return factor.signum() == 0 || largest() < n;
    }

    int largest() {
        int max = 0;
        for (BigInteger[][] b : blocks) max = Math.max(max, b.length);
        return max;
    }

    private static int[] indices(boolean[] gone) {
        int[] out = new int[gone.length];
        int m = 0;
        for (int i = 0; i < gone.length; i++) if (!gone[i]) out[m++] = i;
        return Arrays.copyOf(out, m);
    }

    /** match[r] = local column matched to local row r (Kuhn's augmenting paths), or null if no perfect matching. */
    private static int[] matching(BigInteger[][] a, int[] rows, int[] cols) {
        int m = rows.length;
        int[] rowOf = new int[m];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < m; r++) {
            if (!augment(a, rows, cols, r, rowOf, new boolean[m])) return null;
        }
        int[] match = new int[m];
        for (int c = 0; c < m; c++) match[rowOf[c]] = c;
        return match;
    }

    private static boolean augment(BigInteger[][] a, int[] rows, int[] cols, int r, int[] rowOf, boolean[] seen) {
        for (int c = 0; c < cols.length; c++) {
            if (seen[c] || a[rows[r]][cols[c]].signum() == 0) continue;
            seen[c] = true;
            if (rowOf[c] < 0 || augment(a, rows, cols, rowOf[c], rowOf, seen)) {
                rowOf[c] = r;
                return true;
            }
        }
        return false;
    }

    /** Strongly connected components of r → k when a[r][σ(k)] ≠ 0 (Tarjan, iterative). */
    private static List<int[]> components(BigInteger[][] a, int[] rows, int[] cols, int[] match) {
        int m = rows.length;
        int[] index = new int[m];
        int[] low = new int[m];
        boolean[] onStack = new boolean[m];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<int[]> out = new ArrayList<>();
        int counter = 0;
        int[] next = new int[m];
        Deque<Integer> call = new ArrayDeque<>();
        for (int root = 0; root < m; root++) {
            if (index[root] >= 0) continue;
            call.push(root);
            while (!call.isEmpty()) {
                int v = call.peek();
                if (index[v] < 0) {
                    index[v] = low[v] = counter++;
                    stack.push(v);
                    onStack[v] = true;
                }
                boolean descended = false;
                while (next[v] < m) {
                    int w = next[v]++;
                    if (a[rows[v]][cols[match[w]]].signum() == 0) continue;
                    if (index[w] < 0) {
                        call.push(w);
                        descended = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.min(low[v], index[w]);
                }
                if (descended) continue;
                call.pop();
                if (!call.isEmpty()) low[call.peek()] = Math.min(low[call.peek()], low[v]);
                if (low[v] == index[v]) {
                    List<Integer> comp = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        comp.add(w);
                    } while (w != v);
                    out.add(comp.stream().mapToInt(Integer::intValue).sorted().toArray());
                }
            }
        }
        return out;
    }
}
