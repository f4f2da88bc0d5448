package mcs.problems.families;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code chordal}: random k-trees or bands with Gram data, optionally one clique block made non-PSD.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n·k·(k + rank)) exact operations.
 */
final class ChordalFamily extends BaseFamily {
    ChordalFamily() {
        super("chordal", Problem.PSD_COMPLETION, 2, List.of(
                new Parameter("shape", "ktree", "ktree (random k-tree, labels randomly permuted) or band (|i−j| ≤ k)"),
                new Parameter("k", "3", "tree width of the k-tree, or half band width; n must be ≥ k+1"),
                new Parameter("answer", "yes", "yes (completable) or no (one maximal clique block not PSD)"),
                new Parameter("rank", "3", "columns r of the random factor G"),
                new Parameter("margin", "1/10", "rational > 0: the shift δ of the YES completion, and −⟨W,a⟩ of the NO witness")));
    }

    @Override
    public String description() {
        return "MC1 on a chordal pattern: shape=ktree grows a random k-tree (start from a (k+1)-clique, each new vertex "
                + "joins a uniformly random existing k-clique; vertex labels are then randomly permuted) and shape=band "
                + "takes all pairs with |i−j| ≤ k. Data a = (GGᵀ + margin·I) on Ω with G an n×rank matrix of entries k/4, "
                + "k uniform in [−4, 4]. answer=yes: COMPLETABLE, certificate factor(G, margin) (Δ = 0). answer=no: a "
                + "random maximal clique C and a random ±1 vector v on C are chosen and every off-diagonal a_pq inside C "
                + "is lowered by d·v_p·v_q so that vᵀa_C v = −margin exactly: the block a_C is not PSD, hence "
                + "NOT_COMPLETABLE (Grone–Johnson–Sá–Wolkowicz), certificate W = vvᵀ on C as entries.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        String shape = p.choice("shape", "ktree", "band");
        int k = p.integer("k", 1, 10_000);
        boolean yes = p.choice("answer", "yes", "no").equals("yes");
        int rank = p.integer("rank", 1, 1000);
        Rational margin = Mc1Data.positiveMargin(p);
        if (n < k + 1) throw new IllegalArgumentException("family 'chordal' needs n >= k+1 = " + (k + 1) + ", got n = " + n);
        List<int[]> edges = new ArrayList<>();
        List<int[]> cliques = new ArrayList<>();
        if (shape.equals("band")) {
            edges = Patterns.band(n, k);
            for (int s = 0; s + k < n; s++) {
                int[] c = new int[k + 1];
                for (int t = 0; t <= k; t++) c[t] = s + t;
                cliques.add(c);
            }
        } else {
            kTree(n, k, rng, edges, cliques);
        }
        Pattern pat = Mc1Data.pattern(n, edges);
        long[][] g = Mc1Data.smallFactor(n, rank, rng);
        Rational[] a = Mc1Data.gram(pat, g, Mc1Data.FACTOR_DENOMINATOR, margin);
        if (yes) {
            Body cert = new Body.Factor(Mc1Data.factorMatrix(g, Mc1Data.FACTOR_DENOMINATOR), margin);
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, cert,
                    "a = GGᵀ + " + margin + "·I on Ω, so X = GGᵀ + " + margin + "·I is a PD completion"));
        }
        int[] c = cliques.get(rng.nextInt(cliques.size()));
        Body w = Mc1Data.plantNegative(pat, a, c, Mc1Data.signs(c.length, rng), margin);
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null, w,
                "the block on maximal clique " + oneBased(c) + " has vᵀa_C v = −" + margin + " < 0 for the ±1 vector v of W = vvᵀ"));
    }

    /** A random k-tree on n vertices; its maximal cliques are the initial clique and one per added vertex. */
    static void kTree(int n, int k, SplittableRandom rng, List<int[]> edges, List<int[]> maximal) {
        int[] label = Sampling.permutation(n, rng);
        List<int[]> kCliques = new ArrayList<>();
        int[] first = new int[k + 1];
        for (int a = 0; a <= k; a++) {
            first[a] = a;
            for (int b = 0; b < a; b++) edges.add(new int[] {label[a], label[b]});
        }
        maximal.add(first);
        for (int drop = 0; drop <= k; drop++) kCliques.add(without(first, drop, -1));
        for (int v = k + 1; v < n; v++) {
            int[] base = kCliques.get(rng.nextInt(kCliques.size()));
            int[] big = new int[k + 1];
            for (int t = 0; t < k; t++) {
                edges.add(new int[] {label[v], label[base[t]]});
                big[t] = base[t];
            }
            big[k] = v;
            maximal.add(big);
            for (int drop = 0; drop < k; drop++) kCliques.add(without(base, drop, v));
        }
        for (int[] c : maximal) for (int t = 0; t < c.length; t++) c[t] = label[c[t]];
    }

    /** The clique with position {@code drop} removed and {@code add} appended when add ≥ 0. */
    private static int[] without(int[] c, int drop, int add) {
        int[] r = new int[add >= 0 ? c.length : c.length - 1];
        int t = 0;
        for (int s = 0; s < c.length; s++) if (s != drop) r[t++] = c[s];
        if (add >= 0) r[t] = add;
        return r;
    }

    static String oneBased(int[] c) {
        StringBuilder b = new StringBuilder("{");
        for (int t = 0; t < c.length; t++) b.append(t == 0 ? "" : ",").append(c[t] + 1);
        return b.append('}').toString();
    }
}
