package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.Pattern;

/**
 * Checks a dual witness W for MC1 NOT_COMPLETABLE.
 *
 * <p><b>Proven.</b> If W ⪰ 0, W_ij = 0 for every (i, j) ∉ Ω and ⟨W, a⟩ &lt; 0, then no PSD completion
 * exists: any completion X agrees with a on Ω, so ⟨W, X⟩ = ⟨W, a⟩ &lt; 0, while the inner product of two
 * PSD matrices is ≥ 0 (⟨W, X⟩ = tr(W^{1/2} X W^{1/2})). All three facts are checked exactly.
 *
 * <ul>
 *   <li>{@code entries}: W on Ω (lower triangle, diagonal included); entries off Ω, out of range or
 *       repeated are rejected. ⟨W, a⟩ is summed exactly. For 120 &lt; n ≤ 4000 Rump's test is tried first
 *       (it proves definite W, the usual case for numerical witnesses W + ηI); else W ⪰ 0 by {@link SparseExactPsd}
 *       (minimum-degree order) within a fill budget, else {@link ExactPsd} up to
 *       {@link KernelOptions#exactDenseMaxN()}, else Rump's test (which proves only definite W).
 *   <li>{@code ldl}: W = Pᵀ L D Lᵀ P with (Px)_k = x_{p_k}. PSD is automatic once D ≥ 0 and L is unit
 *       lower triangular (W = (PᵀL D^{1/2})(…)ᵀ); the order is checked to be a permutation, every listed
 *       L entry to be strictly lower and not repeated, D ≥ 0. W' = LDLᵀ is accumulated exactly over the
 *       pattern of each column of L (cost Σ_k |col_k(L)|²), and every nonzero W'_ab is mapped back to
 *       (p_a, p_b), which must lie in Ω; the first offender (in row-major order) is named.
 *   <li>{@code factor}: W = VVᵀ + δI (δ ≥ 0, absent = 0); PSD is automatic. (VVᵀ)_ij is computed
 *       exactly for every pair (i, j) that shares a nonzero column of V — every other pair is 0 — so
 *       cancellation between columns is accounted for; nonzero values must lie in Ω.
 * </ul>
 * Reported: margin −⟨W, a⟩ / tr W (tr W &gt; 0 since W ⪰ 0 is nonzero).
 *
 * <p>Budget: the dense copy of an {@code entries} witness is formed only up to
 * {@link KernelOptions#denseMaxN()}; {@code ldl} and {@code factor} checks first count the products they
 * would form ({@link #PRODUCT_BUDGET}). Beyond a budget the answer is UNVERIFIED (check {@code budget}).
 */
final class WitnessCheck {
    /** Budget on fill for the sparse exact elimination of an {@code entries} witness. */
    static final long SPARSE_FILL_BUDGET = 4_000_000L;
    /** Budget on the exact products an {@code ldl} or {@code factor} witness check forms (each may become a map entry). */
    static final double PRODUCT_BUDGET = 2e7;

    private WitnessCheck() {}

    static Judgement check(Target target, Body body, KernelOptions opts) {
        if (body instanceof Body.Entries e) return entries(target, e, opts);
        if (body instanceof Body.Ldl l) return ldl(target, l);
        if (body instanceof Body.Factor f) return factor(target, f);
        return Judgement.rejected("form", "unknown witness form '" + body.form() + "'");
    }

    private static Judgement entries(Target target, Body.Entries body, KernelOptions opts) {
        Pattern omega = target.omega;
        int n = target.n();
        List<Entry> list = body.entries();
        int size = list.size();
        int[] rows = new int[size], cols = new int[size];
        Rational[] vals = new Rational[size];
        Set<Long> seen = new HashSet<>();
        Rational inner = Rational.ZERO;
        Rational trace = Rational.ZERO;
        for (int t = 0; t < size; t++) {
            Entry e = list.get(t);
            int i = e.i(), j = e.j();
            if (i >= n) return Checks.outOfRange("entries", t + 1, i, j, n);
            if (!seen.add((long) i * n + j)) return Checks.duplicate(t + 1, i, j);
            int k = omega.entryIndex(i, j);
            if (k < 0 && !e.value().isZero()) {
                return Judgement.rejected("support", "witness entry " + (t + 1) + " at (" + (i + 1) + "," + (j + 1)
                        + ") is off Ω; W must vanish off the specified positions", Method.EXACT, Checks.at(i, j, t + 1));
            }
            rows[t] = i;
            cols[t] = j;
            vals[t] = e.value();
            if (k >= 0) {
                Rational term = e.value().multiply(target.value(k));
                inner = inner.add(i == j ? term : term.multiply(2));
            }
            if (i == j) trace = trace.add(e.value());
        }
        Judgement neg = requireNegative(inner);
        if (neg != null) return neg;
        // Witnesses from numerical solvers are typically W + ηI with a margin: above RUMP_FIRST_N a dense
        // floating-point proof costs O(n³) flops, where exact sparse elimination of a filled-in W does not scale.
        if (n > PsdPolicy.RUMP_FIRST_N && n <= Math.min(RUMP_DENSE_MAX_N, opts.denseMaxN())) {
            RumpTest.Result r = RumpTest.proveDefinite(denseLower(n, size, rows, cols, vals));
            if (r.proven()) return accepted(inner, trace, Method.RIGOROUS_FLOAT, "W is positive definite (Rump's test: " + r.reason() + "), supported on Ω");
        }
        Optional<PsdDecision> sparse = SparseExactPsd.decide(n, rows, cols, vals, SPARSE_FILL_BUDGET);
        PsdPolicy.Verdict v;
        if (sparse.isPresent()) {
            PsdDecision d = sparse.get();
            v = new PsdPolicy.Verdict(d.psd(), Method.EXACT, d, "exact sparse elimination: " + d.reason());
        } else if (n <= opts.denseMaxN()) {
            v = PsdPolicy.decide(denseLower(n, size, rows, cols, vals), Rational.ZERO, opts);
        } else {
            return Judgement.unverified("budget", "sparse elimination of W exceeds the fill budget of " + SPARSE_FILL_BUDGET
                    + " nonzeros and order " + n + " exceeds the dense limit " + opts.denseMaxN() + "; send an ldl or factor witness", Method.EXACT);
        }
        if (v.psd() == null) return Judgement.unverified("psd", v.reason(), v.method());
        if (!v.psd()) {
            PsdDecision d = v.exact();
            return Judgement.rejected("psd", "the witness W is not positive semidefinite: " + d.reason(), Method.EXACT,
                    Checks.at(d.failRow(), d.failCol(), -1));
        }
        return accepted(inner, trace, v.method(), "W is positive semidefinite (" + v.reason() + "), supported on Ω");
    }

    /** Largest order for which a dense floating-point copy of an {@code entries} witness is made. */
    static final int RUMP_DENSE_MAX_N = 4000;

    private static Rational[][] denseLower(int n, int size, int[] rows, int[] cols, Rational[] vals) {
        Rational[][] w = new Rational[n][];
        for (int i = 0; i < n; i++) {
            w[i] = new Rational[i + 1];
            java.util.Arrays.fill(w[i], Rational.ZERO);
        }
        for (int t = 0; t < size; t++) w[rows[t]][cols[t]] = vals[t];
        return w;
    }

    private static Judgement ldl(Target target, Body.Ldl body) {
        int n = target.n();
        int[] p = body.order();
        Rational[] d = body.d();
        if (p.length != n) {
            return Judgement.rejected("permutation", "the order has " + p.length + " items but the instance has order " + n,
                    Method.EXACT, Map.of("length", p.length));
        }
        boolean[] used = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (p[k] < 0 || p[k] >= n || used[p[k]]) {
                return Judgement.rejected("permutation", "order item " + (k + 1) + " = " + (p[k] + 1)
                        + (p[k] < 0 || p[k] >= n ? " is out of range" : " repeats an index"), Method.EXACT, Map.of("index", k + 1));
            }
            used[p[k]] = true;
        }
        if (d.length != n) {
            return Judgement.rejected("d-nonnegative", "d has " + d.length + " items but the instance has order " + n,
                    Method.EXACT, Map.of("length", d.length));
        }
        for (int k = 0; k < n; k++) {
            if (d[k].signum() < 0) {
                return Judgement.rejected("d-nonnegative", "d_" + (k + 1) + " = " + d[k] + " is negative", Method.EXACT,
                        Map.of("index", k + 1));
            }
        }
        List<List<int[]>> colRows = new ArrayList<>(n);
        List<List<Rational>> colVals = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            colRows.add(new ArrayList<>());
            colVals.add(new ArrayList<>());
        }
        Set<Long> seen = new HashSet<>();
        int index = 0;
        for (Entry e : body.l()) {
            index++;
            int a = e.i(), b = e.j();
            if (a >= n) return Checks.outOfRange("l", index, a, b, n);
            if (a == b) {
                return Judgement.rejected("unit-diagonal", "L item " + index + " is on the diagonal (" + (a + 1) + "," + (b + 1)
                        + "); L has unit diagonal and lists only i > j", Method.EXACT, Checks.at(a, b, index));
            }
            if (!seen.add((long) a * n + b)) return Checks.duplicate(index, a, b);
            if (e.value().isZero()) continue;
            colRows.get(b).add(new int[] {a});
            colVals.get(b).add(e.value());
        }
        // W' = Σ_k d_k · l_k l_kᵀ where l_k is column k of L with its unit diagonal: Σ_k |l_k|² products.
        double work = 0;
        for (int k = 0; k < n; k++) if (!d[k].isZero()) work += Math.pow(colRows.get(k).size() + 1, 2);
        Budget.require(work, PRODUCT_BUDGET, "accumulating W = PᵀLDLᵀP (products of L entries)");
        Map<Long, Rational> w = new HashMap<>();
        for (int k = 0; k < n; k++) {
            if (d[k].isZero()) continue;
            Budget.tick();
            int size = colRows.get(k).size() + 1;
            int[] idx = new int[size];
            Rational[] val = new Rational[size];
            idx[0] = k;
            val[0] = Rational.ONE;
            for (int t = 1; t < size; t++) {
                idx[t] = colRows.get(k).get(t - 1)[0];
                val[t] = colVals.get(k).get(t - 1);
            }
            for (int s = 0; s < size; s++) {
                Rational ds = d[k].multiply(val[s]);
                for (int t = 0; t < size; t++) {
                    int a = p[idx[s]], b = p[idx[t]];
                    if (a < b) continue;
                    long key = (long) a * n + b;
                    w.merge(key, ds.multiply(val[t]), Rational::add);
                }
            }
        }
        return supportedWitness(target, w, n, "W = PᵀLDLᵀP is positive semidefinite (D ≥ 0)");
    }

    private static Judgement factor(Target target, Body.Factor body) {
        int n = target.n();
        Rational delta = body.shift() == null ? Rational.ZERO : body.shift();
        if (delta.signum() < 0) {
            return Judgement.rejected("shift", "the witness shift δ = " + delta + " is negative", Method.EXACT,
                    Map.of("shift", delta.toString()));
        }
        if (body.factor().rows() != n) {
            return Judgement.rejected("dimensions", "the factor has " + body.factor().rows() + " rows but the instance has order " + n,
                    Method.EXACT, Map.of("rows", body.factor().rows()));
        }
        ScaledRows v = new ScaledRows(body.factor());
        BigInteger den2 = v.den.multiply(v.den);
        // Support: only pairs sharing a nonzero column can be nonzero; compute each such pair exactly.
        double pairWork = 0;
        for (int c = 0; c < v.cols; c++) {
            long nzc = 0;
            for (int i = 0; i < n; i++) if (v.get(i, c).signum() != 0) nzc++;
            pairWork += nzc * (double) (nzc - 1) / 2;
        }
        Budget.require(pairWork, PRODUCT_BUDGET, "the support check of W = VVᵀ (pairs sharing a column)");
        Budget.require(pairWork * v.cols, CompletionCheck.FACTOR_WORK_MAX, "the support check of W = VVᵀ (multiply-adds)");
        Set<Long> pairs = new HashSet<>();
        List<Integer> nz = new ArrayList<>();
        TreeMap<Long, Boolean> offenders = new TreeMap<>();
        for (int c = 0; c < v.cols; c++) {
            Budget.tick();
            nz.clear();
            for (int i = 0; i < n; i++) if (v.get(i, c).signum() != 0) nz.add(i);
            for (int s = 0; s < nz.size(); s++) {
                int i = nz.get(s);
                for (int t = 0; t < s; t++) {
                    int j = nz.get(t);
                    if (target.omega.contains(i, j)) continue;
                    long key = (long) i * n + j;
                    if (!pairs.add(key)) continue;
                    if (v.dot(i, j).signum() != 0) offenders.put(key, true);
                }
            }
        }
        if (!offenders.isEmpty()) {
            long key = offenders.firstKey();
            int i = (int) (key / n), j = (int) (key % n);
            Rational val = Rational.of(v.dot(i, j), den2);
            return Judgement.rejected("support", "(VVᵀ)_(" + (i + 1) + "," + (j + 1) + ") = " + val
                    + " is nonzero off Ω (" + offenders.size() + " such positions)", Method.EXACT, Checks.at(i, j, -1));
        }
        Pattern omega = target.omega;
        BigInteger s = BigInteger.ZERO;
        BigInteger traceV = BigInteger.ZERO;
        BigInteger traceA = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                BigInteger dot = v.dot(i, j);
                if (i == j) {
                    traceV = traceV.add(dot);
                    traceA = traceA.add(target.num(k));
                }
                if (dot.signum() == 0) continue;
                BigInteger term = dot.multiply(target.num(k));
                s = s.add(i == j ? term : term.shiftLeft(1));
            }
        }
        Rational inner = Rational.of(s, den2.multiply(target.den)).add(delta.multiply(Rational.of(traceA, target.den)));
        Rational trace = Rational.of(traceV, den2).add(delta.multiply(n));
        Judgement neg = requireNegative(inner);
        if (neg != null) return neg;
        return accepted(inner, trace, Method.EXACT, "W = VVᵀ + δI is positive semidefinite and supported on Ω");
    }

    /** Checks support and inner product of an exactly accumulated W (keys a·n + b with a ≥ b). */
    private static Judgement supportedWitness(Target target, Map<Long, Rational> w, int n, String why) {
        TreeMap<Long, Rational> sorted = new TreeMap<>(w);
        Rational inner = Rational.ZERO;
        Rational trace = Rational.ZERO;
        for (Map.Entry<Long, Rational> e : sorted.entrySet()) {
            if (e.getValue().isZero()) continue;
            int i = (int) (e.getKey() / n), j = (int) (e.getKey() % n);
            int k = target.omega.entryIndex(i, j);
            if (k < 0) {
                return Judgement.rejected("support", "W_(" + (i + 1) + "," + (j + 1) + ") = " + e.getValue()
                        + " is nonzero off Ω", Method.EXACT, Checks.at(i, j, -1));
            }
            Rational term = e.getValue().multiply(target.value(k));
            inner = inner.add(i == j ? term : term.multiply(2));
            if (i == j) trace = trace.add(e.getValue());
        }
        Judgement neg = requireNegative(inner);
        if (neg != null) return neg;
        return accepted(inner, trace, Method.EXACT, why + " and supported on Ω");
    }

    private static Judgement requireNegative(Rational inner) {
        if (inner.signum() < 0) return null;
        return Judgement.rejected("inner-product", "⟨W, a⟩ = " + inner + " is not negative", Method.EXACT,
                Map.of("inner_product", inner.toString()));
    }

    private static Judgement accepted(Rational inner, Rational trace, Method method, String why) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("inner_product", inner.toString());
        b.put("trace_w", trace.toString());
        b.put("margin", inner.negate().divide(trace).toString());
        return Judgement.accepted("inner-product", why + "; ⟨W, a⟩ = " + inner + " < 0", method, b);
    }
}
