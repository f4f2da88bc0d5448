package mcs.solvers.mc1.firstorder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.dense.PlainCholesky;

/**
 * Turns a matrix R on Ω that is nearly PSD and has ⟨R, b⟩ &lt; 0 (in the unit-diagonal scaling) into an exact
 * NO witness in {@code entries} form, restricted to a small set of indices when it can be.
 *
 * <p><b>Localisation.</b> A principal submatrix of a PSD matrix is PSD, and the witnesses of local defects are
 * local, while the shift that repairs R's small negative eigenvalues costs δ·|S| in ⟨W, b⟩. So the indices are
 * ranked by their mass |R_ii| + Σ_j |R_ij|, and for S = the top 2, 4, 8, …, n of them the candidate
 * W = R[S] + δI_S is tried, with δ = max(0, −λmin(R[S])) + (slack)/(2|S|), where slack = −⟨R[S], b⟩ − |S|·max(0, −λmin)
 * must be positive. Then ⟨W, b⟩ = −slack/2 and λmin(W) ≈ slack/(2|S|) &gt; 0.
 *
 * <p><b>Exactness.</b> W is mapped back to the data (W_ij·a_ii^{-1/2}a_jj^{-1/2}), rounded to the coarsest grid
 * 2^e that moves it by at most a quarter of its definiteness margin (Gershgorin over the largest row count) and
 * ⟨W, a⟩ by at most a quarter of the slack; ⟨W, a⟩ &lt; 0 is then confirmed exactly. Definiteness is proven for
 * |S| ≤ {@value #DENSE_PROOF_MAX} by a floating-point Cholesky of W − 2cI with Rump's constant c (REFERENCES §2;
 * a theorem, with a factor 2 to spare for the kernel's own test); for larger S it is only estimated by Lanczos
 * (the smallest Ritz value of the rounded W must exceed half the intended margin) and the kernel decides.
 *
 * <p>Cost per size: a screening Lanczos run on R[S] ({@value #SCREEN_STEPS} products, O(m_S) each), and for sizes that pass it one of ≤ {@value #LANCZOS_STEPS} steps, O(m_S) exact
 * operations, and |S|³/3 flops for the dense proof: O((m + n·k)·log n) over all sizes.
 */
final class WitnessBuilder {
    static final int DENSE_PROOF_MAX = 1500;
    static final int LANCZOS_STEPS = 120;
    static final int SCREEN_STEPS = 24;
    private static final double U = 0x1p-53;

    private final PartialSymmetricMatrix a;
    private final ScaledInstance p;
    private final long seed;
    /** Size |S| of the last witness built, or 0. */
    int support;
    /** ⟨W, b⟩ / tr W in the scaled problem for the last witness built (an upper bound on t*). */
    double scaledMargin;

    WitnessBuilder(PartialSymmetricMatrix a, ScaledInstance p, long seed) {
        this.a = a;
        this.p = p;
        this.seed = seed;
    }

    /** @param r R on Ω (scaled problem); @return a witness that passed the exact inner-product test and the PSD test, or null */
    Body.Entries build(double[] r) {
        int n = p.n;
        double[] mass = new double[n];
        for (int k = 0; k < p.m; k++) {
            double v = Math.abs(r[k]);
            mass[p.row[k]] += v;
            if (!p.diagonal(k)) mass[p.col[k]] += v;
        }
        Integer[] byMass = new Integer[n];
        for (int i = 0; i < n; i++) byMass[i] = i;
        Arrays.sort(byMass, Comparator.comparingDouble((Integer i) -> -mass[i]).thenComparingInt(i -> i));
        int[] rank = new int[n];
        for (int t = 0; t < n; t++) rank[byMass[t]] = t;
        for (int s = Math.min(2, n); ; s = Math.min(n, 2 * s)) {
            Body.Entries w = attempt(r, rank, s);
            if (w != null) return w;
            if (s == n) return null;
        }
    }

    /** The candidate on the s indices of smallest rank. */
    private Body.Entries attempt(double[] r, int[] rank, int s) {
        int[] local = new int[p.n];
        Arrays.fill(local, -1);
        for (int i = 0; i < p.n; i++) if (rank[i] < s) local[i] = rank[i];
        List<Integer> ks = new ArrayList<>();
        double inner = 0;
        for (int k = 0; k < p.m; k++) {
            if (local[p.row[k]] < 0 || local[p.col[k]] < 0) continue;
            ks.add(k);
            inner += p.weight(k) * r[k] * p.b[k];
        }
        int[] kk = ks.stream().mapToInt(Integer::intValue).toArray();
        Lanczos.Operator op = (x, y) -> {
            Arrays.fill(y, 0);
            for (int k : kk) {
                int i = local[p.row[k]], j = local[p.col[k]];
                if (i == j) {
                    y[i] += r[k] * x[i];
                } else {
                    y[i] += r[k] * x[j];
                    y[j] += r[k] * x[i];
                }
            }
        };
        if (!(inner < 0)) return null;
        // Ritz values lie above λmin, so a short run can only overstate the slack: it rejects safely and cheaply.
        Lanczos lz = new Lanczos(s, op);
        Lanczos.Eigenpair rough = lz.smallest(SCREEN_STEPS, 1e-10, seed);
        if (!(-inner - s * Math.max(0, -rough.value()) > 0)) return null;
        double lambda = rough.steps() < SCREEN_STEPS ? rough.value() : lz.smallest(LANCZOS_STEPS, 1e-10, seed).value();
        double repair = Math.max(0, -lambda);
        double slack = -inner - s * repair;
        if (!(slack > 0)) return null;
        double delta = repair + slack / (2 * s);
        double margin = slack / (2 * s);
        return rationalise(r, kk, local, s, delta, margin, -slack / 2);
    }

    /** W = R[S] + δI_S mapped to the data, rounded, and checked; null when a check fails. */
    private Body.Entries rationalise(double[] r, int[] kk, int[] local, int s, double delta, double margin, double scaledInner) {
        double minScale = Double.POSITIVE_INFINITY, absA = 0;
        int[] rowCount = new int[s];
        double[] w = new double[kk.length];
        for (int t = 0; t < kk.length; t++) {
            int k = kk[t], i = p.row[k], j = p.col[k];
            double v = r[k] + (i == j ? delta : 0);
            w[t] = v * p.invSqrt[i] * p.invSqrt[j];
            rowCount[local[i]]++;
            if (i != j) rowCount[local[j]]++;
            minScale = Math.min(minScale, p.invSqrt[i] * p.invSqrt[i]);
            absA += p.weight(k) * Math.abs(a.approx(k));
        }
        int maxRow = 1;
        for (int c : rowCount) maxRow = Math.max(maxRow, c);
        // In the data's coordinates λmin(W) ≥ margin·min 1/a_ii; ⟨W, a⟩ = ⟨W_scaled, b⟩ exactly (congruence).
        double dataMargin = margin * minScale;
        double grid = Math.min(dataMargin / (2.0 * maxRow), -scaledInner / (2 * absA));
        if (!(grid > 0) || !Double.isFinite(grid)) return null;
        int e = Math.getExponent(grid);
        double q = Math.scalb(1.0, e);
        long[] ints = new long[kk.length];
        for (int t = 0; t < kk.length; t++) {
            double v = w[t] / q;
            if (!(Math.abs(v) < 0x1p52)) return null;
            ints[t] = Math.round(v);
        }
        Rational inner = Rational.ZERO;
        List<Entry> list = new ArrayList<>();
        for (int t = 0; t < kk.length; t++) {
            if (ints[t] == 0) continue;
            int k = kk[t];
            Rational v = dyadic(ints[t], e);
            list.add(new Entry(p.row[k], p.col[k], v));
            Rational term = v.multiply(a.value(k));
            inner = inner.add(p.diagonal(k) ? term : term.multiply(2));
        }
        if (inner.signum() >= 0) return null;
        if (!definite(kk, local, s, ints)) return null;
        support = s;
        double tr = 0;
        for (int t = 0; t < kk.length; t++) if (p.diagonal(kk[t])) tr += r[kk[t]] + delta;
        scaledMargin = scaledInner / tr;
        return new Body.Entries(list);
    }

    /** W = 2^e·ints ≻ 0: Rump's test (dense) for small S, a Lanczos estimate above. */
    private boolean definite(int[] kk, int[] local, int s, long[] ints) {
        if (s > DENSE_PROOF_MAX) {
            Lanczos.Operator op = (x, y) -> {
                Arrays.fill(y, 0);
                for (int t = 0; t < kk.length; t++) {
                    int k = kk[t], i = local[p.row[k]], j = local[p.col[k]];
                    double v = ints[t];
                    if (i == j) {
                        y[i] += v * x[i];
                    } else {
                        y[i] += v * x[j];
                        y[j] += v * x[i];
                    }
                }
            };
            double scale = 0;
            for (int t = 0; t < kk.length; t++) if (p.diagonal(kk[t])) scale = Math.max(scale, Math.abs((double) ints[t]));
            double lambda = new Lanczos(s, op).smallest(LANCZOS_STEPS, 1e-12 * scale, seed + 1).value();
            return lambda > 0;
        }
        double[] d = new double[s * s];
        double trace = 0, maxDiag = 0;
        for (int t = 0; t < kk.length; t++) {
            int k = kk[t], i = local[p.row[k]], j = local[p.col[k]];
            double v = (double) ints[t];
            if (i == j) {
                if (v < 0) return false;
                trace = up(trace + v);
                maxDiag = Math.max(maxDiag, v);
            }
            d[i * s + j] = v;
            d[j * s + i] = v;
        }
        double n1u = up(up(s + 1) * U);
        double c = up(up(n1u / down(1 - up(2 * n1u))) * trace);
        c = up(c + up(up(4 * Double.MIN_VALUE * s) * up(2 * (s + 1) + maxDiag)));
        c = up(2 * c);
        for (int i = 0; i < s; i++) d[i * s + i] = down(d[i * s + i] - c);
        return cholesky(d, s);
    }

    /** Plain Cholesky in place (round to nearest, no FMA, {@link PlainCholesky}); true iff every pivot is positive. */
    static boolean cholesky(double[] d, int s) {
        return PlainCholesky.factor(d, s, null) < 0;
    }

    static Rational dyadic(long k, int e) {
        BigInteger v = BigInteger.valueOf(k);
        return e >= 0 ? Rational.of(v.shiftLeft(e)) : Rational.of(v, BigInteger.ONE.shiftLeft(-e));
    }

    private static double up(double x) {
        return Math.nextUp(x);
    }

    private static double down(double x) {
        return Math.nextDown(x);
    }
}
