package mcs.problems.families;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code gamma2}: [[?, tH], [tHᵀ, ?]] with H a Sylvester Hadamard matrix; completable iff γ₂(tH) = |t|√h ≤ 1.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n²) (the pattern is complete bipartite).
 */
final class Gamma2Family extends BaseFamily {
    Gamma2Family() {
        super("gamma2", Problem.PSD_COMPLETION, 2, List.of(
                new Parameter("t", "1", "the rational scale t of the off-diagonal block tH")));
    }

    @Override
    public int defaultN() {
        return 8;
    }

    @Override
    public String description() {
        return "MC1 form of a γ₂ question (SPEC §1): n = 2h with h a power of two (n = 2, 4, 8, …; the seed is unused), "
                + "unit diagonal, block (i, h+j) = t·H_ij for the Sylvester Hadamard matrix H of order h "
                + "(H_1 = [1], H_2k = [[H, H], [H, −H]]), all pairs within a block unknown. The instance is completable "
                + "iff γ₂(tH) ≤ 1, and γ₂(H) = √h for an h×h Hadamard matrix (Linial, Mendelson, Schechtman, Shraibman, "
                + "'Complexity measures of sign matrices', Combinatorica 2007), so COMPLETABLE iff t²h ≤ 1, decided exactly. "
                + "YES: zero fill works, since [[I, tH], [tH, I]] has eigenvalues 1 ± |t|√h (certificate: empty entries). "
                + "NO: W = [[(r/2)I, −sign(t)H/2], [−sign(t)H/2, (r/2)I]] with r the smallest decimal with the fewest "
                + "digits such that r² ≥ h and r < |t|h; W ⪰ 0 because its eigenvalues are (r ± √h)/2, and "
                + "⟨W,a⟩ = h·r − |t|h² < 0 (n = 4, t = 1: r = 3/2, W = [[¾I, −H/2], [−H/2, ¾I]], ⟨W,a⟩ = −1, SPEC §6).";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        Rational t = p.rational("t");
        int h = n / 2;
        if (n % 2 != 0 || Integer.bitCount(h) != 1) throw new IllegalArgumentException("family 'gamma2' needs n = 2h with h a power of two (2, 4, 8, ...), got n = " + n);
        if (h > 8192) throw new IllegalArgumentException("family 'gamma2' specifies h² off-diagonal entries: n must be <= 16384, got n = " + n);
        int[][] hd = hadamard(h);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) edges.add(new int[] {h + j, i});
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < n; i++) a[pat.diagonalEntry(i)] = Rational.ONE;
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) a[pat.entryIndex(i, h + j)] = t.multiply(hd[i][j]);
        Rational hr = Rational.of(h);
        if (t.square().multiply(hr).compareTo(Rational.ONE) <= 0) {
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, new Body.Entries(List.of()),
                    "t²h = " + t.square().multiply(hr) + " ≤ 1: zero fill [[I, tH], [tH, I]] has λmin = 1 − |t|√h ≥ 0"));
        }
        Rational r = ratio(h, t.abs().multiply(hr));
        Rational half = r.divide(Rational.TWO);
        Rational off = Rational.of(-t.signum(), 2);
        List<Entry> w = new ArrayList<>();
        for (int i = 0; i < h; i++) w.add(new Entry(i, i, half));
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < h; i++) w.add(new Entry(h + j, i, off.multiply(hd[i][j])));
            w.add(new Entry(h + j, h + j, half));
        }
        Rational pairing = hr.multiply(r).subtract(t.abs().multiply(hr.square()));
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null, new Body.Entries(w),
                "t²h > 1: W with r = " + r + " (r² ≥ h) is PSD and ⟨W,a⟩ = h·r − |t|h² = " + pairing));
    }

    /** Smallest decimal r with the fewest digits such that r² ≥ h and r &lt; bound (bound &gt; √h). */
    static Rational ratio(int h, Rational bound) {
        for (int digits = 0; ; digits++) {
            BigInteger scale = BigInteger.TEN.pow(digits);
            BigInteger target = BigInteger.valueOf(h).multiply(scale.pow(2));
            BigInteger s = target.sqrt();
            if (s.pow(2).compareTo(target) < 0) s = s.add(BigInteger.ONE);
            Rational r = Rational.of(s, scale);
            if (r.compareTo(bound) < 0) return r;
        }
    }

    /** The Sylvester Hadamard matrix of order h (a power of two); it is symmetric. */
    static int[][] hadamard(int h) {
        int[][] m = {{1}};
        for (int s = 1; s < h; s *= 2) {
            int[][] b = new int[2 * s][2 * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    b[i][j] = m[i][j];
                    b[i][j + s] = m[i][j];
                    b[i + s][j] = m[i][j];
                    b[i + s][j + s] = -m[i][j];
                }
            }
            m = b;
        }
        return m;
    }
}
