package mcs.problems.families;

import java.math.BigDecimal;
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
 * {@code gap-chordal}: a chordal pattern (random k-tree or band) with data a = I + τ·B, where
 * t* = min over maximal cliques C of λmin(a_C) (Grone–Johnson–Sá–Wolkowicz applied to a − tI), recorded as a
 * certified rational interval.
 *
 * <p>B has zero diagonal and random off-diagonal values q/8 (q a nonzero integer in [−8, 8]); then
 * t*(τ) = 1 − τ·μ with μ = max_C (−λmin(B_C)), and τ is the decimal that puts t* just inside ±ε. μ is
 * estimated in double (Jacobi); the claim rests only on exact tests: LOW by exact PSD tests of every a_C − LOW·I
 * (a chordal certificate along the perfect elimination order), HIGH by the exact Rayleigh quotient of a
 * rational vector v on the worst clique (W = vvᵀ).
 *
 * <p>Cost: O(n·(k+1)³) exact operations for the tests, O(n·(k+1)³) double operations for the estimates.
 */
final class GapChordalFamily extends GapFamily {
    /** Relative accuracy asked of the estimate of t* (and of the interval): well inside the 10⁻⁶·ε of the promise. */
    private static final double SLACK = 1e-13;

    GapChordalFamily() {
        super("gap-chordal", 2, List.of(
                new Parameter("shape", "ktree", "ktree (random k-tree, labels randomly permuted) or band (|i−j| ≤ k)"),
                new Parameter("k", "3", "tree width of the k-tree, or half band width; n must be ≥ k+1")));
    }

    @Override
    public String description() {
        return "MC1 with a known gap on a chordal pattern (shape=ktree: random k-tree as in 'chordal'; shape=band: |i−j| ≤ k): "
                + "unit diagonal and a_ij = τ·b_ij with b_ij = q/8, q a random nonzero integer in [−8, 8]. By "
                + "Grone–Johnson–Sá–Wolkowicz applied to a − tI, t* = min over maximal cliques C of λmin(a_C) = 1 − τ·μ with "
                + "μ = max_C (−λmin(b_C)); τ is a decimal putting t* just inside ±ε. The interval is certified exactly: every "
                + "a_C − LOW·I is PSD (exact elimination; a chordal certificate along the perfect elimination order), and a "
                + "rational vector v on the worst clique has vᵀa_C v ≤ HIGH·|v|² (W = vvᵀ)." + COMMON;
    }

    @Override
    Built buildGap(int n, Rational eps, boolean yes, SplittableRandom rng, Params p) {
        boolean band = p.choice("shape", "ktree", "band").equals("band");
        int k = p.integer("k", 1, 64);
        if (n < k + 1) throw new IllegalArgumentException("family 'gap-chordal' needs n >= k+1 = " + (k + 1) + ", got n = " + n);
        List<int[]> edges = new ArrayList<>();
        List<int[]> cliques = new ArrayList<>();
        int[] order = new int[n];
        if (band) {
            edges = Patterns.band(n, k);
            for (int s = 0; s + k < n; s++) {
                int[] c = new int[k + 1];
                for (int t = 0; t <= k; t++) c[t] = s + t;
                cliques.add(c);
            }
            for (int i = 0; i < n; i++) order[i] = i;
        } else {
            ChordalFamily.kTree(n, k, rng, edges, cliques);
            // a vertex added to the k-tree is the last entry of its clique; eliminating the latest first is perfect
            int t = 0;
            for (int c = cliques.size() - 1; c >= 1; c--) order[t++] = cliques.get(c)[k];
            for (int v : cliques.get(0)) order[t++] = v;
        }
        Pattern pat = Mc1Data.pattern(n, edges);
        Rational[] b = new Rational[pat.m()];
        for (int i = 0; i < n; i++) {
            for (int e = pat.rowStart(i); e < pat.rowEnd(i); e++) b[e] = pat.col(e) == i ? Rational.ZERO : Rational.of(Sampling.nonzero(rng, 8), 8);
        }
        // the worst clique in double: μ = max_C −λmin(b_C)
        double mu = Double.NEGATIVE_INFINITY;
        int worst = -1;
        double[] worstVector = null;
        for (int c = 0; c < cliques.size(); c++) {
            int[] cl = cliques.get(c);
            double[][] m = new double[cl.length][cl.length], vec = new double[cl.length][cl.length];
            for (int x = 0; x < cl.length; x++) for (int y = 0; y < cl.length; y++) m[x][y] = b[pat.entryIndex(cl[x], cl[y])].toDouble();
            double[] ev = GapMath.eigen(m, vec);
            int at = 0;
            for (int x = 1; x < ev.length; x++) if (ev[x] < ev[at]) at = x;
            if (-ev[at] > mu) {
                mu = -ev[at];
                worst = c;
                worstVector = new double[cl.length];
                for (int x = 0; x < cl.length; x++) worstVector[x] = vec[x][at];
            }
        }
        int digits = GapMath.digitsFor(eps, 7) + Math.max(0, (int) Math.ceil(Math.log10(mu)));
        int fine = digits + 6;
        Rational unit = Rational.of(BigInteger.ONE, GapMath.pow10(digits));
        double target = yes ? 1 - eps.toDouble() : 1 + eps.toDouble();
        Rational tau = yes ? GapMath.floorDecimal(Rational.ofDouble(target / mu * (1 - SLACK)), digits)
                : GapMath.ceilDecimal(Rational.ofDouble(target / mu * (1 + SLACK)), digits);
        for (int attempt = 0; attempt < 64; attempt++, tau = yes ? tau.subtract(unit) : tau.add(unit)) {
            Rational[] a = new Rational[pat.m()];
            for (int e = 0; e < a.length; e++) a[e] = pat.row(e) == pat.col(e) ? Rational.ONE : tau.multiply(b[e]);
            int[] cw = cliques.get(worst);
            BigInteger[] v = roundedVector(worstVector);
            Rational[][] block = block(pat, a, cw, Rational.ZERO);
            Rational rayleigh = GapMath.quadratic(block, v).divide(Rational.of(GapMath.norm2(v)));
            Rational high = GapMath.ceilDecimal(rayleigh, fine);
            if (!yes) {
                if (rayleigh.compareTo(eps.negate()) > 0) continue;
                if (high.compareTo(eps.negate()) > 0) high = eps.negate();
            }
            double tEstimate = 1 - tau.toDouble() * mu;
            Rational low = yes ? eps : GapMath.floorDecimal(Rational.ofDouble(tEstimate - SLACK * (1 + tau.toDouble() * mu)), fine);
            boolean psd = allPsd(pat, a, cliques, low);
            for (int widen = 0; !psd && !yes && widen < 64; widen++) {
                low = low.subtract(Rational.ofDouble(Math.max(1e-300, high.subtract(low).toDouble())));
                psd = allPsd(pat, a, cliques, low);
            }
            if (!psd) continue;
            if (low.compareTo(high) > 0) continue;
            Body.Entries upper = rankOne(cw, v);
            String closed = "min over maximal cliques C of lambda_min(a_C) (worst clique " + ChordalFamily.oneBased(cw) + ")";
            return new Built(pat, a, new Gap(low, high, closed, new Body.Chordal(order), upper,
                    cliques.size() + " maximal cliques of size ≤ " + (k + 1) + ", τ = " + tau.toDecimalString()
                            + "; every a_C − LOW·I is PSD (exact) and vᵀa_C v ≤ HIGH·|v|² on the worst clique"));
        }
        throw new IllegalStateException("gap-chordal: could not certify the gap around " + (yes ? "" : "−") + eps);
    }

    /** The dense block a_C − t·I. */
    private static Rational[][] block(Pattern pat, Rational[] a, int[] c, Rational t) {
        Rational[][] m = new Rational[c.length][c.length];
        for (int x = 0; x < c.length; x++) {
            for (int y = 0; y < c.length; y++) m[x][y] = x == y ? a[pat.diagonalEntry(c[x])].subtract(t) : a[pat.entryIndex(c[x], c[y])];
        }
        return m;
    }

    private static boolean allPsd(Pattern pat, Rational[] a, List<int[]> cliques, Rational t) {
        for (int[] c : cliques) if (!GapMath.isPsd(block(pat, a, c, t))) return false;
        return true;
    }

    /** The unit eigenvector rounded to integers at 10¹⁴ (the Rayleigh quotient's error is quadratic in the rounding). */
    private static BigInteger[] roundedVector(double[] x) {
        BigInteger[] v = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) v[i] = new BigDecimal(x[i] * 1e14).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        return v;
    }

    /** W = vvᵀ on the clique, as entries (0-based, lower triangle). */
    private static Body.Entries rankOne(int[] c, BigInteger[] v) {
        List<Entry> w = new ArrayList<>();
        for (int x = 0; x < c.length; x++) {
            for (int y = 0; y < c.length; y++) {
                if (c[x] < c[y]) continue;
                BigInteger val = v[x].multiply(v[y]);
                if (val.signum() != 0 || x == y) w.add(new Entry(c[x], c[y], Rational.of(val)));
            }
        }
        w.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        return new Body.Entries(w);
    }
}
