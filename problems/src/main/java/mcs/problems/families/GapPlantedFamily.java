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
 * {@code gap-planted}: a random sparse pattern with the planted completion X = ρ²UUᵀ + (1 − ρ²)I (U with unit
 * rows in ℚ^r), and a dual witness that makes t* = 1 − ρ² exact.
 *
 * <p>Lower bound: X is a completion with λmin(X) ≥ 1 − ρ². Upper bound: one planted clique C of r + 1
 * vertices and an integer v ≠ 0 with U_Cᵀv = 0 give W = vvᵀ, supported on Ω, with
 * ⟨W, a⟩ = ρ²|U_Cᵀv|² + (1 − ρ²)|v|² = (1 − ρ²)·tr W. For answer=no, ρ² &gt; 1 and the same W is a NO witness.
 *
 * <p>Cost: O(n·degree·r) exact operations.
 */
final class GapPlantedFamily extends GapFamily {
    private static final int MAX_DRAWS = 100_000;

    GapPlantedFamily() {
        super("gap-planted", 2, List.of(
                new Parameter("degree", "6", "average degree of the random part of G(Ω) (a random spanning tree plus random edges, as random-sparse)"),
                new Parameter("rank", "3", "r: the planted completion has rank r plus the shift; the witness lives on a planted (r+1)-clique")));
    }

    @Override
    public String description() {
        return "MC1 with a known gap on a random pattern: a random connected pattern (as random-sparse) plus one planted clique "
                + "C of rank + 1 random vertices. Each vertex gets a unit vector u_i ∈ ℚ^rank with decimal coordinates (inverse "
                + "stereographic projection (2pq, |p|² − q²)/(|p|² + q²) of integers with |p|² + q² = 2^a·5^b, coordinates "
                + "randomly permuted and signed), and a_ij = ρ²⟨u_i, u_j⟩ off the diagonal, a_ii = 1, with ρ the decimal of "
                + "⌈−log10 ε⌉ + 7 digits such that ρ² ≤ 1 − ε (yes) or ρ² ≥ 1 + ε (no). Then t* = 1 − ρ² exactly: the "
                + "planted completion ρ²UUᵀ + (1 − ρ²)I has λmin ≥ 1 − ρ² (its factor ρU is the lower proof), and W = vvᵀ on C "
                + "with U_Cᵀv = 0 (exact null vector) has ⟨W,a⟩ = (1 − ρ²)·tr W. The witness is local (one small clique); the "
                + "completion's slack is spread over all of the pattern." + COMMON;
    }

    @Override
    Built buildGap(int n, Rational eps, boolean yes, SplittableRandom rng, Params p) {
        int degree = p.integer("degree", 0, 1_000_000);
        int r = p.integer("rank", 1, 64);
        if (n < r + 1) throw new IllegalArgumentException("family 'gap-planted' needs n >= rank + 1 = " + (r + 1) + ", got n = " + n);
        int digits = GapMath.digitsFor(eps, 7);
        Rational rho = yes ? GapMath.sqrtFloor(Rational.ONE.subtract(eps), digits) : GapMath.sqrtCeil(Rational.ONE.add(eps), digits);
        Rational rho2 = rho.square();
        List<int[]> edges = Patterns.randomConnected(n, degree, rng);
        int[] clique = java.util.Arrays.copyOf(Sampling.permutation(n, rng), r + 1);
        java.util.Arrays.sort(clique);
        for (int x = 0; x < clique.length; x++) for (int y = 0; y < x; y++) edges.add(new int[] {clique[x], clique[y]});
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[][] u = new Rational[n][];
        for (int i = 0; i < n; i++) u[i] = decimalUnitVector(r, rng);
        Rational[] a = new Rational[pat.m()];
        for (int i = 0; i < n; i++) {
            for (int e = pat.rowStart(i); e < pat.rowEnd(i); e++) {
                int j = pat.col(e);
                a[e] = i == j ? Rational.ONE : rho2.multiply(dot(u[i], u[j]));
            }
        }
        Rational[][] uct = new Rational[r][r + 1];
        for (int q = 0; q < r; q++) for (int x = 0; x <= r; x++) uct[q][x] = u[clique[x]][q];
        BigInteger[] v = GapMath.nullVector(uct);
        List<Entry> w = new ArrayList<>();
        for (int x = 0; x <= r; x++) for (int y = 0; y <= x; y++) w.add(new Entry(clique[x], clique[y], Rational.of(v[x].multiply(v[y]))));
        w.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        Rational[] f = new Rational[n * r];
        for (int i = 0; i < n; i++) for (int q = 0; q < r; q++) f[i * r + q] = rho.multiply(u[i][q]);
        Rational tStar = Rational.ONE.subtract(rho2);
        Body lower = new Body.Factor(Compact.matrix(n, r, f), Rational.ZERO);
        return new Built(pat, a, new Gap(tStar, tStar, tStar.toDecimalString(), lower, new Body.Entries(w),
                "planted X = ρ²UUᵀ + (1 − ρ²)I with ρ = " + rho.toDecimalString() + " (rank " + r + "), witness vvᵀ on the planted clique "
                        + ChordalFamily.oneBased(clique) + ": t* = 1 − ρ²"));
    }

    /**
     * A unit vector of ℚ^r whose coordinates are finite decimals: (2pq, |p|² − q²)/(|p|² + q²) for integers p ∈ ℤ^{r−1},
     * q ≥ 1 with |p|² + q² = 2^a·5^b (rejection sampling), coordinates then permuted and signed at random.
     */
    static Rational[] decimalUnitVector(int r, SplittableRandom rng) {
        if (r == 1) return new Rational[] {Rational.of(rng.nextBoolean() ? 1 : -1)};
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            long[] pv = new long[r - 1];
            long q = 1 + rng.nextInt(12);
            long s = q * q;
            for (int c = 0; c < r - 1; c++) {
                pv[c] = Sampling.uniform(rng, -12, 12);
                s += pv[c] * pv[c];
            }
            if (!twoFive(s)) continue;
            Rational[] x = new Rational[r];
            for (int c = 0; c < r - 1; c++) x[c] = Rational.of(2 * pv[c] * q, s);
            x[r - 1] = Rational.of(s - 2 * q * q, s);
            int[] perm = Sampling.permutation(r, rng);
            Rational[] out = new Rational[r];
            for (int c = 0; c < r; c++) out[perm[c]] = rng.nextBoolean() ? x[c] : x[c].negate();
            return out;
        }
        throw new IllegalStateException("gap-planted: no decimal unit vector in " + MAX_DRAWS + " draws");
    }

    private static boolean twoFive(long s) {
        while (s % 2 == 0) s /= 2;
        while (s % 5 == 0) s /= 5;
        return s == 1;
    }

    private static Rational dot(Rational[] x, Rational[] y) {
        Rational s = Rational.ZERO;
        for (int q = 0; q < x.length; q++) s = s.add(x[q].multiply(y[q]));
        return s;
    }
}
