package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code cycle}: the n-cycle with unit diagonal, labelled by the Barrett–Johnson–Loewy condition with a safety gap.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n) per draw; a handful of draws are expected.
 */
final class CycleFamily extends BaseFamily {
    /** Instances whose BJL slack is closer to 0 than this are resampled, so a double evaluation decides them safely. */
    static final double GAP = 1e-6;
    private static final int MAX_ATTEMPTS = 10_000;

    CycleFamily() {
        super("cycle", Problem.PSD_COMPLETION, 3, List.of(
                new Parameter("answer", "yes", "yes, no, or random (a fair coin from the seed picks yes or no)")));
    }

    @Override
    public String description() {
        return "MC1 on the n-cycle 1–2–…–n–1 (edges (i, i+1) and (n, 1)), unit diagonal, a_e = cos θ_e. Angles are "
                + "drawn as θ_e = d_e or π − d_e with random d_e ∈ (0, π/2) summing to T and an odd number of obtuse "
                + "edges (T < π for answer=no, T > π for answer=yes), then 1 − |a_e| = 2·sin²(d_e/2) is rounded half-up to D = 3 + ⌈2·log10 n⌉ "
                + "decimals; the exact rational a_e is the data. The label is then recomputed from the rounded data by the "
                + "Barrett–Johnson–Loewy condition (completable iff π ≤ min over odd F of Σ_F (π − θ_e) + Σ_{e∉F} θ_e, "
                + "evaluated in O(n) in double with min(θ_e, π − θ_e) = 2·asin(√((1 − |a_e|)/2)) from the exact 1 − |a_e|) and "
                + "the instance is kept only when this slack is at least 1e-6 in absolute value, far above the proven "
                + "rounding error bound (n + 8)·2⁻⁵²·(|slack| + 2π), so the label is exact; otherwise it "
                + "is resampled. COMPLETABLE or NOT_COMPLETABLE accordingly; no certificate is planted.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        String answer = p.choice("answer", "yes", "no", "random");
        boolean yes = answer.equals("random") ? rng.nextBoolean() : answer.equals("yes");
        int digits = 3 + (int) Math.ceil(2 * StrictMath.log10(n));
        Pattern pat = Mc1Data.pattern(n, Patterns.cycle(n));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Rational[] edge = drawEdges(n, yes, digits, rng);
            if (edge == null) continue;
            double slack = bjlSlack(edge);
            if (yes ? slack < GAP : slack > -GAP) continue;
            if (bjlErrorBound(n, slack) >= GAP / 10) throw new IllegalArgumentException("family 'cycle': n = " + n + " is too large for a safe double decision");
            Rational[] a = new Rational[pat.m()];
            for (int i = 0; i < n; i++) a[pat.diagonalEntry(i)] = Rational.ONE;
            for (int i = 1; i < n; i++) a[pat.entryIndex(i, i - 1)] = edge[i - 1];
            a[pat.entryIndex(n - 1, 0)] = edge[n - 1];
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(yes ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, null, null,
                    "Barrett–Johnson–Loewy slack " + slack + " (|slack| ≥ " + GAP + ")"));
        }
        throw new IllegalStateException("cycle: no instance with |BJL slack| >= " + GAP + " after " + MAX_ATTEMPTS + " draws");
    }

    /** Edge values in cycle order (edge e joins e and e+1 mod n), or null when the draw is to be rejected. */
    private static Rational[] drawEdges(int n, boolean yes, int digits, SplittableRandom rng) {
        double hi = Math.min(3.0, 0.9 * n / 2.0);
        double total = Math.PI * (yes ? 1.05 + rng.nextDouble() * Math.max(0, hi - 1.05) : 0.5 + 0.45 * rng.nextDouble());
        double[] w = new double[n];
        double sum = 0;
        for (int e = 0; e < n; e++) sum += w[e] = 0.05 + rng.nextDouble();
        boolean[] obtuse = new boolean[n];
        int count = 0;
        for (int e = 0; e < n; e++) if (obtuse[e] = rng.nextBoolean()) count++;
        if (count % 2 == 0) {
            int f = rng.nextInt(n);
            obtuse[f] = !obtuse[f];
        }
        Rational[] a = new Rational[n];
        for (int e = 0; e < n; e++) {
            double d = total * w[e] / sum;
            if (d >= Math.PI / 2) return null;
            // 1 − cos d = 2 sin²(d/2) keeps full relative precision when d is tiny (|a_e| near 1, large n)
            double sin = StrictMath.sin(d / 2);
            Rational oneMinus = Sampling.roundDecimal(2 * sin * sin, digits);
            Rational abs = Rational.ONE.subtract(oneMinus);
            a[e] = obtuse[e] ? abs.negate() : abs;
        }
        return a;
    }

    /**
     * min over odd F of Σ_F (π − θ_e) + Σ_{e∉F} θ_e, minus π, with θ_e = arccos a_e ∈ [0, π]: nonnegative iff
     * the unit-diagonal cycle is completable (Barrett–Johnson–Loewy). O(n): take F = {θ_e &gt; π/2} = {a_e &lt; 0};
     * if |F| is even, flip the edge with the smallest |π − 2θ_e|. Each min(θ_e, π − θ_e) is evaluated as
     * 2·asin(√((1 − |a_e|)/2)) from the exact 1 − |a_e|, so it has a relative error of a few ulps even for
     * |a_e| near 1 (where arccos of a rounded a_e would lose half the digits); the result's absolute error is
     * below (n + 8)·2⁻⁵²·(cost + π), about 2e-9 for n = 10^6 and the costs this family draws.
     *
     * @param a the edge values, each in [−1, 1]
     */
    static double bjlSlack(Rational[] a) {
        double cost = 0, flip = Double.POSITIVE_INFINITY;
        int obtuse = 0;
        for (Rational x : a) {
            if (x.signum() < 0) obtuse++;
            double d = 2 * StrictMath.asin(StrictMath.sqrt(Rational.ONE.subtract(x.abs()).toDouble() / 2));
            cost += d;
            flip = Math.min(flip, Math.PI - 2 * d);
        }
        if (obtuse % 2 == 0) cost += flip;
        return cost - Math.PI;
    }

    /** The bound on |computed − exact| of {@link #bjlSlack} for n edges and the computed slack. */
    static double bjlErrorBound(int n, double slack) {
        return (n + 8) * 0x1p-52 * (Math.abs(slack) + 2 * Math.PI);
    }
}
