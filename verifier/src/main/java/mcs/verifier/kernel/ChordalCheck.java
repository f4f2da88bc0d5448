package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Checks the MC1 YES hint of form {@code chordal} (an mcs extension, docs/DECISIONS.md "Certificate
 * extensions"): an elimination order p_1..p_n that must be a perfect elimination ordering (PEO) of G(Ω)
 * such that every block C(v) = {v} ∪ later(v) of the specified data is PSD; later(v) is the set of
 * neighbours of v eliminated after v.
 *
 * <h2>Checks, in order</h2>
 * <ol>
 *   <li>{@code fill} (only when the hint lists fill entries): every fill entry is strictly lower, in range,
 *       not a position of Ω, and not repeated ({@code index}, {@code support}, {@code duplicate}). The
 *       checks below then run on the partial matrix Ω ∪ fill (the fill values join the data); a PSD
 *       completion of it agrees with a on Ω, so it is a completion of the instance.
 *   <li>{@code dimensions}: the order has n entries; {@code order}: it is a permutation of [n].
 *   <li>{@code perfect-elimination} (Rose–Tarjan–Lueker 1976): for each v with later(v) ≠ ∅ let u be its
 *       earliest later neighbour; every w ∈ later(v) \ {u} must be adjacent to u. This is equivalent to
 *       "every later(v) is a clique": if later(v) is a clique, u is adjacent to the rest. Conversely, by
 *       induction from the last vertex backwards: every w ∈ later(v) \ {u} is adjacent to u and eliminated
 *       after u (u is the earliest), so later(v) \ {u} ⊆ later(u), which is a clique by induction; u is
 *       adjacent to all of it, so later(v) is a clique. The test groups the requirements "w ~ u" by u and
 *       marks u's neighbours once: O(n + m) time. A failure names v and the two non-adjacent later
 *       neighbours.
 *   <li>{@code block-psd}: every block A[C(v)] is PSD, decided exactly on the integer numerators of the
 *       common-denominator data (a positive scale) by {@link LongExactPsd}, falling back to
 *       {@link ExactPsd} (BigInteger) on overflow. A block C(f) with f the earliest later neighbour of
 *       some u and |later(u)| = |later(f)| + 1 is skipped: the PEO property gives later(u) \ {f} ⊆
 *       later(f), equal by cardinality, so C(f) = later(u) ⊆ C(u) and A[C(f)] is a principal submatrix of
 *       the checked A[C(u)]. A failure names v and the block.
 * </ol>
 * <b>Proven:</b> the PEO makes G(Ω) chordal and its maximal cliques are among the C(v) (each maximal
 * clique K equals C(v) for its earliest vertex v); all maximal-clique blocks are PSD, so a PSD completion
 * exists (Grone, Johnson, Sá, Wolkowicz 1984). Bounds: λmin(X) ≥ 0 and λmax(X) ≤ tr X = Σ a_ii. Tolerance
 * mode is not applied: the check is exact.
 *
 * <p><b>Budget:</b> a block of order above {@link #MAX_BLOCK}, or Σ|C(v)|³ above {@link #MAX_BLOCK_WORK}, ends the
 * check as UNVERIFIED (check {@code budget}) before anything that size is allocated.
 *
 * <p><b>Cost:</b> O((m + f) log(m + f)) to merge f fill entries into the pattern, O(n + m + f) for the order, Σ_v |C(v)|³ word operations for the blocks plus
 * O(|C(v)|² log deg) look-ups of the block's entries.
 */
final class ChordalCheck {
    /** Largest clique block decided (a dense block of this order holds about 70 MB of words). */
    static final int MAX_BLOCK = 3000;
    /** Budget on Σ|C(v)|³ over the checked blocks. */
    static final double MAX_BLOCK_WORK = 5e10;

    private ChordalCheck() {}

    static Judgement check(Mc1Instance inst, Body.Chordal body) {
        if (body.fill().isEmpty()) return check(Target.of(inst), body);
        PartialSymmetricMatrix a = inst.matrix();
        Pattern omega = a.pattern();
        int n = omega.n();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int[][] pairs = new int[omega.edges() + body.fill().size()][];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i) - 1; k++) pairs[q++] = new int[] {i, omega.col(k)};
        }
        int index = 0;
        for (Entry e : body.fill()) {
            index++;
            int i = e.i(), j = e.j();
            if (i >= n) return Checks.outOfRange("fill", index, i, j, n);
            if (i == j || omega.contains(i, j)) {
                return Judgement.rejected("support", "fill entry " + index + " at (" + (i + 1) + "," + (j + 1)
                        + ") is a specified position of the instance; fill lists only unspecified off-diagonal pairs", Method.EXACT, Checks.at(i, j, index));
            }
            if (!seen.add((long) i * n + j)) return Checks.duplicate(index, i, j);
            pairs[q++] = new int[] {i, j};
        }
        Pattern wide = Pattern.of(n, pairs);
        Rational[] v = new Rational[wide.m()];
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) v[wide.entryIndex(i, omega.col(k))] = a.value(k);
        }
        for (Entry e : body.fill()) v[wide.entryIndex(e.i(), e.j())] = e.value();
        return check(Target.of(new Mc1Instance(PartialSymmetricMatrix.of(wide, v))), body);
    }

    private static Judgement check(Target target, Body.Chordal body) {
        int n = target.n();
        int[] order = body.order();
        if (order.length != n) {
            return Judgement.rejected("dimensions", "the elimination order has " + order.length + " entries but the instance has order " + n,
                    Method.EXACT, Map.of("length", order.length));
        }
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int t = 0; t < n; t++) {
            int v = order[t];
            if (v < 0 || v >= n || pos[v] >= 0) {
                return Judgement.rejected("order", "the elimination order is not a permutation of 1.." + n + " (position " + (t + 1)
                        + " holds " + (v + 1) + ")", Method.EXACT, Map.of("index", t + 1));
            }
            pos[v] = t;
        }
        Pattern omega = target.omega;
        int[][] adj = omega.adjacency();
        int[] ptr = adj[0], nbr = adj[1];
        int[] first = new int[n];
        int[] later = new int[n];
        int[] need = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int f = -1, c = 0;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) {
                int w = nbr[p];
                if (pos[w] > pos[v]) {
                    c++;
                    if (f < 0 || pos[w] < pos[f]) f = w;
                }
            }
            first[v] = f;
            later[v] = c;
            if (c > 1) need[f + 1] += c - 1;
        }
        for (int u = 0; u < n; u++) need[u + 1] += need[u];
        int[] reqW = new int[need[n]], reqV = new int[need[n]];
        int[] fill = java.util.Arrays.copyOf(need, n);
        for (int v = 0; v < n; v++) {
            int f = first[v];
            if (later[v] < 2) continue;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) {
                int w = nbr[p];
                if (w != f && pos[w] > pos[v]) {
                    reqW[fill[f]] = w;
                    reqV[fill[f]++] = v;
                }
            }
        }
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int u = 0; u < n; u++) {
            if (need[u] == need[u + 1]) continue;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) mark[nbr[p]] = u;
            for (int r = need[u]; r < need[u + 1]; r++) {
                int w = reqW[r];
                if (mark[w] != u) {
                    int v = reqV[r];
                    Map<String, Object> loc = new java.util.LinkedHashMap<>();
                    loc.put("vertex", v + 1);
                    loc.put("i", Math.max(u, w) + 1);
                    loc.put("j", Math.min(u, w) + 1);
                    return Judgement.rejected("perfect-elimination", "not a perfect elimination order: the later neighbours of vertex " + (v + 1)
                            + " are not a clique (" + (u + 1) + " and " + (w + 1) + " are not adjacent)", Method.EXACT, loc);
                }
            }
        }
        boolean[] covered = new boolean[n];
        for (int u = 0; u < n; u++) {
            int f = first[u];
            if (f >= 0 && later[u] == later[f] + 1) covered[f] = true;
        }
        int checked = 0;
        double cubes = 0;
        int[] idx = new int[16];
        long[][] small = new long[16][16];
        int[] entry = new int[256];
        for (int t = 0; t < n; t++) {
            int v = order[t];
            if (covered[v]) continue;
            int s = later[v] + 1;
            Budget.tick();
            Budget.require(s, MAX_BLOCK, "the clique block C(" + (v + 1) + ") (its order)");
            cubes += (double) s * s * s;
            Budget.require(cubes, MAX_BLOCK_WORK, "the clique blocks (Σ|C|³ word operations)");
            if (idx.length < s) {
                int cap = Math.min(2 * s, MAX_BLOCK);
                idx = new int[cap];
                small = new long[cap][cap];
                entry = new int[cap * cap];
            }
            idx[0] = v;
            int q = 1;
            for (int p = ptr[v]; p < ptr[v + 1]; p++) if (pos[nbr[p]] > t) idx[q++] = nbr[p];
            checked++;
            if (!blockPsd(target, idx, s, small, entry)) {
                StringBuilder members = new StringBuilder("{");
                for (int r = 0; r < s; r++) members.append(r == 0 ? "" : ",").append(idx[r] + 1);
                members.append('}');
                Map<String, Object> loc = new java.util.LinkedHashMap<>();
                loc.put("vertex", v + 1);
                loc.put("block", members.toString());
                return Judgement.rejected("block-psd", "the block C(" + (v + 1) + ") = " + members + " of the specified data is not positive semidefinite",
                        Method.EXACT, loc);
            }
        }
        Map<String, String> bounds = CompletionCheck.yesBounds(mcs.problems.exact.Rational.ZERO, target.trace());
        return Judgement.accepted("block-psd", "the order is a perfect elimination ordering of G(Ω) and its " + checked
                + " clique blocks (every maximal clique among them) are positive semidefinite, so a PSD completion exists (Grone–Johnson–Sá–Wolkowicz)", Method.EXACT, bounds);
    }

    /** Exact PSD test of the block on idx[0..s) (sorted here, so that each row's columns are found in order). */
    private static boolean blockPsd(Target target, int[] idx, int s, long[][] small, int[] entry) {
        java.util.Arrays.sort(idx, 0, s);
        Pattern omega = target.omega;
        boolean fits = true;
        for (int r = 0; r < s; r++) {
            int i = idx[r];
            int from = omega.rowStart(i), to = omega.rowEnd(i);
            for (int c = 0; c <= r; c++) {
                int k = find(omega, from, to, idx[c]);
                if (k < 0) throw new IllegalStateException("internal error: a verified clique block misses (" + (i + 1) + "," + (idx[c] + 1) + ")");
                from = k + 1;
                entry[r * s + c] = k;
                BigInteger x = target.num(k);
                if (x.bitLength() < 62) small[r][c] = x.longValue();
                else fits = false;
            }
        }
        if (fits) {
            try {
                return LongExactPsd.failingIndex(small, s) < 0;
            } catch (ArithmeticException overflow) {
                // decided below with BigInteger
            }
        }
        BigInteger[][] big = new BigInteger[s][];
        for (int r = 0; r < s; r++) {
            big[r] = new BigInteger[r + 1];
            for (int c = 0; c <= r; c++) big[r][c] = target.num(entry[r * s + c]);
        }
        return ExactPsd.decideIntegers(big).psd();
    }

    /** Entry index of column c among row entries [from, to) by binary search, or −1. */
    private static int find(Pattern omega, int from, int to, int c) {
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int x = omega.col(mid);
            if (x < c) lo = mid + 1;
            else if (x > c) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
