package mcs.solvers.haf.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * Cumulant propagation (ARC's heuristic-hafnian estimator): haf(S) = E[x_1⋯x_N] for a centred Gaussian
 * vector with covariance S (Wick), estimated by multiplying the variables along a balanced binary tree and
 * setting every joint cumulant of order above k to 0 at every level.
 *
 * <p>The tree splits the leaves 0..N−1 recursively into halves (the left half gets ⌊size/2⌋). Level h
 * multiplies, simultaneously, the two children of every node of height h; nodes of smaller height are
 * carried unchanged. The joint cumulants of the new level's nodes come from the old level's by the
 * Leonov–Shiryaev formula: κ(Π_{g∈G_1}x_g, …, Π_{g∈G_r}x_g) = Σ over partitions π of G_1 ∪ … ∪ G_r that
 * connect the groups, of Π_{B∈π} κ(B). Only cumulants of sets of distinct nodes are ever needed (the root
 * is a product of distinct leaves), and of those only the ones of order ≤ k are kept: that is the
 * truncation. Level 0 has κ(x_i) = 0 and κ(x_i, x_j) = S_ij (i ≠ j; the diagonal is never used, as for the
 * hafnian), higher cumulants 0. With k ≥ N nothing is truncated and the result is exactly haf(S); k = 1
 * gives 0; k = 2 on the all-ones 8×8 matrix gives 25 (SPEC §6). The formula is algebraic, so S need not be
 * PSD.
 *
 * <p>Arithmetic is exact (rationals). Cost: for each of the ⌈log₂ N⌉ levels with frontier size F,
 * Σ_{r≤k} C(F, r) cumulants, each a sum over at most Bell(2k) partitions; N ≤ {@value #MAX_N}.
 */
final class CumulantPropagation {
    /** Largest order accepted: frontier sets are bit masks of a long. */
    static final int MAX_N = 62;

    private CumulantPropagation() {}

    /**
     * The order-k estimate of haf(S).
     *
     * @param s symmetric matrix of even order N ≤ {@value #MAX_N} (only entries above the diagonal are read)
     * @param k truncation order ≥ 1
     */
    static Rational estimate(RationalMatrix s, int k) {
        int n = s.rows();
        if (n % 2 != 0 || n > MAX_N) throw new IllegalArgumentException("cumulant propagation needs an even order <= " + MAX_N + ", got " + n);
        if (k < 1) throw new IllegalArgumentException("order k must be >= 1, got " + k);
        if (n == 0) return Rational.ONE;
        int[] height = new int[2 * n];
        List<int[]> nodes = new ArrayList<>(); // {lo, hi, left child id, right child id}
        int root = build(0, n, nodes);
        int rootHeight = heights(root, nodes, height);
        // Frontier at level 0: the leaves, in order; cumulants keyed by bit masks over frontier positions.
        List<Integer> frontier = new ArrayList<>();
        collectFrontier(root, 0, nodes, height, frontier);
        Map<Long, Rational> kappa = new HashMap<>();
        if (k >= 2) {
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                Rational v = s.get(i, j);
                if (!v.isZero()) kappa.put((1L << i) | (1L << j), v);
            }
        }
        for (int h = 1; h <= rootHeight; h++) {
            List<Integer> next = new ArrayList<>();
            collectFrontier(root, h, nodes, height, next);
            long[] groups = new long[next.size()];
            for (int q = 0; q < next.size(); q++) {
                int v = next.get(q);
                int[] node = nodes.get(v);
                if (height[v] == h) {
                    groups[q] = (1L << frontier.indexOf(node[2])) | (1L << frontier.indexOf(node[3]));
                } else {
                    groups[q] = 1L << frontier.indexOf(v);
                }
            }
            kappa = nextLevel(kappa, groups, k);
            frontier = next;
        }
        return kappa.getOrDefault(1L, Rational.ZERO);
    }

    /** Cumulants of every set of ≤ k new nodes (each new node is the product of the old nodes in its group mask). */
    private static Map<Long, Rational> nextLevel(Map<Long, Rational> old, long[] groups, int k) {
        Map<Long, Rational> out = new HashMap<>();
        int f = groups.length;
        subsets(f, Math.min(k, f), 0, 0L, 0, (Long t) -> {
            Rational v = cumulantOfProducts(old, groups, t, k);
            if (!v.isZero()) out.put(t, v);
        });
        return out;
    }

    private interface MaskSink {
        void accept(Long mask);
    }

    private static void subsets(int f, int maxSize, int from, long mask, int size, MaskSink sink) {
        if (size > 0) sink.accept(mask);
        if (size == maxSize) return;
        for (int i = from; i < f; i++) subsets(f, maxSize, i + 1, mask | (1L << i), size + 1, sink);
    }

    /** Leonov–Shiryaev: Σ over partitions of the union of the groups in t that connect them, old cumulants of order > k being 0. */
    private static Rational cumulantOfProducts(Map<Long, Rational> old, long[] groups, long t, int k) {
        int r = Long.bitCount(t);
        int[] elem = new int[2 * r];
        int[] group = new int[2 * r];
        int m = 0, g = 0;
        for (long rest = t; rest != 0; rest &= rest - 1, g++) {
            long members = groups[Long.numberOfTrailingZeros(rest)];
            for (long x = members; x != 0; x &= x - 1) {
                elem[m] = Long.numberOfTrailingZeros(x);
                group[m++] = g;
            }
        }
        return partitions(old, elem, group, m, (1 << m) - 1, new int[m], 0, Rational.ONE, r, k);
    }

    /** Sums over set partitions of the elements in {@code free}, given blocks chosen so far (their group masks). */
    private static Rational partitions(Map<Long, Rational> old, int[] elem, int[] group, int m, int free,
                                       int[] blockGroups, int blocks, Rational product, int r, int k) {
        if (free == 0) return connected(blockGroups, blocks, r) ? product : Rational.ZERO;
        int first = Integer.numberOfTrailingZeros(free);
        int others = free & ~(1 << first);
        Rational total = Rational.ZERO;
        // Every block containing `first`: `first` plus a subset of the other free elements, at most k in all.
        for (int sub = others; ; sub = (sub - 1) & others) {
            int block = sub | (1 << first);
            if (Integer.bitCount(block) <= k) {
                long oldMask = 0;
                int gm = 0;
                for (int x = block; x != 0; x &= x - 1) {
                    int e = Integer.numberOfTrailingZeros(x);
                    oldMask |= 1L << elem[e];
                    gm |= 1 << group[e];
                }
                Rational c = old.get(oldMask);
                if (c != null) {
                    blockGroups[blocks] = gm;
                    total = total.add(partitions(old, elem, group, m, free & ~block, blockGroups, blocks + 1, product.multiply(c), r, k));
                }
            }
            if (sub == 0) break;
        }
        return total;
    }

    private static boolean connected(int[] blockGroups, int blocks, int r) {
        int comp = blockGroups[0];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int b = 0; b < blocks; b++) {
                if ((blockGroups[b] & comp) != 0 && (blockGroups[b] | comp) != comp) {
                    comp |= blockGroups[b];
                    grew = true;
                }
            }
        }
        return comp == (1 << r) - 1;
    }

    private static int build(int lo, int hi, List<int[]> nodes) {
        if (hi - lo == 1) {
            nodes.add(new int[] {lo, hi, -1, -1});
            return nodes.size() - 1;
        }
        int mid = lo + (hi - lo) / 2;
        int l = build(lo, mid, nodes), rr = build(mid, hi, nodes);
        nodes.add(new int[] {lo, hi, l, rr});
        return nodes.size() - 1;
    }

    private static int heights(int v, List<int[]> nodes, int[] height) {
        int[] node = nodes.get(v);
        height[v] = node[2] < 0 ? 0 : 1 + Math.max(heights(node[2], nodes, height), heights(node[3], nodes, height));
        return height[v];
    }

    /** Nodes of height ≤ h whose parent has height > h (or the root), left to right. */
    private static void collectFrontier(int v, int h, List<int[]> nodes, int[] height, List<Integer> out) {
        if (height[v] <= h) {
            out.add(v);
            return;
        }
        int[] node = nodes.get(v);
        collectFrontier(node[2], h, nodes, height, out);
        collectFrontier(node[3], h, nodes, height, out);
    }
}
