package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;

/**
 * {@code grid}: the √n×√n grid (not chordal), unit diagonal, Gram data of rational unit vectors, optionally one planted bad face.
 *
 * <p>Parameters and the known answer: see {@link #description()}. Cost: O(n·rank) exact operations.
 */
final class GridFamily extends BaseFamily {
    GridFamily() {
        super("grid", Problem.PSD_COMPLETION, 4, List.of(
                new Parameter("answer", "yes", "yes (completable) or no (one face is a signed 4-cycle with 2c² > 1)"),
                new Parameter("rank", "3", "dimension r ≥ 2 of the rational unit vectors"),
                new Parameter("shrink", "9/10", "rational s in [0, 1]: off-diagonal values are s²⟨u_i, u_j⟩"),
                new Parameter("c", "4/5", "for answer=no, the value c (2c² > 1) of the planted face")));
    }

    @Override
    public int defaultN() {
        return 16;
    }

    @Override
    public String description() {
        return "MC1 on the planar side×side grid, n = side² (n must be a perfect square ≥ 4); vertex (r, q) is r·side + q. "
                + "G(Ω) has 4-cycles and is not chordal. Each vertex gets a rational unit vector u_i ∈ ℚ^rank by inverse "
                + "stereographic projection u = (2w, |w|² − 1)/(|w|² + 1) of a random w with entries k/2, k ∈ [−3, 3]; the "
                + "data are a_ii = 1 and a_ij = s²⟨u_i, u_j⟩ on grid edges (s = shrink). answer=yes: COMPLETABLE, "
                + "X = s²UUᵀ + (1 − s²)I, certificate factor(sU, 1 − s²) (Δ = 0 exactly). answer=no: one random face "
                + "v1 = (r, q), v2 = (r, q+1), v3 = (r+1, q+1), v4 = (r+1, q) is overwritten with the near-boundary values "
                + "c, c, c, −c (v1v2, v2v3, v3v4, v1v4); with 2c² > 1 this face alone is not completable: NOT_COMPLETABLE, "
                + "certificate W = I + t·S on the face as in near-boundary, ⟨W,a⟩ = 4 − 8tc < 0.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        boolean yes = p.choice("answer", "yes", "no").equals("yes");
        int rank = p.integer("rank", 2, 1000);
        Rational s = p.rational("shrink");
        if (s.signum() < 0 || s.compareTo(Rational.ONE) > 0) throw p.bad("shrink", p.text("shrink"), "a rational in [0, 1]");
        Rational c = p.rational("c");
        if (!yes && SignedFourCycle.completable(c)) throw p.bad("c", p.text("c"), "a rational with 2c² > 1 for answer=no");
        int side = (int) Math.round(Math.sqrt(n));
        if (side * side != n) throw new IllegalArgumentException("family 'grid' needs n = side² (a perfect square >= 4), got n = " + n);
        Pattern pat = Mc1Data.pattern(n, Patterns.grid(side));
        Rational[][] u = new Rational[n][];
        for (int i = 0; i < n; i++) u[i] = unitVector(rank, rng);
        Rational s2 = s.square();
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < n; i++) {
            for (int k = pat.rowStart(i); k < pat.rowEnd(i); k++) {
                int j = pat.col(k);
                a[k] = i == j ? Rational.ONE : s2.multiply(dot(u[i], u[j]));
            }
        }
        if (yes) {
            Rational[] f = new Rational[n * rank];
            for (int i = 0; i < n; i++) for (int q = 0; q < rank; q++) f[i * rank + q] = s.multiply(u[i][q]);
            Body cert = new Body.Factor(Compact.matrix(n, rank, f), Rational.ONE.subtract(s2));
            return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.COMPLETABLE, null, cert,
                    "a = s²UUᵀ + (1 − s²)I on Ω with unit vectors u_i, s = " + s));
        }
        int r = rng.nextInt(side - 1), q = rng.nextInt(side - 1);
        int[] face = {r * side + q, r * side + q + 1, (r + 1) * side + q + 1, (r + 1) * side + q};
        NearBoundaryFamily.setCycle(pat, a, face, c);
        Rational t = SignedFourCycle.witnessT(c);
        return new Outcome(Mc1Data.instance(pat, a), new KnownAnswer(Verdict.NOT_COMPLETABLE, null,
                new Body.Entries(SignedFourCycle.witness(face, t)),
                "face at (" + (r + 1) + "," + (q + 1) + ") (1-based cell) is the signed 4-cycle with c = " + c
                        + ": W = I + (" + t + ")·S, ⟨W,a⟩ = " + SignedFourCycle.pairing(c, t)));
    }

    /** An exact unit vector in ℚ^r: inverse stereographic projection of w ∈ ℚ^{r−1} with entries k/2. */
    private static Rational[] unitVector(int r, SplittableRandom rng) {
        Rational[] w = new Rational[r - 1];
        Rational norm2 = Rational.ZERO;
        for (int q = 0; q < r - 1; q++) {
            w[q] = Rational.of(Sampling.uniform(rng, -3, 3), 2);
            norm2 = norm2.add(w[q].square());
        }
        Rational den = norm2.add(Rational.ONE);
        Rational[] u = new Rational[r];
        for (int q = 0; q < r - 1; q++) u[q] = w[q].multiply(2).divide(den);
        u[r - 1] = norm2.subtract(Rational.ONE).divide(den);
        return u;
    }

    private static Rational dot(Rational[] x, Rational[] y) {
        Rational s = Rational.ZERO;
        for (int q = 0; q < x.length; q++) s = s.add(x[q].multiply(y[q]));
        return s;
    }
}
