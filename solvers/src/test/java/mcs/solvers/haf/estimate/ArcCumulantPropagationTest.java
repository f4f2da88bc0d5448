package mcs.solvers.haf.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.solvers.haf.estimate.CumulantPropagation.Tree;
import mcs.solvers.perm.estimate.EstimateTesting;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/**
 * Cumulant propagation exactly as ARC defines it ({@code heuristic-hafnian}: {@code balanced_btree} gives the
 * left half ⌈N/2⌉ leaves, {@code unbalanced_btree} splits off one leaf; heights decide which nodes are expanded
 * together). Three independent sources of expected values: formulas derived by hand from the definitions,
 * the order-2 mean/covariance recursion the definitions reduce to, and a literal transcription of the
 * recursive definition ({@link ArcDefinition}), for N = 2 … 12 and every order.
 */
class ArcCumulantPropagationTest {
    /** The 6×6 symmetric integer matrix used for the hand-derived values below. */
    private static final long[][] M6 = {
        {4, 0, -1, -5, -3, 4}, {0, 2, -3, -6, -1, 3}, {-1, -3, -4, -2, 2, 4},
        {-5, -6, -2, -2, 4, -2}, {-3, -1, 2, 4, -4, 1}, {4, 3, 4, -2, 1, 2}};

    private static Rational a(RationalMatrix s, int i, int j) {
        return s.get(i, j);
    }

    private static RationalMatrix random(SplittableRandom rng, int n) {
        return NaiveGaussian.randomSymmetric(rng, n, -4, 4, 1);
    }

    /**
     * By hand from the definitions (κ(leaf) = 0; κ(leaf i, leaf j) = S_ij; κ of a tuple longer than the order
     * is 0; a node of the largest height is replaced by its children, joined by a link):
     * <ul>
     *   <li>N = 2, tree (0 1): κ(root) = κ(0,1) + κ(0)κ(1) = S01 for order ≥ 2; order 1 truncates κ(0,1): 0.
     *   <li>N = 3, tree ((0 1) 2): κ(root) = κ(01, 2) + κ(01)κ(2) = κ(01, 2); the connected partitions of
     *       {0, 1, 2} with the link 0–1 are {012} (a leaf triple: 0) and {02}{1}, {12}{0} (κ(leaf) = 0): 0.
     *   <li>N = 4, balanced ((0 1)(2 3)), order 2: κ(01)κ(23) + κ(01, 23) = S01 S23 + S02 S13 + S03 S12 = haf.
     *   <li>N = 4, unbalanced (0 (1 (2 3))), order 2: only {01}{23} survives: S01 S23. Order 3 adds the triple
     *       κ(0, 1, 23) = S02 S13 + S03 S12: the hafnian.
     *   <li>N = 6, balanced ((0 1) 2)((3 4) 5), order 2: κ(A) = 0 for A = ((0 1) 2) (as for N = 3), and
     *       κ(A, B) sums the connected partitions of {01, 2, 34, 5} (links 01–2, 34–5) into blocks of ≤ 2:
     *       {01, 34}{2, 5} gives (S03 S14 + S04 S13)·S25, {01}{34}{2, 5} gives S01 S34 S25, the others vanish
     *       (a lone leaf, or κ(01, 5) = S05 κ(1) + S15 κ(0) = 0). Estimate (S01 S34 + S03 S14 + S04 S13)·S25.
     *       The old mcs tree (0 (1 2))(3 (4 5)) gives S03·(S12 S45 + S14 S25 + S15 S24) instead.
     *   <li>N = 6, unbalanced, order 2: the caterpillar keeps only S01 S23 S45.
     * </ul>
     */
    @Test
    void handDerivedValues() {
        SplittableRandom rng = new SplittableRandom(61);
        for (int trial = 0; trial < 5; trial++) {
            RationalMatrix s2 = random(rng, 2), s3 = random(rng, 3), s4 = random(rng, 4), s6 = random(rng, 6);
            assertEquals(Rational.ZERO, CumulantPropagation.estimate(s2, 1));
            assertEquals(a(s2, 0, 1), CumulantPropagation.estimate(s2, 2));
            for (int k = 1; k <= 3; k++) assertEquals(Rational.ZERO, CumulantPropagation.estimate(s3, k), "N=3 order " + k);
            Rational haf4 = a(s4, 0, 1).multiply(a(s4, 2, 3)).add(a(s4, 0, 2).multiply(a(s4, 1, 3))).add(a(s4, 0, 3).multiply(a(s4, 1, 2)));
            assertEquals(haf4, CumulantPropagation.estimate(s4, 2));
            assertEquals(a(s4, 0, 1).multiply(a(s4, 2, 3)), CumulantPropagation.estimate(s4, 2, Tree.UNBALANCED));
            assertEquals(haf4, CumulantPropagation.estimate(s4, 3, Tree.UNBALANCED));
            Rational six = a(s6, 0, 1).multiply(a(s6, 3, 4)).add(a(s6, 0, 3).multiply(a(s6, 1, 4))).add(a(s6, 0, 4).multiply(a(s6, 1, 3)))
                    .multiply(a(s6, 2, 5));
            assertEquals(six, CumulantPropagation.estimate(s6, 2));
            assertEquals(a(s6, 0, 1).multiply(a(s6, 2, 3)).multiply(a(s6, 4, 5)), CumulantPropagation.estimate(s6, 2, Tree.UNBALANCED));
        }
        // The fixed 6×6 matrix: order 2 = (0·4 + (−5)(−1) + (−3)(−6))·4 = 92; full order = haf = −19.
        RationalMatrix m = RationalMatrix.ofLongs(M6);
        assertEquals(Rational.of(92), CumulantPropagation.estimate(m, 2));
        assertEquals(NaiveGaussian.hafnian(NaiveGaussian.array(m)), CumulantPropagation.estimate(m, 6));
        assertEquals(Rational.of(-19), CumulantPropagation.estimate(m, 6));
        // The same derivation on the old mcs tree gives S03·(S12 S45 + S14 S25 + S15 S24) = −5·(−3 − 4 + 6) = 5.
        Rational oldTree = a(m, 0, 3).multiply(a(m, 1, 2).multiply(a(m, 4, 5)).add(a(m, 1, 4).multiply(a(m, 2, 5))).add(a(m, 1, 5).multiply(a(m, 2, 4))));
        assertEquals(Rational.of(5), oldTree);
    }

    /**
     * Order 2 reduces the definition to a mean/covariance recursion (blocks of size ≤ 2): for a node uv,
     * m(uv) = c(u,v) + m(u)m(v); c(uv, w) = c(u,w)m(v) + c(v,w)m(u) when only uv is expanded;
     * c(uv, wz) = c(u,w)c(v,z) + c(u,z)c(v,w) + c(u,w)m(v)m(z) + c(u,z)m(v)m(w) + c(v,w)m(u)m(z) + c(v,z)m(u)m(w)
     * when both are; leaves m = 0, c(i,j) = S_ij. Compared for N = 2 … 12 on both trees.
     */
    @Test
    void orderTwoIsTheMeanCovarianceRecursion() {
        SplittableRandom rng = new SplittableRandom(62);
        for (int n = 2; n <= 12; n++) {
            for (Tree t : Tree.values()) {
                RationalMatrix s = random(rng, n);
                assertEquals(OrderTwo.estimate(s, t == Tree.BALANCED), CumulantPropagation.estimate(s, 2, t), "N=" + n + " " + t);
            }
        }
    }

    @Test
    void everyOrderMatchesTheLiteralDefinition() {
        SplittableRandom rng = new SplittableRandom(63);
        for (int n = 2; n <= 12; n++) {
            RationalMatrix s = random(rng, n);
            for (int k = 1; k <= n; k++) {
                assertEquals(ArcDefinition.estimate(s, k, true), CumulantPropagation.estimate(s, k, Tree.BALANCED), "balanced N=" + n + " order " + k);
                if (n <= 9) assertEquals(ArcDefinition.estimate(s, k, false), CumulantPropagation.estimate(s, k, Tree.UNBALANCED), "unbalanced N=" + n + " order " + k);
            }
        }
    }

    @Test
    void solverTakesTheTreeOption() {
        PermInstance inst = new PermInstance(Problem.HAFNIAN_ESTIMATE, PermInstance.Field.INTEGER, RationalMatrix.ofLongs(M6), null);
        assertEquals("92", EstimateTesting.run("cumulant-propagation", inst, Map.of("order", "2"), 1).value());
        assertEquals(CumulantPropagation.estimate(inst.re(), 2, Tree.UNBALANCED).toString(),
                EstimateTesting.run("cumulant-propagation", inst, Map.of("order", "2", "tree", "unbalanced"), 1).value());
    }

    /** The order-2 recursion of the Javadoc above, on ARC's trees. */
    private static final class OrderTwo {
        private final RationalMatrix s;
        private final java.util.List<int[]> kids = new java.util.ArrayList<>();
        private final java.util.List<Integer> h = new java.util.ArrayList<>(), leaf = new java.util.ArrayList<>();

        private OrderTwo(RationalMatrix s) {
            this.s = s;
        }

        static Rational estimate(RationalMatrix s, boolean balanced) {
            OrderTwo o = new OrderTwo(s);
            int[] items = java.util.stream.IntStream.range(0, s.rows()).toArray();
            return o.mean(o.build(items, balanced));
        }

        int build(int[] items, boolean balanced) {
            if (items.length == 1) {
                kids.add(null);
                h.add(0);
                leaf.add(items[0]);
                return kids.size() - 1;
            }
            int mid = balanced ? (items.length + 1) / 2 : 1;
            int l = build(java.util.Arrays.copyOfRange(items, 0, mid), balanced), r = build(java.util.Arrays.copyOfRange(items, mid, items.length), balanced);
            kids.add(new int[] {l, r});
            h.add(1 + Math.max(h.get(l), h.get(r)));
            leaf.add(-1);
            return kids.size() - 1;
        }

        Rational mean(int v) {
            if (kids.get(v) == null) return Rational.ZERO;
            int[] c = kids.get(v);
            return cov(c[0], c[1]).add(mean(c[0]).multiply(mean(c[1])));
        }

        Rational cov(int u, int w) {
            int hu = h.get(u), hw = h.get(w);
            if (hu == 0 && hw == 0) return s.get(leaf.get(u), leaf.get(w));
            if (hu < hw) return cov(w, u);
            int[] a = kids.get(u);
            if (hu > hw) return cov(a[0], w).multiply(mean(a[1])).add(cov(a[1], w).multiply(mean(a[0])));
            int[] b = kids.get(w);
            Rational x = cov(a[0], b[0]).multiply(cov(a[1], b[1])).add(cov(a[0], b[1]).multiply(cov(a[1], b[0])));
            x = x.add(cov(a[0], b[0]).multiply(mean(a[1])).multiply(mean(b[1])));
            x = x.add(cov(a[0], b[1]).multiply(mean(a[1])).multiply(mean(b[0])));
            x = x.add(cov(a[1], b[0]).multiply(mean(a[0])).multiply(mean(b[1])));
            x = x.add(cov(a[1], b[1]).multiply(mean(a[0])).multiply(mean(b[0])));
            return x;
        }
    }
}
