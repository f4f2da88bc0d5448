package mcs.problems.families;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.Pattern;

/**
 * {@code gap-gamma2}: γ₂ instances [[?, tH], [tHᵀ, ?]] with Sylvester Hadamard blocks, at any n, with
 * t* = 1 − |t|·√h for the largest block order h.
 *
 * <p>Why: [[I, tH], [tH, I]] has eigenvalues 1 ± |t|√h (HHᵀ = hI), so zero fill gives t* ≥ 1 − |t|√h, and
 * W = [[rI, −H], [−H, rI]]/2 with r ≥ √h is PSD with ⟨W, a⟩/tr W = 1 − |t|h/r, which tends to 1 − |t|√h as
 * r ↓ √h. Blocks are disjoint, so t* is the minimum over blocks, attained at the largest h.
 *
 * <p>Cost: O(Σ h_b²) = O(n²/4) for the largest block (the pattern is dense bipartite there).
 */
final class GapGamma2Family extends GapFamily {
    GapGamma2Family() {
        super("gap-gamma2", 2, List.of());
    }

    @Override
    public int defaultN() {
        return 8;
    }

    @Override
    public String description() {
        return "MC1 with a known gap from γ₂ (SPEC §1): ⌊n/2⌋ is written as a sum of distinct powers of two h_b, and each "
                + "gives a block of order 2h_b with unit diagonal, off-diagonal block t·H (H the Sylvester Hadamard matrix "
                + "of order h_b) and both diagonal blocks unknown; an odd n adds one isolated vertex. Then a random "
                + "relabelling and ±1 switching. t* = 1 − t·√h for the largest h (t > 0): zero fill gives the lower bound, "
                + "W = [[(r/2)I, −H/2], [−H/2, (r/2)I]] with r² ≥ h the upper one. t is (1 ∓ ε)/√h exactly when that is a "
                + "decimal (h a power of 4: then t* = ±ε exactly), else that value rounded to ⌈−log10 ε⌉ + 7 + ⌈log10 √h⌉ "
                + "digits towards the inside of the promise. m grows like n²/4: n ≤ 4096." + COMMON;
    }

    @Override
    Built buildGap(int n, Rational eps, boolean yes, SplittableRandom rng, Params p) {
        if (n > 4096) throw new IllegalArgumentException("family 'gap-gamma2' specifies about n²/4 entries: n must be <= 4096, got n = " + n);
        List<Integer> hs = new ArrayList<>();
        for (int bit = 30; bit >= 0; bit--) if (((n / 2) >> bit & 1) == 1) hs.add(1 << bit);
        int h = hs.get(0);
        Rational hr = Rational.of(h);
        Rational target = yes ? Rational.ONE.subtract(eps) : Rational.ONE.add(eps); // |t|√h = target at the boundary
        int root = (int) Math.round(Math.sqrt(h));
        int digits = GapMath.digitsFor(eps, 7) + (int) Math.ceil(Math.log10(Math.sqrt(h)) + 1e-9);
        Rational t;
        if (root * root == h && isDecimal(target.divide(Rational.of(root)))) {
            t = target.divide(Rational.of(root));
        } else {
            // t²h ≤ (1 − ε)² (yes) or ≥ (1 + ε)² (no)
            Rational t2 = target.square().divide(hr);
            t = yes ? GapMath.sqrtFloor(t2, digits) : GapMath.sqrtCeil(t2, digits);
        }
        int[] label = Sampling.permutation(n, rng);
        int[] sign = Mc1Data.signs(n, rng);
        List<int[]> edges = new ArrayList<>();
        int offset = 0;
        List<int[]> blocks = new ArrayList<>(); // {offset, h}
        for (int hb : hs) {
            blocks.add(new int[] {offset, hb});
            for (int i = 0; i < hb; i++) for (int j = 0; j < hb; j++) edges.add(new int[] {label[offset + i], label[offset + hb + j]});
            offset += 2 * hb;
        }
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < n; i++) a[pat.diagonalEntry(i)] = Rational.ONE;
        Rational minusT = t.negate();
        for (int[] b : blocks) {
            int[][] hd = Gamma2Family.hadamard(b[1]);
            for (int i = 0; i < b[1]; i++) {
                for (int j = 0; j < b[1]; j++) {
                    int x = label[b[0] + i], y = label[b[0] + b[1] + j];
                    a[pat.entryIndex(x, y)] = hd[i][j] * sign[x] * sign[y] > 0 ? t : minusT;
                }
            }
        }
        // t* = 1 − t√h: bounds from √(t²h) rounded both ways
        Rational s2 = t.square().multiply(hr);
        Rational low, high;
        String closed;
        if (root * root == h) {
            low = high = Rational.ONE.subtract(t.multiply(root));
            closed = low.toDecimalString();
        } else {
            low = Rational.ONE.subtract(GapMath.sqrtCeil(s2, digits + 6));
            high = Rational.ONE.subtract(GapMath.sqrtFloor(s2, digits + 6));
            if (yes && low.compareTo(eps) < 0 && s2.compareTo(target.square()) <= 0) low = eps;
            if (!yes && high.compareTo(eps.negate()) > 0 && s2.compareTo(target.square()) >= 0) high = eps.negate();
            closed = "1 - " + t.toDecimalString() + "*sqrt(" + h + ")";
        }
        Body.Entries upper = witness(blocks.get(0), t, high, label, sign);
        return new Built(pat, a, new Gap(low, high, closed, new Body.Entries(List.of()), upper,
                hs.size() + " Hadamard block(s), largest h = " + h + ", t = " + t.toDecimalString() + ": t* = 1 − t·√h"));
    }

    private static boolean isDecimal(Rational x) {
        BigInteger d = x.denominator();
        d = d.shiftRight(d.getLowestSetBit());
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) d = d.divide(five);
        return d.equals(BigInteger.ONE);
    }

    /**
     * W = [[(r/2)I, −H/2], [−H/2, (r/2)I]] on the largest block (switched and relabelled), r the shortest decimal
     * with r² ≥ h and 1 − t·h/r ≤ HIGH, i.e. r ≤ t·h/(1 − HIGH) (HIGH ≥ t*, so such r exists; HIGH ≥ 1 makes r free).
     */
    private static Body.Entries witness(int[] block, Rational t, Rational high, int[] label, int[] sign) {
        int off = block[0], h = block[1];
        Rational hr = Rational.of(h);
        Rational r = null;
        for (int d = 0; d < 400 && r == null; d++) {
            Rational lo = GapMath.sqrtCeil(hr, d);
            if (Rational.ONE.subtract(high).signum() <= 0 || lo.compareTo(t.multiply(hr).divide(Rational.ONE.subtract(high))) <= 0) r = lo;
        }
        if (r == null) throw new IllegalStateException("gap-gamma2: no witness for HIGH = " + high);
        int[][] hd = Gamma2Family.hadamard(h);
        Rational half = r.divide(Rational.TWO);
        List<Entry> w = new ArrayList<>();
        for (int i = 0; i < 2 * h; i++) w.add(new Entry(label[off + i], label[off + i], half));
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                int x = label[off + i], y = label[off + h + j];
                Rational v = Rational.of(-hd[i][j] * sign[x] * sign[y], 2);
                w.add(new Entry(Math.max(x, y), Math.min(x, y), v));
            }
        }
        w.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        return new Body.Entries(w);
    }
}
