package mcs.problems.families;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.Pattern;

/**
 * {@code gap-cycles}: signed 4-cycles (SPEC §6) glued into a cactus (clique-sums at single vertices) or
 * placed side by side, with t* = 1 − √2·|c| exactly.
 *
 * <p>Why t* is exact: one signed 4-cycle with unit diagonal and values c, c, c, −c has t* = 1 − √2|c| (zero
 * chords give λmin = 1 − √2|c|; W = I + (1/√2)·S gives the same upper bound). A clique-sum G₁ ⊕_K G₂ of
 * patterns is completable iff both parts are (a completion of each, agreeing on the specified clique K,
 * fills a chordal pattern with cliques V₁, V₂), and applying this to a − tI gives t*(G) = min(t*(G₁), t*(G₂));
 * a disjoint union is the case K = ∅. Pendant vertices (edge value 0) and isolated vertices contribute 1.
 * A diagonal ±1 similarity (switching) and a relabelling keep t*.
 *
 * <p>Cost: O(n) exact operations plus O(digits²) for the roundings.
 */
final class GapCyclesFamily extends GapFamily {
    GapCyclesFamily() {
        super("gap-cycles", 4, List.of(new Parameter("shape", "cactus",
                "cactus (each new 4-cycle shares one vertex with the earlier ones) or union (disjoint 4-cycles)")));
    }

    @Override
    public int defaultN() {
        return 13;
    }

    @Override
    public String description() {
        return "MC1 with a known gap: signed 4-cycles (values c, c, c, −c, unit diagonal, chords unknown, as in near-boundary) "
                + "glued at single vertices into a random cactus (shape=cactus: n = 3k + 1 + p, with p ≤ 2 pendant vertices joined "
                + "by a specified 0) or side by side (shape=union: n = 4k + q, q ≤ 3 isolated vertices); then a random "
                + "relabelling and a random ±1 switching D·a·D. t* = 1 − √2·c exactly (the clique-sum of patterns takes the "
                + "minimum of the parts' t*), with c the decimal of ⌈−log10 ε⌉ + 7 digits just inside the target: "
                + "2c² ≤ (1 − ε)² for yes, 2c² ≥ (1 + ε)² for no. Lower proof: the chords filled with 0 form a chordal pattern "
                + "whose 4-clique blocks (1 − LOW)·I + c·T are PSD (a chordal certificate with fill); upper proof: "
                + "W = I + τ·S on one cycle, 2τ² ≤ 1, ⟨W,a⟩ = 4 − 8τc ≤ 4·HIGH." + COMMON;
    }

    @Override
    Built buildGap(int n, Rational eps, boolean yes, SplittableRandom rng, Params p) {
        boolean cactus = p.choice("shape", "cactus", "union").equals("cactus");
        int digits = GapMath.digitsFor(eps, 7);
        // 2c² ≤ (1 − ε)²  (yes)  or  2c² ≥ (1 + ε)²  (no), c a decimal of `digits` digits
        Rational half = Rational.HALF;
        Rational c = yes ? GapMath.sqrtFloor(Rational.ONE.subtract(eps).square().multiply(half), digits)
                : GapMath.sqrtCeil(Rational.ONE.add(eps).square().multiply(half), digits);
        // logical cycles: cycles.get(j) = {v1, v2, v3, v4} in cycle order; shared.get(j) = the vertex it shares with earlier ones, or −1
        List<int[]> cycles = new ArrayList<>();
        List<Integer> shared = new ArrayList<>();
        List<int[]> extra = new ArrayList<>(); // {vertex, neighbour or −1}
        if (cactus) {
            int k = (n - 1) / 3;
            cycles.add(new int[] {0, 1, 2, 3});
            shared.add(-1);
            int next = 4;
            for (int j = 1; j < k; j++) {
                int attach = rng.nextInt(next);
                int at = rng.nextInt(4);
                int[] cyc = new int[4];
                for (int t = 0; t < 4; t++) cyc[t] = t == at ? attach : next++;
                cycles.add(cyc);
                shared.add(attach);
            }
            while (next < n) {
                extra.add(new int[] {next, rng.nextInt(next)});
                next++;
            }
        } else {
            int k = n / 4;
            for (int j = 0; j < k; j++) {
                cycles.add(new int[] {4 * j, 4 * j + 1, 4 * j + 2, 4 * j + 3});
                shared.add(-1);
            }
            for (int v = 4 * k; v < n; v++) extra.add(new int[] {v, -1});
        }
        int[] label = Sampling.permutation(n, rng);
        int[] sign = Mc1Data.signs(n, rng);
        List<int[]> edges = new ArrayList<>();
        for (int[] cyc : cycles) for (int e = 0; e < 4; e++) edges.add(new int[] {label[cyc[e]], label[cyc[(e + 1) % 4]]});
        for (int[] x : extra) if (x[1] >= 0) edges.add(new int[] {label[x[0]], label[x[1]]});
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < n; i++) a[pat.diagonalEntry(i)] = Rational.ONE;
        Rational[] vals = SignedFourCycle.values(c);
        for (int[] cyc : cycles) {
            for (int e = 0; e < 4; e++) {
                int x = label[cyc[e]], y = label[cyc[(e + 1) % 4]];
                // cycle order v1v2, v2v3, v3v4, v4v1 carries c, c, c and −c
                a[pat.entryIndex(x, y)] = vals[e].multiply((long) sign[x] * sign[y]);
            }
        }
        for (int[] x : extra) if (x[1] >= 0) a[pat.entryIndex(label[x[0]], label[x[1]])] = Rational.ZERO;

        Rational[] sqrt2c = sqrt2Bounds(c, digits + 6);
        Rational low = Rational.ONE.subtract(sqrt2c[1]), high = Rational.ONE.subtract(sqrt2c[0]);
        if (yes && low.compareTo(eps) < 0 && ok(c, eps)) low = eps;
        if (!yes && high.compareTo(eps.negate()) > 0 && Rational.ONE.add(eps).square().compareTo(c.square().multiply(2)) <= 0) high = eps.negate();
        Body lower = new Body.Chordal(eliminationOrder(n, cycles, shared, extra, label), chords(cycles, label));
        Rational tau = witnessScale(Rational.ONE.subtract(high).divide(c.multiply(2)), digits);
        Body.Entries upper = witness(cycles.get(0), label, sign, tau);
        String closed = "1 - sqrt(2)*" + c.toDecimalString();
        return new Built(pat, a, new Gap(low, high, closed, lower, upper,
                cycles.size() + " signed 4-cycles (" + (cactus ? "cactus" : "union") + ") with c = " + c.toDecimalString() + ": t* = 1 − √2·c"));
    }

    /**
     * The shortest decimal τ with lo ≤ τ and 2τ² ≤ 1 (then W = I + τS is PSD with ⟨W,a⟩ ≤ 4·HIGH); lo &lt; 1/√2
     * strictly since HIGH &gt; t*, so refining the rational end below 1/√2 finds one.
     */
    private static Rational witnessScale(Rational lo, int digits) {
        for (int d = digits + 12; d < 400; d += 8) {
            Rational hi = GapMath.sqrtFloor(Rational.HALF, d);
            if (lo.compareTo(hi) <= 0) return GapMath.shortestDecimalIn(lo, hi);
        }
        throw new IllegalStateException("gap-cycles: no witness scale above " + lo);
    }

    /** True iff 2c² ≤ (1 − t)² with 1 − t ≥ 0, i.e. 1 − √2c ≥ t: t is a valid lower bound. */
    private static boolean ok(Rational c, Rational t) {
        Rational oneMinus = Rational.ONE.subtract(t);
        return oneMinus.signum() >= 0 && c.square().multiply(2).compareTo(oneMinus.square()) <= 0;
    }

    /** {lo, hi} with lo ≤ √2·c ≤ hi, decimals of {@code d} digits, exact. */
    private static Rational[] sqrt2Bounds(Rational c, int d) {
        Rational x = c.square().multiply(2);
        return new Rational[] {GapMath.sqrtFloor(x, d), GapMath.sqrtCeil(x, d)};
    }

    /** The two chords of every cycle, filled with 0 (0-based, lower triangle). */
    private static List<Entry> chords(List<int[]> cycles, int[] label) {
        List<Entry> fill = new ArrayList<>();
        for (int[] cyc : cycles) {
            for (int[] ch : new int[][] {{cyc[0], cyc[2]}, {cyc[1], cyc[3]}}) {
                int x = label[ch[0]], y = label[ch[1]];
                fill.add(new Entry(Math.max(x, y), Math.min(x, y), Rational.ZERO));
            }
        }
        fill.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        return fill;
    }

    /**
     * A perfect elimination order of the pattern with every cycle's chords filled: pendant and isolated
     * vertices first (latest first), then each cycle's own vertices from the last cycle back (their later
     * neighbours lie in their own 4-clique; the shared vertex is placed with the earlier cycle it belongs to).
     */
    private static int[] eliminationOrder(int n, List<int[]> cycles, List<Integer> shared, List<int[]> extra, int[] label) {
        int[] order = new int[n];
        int t = 0;
        for (int k = extra.size() - 1; k >= 0; k--) order[t++] = label[extra.get(k)[0]];
        for (int j = cycles.size() - 1; j >= 0; j--) for (int v : cycles.get(j)) if (v != shared.get(j)) order[t++] = label[v];
        if (t != n) throw new IllegalStateException("gap-cycles: elimination order covers " + t + " of " + n + " vertices");
        return order;
    }

    /** W = D(I + τ·S)D on one cycle (S = −T: S12 = S23 = S34 = −1, S14 = +1, D the switching signs). */
    private static Body.Entries witness(int[] cyc, int[] label, int[] sign, Rational tau) {
        int[] v = new int[4];
        for (int t = 0; t < 4; t++) v[t] = label[cyc[t]];
        List<Entry> w = new ArrayList<>();
        for (Entry e : SignedFourCycle.witness(v, tau)) {
            w.add(e.i() == e.j() ? e : new Entry(e.i(), e.j(), e.value().multiply((long) sign[e.i()] * sign[e.j()])));
        }
        return new Body.Entries(w);
    }
}
