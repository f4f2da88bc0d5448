package mcs.solvers.haf.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * A literal transcription, for tests, of ARC's definition of cumulant propagation ({@code heuristic-hafnian},
 * {@code propagation.py} and {@code btree.py}), written independently of {@link CumulantPropagation}: it
 * recurses on tuples of tree nodes exactly as the definition does, rather than level by level.
 *
 * <ul>
 *   <li>balanced tree: items[:mid], items[mid:] with mid = (len + 1) // 2; unbalanced: items[:1], items[1:];
 *   <li>height: 0 for a leaf, 1 + max over the children;
 *   <li>κ(tuple) = 0 if the tuple is longer than the order; else let H be the largest height in it: if H = 0 the
 *       tuple holds leaves only and κ is S_ij for two leaves, 0 otherwise; else the nodes of height H are
 *       split into their two children ("pairs"), the others stay ("singles"), and κ is the sum over all
 *       partitions of children ∪ singles that are connected once each pair's two children are joined, of the
 *       product of κ over the blocks.
 * </ul>
 * Set partitions are enumerated outright (each block: the first free element plus any subset of the rest)
 * and connectivity is checked with a union-find; blocks longer than the order are skipped as their κ is 0.
 */
final class ArcDefinition {
    private final RationalMatrix s;
    private final int order;
    private final List<int[]> children = new ArrayList<>(); // node id → {left, right} or null for leaves
    private final List<Integer> height = new ArrayList<>();
    private final List<Integer> leaf = new ArrayList<>();
    private final Map<String, Rational> memo = new HashMap<>();

    private ArcDefinition(RationalMatrix s, int order) {
        this.s = s;
        this.order = order;
    }

    static Rational estimate(RationalMatrix s, int order, boolean balanced) {
        ArcDefinition d = new ArcDefinition(s, order);
        int[] items = new int[s.rows()];
        for (int i = 0; i < items.length; i++) items[i] = i;
        int root = d.tree(items, balanced);
        return d.kappa(new int[] {root});
    }

    private int tree(int[] items, boolean balanced) {
        if (items.length == 1) {
            children.add(null);
            height.add(0);
            leaf.add(items[0]);
            return children.size() - 1;
        }
        int mid = balanced ? (items.length + 1) / 2 : 1;
        int l = tree(Arrays.copyOfRange(items, 0, mid), balanced);
        int r = tree(Arrays.copyOfRange(items, mid, items.length), balanced);
        children.add(new int[] {l, r});
        height.add(1 + Math.max(height.get(l), height.get(r)));
        leaf.add(-1);
        return children.size() - 1;
    }

    private Rational kappa(int[] tuple) {
        if (tuple.length > order) return Rational.ZERO;
        int[] key = tuple.clone();
        Arrays.sort(key);
        String k = Arrays.toString(key);
        Rational cached = memo.get(k);
        if (cached != null) return cached;
        int h = 0;
        for (int v : tuple) h = Math.max(h, height.get(v));
        Rational value;
        if (h == 0) {
            value = tuple.length == 2 ? s.get(leaf.get(tuple[0]), leaf.get(tuple[1])) : Rational.ZERO;
        } else {
            List<Integer> elems = new ArrayList<>();
            List<int[]> links = new ArrayList<>();
            for (int v : tuple) {
                if (height.get(v) == h) {
                    int[] c = children.get(v);
                    links.add(new int[] {elems.size(), elems.size() + 1});
                    elems.add(c[0]);
                    elems.add(c[1]);
                } else {
                    elems.add(v);
                }
            }
            value = partitions(elems, links, new int[elems.size()], Rational.ONE, new ArrayList<>());
        }
        memo.put(k, value);
        return value;
    }

    /**
     * Σ over partitions of the elements not yet placed (block[i] = 0), blocks so far in {@code blocks} with the
     * product of their κ in {@code product}; a block whose κ is 0 ends that branch at once.
     */
    private Rational partitions(List<Integer> elems, List<int[]> links, int[] block, Rational product, List<int[]> blocks) {
        int m = elems.size();
        int first = -1;
        for (int i = 0; i < m; i++) if (block[i] == 0) {
            first = i;
            break;
        }
        if (first < 0) return connected(m, blocks, links) ? product : Rational.ZERO;
        List<Integer> rest = new ArrayList<>();
        for (int i = first + 1; i < m; i++) if (block[i] == 0) rest.add(i);
        Rational total = Rational.ZERO;
        for (int mask = 0; mask < (1 << rest.size()); mask++) {
            if (Integer.bitCount(mask) + 1 > order) continue;
            int[] b = new int[Integer.bitCount(mask) + 1];
            b[0] = first;
            for (int i = 0, x = 1; i < rest.size(); i++) if ((mask & (1 << i)) != 0) b[x++] = rest.get(i);
            int[] t = new int[b.length];
            for (int i = 0; i < b.length; i++) t[i] = elems.get(b[i]);
            Rational kb = kappa(t);
            if (kb.isZero()) continue;
            int id = blocks.size() + 1;
            for (int i : b) block[i] = id;
            blocks.add(b);
            total = total.add(partitions(elems, links, block, product.multiply(kb), blocks));
            blocks.remove(blocks.size() - 1);
            for (int i : b) block[i] = 0;
        }
        return total;
    }

    private static boolean connected(int m, List<int[]> blocks, List<int[]> links) {
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) parent[i] = i;
        for (int[] b : blocks) for (int i = 1; i < b.length; i++) union(parent, b[0], b[i]);
        for (int[] l : links) union(parent, l[0], l[1]);
        int r = find(parent, 0);
        for (int i = 1; i < m; i++) if (find(parent, i) != r) return false;
        return true;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) x = p[x] = p[p[x]];
        return x;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }
}
