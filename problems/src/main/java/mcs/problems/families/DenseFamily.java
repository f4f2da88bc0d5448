package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code dense}: every entry specified (dense PSD testing), PSD by construction or pushed across a planted witness.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n²·rank) exact operations; the witness has n(n+1)/2 entries.
 */
final class DenseFamily extends BaseFamily {
    DenseFamily() {
        super("dense", Problem.PSD_COMPLETION, 1, List.of(
                new Parameter("answer", "yes", "yes (PSD) or no (planted direction v with vᵀAv < 0; needs n ≥ 2)"),
                new Parameter("rank", "3", "columns r of the random factor G"),
                new Parameter("margin", "1/10", "rational > 0: the shift δ of A = GGᵀ + δI, and −vᵀAv for answer=no")));
    }

    @Override
    public String description() {
        return "MC1 with Ω = all pairs (m = n(n+1)/2): the question is whether the symmetric matrix A itself is PSD. "
                + "A = GGᵀ + margin·I with G an n×rank matrix of entries k/4, k uniform in [−4, 4]. answer=yes: "
                + "COMPLETABLE (nothing to fill), certificate factor(G, margin) with Δ = 0. answer=no: a random ±1 "
                + "vector v is drawn and every off-diagonal a_pq is lowered by d·v_p·v_q so that vᵀAv = −margin exactly "
                + "(the diagonal is unchanged): NOT_COMPLETABLE, certificate W = vvᵀ as entries. λmin(A) ≤ −margin/n, "
                + "so the NO instances come closer to the PSD boundary as n grows.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        boolean yes = p.choice("answer", "yes", "no").equals("yes");
        int rank = p.integer("rank", 1, 1000);
        Rational margin = Mc1Data.positiveMargin(p);
        if (n > 20_000) throw new IllegalArgumentException("family 'dense' specifies n(n+1)/2 entries: n must be <= 20000, got n = " + n);
        if (!yes && n < 2) throw new IllegalArgumentException("family 'dense' with answer=no needs n >= 2, got n = " + n);
        Pattern pat = Pattern.dense(n);
        long[][] g = Mc1Data.smallFactor(n, rank, rng);
        Rational[] a = Mc1Data.gram(pat, g, Mc1Data.FACTOR_DENOMINATOR, margin);
        if (yes) {
            Body cert = new Body.Factor(Mc1Data.factorMatrix(g, Mc1Data.FACTOR_DENOMINATOR), margin);
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, cert,
                    "A = GGᵀ + " + margin + "·I is PD"));
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        Body w = Mc1Data.plantNegative(pat, a, all, Mc1Data.signs(n, rng), margin);
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null, w,
                "vᵀAv = −" + margin + " < 0 for the ±1 vector v of W = vvᵀ"));
    }
}
