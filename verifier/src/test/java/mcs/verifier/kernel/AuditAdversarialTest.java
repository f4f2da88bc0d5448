package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.Matrices;
import org.junit.jupiter.api.Test;

/**
 * Audit: certificates built to sit exactly on the boundary of validity (ACCEPTED) or a hair beyond it
 * (REJECTED): completions with λmin = 0 or −10⁻¹², factor certificates with ‖Δ‖_F² = δ² or δ² + O(10⁻³⁰),
 * witnesses with ⟨W,a⟩ = 0, ±10⁻¹⁵, witnesses with λmin = −10⁻¹², ldl witnesses whose fill cancels exactly
 * or not, D with a −10⁻³⁰ entry. The truth is known by construction (spectral matrices Q·diag(λ)·Qᵀ with Q a
 * rational Householder reflection, so λ is exact) and cross-checked by an independent exact
 * PSD test written here: the Faddeev–LeVerrier characteristic polynomial (A ⪰ 0 iff every coefficient of
 * det(tI + A) is ≥ 0, the coefficients being the elementary symmetric functions of the eigenvalues).
 */
class AuditAdversarialTest {
    private static final KernelOptions EXACT = KernelOptions.defaults();
    /** Forces the rigorous floating-point path: it may prove, never refute, and must never prove a non-PSD matrix. */
    private static final KernelOptions FLOAT_ONLY = new KernelOptions(Rational.ZERO, 26, 0);
    private static final Rational E12 = pow10(-12), E15 = pow10(-15), E30 = pow10(-30);

    static Rational pow10(int e) {
        return Rational.of(BigInteger.ONE, BigInteger.TEN.pow(-e));
    }

    // ---------------------------------------------------------------- independent exact helpers

    static Rational[][] zeros(int n) {
        return Matrices.zeros(n);
    }

    static Rational[][] mul(Rational[][] a, Rational[][] b) {
        int n = a.length;
        Rational[][] c = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (a[i][k].isZero()) continue;
                for (int j = 0; j < n; j++) c[i][j] = c[i][j].add(a[i][k].multiply(b[k][j]));
            }
        }
        return c;
    }

    /** I − 2vvᵀ/(vᵀv) for a random small integer v ≠ 0: rational and orthogonal. */
    static Rational[][] householder(Random rnd, int n) {
        long[] v = new long[n];
        long vv = 0;
        while (vv == 0) {
            vv = 0;
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(7) - 3;
                vv += v[i] * v[i];
            }
        }
        Rational[][] h = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational x = Rational.of(-2 * v[i] * v[j], vv);
                h[i][j] = i == j ? x.add(Rational.ONE) : x;
            }
        }
        return h;
    }

    /** Q·diag(λ)·Qᵀ with Q a rational Householder reflection: exactly the eigenvalues λ. */
    static Rational[][] spectral(Random rnd, Rational[] lambda) {
        int n = lambda.length;
        Rational[][] q = householder(rnd, n);
        Rational[][] d = zeros(n);
        for (int i = 0; i < n; i++) d[i][i] = lambda[i];
        Rational[][] qt = zeros(n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) qt[i][j] = q[j][i];
        return mul(mul(q, d), qt);
    }

    /** PSD by Faddeev–LeVerrier: coefficients e_k of det(tI + A) = Σ e_k t^(n−k) must all be ≥ 0. */
    static boolean psdByCharpoly(Rational[][] a) {
        int n = a.length;
        Rational[][] m = zeros(n);
        Rational c = Rational.ONE; // c_n
        for (int k = 1; k <= n; k++) {
            // M_k = A·M_{k−1} + c_{n−k+1}·I, c_{n−k} = −tr(A·M_k)/k
            Rational[][] next = mul(a, m);
            for (int i = 0; i < n; i++) next[i][i] = next[i][i].add(c);
            m = next;
            Rational[][] am = mul(a, m);
            Rational tr = Rational.ZERO;
            for (int i = 0; i < n; i++) tr = tr.add(am[i][i]);
            c = tr.negate().divide(Rational.of(k));
            // e_k = (−1)^k c_{n−k}
            Rational e = (k % 2 == 0) ? c : c.negate();
            if (e.signum() < 0) return false;
        }
        return true;
    }

    static boolean[][] randomOmega(Random rnd, int n, double p) {
        boolean[][] om = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            om[i][i] = true;
            for (int j = 0; j < i; j++) om[i][j] = om[j][i] = rnd.nextDouble() < p;
        }
        return om;
    }

    static Mc1Instance instance(Rational[][] a, boolean[][] om) {
        int n = a.length;
        Rational[][] low = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) low[i][j] = om[i][j] ? a[i][j] : null;
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(low));
    }

    static Rational smallPositive(Random rnd) {
        return Rational.of(1 + rnd.nextInt(9), 1 + rnd.nextInt(4));
    }

    static Rational inner(Rational[][] w, Rational[][] a, boolean[][] om) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < w.length; i++) for (int j = 0; j < w.length; j++) if (om[i][j]) s = s.add(w[i][j].multiply(a[i][j]));
        return s;
    }

    // ---------------------------------------------------------------- completions (entries form)

    @Test
    void completionsOnTheSpectralBoundary() {
        Random rnd = new Random(20261127L);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int n = 2 + rnd.nextInt(4);
            Rational[] lambda = new Rational[n];
            for (int i = 0; i < n; i++) lambda[i] = smallPositive(rnd);
            int kind = rnd.nextInt(4);
            Rational low = switch (kind) {
                case 0 -> Rational.ZERO;
                case 1 -> E12.negate();
                case 2 -> E12;
                default -> E30.negate();
            };
            lambda[0] = low;
            if (rnd.nextBoolean() && n > 2) lambda[1] = Rational.ZERO; // rank-deficient boundary
            boolean truth = low.signum() >= 0;
            Rational[][] x = spectral(rnd, lambda);
            assertEquals(truth, psdByCharpoly(x), "construction and the independent test disagree");
            boolean[][] om = randomOmega(rnd, n, 0.5);
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (!om[i][j] && !x[i][j].isZero()) es.add(new Entry(i, j, x[i][j]));
            Certificate c = Certificate.completion(null, new Body.Entries(es));
            Mc1Instance inst = instance(x, om);
            Judgement j = Kernel.check(inst, null, c, EXACT);
            assertEquals(truth ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), "trial " + trial + ": " + j.reason());
            if (truth) accepted++;
            else rejected++;
            if (trial % 5 == 0) {
                Judgement f = Kernel.check(inst, null, c, FLOAT_ONLY);
                // The float path can only prove: a matrix that is not PSD is left UNVERIFIED, never ACCEPTED or REJECTED.
                if (!truth) assertEquals(Outcome.UNVERIFIED, f.outcome(), "float path on a non-PSD matrix: " + f.reason());
                if (f.outcome() == Outcome.ACCEPTED) assertEquals(Method.RIGOROUS_FLOAT, f.method());
            }
        }
        assertTrue(accepted > 200 && rejected > 200, accepted + " / " + rejected);
    }

    /** The float path proves comfortably definite matrices (so the never-accept assertions above are not vacuous). */
    @Test
    void floatPathProvesWellConditionedCompletions() {
        Random rnd = new Random(7);
        int proven = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(4);
            Rational[] lambda = new Rational[n];
            for (int i = 0; i < n; i++) lambda[i] = smallPositive(rnd);
            Rational[][] x = spectral(rnd, lambda);
            boolean[][] om = randomOmega(rnd, n, 0.5);
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (!om[i][j] && !x[i][j].isZero()) es.add(new Entry(i, j, x[i][j]));
            Judgement f = Kernel.check(instance(x, om), null, Certificate.completion(null, new Body.Entries(es)), FLOAT_ONLY);
            if (f.outcome() == Outcome.ACCEPTED) proven++;
            else assertEquals(Outcome.UNVERIFIED, f.outcome(), f.reason());
        }
        assertEquals(200, proven);
    }

    // ---------------------------------------------------------------- completions (factor form)

    @Test
    void factorCertificatesOnTheWeylBoundary() {
        Random rnd = new Random(31);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1500; trial++) {
            int n = 2 + rnd.nextInt(4), r = 1 + rnd.nextInt(3);
            Rational[][] fv = new Rational[n][r];
            for (int i = 0; i < n; i++) for (int c = 0; c < r; c++) fv[i][c] = ExactPsdTest.small(rnd);
            RationalMatrix f = RationalMatrix.of(fv);
            Rational delta = Rational.of(1 + rnd.nextInt(20), 1 + rnd.nextInt(7));
            boolean[][] om = randomOmega(rnd, n, 0.6);
            // Δ with ‖Δ‖_F² = δ² exactly, on Ω.
            Rational[][] dl = zeros(n);
            int i0 = rnd.nextInt(n), j0 = (i0 + 1 + rnd.nextInt(n - 1)) % n;
            int shape = rnd.nextInt(3);
            int si = rnd.nextBoolean() ? 1 : -1, sj = rnd.nextBoolean() ? 1 : -1;
            if (shape == 1 && om[i0][j0]) { // Δ_ii² + 2Δ_ij² = (1/9 + 8/9)δ²
                dl[i0][i0] = delta.multiply(Rational.of(si, 3));
                dl[i0][j0] = dl[j0][i0] = delta.multiply(Rational.of(2 * sj, 3));
            } else if (shape == 2) { // (3/5)² + (4/5)²
                dl[i0][i0] = delta.multiply(Rational.of(3 * si, 5));
                dl[j0][j0] = delta.multiply(Rational.of(4 * sj, 5));
            } else {
                dl[i0][i0] = delta.multiply(Rational.of(si));
            }
            int mode = rnd.nextInt(3); // 0 boundary, 1 norm pushed out by ~1e-30, 2 pulled in
            Rational[][] ff = Matrices.gram(f);
            Rational[][] a = zeros(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = ff[i][j].add(dl[i][j]);
                    if (i == j) a[i][j] = a[i][j].add(delta);
                }
            }
            if (mode != 0) {
                Rational push = (dl[i0][i0].signum() > 0) == (mode == 1) ? E30 : E30.negate();
                a[i0][i0] = a[i0][i0].add(push);
            }
            // The independent verdict: ‖a − FFᵀ − δI‖_F² on Ω against δ².
            Rational norm = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (!om[i][j]) continue;
                    Rational d = a[i][j].subtract(ff[i][j]);
                    if (i == j) d = d.subtract(delta);
                    norm = norm.add(d.square());
                }
            }
            boolean truth = norm.compareTo(delta.square()) <= 0;
            assertEquals(mode != 1, truth, "construction");
            Certificate c = Certificate.completion(null, new Body.Factor(f, delta));
            Judgement j = Kernel.check(instance(a, om), null, c, EXACT);
            assertEquals(truth ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), "trial " + trial + ": " + j.reason());
            if (truth) {
                accepted++;
                // Weyl's conclusion, checked independently: X = FFᵀ + δI + Δ is PSD.
                Rational[][] x = zeros(n);
                for (int i = 0; i < n; i++) for (int jj = 0; jj < n; jj++) x[i][jj] = om[i][jj] ? a[i][jj] : ff[i][jj];
                for (int i = 0; i < n; i++) if (!om[i][i]) x[i][i] = x[i][i].add(delta);
                assertTrue(psdByCharpoly(x), "an accepted factor certificate must describe a PSD completion");
            } else {
                rejected++;
            }
        }
        assertTrue(accepted > 300 && rejected > 300, accepted + " / " + rejected);
    }

    // ---------------------------------------------------------------- witnesses: inner product boundary

    @Test
    void witnessInnerProductBoundary() {
        Random rnd = new Random(57);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1500; trial++) {
            int n = 2 + rnd.nextInt(5);
            boolean[][] om = randomOmega(rnd, n, 0.5);
            // W = Σ rank-one terms supported on single positions or on edges of Ω: PSD and on Ω by construction.
            List<Rational[]> cols = new ArrayList<>();
            Rational[] first = new Rational[n];
            java.util.Arrays.fill(first, Rational.ZERO);
            first[0] = Rational.of(1 + rnd.nextInt(3));
            cols.add(first);
            for (int t = 0; t < 1 + rnd.nextInt(2 * n); t++) {
                int i = rnd.nextInt(n), j = rnd.nextInt(n);
                if (!om[i][j]) continue;
                Rational[] v = new Rational[n];
                java.util.Arrays.fill(v, Rational.ZERO);
                v[i] = ExactPsdTest.small(rnd);
                v[j] = v[j].add(ExactPsdTest.small(rnd));
                cols.add(v);
            }
            Rational[][] vm = new Rational[n][cols.size()];
            for (int i = 0; i < n; i++) for (int c = 0; c < cols.size(); c++) vm[i][c] = cols.get(c)[i];
            RationalMatrix v = RationalMatrix.of(vm);
            Rational[][] w = Matrices.gram(v);
            Rational[][] a = ExactPsdTest.randomSymmetric(rnd, n);
            // Make ⟨W,a⟩ = target exactly by moving a_00 (W_00 > 0).
            int mode = rnd.nextInt(3);
            Rational target = switch (mode) {
                case 0 -> Rational.ZERO;
                case 1 -> E15.negate();
                default -> E15;
            };
            Rational cur = inner(w, a, om);
            a[0][0] = a[0][0].add(target.subtract(cur).divide(w[0][0]));
            assertEquals(target, inner(w, a, om));
            boolean truth = target.signum() < 0;
            Mc1Instance inst = instance(a, om);
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) if (!w[i][j].isZero()) es.add(new Entry(i, j, w[i][j]));
            for (Body body : List.of(new Body.Entries(es), new Body.Factor(v, null))) {
                Judgement j = Kernel.check(inst, null, Certificate.witness(null, body), EXACT);
                assertEquals(truth ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), "trial " + trial + " " + body.form() + ": " + j.reason());
            }
            if (truth) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 300 && rejected > 300, accepted + " / " + rejected);
    }

    // ---------------------------------------------------------------- witnesses: PSD boundary

    @Test
    void witnessPsdBoundary() {
        Random rnd = new Random(77);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 800; trial++) {
            int n = 2 + rnd.nextInt(5);
            int k = 2 + rnd.nextInt(n - 1); // W lives on the clique {0..k−1} of Ω
            boolean[][] om = randomOmega(rnd, n, 0.4);
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) om[i][j] = true;
            Rational[] lambda = new Rational[k];
            for (int i = 0; i < k; i++) lambda[i] = smallPositive(rnd);
            lambda[0] = rnd.nextBoolean() ? Rational.ZERO : (rnd.nextBoolean() ? E12.negate() : E30.negate());
            boolean truth = lambda[0].signum() >= 0;
            Rational[][] wk = spectral(rnd, lambda);
            Rational[][] w = zeros(n);
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) w[i][j] = wk[i][j];
            assertEquals(truth, psdByCharpoly(w), "construction");
            Rational[][] a = ExactPsdTest.randomSymmetric(rnd, n);
            int piv = 0;
            for (int i = 0; i < k; i++) if (w[i][i].compareTo(w[piv][piv]) > 0) piv = i;
            a[piv][piv] = a[piv][piv].add(Rational.ONE.negate().subtract(inner(w, a, om)).divide(w[piv][piv]));
            assertEquals(Rational.ONE.negate(), inner(w, a, om));
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) if (!w[i][j].isZero()) es.add(new Entry(i, j, w[i][j]));
            Judgement j = Kernel.check(instance(a, om), null, Certificate.witness(null, new Body.Entries(es)), EXACT);
            assertEquals(truth ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), "trial " + trial + ": " + j.reason());
            if (truth) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 300 && rejected > 300, accepted + " / " + rejected);
    }

    // ---------------------------------------------------------------- witnesses: ldl with exact cancellation

    @Test
    void ldlWitnessSupportWithCancellingFill() {
        Random rnd = new Random(91);
        int cancelled = 0, offSupport = 0, negativeD = 0, valid = 0;
        for (int trial = 0; trial < 1500; trial++) {
            int n = 3 + rnd.nextInt(4);
            int[] p = new int[n];
            for (int i = 0; i < n; i++) p[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int s = rnd.nextInt(i + 1), t = p[i];
                p[i] = p[s];
                p[s] = t;
            }
            Rational[] d = new Rational[n];
            for (int i = 0; i < n; i++) d[i] = rnd.nextInt(4) == 0 ? Rational.ZERO : smallPositive(rnd);
            Rational[][] l = zeros(n);
            for (int i = 0; i < n; i++) {
                l[i][i] = Rational.ONE;
                for (int j = 0; j < i; j++) if (rnd.nextInt(3) == 0) l[i][j] = ExactPsdTest.small(rnd);
            }
            // Force exact cancellation of W'_st (s > t, d_t > 0): l_st = −Σ_{k<t} d_k l_sk l_tk / d_t.
            int s0 = 2 + rnd.nextInt(n - 2), t0 = 1 + rnd.nextInt(s0 - 1);
            if (d[t0].signum() > 0) {
                Rational sum = Rational.ZERO;
                for (int k = 0; k < t0; k++) sum = sum.add(d[k].multiply(l[s0][k]).multiply(l[t0][k]));
                l[s0][t0] = sum.negate().divide(d[t0]);
            }
            // W_{p_a, p_b} = (L D Lᵀ)_ab, SPEC §3.2: (Px)_k = x_{p_k}.
            Rational[][] wp = zeros(n);
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) {
                Rational s = Rational.ZERO;
                for (int k = 0; k < n; k++) s = s.add(l[a][k].multiply(d[k]).multiply(l[b][k]));
                wp[a][b] = s;
            }
            Rational[][] w = zeros(n);
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) w[p[a]][p[b]] = wp[a][b];
            boolean[][] om = new boolean[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) om[i][j] = i == j || !w[i][j].isZero();
            if (d[t0].signum() > 0 && wp[s0][t0].isZero()) cancelled++;
            Rational[][] a = ExactPsdTest.randomSymmetric(rnd, n);
            int piv = 0;
            for (int i = 0; i < n; i++) if (w[i][i].compareTo(w[piv][piv]) > 0) piv = i;
            if (w[piv][piv].isZero()) continue; // D = 0: no witness
            a[piv][piv] = a[piv][piv].add(E15.negate().subtract(inner(w, a, om)).divide(w[piv][piv]));
            List<Entry> le = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (!l[i][j].isZero()) le.add(new Entry(i, j, l[i][j]));
            Body.Ldl body = new Body.Ldl(p.clone(), le, d.clone());
            Judgement j = Kernel.check(instance(a, om), null, Certificate.witness(null, body), EXACT);
            assertEquals(Outcome.ACCEPTED, j.outcome(), "trial " + trial + ": " + j.reason());
            valid++;
            // Drop one nonzero off-diagonal position of W from Ω: support must fail.
            List<int[]> offs = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int jj = 0; jj < i; jj++) if (!w[i][jj].isZero()) offs.add(new int[] {i, jj});
            if (!offs.isEmpty()) {
                int[] o = offs.get(rnd.nextInt(offs.size()));
                boolean[][] om2 = new boolean[n][];
                for (int i = 0; i < n; i++) om2[i] = om[i].clone();
                om2[o[0]][o[1]] = om2[o[1]][o[0]] = false;
                Judgement j2 = Kernel.check(instance(a, om2), null, Certificate.witness(null, body), EXACT);
                assertEquals(Outcome.REJECTED, j2.outcome(), "trial " + trial + " without (" + o[0] + "," + o[1] + ")");
                assertEquals("support", j2.check());
                offSupport++;
            }
            // A D entry of −10⁻³⁰ makes W indefinite-capable: rejected whatever else holds.
            Rational[] d2 = d.clone();
            d2[rnd.nextInt(n)] = E30.negate();
            Judgement j3 = Kernel.check(instance(a, om), null, Certificate.witness(null, new Body.Ldl(p.clone(), le, d2)), EXACT);
            assertEquals(Outcome.REJECTED, j3.outcome());
            negativeD++;
        }
        assertTrue(cancelled > 200 && offSupport > 500 && valid > 1000, cancelled + " " + offSupport + " " + valid + " " + negativeD);
    }
}
