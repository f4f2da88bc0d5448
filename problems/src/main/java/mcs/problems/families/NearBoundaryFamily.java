package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code near-boundary}: the signed 4-cycle of SPEC §6, completable iff |c| ≤ 1/√2.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(1) plus the digits of the witness rule.
 */
final class NearBoundaryFamily extends BaseFamily {
    NearBoundaryFamily() {
        super("near-boundary", Problem.PSD_COMPLETION, 4, List.of(
                new Parameter("c", "7/10", "the rational c: a12 = a23 = a34 = c, a14 = −c")));
    }

    @Override
    public int defaultN() {
        return 4;
    }

    @Override
    public String description() {
        return "MC1, the 4-cycle of SPEC §6 (n must be 4; the seed is unused): unit diagonal, a12 = a23 = a34 = c, "
                + "a14 = −c, chords (1,3) and (2,4) unknown. The signed cycle has eigenvalues ±√2, so it is COMPLETABLE "
                + "iff |c| ≤ 1/√2, decided exactly as 2c² ≤ 1; then the zero-chord completion I + c·T is PSD "
                + "(certificate: entries with no pairs listed, i.e. both chords 0). Otherwise NOT_COMPLETABLE with witness "
                + "W = I + t·S (S12 = S23 = S34 = −1, S14 = +1), ⟨W,a⟩ = 4 − 8tc, where t = sign(c)·τ and τ is the "
                + "smallest decimal with the fewest digits in (1/(2|c|), 1/√2] (c = 4/5 → 7/10, c = 71/100 → 141/200).";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        Rational c = p.rational("c");
        if (n != 4) throw new IllegalArgumentException("family 'near-boundary' is the 4-cycle: n must be 4, got n = " + n);
        int[] v = {0, 1, 2, 3};
        Pattern pat = Mc1Data.pattern(4, List.of(new int[] {1, 0}, new int[] {2, 1}, new int[] {3, 2}, new int[] {3, 0}));
        Rational[] a = unitCycleValues(pat, v, c);
        if (SignedFourCycle.completable(c)) {
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, new Body.Entries(List.of()),
                    "2c² = " + c.square().multiply(2) + " ≤ 1: zero chords give I + c·T with λmin = 1 − √2|c| ≥ 0"));
        }
        Rational t = SignedFourCycle.witnessT(c);
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null,
                new Body.Entries(SignedFourCycle.witness(v, t)),
                "2c² > 1: W = I + (" + t + ")·S is PSD (2t² ≤ 1) with ⟨W,a⟩ = " + SignedFourCycle.pairing(c, t)));
    }

    /** Unit diagonal and the signed-cycle values on the 4-cycle through v; other entries of Ω (if any) stay null. */
    static Rational[] unitCycleValues(Pattern pat, int[] v, Rational c) {
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < pat.n(); i++) a[pat.diagonalEntry(i)] = Rational.ONE;
        setCycle(pat, a, v, c);
        return a;
    }

    /** Writes c, c, c, −c on the edges v1v2, v2v3, v3v4, v1v4. */
    static void setCycle(Pattern pat, Rational[] a, int[] v, Rational c) {
        Rational[] vals = SignedFourCycle.values(c);
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};
        for (int e = 0; e < 4; e++) a[pat.entryIndex(v[edges[e][0]], v[edges[e][1]])] = vals[e];
    }
}
