package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/** {@code cycle}: the n-cycle with unit diagonal, labelled by the Barrett–Johnson–Loewy condition with a safety gap. */
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
                + "edges (T < π for answer=no, T > π for answer=yes), then a_e is rounded to D = 3 + ⌈2·log10 n⌉ "
                + "decimals; the exact rational a_e is the data. The label is then recomputed from the rounded data by the "
                + "Barrett–Johnson–Loewy condition (completable iff π ≤ min over odd F of Σ_F (π − θ_e) + Σ_{e∉F} θ_e, "
                + "evaluated in O(n) with θ_e = arccos a_e in double) and the instance is kept only when this slack is at "
                + "least 1e-6 in absolute value, far above the double rounding error, so the label is exact; otherwise it "
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
            double[] ad = new double[n];
            for (int e = 0; e < n; e++) ad[e] = edge[e].toDouble();
            double slack = bjlSlack(ad);
            if (yes ? slack < GAP : slack > -GAP) continue;
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
            a[e] = Sampling.roundDecimal(StrictMath.cos(obtuse[e] ? Math.PI - d : d), digits);
        }
        return a;
    }

    /**
     * min over odd F of Σ_F (π − θ_e) + Σ_{e∉F} θ_e, minus π, with θ_e = arccos a_e: nonnegative iff the
     * unit-diagonal cycle is completable (Barrett–Johnson–Loewy). O(n): take F = {θ_e &gt; π/2}; if |F| is
     * even, flip the edge with the smallest |π − 2θ_e|.
     */
    static double bjlSlack(double[] a) {
        double cost = 0, flip = Double.POSITIVE_INFINITY;
        int obtuse = 0;
        for (double x : a) {
            double th = StrictMath.acos(Math.max(-1, Math.min(1, x)));
            if (th > Math.PI / 2) obtuse++;
            cost += Math.min(th, Math.PI - th);
            flip = Math.min(flip, Math.abs(Math.PI - 2 * th));
        }
        if (obtuse % 2 == 0) cost += flip;
        return cost - Math.PI;
    }
}
