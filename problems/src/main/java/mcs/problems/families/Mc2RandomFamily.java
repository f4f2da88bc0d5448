package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * {@code mc2-random}: approximate squaring with a random n×k matrix A and a random, banded or clustered Ω.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n·k + n·degree); n·k ≤ 2·10^8.
 */
final class Mc2RandomFamily extends BaseFamily {
    /** A is dense: n·k beyond this would not fit a Java array (and rarely in memory). */
    static final long MAX_ENTRIES = 200_000_000;

    Mc2RandomFamily() {
        super("mc2-random", Problem.APPROXIMATE_SQUARING, 1, List.of(
                new Parameter("omega", "random", "random (spanning tree + random edges), banded (|i−j| ≤ max(1, degree/2)), or clustered (random cliques of degree+1 vertices chained by single edges)"),
                new Parameter("diagonal", "true", "whether Ω lists the diagonal (false: B's diagonal is unconstrained)"),
                new Parameter("k", "n", "columns of A: an integer ≥ 1, or n (n·k ≤ 2·10^8)"),
                new Parameter("degree", "6", "average degree of G(Ω) (random), band width 2·w (banded), or cluster size − 1 (clustered)"),
                new Parameter("entries", "integer", "integer (uniform in [−4, 4]) or decimal (k/10, k uniform in [−10, 10])")));
    }

    @Override
    public String description() {
        return "MC2 (approximate squaring): A is n×k with small integer entries (uniform in [−4, 4]) or one-digit decimals "
                + "(k/10, k uniform in [−10, 10]); Ω is omega=random (random spanning tree plus random edges up to "
                + "round(degree·n/2) edges), banded (|i−j| ≤ max(1, degree/2)) or clustered (a random order cut into "
                + "cliques of degree+1 vertices, consecutive cliques joined by one random edge); diagonal=false drops the "
                + "diagonal from the stated Ω. Every instance is solvable: B = AAᵀ is always a valid answer, so the known "
                + "answer is SOLVED with the trivial certificate factor(A, 0). The family exists to measure speed against n·m.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        String omega = p.choice("omega", "random", "banded", "clustered");
        boolean diagonal = p.bool("diagonal");
        int k = p.text("k").equals("n") ? n : p.integer("k", 1, 1_000_000);
        int degree = p.integer("degree", 0, 1_000_000);
        boolean integer = p.choice("entries", "integer", "decimal").equals("integer");
        if ((long) n * k > MAX_ENTRIES) {
            throw new IllegalArgumentException("family 'mc2-random': A would have n·k = " + (long) n * k + " entries (at most " + MAX_ENTRIES + "); pass a smaller k");
        }
        List<int[]> edges = switch (omega) {
            case "random" -> Patterns.randomConnected(n, degree, rng);
            case "banded" -> Patterns.band(n, Math.max(1, degree / 2));
            default -> Patterns.clustered(n, degree + 1, rng);
        };
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[] flat = new Rational[n * k];
        for (int q = 0; q < flat.length; q++) {
            flat[q] = integer ? Rational.of(Sampling.uniform(rng, -4, 4)) : Rational.ofDecimal(Sampling.uniform(rng, -10, 10), -1);
        }
        RationalMatrix a = Compact.matrix(n, k, flat);
        return new Outcome(new Mc2Instance(a, pat, diagonal), new KnownAnswer(Verdict.SOLVED, null, new Body.Factor(a, Rational.ZERO),
                "B = AAᵀ is PSD and equals AAᵀ on every position"));
    }
}
