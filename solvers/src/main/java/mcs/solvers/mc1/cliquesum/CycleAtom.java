package mcs.solvers.mc1.cliquesum;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.exact.NegativeDirection;

/**
 * Decides a chordless cycle v_0 … v_{L−1} (L ≥ 4, positive diagonal) with a certificate for either
 * answer, by the Barrett–Johnson–Loewy condition (SPEC §1).
 *
 * <p><b>Angles.</b> θ_e = arccos(a_e/√(a_ii a_jj)) ∈ [0, π], computed in double from the exact
 * 1 − |c_e| = (a_ii a_jj − a_e²)/(√(a_ii a_jj)(√(a_ii a_jj) + |a_e|)) so that angles near 0 and π keep their
 * relative accuracy. With σ_e = min(θ_e, π − θ_e), F = {e : a_e &lt; 0} and, when |F| is even, the edge with
 * the largest σ_e moved in or out of F (its σ becomes π − σ), the BJL slack is Σ_e σ'_e − π: completable
 * iff it is ≥ 0. The slack only chooses which certificate to build first; the verdict rests on the
 * certificate, built and checked in exact arithmetic. If the first side fails, the other is tried; if both
 * fail (|slack| near the rounding level, or degenerate angles) the result is undecided.
 *
 * <p><b>YES: fan of chords.</b> Chords (v_0, v_k), k = 2..L−2, split the cycle into triangles
 * T_k = (v_0, v_k, v_{k+1}). Three unit vectors with pairwise angles x, y, z exist iff |x − y| ≤ z ≤
 * min(x + y, 2π − x − y). Forward, the set of chord angles φ_k reachable from φ_1 = θ(v_0v_1) is an
 * interval, propagated in O(1) per triangle; backward from φ_{L−1} = θ(v_{L−1}v_0) each φ_k is the midpoint
 * of (reachable) ∩ (compatible with φ_{k+1}). Chord values cos φ_k·√(a_00 a_kk) are rounded to doubles
 * (exact dyadic rationals) and every triangle block is checked PSD exactly. Ω ∪ chords is chordal (the fan
 * is a triangulation), so the chords are the {@code fill} of a {@code chordal} certificate.
 *
 * <p><b>NO: a witness from planar triangles.</b> Choose e_0 ∈ F and rotate it to be the closing edge
 * (v_{L−1}, v_0); switching the signs of vertices so that exactly the edges of F \ {e_0} change sign turns
 * the angles into θ'_e = σ'_e on the path v_0 … v_{L−1} and θ'_{e_0} = π − σ'_{e_0} &gt; Θ = Σ_{path} σ'_e on
 * the closing edge (the violated inequality). Planar unit vectors u_j at angles ψ_j (partial sums along
 * the path) match the data on the path; in T_k, z_k = (sin(ψ_{k+1} − ψ_k), −sin ψ_{k+1}, sin ψ_k) is in the
 * kernel of the planar Gram block, so z_kᵀ B[T_k] z_k = 0 for k &lt; L−2 and = 2 z_0 z_2 (cos θ'_{e_0} − cos Θ)
 * &lt; 0 for the last triangle, which holds the closing edge. W = Σ_k μ_k z_k z_kᵀ with μ_k &gt; 0 chosen so
 * that the chord entries cancel is supported on the cycle and PSD, and ⟨W, B⟩ &lt; 0. In exact arithmetic:
 * the vectors (mapped back by the switching and D^{-1/2}) are rounded to doubles except one entry per
 * triangle, which is solved for so that the chord entries cancel exactly; W is then exactly a sum of
 * rank-one terms (PSD), supported on the cycle, and ⟨W, a⟩ &lt; 0 is checked exactly; it is emitted in form
 * {@code ldl} (one pivot per triangle), which the kernel checks by products alone. Rounding moves each z_k
 * off the kernel by ε relatively, which costs only O(ε²) in ⟨W, a⟩: the solved-for entries are first
 * rounded to the nearest 2^e·3^i·5^j (ε ≈ 1e-5, numbers of bounded size), and for L ≤ 300 to 53-bit
 * doubles when that does not certify.
 *
 * <p>Cost: YES, O(L) double operations per bisection step (60 steps) and O(L) exact 3×3 checks. NO, O(L)
 * double operations and O(L) rational operations on numbers of O(K + data bits) bits (K = 3·5-smooth
 * exponent range), plus O(n) for the order of the {@code ldl} body.
 */
final class CycleAtom {
    /** Longest cycle for which the 53-bit fallback witness (numbers of O(L) words) is tried. */
    static final int MAX_DYADIC_WITNESS = 300;

    /** At most one of witness (a witness body for the whole instance) and fill (chords) is set; neither: undecided. */
    record Result(Body witness, List<Entry> fill, double slack) {}

    private final PartialSymmetricMatrix a;
    private final int[] v;
    private final int len;
    private final Rational[] d;
    private final Rational[] e;
    private final double[] dd;
    private final double[] sigma;
    private final boolean[] negative;

    /** @param cycle the vertices in cycle order (edges (cycle[k], cycle[k+1 mod L]) are in Ω, no chords) */
    private CycleAtom(PartialSymmetricMatrix a, int[] cycle) {
        this.a = a;
        this.v = cycle;
        this.len = cycle.length;
        d = new Rational[len];
        e = new Rational[len];
        dd = new double[len];
        sigma = new double[len];
        negative = new boolean[len];
        for (int k = 0; k < len; k++) {
            d[k] = a.diagonal(v[k]);
            dd[k] = d[k].toDouble();
            e[k] = a.get(v[k], v[(k + 1) % len]);
        }
    }

    static Result decide(PartialSymmetricMatrix a, int[] cycle) {
        return new CycleAtom(a, cycle).run();
    }

    private Result run() {
        for (int k = 0; k < len; k++) {
            int k1 = (k + 1) % len;
            Rational gap = d[k].multiply(d[k1]).subtract(e[k].square());
            if (gap.signum() < 0) return new Result(edgeWitness(v[k], v[k1], d[k], e[k]), null, Double.NaN);
            sigma[k] = sigma(dd[k], dd[k1], e[k], gap);
            negative[k] = e[k].signum() < 0;
        }
        boolean[] inF = negative.clone();
        double[] sig = sigma.clone();
        int count = 0;
        for (boolean b : inF) if (b) count++;
        if (count % 2 == 0) {
            int best = 0;
            for (int k = 1; k < len; k++) if (sigma[k] > sigma[best]) best = k;
            inF[best] = !inF[best];
            sig[best] = Math.PI - sigma[best];
        }
        double slack = -Math.PI;
        for (double x : sig) slack += x;
        List<Entry> fill = null;
        Body witness = null;
        if (slack >= 0) fill = fan();
        if (fill == null) witness = witness(inF, sig, true);
        if (fill == null && witness == null && len <= MAX_DYADIC_WITNESS) witness = witness(inF, sig, false);
        if (witness == null && fill == null && slack < 0) fill = fan();
        return new Result(witness, fill, slack);
    }

    /**
     * σ = min(θ, π − θ) for the angle θ = arccos(a_e/√(a_ii a_jj)) of an edge with a_ii a_jj − a_e² =
     * {@code gap} ≥ 0, from 1 − |c| = gap/(√(a_ii a_jj)(√(a_ii a_jj) + |a_e|)) (relative accuracy near 0 and π).
     */
    static double sigma(double dii, double djj, Rational ae, Rational gap) {
        double s = Math.sqrt(dii * djj);
        double oneMinus = Math.max(0, gap.toDouble() / (s * (s + Math.abs(ae.toDouble()))));
        return 2 * Math.asin(Math.min(1, Math.sqrt(oneMinus / 2)));
    }

    /** The witness vvᵀ, v = (a_e, −a_ii) on (i, j), of an edge with a_ii a_jj &lt; a_e²: vᵀAv = a_ii(a_ii a_jj − a_e²) &lt; 0. */
    static Body edgeWitness(int i, int j, Rational dii, Rational ae) {
        return new Body.Entries(rankOne(new int[] {i, j}, new Rational[] {ae, dii.negate()}));
    }

    private double theta(int k) {
        return negative[k] ? Math.PI - sigma[k] : sigma[k];
    }

    /** The fan completion's chords (v_0, v_k), or null when a triangle fails the exact check. */
    private List<Entry> fan() {
        double[] lo = new double[len], hi = new double[len];
        if (!reachable(0, lo, hi)) return null;
        // The largest common slack t* of all triangle inequalities (bisection; feasibility is monotone in t),
        // then the chords are chosen with slack t*/2 so that rounding cannot break a triangle.
        double good = 0, bad = Math.PI / 2;
        for (int it = 0; it < 60 && bad - good > 1e-300; it++) {
            double mid = (good + bad) / 2;
            if (reachable(mid, lo, hi)) good = mid;
            else bad = mid;
        }
        double t = good / 2;
        if (!reachable(t, lo, hi)) return null;
        double[] phi = new double[len];
        phi[len - 1] = theta(len - 1);
        for (int k = len - 2; k >= 2; k--) {
            double al = theta(k), next = phi[k + 1];
            double l = Math.max(lo[k], Math.max(next - al, al - next) + t);
            double h = Math.min(hi[k], Math.min(next + al, 2 * Math.PI - next - al) - t);
            // l > h only by rounding (φ_{k+1} ∈ R_{k+1}(t) has an admissible predecessor); the midpoint still has slack ≈ t.
            phi[k] = (l + h) / 2;
        }
        Rational[] chord = new Rational[len];
        chord[1] = e[0];
        chord[len - 1] = e[len - 1];
        for (int k = 2; k <= len - 2; k++) {
            double x = Math.cos(phi[k]) * Math.sqrt(dd[0] * dd[k]);
            if (!Double.isFinite(x)) return null;
            chord[k] = Rational.ofDouble(x);
        }
        for (int k = 1; k <= len - 2; k++) {
            Rational[][] b = {
                {d[0], chord[k], chord[k + 1]},
                {chord[k], d[k], e[k]},
                {chord[k + 1], e[k], d[k + 1]}};
            if (NegativeDirection.find(b) != null) return null;
        }
        List<Entry> fill = new ArrayList<>(len - 3);
        for (int k = 2; k <= len - 2; k++) fill.add(entry(v[0], v[k], chord[k]));
        return fill;
    }

    /**
     * Forward reachable chord angles with every triangle inequality holding with slack t: lo[k]..hi[k] is
     * the set of φ_k (k = 1..L−1) reachable from φ_1 = θ(v_0v_1). For one triangle with sides φ, α (data)
     * and φ', the conditions φ' ≥ |φ − α| + t, φ' ≤ min(φ + α, 2π − φ − α) − t admit some φ' iff
     * min(φ, α) ≥ t and max(φ, α) ≤ π − t; over φ in an interval the admissible φ' form an interval whose
     * ends are attained as below. Returns whether θ(v_{L−1}v_0) is reachable.
     */
    private boolean reachable(double t, double[] lo, double[] hi) {
        lo[1] = hi[1] = theta(0);
        for (int k = 1; k <= len - 2; k++) {
            double al = theta(k);
            double a = Math.max(lo[k], t), b = Math.min(hi[k], Math.PI - t);
            if (a > b || al < t || al > Math.PI - t) return false;
            double l = al < a ? a - al : al > b ? al - b : 0;
            double peak = Math.PI - al;
            double h = peak >= a && peak <= b ? Math.PI : b < peak ? b + al : 2 * Math.PI - a - al;
            lo[k + 1] = l + t;
            hi[k + 1] = h - t;
            if (lo[k + 1] > hi[k + 1]) return false;
        }
        double last = theta(len - 1);
        return last >= lo[len - 1] && last <= hi[len - 1];
    }

    /**
     * The witness W = Σ_k z_k z_kᵀ on the cycle as an {@code ldl} body (term k has its pivot at new vertex k+1;
     * the order lists new vertices L−1, …, 1, 0, then the rest of the instance, with d = 0 off the pivots), or
     * null when the exact check fails. {@code smooth}: the solved-for head entries are 2^e·3^i·5^j
     * ({@link SmoothNumbers}), so every number stays O(K) bits whatever L; else 53-bit dyadics, whose odd
     * denominators accumulate (numbers of O(L) words; used only up to L = {@value #MAX_DYADIC_WITNESS}).
     */
    private Body witness(boolean[] inF, double[] sig, boolean smooth) {
        int k0 = -1;
        for (int k = 0; k < len; k++) if (inF[k] && (k0 < 0 || sig[k] > sig[k0])) k0 = k;
        // New labels j = 0..L−1 are old vertices k0+1+j (mod L): the closing edge (L−1, 0) is old edge k0,
        // and new path edge j (between j and j+1) is old edge k0+1+j.
        int[] old = new int[len];
        double[] y0 = new double[len], sign = new double[len], psi = new double[len], step = new double[len];
        sign[0] = 1;
        for (int j = 0; j < len; j++) old[j] = (k0 + 1 + j) % len;
        for (int j = 0; j + 1 < len; j++) {
            int edge = old[j];
            boolean flip = inF[edge] && edge != k0;
            sign[j + 1] = flip ? -sign[j] : sign[j];
            step[j] = sig[edge];
            psi[j + 1] = psi[j] + step[j];
        }
        for (int j = 0; j < len; j++) y0[j] = sign[j] / Math.sqrt(dd[old[j]]);
        int t = len - 2;
        Rational[][] z = new Rational[t + 1][];
        // Triangle k (1..L−2) on new vertices (0, k, k+1).
        double[] first = direction(1, step, psi, y0);
        double scale = 1 / Math.max(Math.abs(first[0]), Math.max(Math.abs(first[1]), Math.abs(first[2])));
        if (!Double.isFinite(scale)) return null;
        z[1] = new Rational[] {Rational.ofDouble(first[0] * scale), Rational.ofDouble(first[1] * scale), Rational.ofDouble(first[2] * scale)};
        for (int k = 1; k < t; k++) {
            Rational p = z[k][0].multiply(z[k][2]).negate();
            double[] y = direction(k + 1, step, psi, y0);
            double prod = y[0] * y[1];
            double s2 = p.toDouble() / prod;
            if (!(s2 > 0) || !Double.isFinite(s2)) return null;
            double s = Math.sqrt(s2);
            double y0s = y[0] * s, y2s = y[2] * s;
            if (y0s == 0 || !Double.isFinite(y0s) || !Double.isFinite(y2s)) return null;
            Rational head = smooth ? SmoothNumbers.nearest(y0s) : Rational.ofDouble(y0s);
            z[k + 1] = new Rational[] {head, p.divide(head), Rational.ofDouble(y2s)};
        }
        Rational[] diag = new Rational[len];
        Rational[] path = new Rational[len];
        java.util.Arrays.fill(diag, Rational.ZERO);
        java.util.Arrays.fill(path, Rational.ZERO);
        for (int k = 1; k <= t; k++) {
            diag[0] = diag[0].add(z[k][0].square());
            diag[k] = diag[k].add(z[k][1].square());
            diag[k + 1] = diag[k + 1].add(z[k][2].square());
            path[k] = z[k][1].multiply(z[k][2]);
        }
        path[0] = z[1][0].multiply(z[1][1]);
        Rational closing = z[t][0].multiply(z[t][2]);
        // ⟨W, a⟩ with a in the new labels: edge j joins j and j+1 (old edge old[j]), the closing edge is old k0.
        Rational inner = closing.multiply(e[k0]).multiply(Rational.TWO);
        for (int j = 0; j < len; j++) inner = inner.add(diag[j].multiply(d[old[j]]));
        for (int j = 0; j + 1 < len; j++) inner = inner.add(path[j].multiply(e[old[j]]).multiply(Rational.TWO));
        if (inner.signum() >= 0) return null;
        int n = a.n();
        int[] order = new int[n];
        boolean[] onCycle = new boolean[n];
        for (int j = 0; j < len; j++) {
            order[j] = v[old[len - 1 - j]];
            onCycle[order[j]] = true;
        }
        int q = len;
        for (int u = 0; u < n; u++) if (!onCycle[u]) order[q++] = u;
        Rational[] piv = new Rational[n];
        java.util.Arrays.fill(piv, Rational.ZERO);
        List<Entry> l = new ArrayList<>(2 * t);
        for (int k = 1; k <= t; k++) {
            if (z[k][2].isZero()) return null;
            int pivot = len - 2 - k; // position of new vertex k+1
            piv[pivot] = z[k][2].square();
            Rational inv = z[k][2].reciprocal();
            if (!z[k][1].isZero()) l.add(new Entry(pivot + 1, pivot, z[k][1].multiply(inv)));
            if (!z[k][0].isZero()) l.add(new Entry(len - 1, pivot, z[k][0].multiply(inv)));
        }
        return new Body.Ldl(order, l, piv);
    }

    /** z_k of triangle (0, k, k+1) mapped to the data's coordinates (switching signs and D^{-1/2}). */
    private static double[] direction(int k, double[] step, double[] psi, double[] y0) {
        return new double[] {Math.sin(step[k]) * y0[0], -Math.sin(psi[k + 1]) * y0[k], Math.sin(psi[k]) * y0[k + 1]};
    }

    private static Entry entry(int i, int j, Rational x) {
        return new Entry(Math.max(i, j), Math.min(i, j), x);
    }

    /** W = uuᵀ on the given vertices, lower triangle. */
    static List<Entry> rankOne(int[] idx, Rational[] u) {
        List<Entry> w = new ArrayList<>();
        for (int r = 0; r < idx.length; r++) {
            for (int q = 0; q <= r; q++) w.add(entry(idx[r], idx[q], u[r].multiply(u[q])));
        }
        return w;
    }
}
