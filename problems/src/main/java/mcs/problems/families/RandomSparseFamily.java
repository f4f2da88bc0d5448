package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code random-sparse}: a random connected sparse pattern with Gram data, optionally pushed across a planted witness.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n·degree·rank) exact operations (expected).
 */
final class RandomSparseFamily extends BaseFamily {
    RandomSparseFamily() {
        super("random-sparse", Problem.PSD_COMPLETION, 2, List.of(
                new Parameter("degree", "6", "average degree of G(Ω): a random spanning tree plus random edges up to round(degree·n/2) edges"),
                new Parameter("answer", "yes", "yes (completable) or no (planted witness)"),
                new Parameter("rank", "3", "columns r of the random factor G"),
                new Parameter("margin", "1/10", "rational > 0: the shift δ of the YES completion GGᵀ + δI, and −⟨W,a⟩ of the NO witness")));
    }

    @Override
    public String description() {
        return "MC1 on a random connected pattern: a random spanning tree (random attachment order) plus uniformly random "
                + "edges until G(Ω) has round(degree·n/2) edges. G is an n×rank matrix with entries k/4, k uniform in "
                + "[−4, 4], and a = (GGᵀ + margin·I) restricted to Ω, so every value is a multiple of 1/16 plus the margin "
                + "on the diagonal. answer=yes: COMPLETABLE, certificate factor(G, margin) (Δ = 0 exactly). answer=no: one "
                + "random edge {i, j} is changed so that ⟨W, a⟩ = a_ii + a_jj + 2s·a_ij = −margin for W = vvᵀ, "
                + "v = e_i + s·e_j with a random sign s; NOT_COMPLETABLE, certificate W as entries.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        int degree = p.integer("degree", 0, 1_000_000);
        boolean yes = p.choice("answer", "yes", "no").equals("yes");
        int rank = p.integer("rank", 1, 1000);
        Rational margin = Mc1Data.positiveMargin(p);
        List<int[]> edges = Patterns.randomConnected(n, degree, rng);
        Pattern pat = Mc1Data.pattern(n, edges);
        long[][] g = Mc1Data.smallFactor(n, rank, rng);
        Rational[] a = Mc1Data.gram(pat, g, Mc1Data.FACTOR_DENOMINATOR, margin);
        if (yes) {
            Body cert = new Body.Factor(Mc1Data.factorMatrix(g, Mc1Data.FACTOR_DENOMINATOR), margin);
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, cert,
                    "a = GGᵀ + " + margin + "·I on Ω, so X = GGᵀ + " + margin + "·I is a PD completion"));
        }
        int[] e = edges.get(rng.nextInt(edges.size()));
        Body w = Mc1Data.plantNegative(pat, a, e, new int[] {1, rng.nextBoolean() ? 1 : -1}, margin);
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null, w,
                "planted on edge {" + (e[0] + 1) + "," + (e[1] + 1) + "} (1-based): ⟨W,a⟩ = −" + margin + " < 0 with W = vvᵀ ⪰ 0 supported on Ω"));
    }
}
