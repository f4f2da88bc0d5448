package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * Checks a PSD completion (MC1 YES) or a PSD answer (MC2) against its target values on Ω.
 *
 * <h2>{@code entries} form</h2>
 * The listed entries give X off the constrained positions (for MC1: the unspecified pairs; for MC2:
 * every position off Ω, which includes the diagonal when the instance's Ω did not list it); unlisted
 * free positions are 0 and constrained positions take the target value. An entry on a constrained
 * position, out of range, or listed twice is rejected. Then X ⪰ 0 is decided by {@link PsdPolicy}.
 * <b>Proven:</b> X agrees with the target on Ω by construction, so X ⪰ 0 is exactly the claim. Bounds:
 * λmax(X) ≤ tr X (all eigenvalues are ≥ 0); λmin(X) ≥ 0.
 *
 * <h2>{@code factor} form</h2>
 * F ∈ ℚ^{n×r} and δ ≥ 0 define X = FFᵀ + δI + Δ with Δ_ij = a_ij − (FFᵀ)_ij − δ[i=j] on constrained
 * positions and 0 elsewhere. Accepted iff ‖Δ‖_F² ≤ δ² exactly (off-diagonal positions counted twice).
 * <b>Proven (Weyl):</b> λmin(X) ≥ λmin(FFᵀ) + δ − ‖Δ‖₂ ≥ 0 + δ − ‖Δ‖_F ≥ 0, and X agrees with the target on
 * Ω by the definition of Δ. Rows of F are scaled to integers over one common denominator, so the check
 * is integer arithmetic: with L = lcm(den a, den F², den δ), N_ij = L·Δ_ij is an integer and the test is
 * Σ w_ij N_ij² ≤ (Lδ)². Cost O(m·r); no n×n matrix is formed. Bounds: λmin(X) ≥ δ − ⌈√Σ⌉/L,
 * λmax(X) ≤ tr X.
 *
 * <h2>Tolerance mode</h2>
 * With τ &gt; 0 and t = τ·max_i a_ii, a completion that fails the exact test is accepted with method
 * {@code tolerance} when X + tI ⪰ 0 is certified ({@code entries}), resp. δ + t ≥ 0 and ‖Δ‖_F ≤ δ + t
 * ({@code factor}); either gives λmin(X) ≥ −t, and the bounds reported are λmin ≥ −t (entries) or
 * max(δ − ‖Δ‖_F, −t) (factor), and λmax ≤ tr X + (n − 1)·max(t, 0) ({@link #toleranceSlack}).
 */
final class CompletionCheck {
    /** Largest m·r (multiply-adds of the factor check) the kernel takes on. */
    static final double FACTOR_WORK_MAX = 2e10;

    private CompletionCheck() {}

    static Judgement check(Target target, Body body, KernelOptions opts) {
        if (body instanceof Body.Entries e) return entries(target, e, opts);
        if (body instanceof Body.Factor f) return factor(target, f, opts);
        if (body instanceof Body.Chordal) {
            return Judgement.rejected("form", "form 'chordal' is a hint for psd-completion COMPLETABLE certificates only; an answer must be explicit");
        }
        return Judgement.rejected("form", "a completion must have form 'entries' or 'factor', not '" + body.form() + "'");
    }

    private static Judgement entries(Target target, Body.Entries body, KernelOptions opts) {
        int n = target.n();
        Set<Long> seen = new HashSet<>();
        int index = 0;
        for (Entry e : body.entries()) {
            index++;
            int i = e.i(), j = e.j();
            if (i >= n) return Checks.outOfRange("entries", index, i, j, n);
            if (!seen.add((long) i * n + j)) return Checks.duplicate(index, i, j);
            if (target.constrains(i, j)) {
                return Judgement.rejected("support", "entry " + index + " at (" + (i + 1) + "," + (j + 1)
                        + ") is a specified position of the instance; a completion lists only unspecified positions",
                        Method.EXACT, Checks.at(i, j, index));
            }
        }
        // The dense X has n(n+1)/2 entries: beyond denseMaxN it is never formed (an n = 10^6 instance would
        // need terabytes). X is then decided by sparse elimination within the fill budget, or not at all.
        return n <= opts.denseMaxN() ? dense(target, body, opts) : sparse(target, body, opts);
    }

    private static Judgement dense(Target target, Body.Entries body, KernelOptions opts) {
        int n = target.n();
        Pattern omega = target.omega;
        Rational[][] x = new Rational[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new Rational[i + 1];
            java.util.Arrays.fill(x[i], Rational.ZERO);
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                if (i != j || target.diagonalConstrained) x[i][j] = target.value(k);
            }
        }
        for (Entry e : body.entries()) x[e.i()][e.j()] = e.value();
        Rational trace = Rational.ZERO;
        for (int i = 0; i < n; i++) trace = trace.add(x[i][i]);
        PsdPolicy.Verdict v = PsdPolicy.decide(x, Rational.ZERO, opts);
        if (Boolean.TRUE.equals(v.psd())) {
            return Judgement.accepted("psd", "the completion is positive semidefinite (" + v.reason() + ")", v.method(),
                    yesBounds(Rational.ZERO, trace));
        }
        Rational t = opts.tolerance().multiply(target.maxDiagonal());
        if (opts.tolerance().signum() > 0) {
            PsdPolicy.Verdict vt = PsdPolicy.decide(x, t, opts);
            if (Boolean.TRUE.equals(vt.psd())) {
                return Judgement.accepted("psd", "X + " + t + "·I is positive semidefinite (tolerance τ = " + opts.tolerance()
                        + "; " + vt.reason() + ")", Method.TOLERANCE, yesBounds(t.negate(), trace.add(toleranceSlack(t, n))));
            }
        }
        if (v.psd() == null) return Judgement.unverified("psd", v.reason(), v.method());
        PsdDecision d = v.exact();
        return Judgement.rejected("psd", "the completion is not positive semidefinite: " + d.reason(), Method.EXACT,
                Checks.at(d.failRow(), d.failCol(), -1));
    }

    /**
     * X above {@link KernelOptions#denseMaxN()}: its nonzeros (the constrained target values and the listed
     * entries) are decided by {@link SparseExactPsd} within {@link WitnessCheck#SPARSE_FILL_BUDGET}; when
     * that budget is exceeded the answer is UNVERIFIED (check {@code budget}).
     */
    private static Judgement sparse(Target target, Body.Entries body, KernelOptions opts) {
        int n = target.n();
        Pattern omega = target.omega;
        long offDiagonal = omega.edges() + body.entries().size();
        Budget.require(offDiagonal, WitnessCheck.SPARSE_FILL_BUDGET, "the nonzeros of the order-" + n + " completion");
        int size = omega.m() + body.entries().size();
        int[] rows = new int[size], cols = new int[size];
        Rational[] vals = new Rational[size];
        int q = 0;
        Rational trace = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                if (i == j && !target.diagonalConstrained) continue;
                rows[q] = i;
                cols[q] = j;
                vals[q++] = target.value(k);
                if (i == j) trace = trace.add(vals[q - 1]);
            }
        }
        for (Entry e : body.entries()) {
            rows[q] = e.i();
            cols[q] = e.j();
            vals[q++] = e.value();
            if (e.i() == e.j()) trace = trace.add(e.value());
        }
        int[] r = java.util.Arrays.copyOf(rows, q), c = java.util.Arrays.copyOf(cols, q);
        Rational[] v = java.util.Arrays.copyOf(vals, q);
        String beyond = "order " + n + " exceeds the dense limit " + opts.denseMaxN();
        java.util.Optional<PsdDecision> d = SparseExactPsd.decide(n, r, c, v, WitnessCheck.SPARSE_FILL_BUDGET);
        if (d.isEmpty()) {
            return Judgement.unverified("budget", beyond + " and sparse elimination of X exceeds the fill budget of "
                    + WitnessCheck.SPARSE_FILL_BUDGET + " nonzeros; send a factor or chordal certificate", Method.EXACT);
        }
        if (d.get().psd()) {
            return Judgement.accepted("psd", "the completion is positive semidefinite (exact sparse elimination: " + d.get().reason() + ")",
                    Method.EXACT, yesBounds(Rational.ZERO, trace));
        }
        Rational t = opts.tolerance().multiply(target.maxDiagonal());
        if (opts.tolerance().signum() > 0 && t.signum() > 0) {
            int[] rr = java.util.Arrays.copyOf(r, q + n), cc = java.util.Arrays.copyOf(c, q + n);
            Rational[] shifted = java.util.Arrays.copyOf(v, q + n);
            for (int i = 0; i < n; i++) {
                rr[q + i] = i;
                cc[q + i] = i;
                shifted[q + i] = t;
            }
            java.util.Optional<PsdDecision> dt = SparseExactPsd.decide(n, rr, cc, shifted, WitnessCheck.SPARSE_FILL_BUDGET);
            if (dt.isPresent() && dt.get().psd()) {
                return Judgement.accepted("psd", "X + " + t + "·I is positive semidefinite (tolerance τ = " + opts.tolerance()
                        + "; exact sparse elimination: " + dt.get().reason() + ")", Method.TOLERANCE, yesBounds(t.negate(), trace.add(toleranceSlack(t, n))));
            }
        }
        return Judgement.rejected("psd", "the completion is not positive semidefinite (exact sparse elimination): " + d.get().reason(), Method.EXACT,
                Checks.at(d.get().failRow(), d.get().failCol(), -1));
    }

    private static Judgement factor(Target target, Body.Factor body, KernelOptions opts) {
        int n = target.n();
        RationalMatrix f = body.factor();
        Rational delta = body.shift();
        if (delta == null) return Judgement.rejected("shift", "a factor completion needs a shift δ (use \"0\" for none)");
        if (delta.signum() < 0) {
            return Judgement.rejected("shift", "the shift δ = " + delta + " is negative", Method.EXACT, Map.of("shift", delta.toString()));
        }
        if (f.rows() != n) {
            return Judgement.rejected("dimensions", "the factor has " + f.rows() + " rows but the instance has order " + n,
                    Method.EXACT, Map.of("rows", f.rows()));
        }
        Budget.require((double) target.omega.m() * Math.max(1, f.cols()), FACTOR_WORK_MAX, "a factor check (m·r multiply-adds)");
        ScaledRows fr = new ScaledRows(f);
        BigInteger lf2 = fr.den.multiply(fr.den);
        BigInteger l = lcm(lcm(target.den, lf2), delta.denominator());
        BigInteger ma = l.divide(target.den);
        BigInteger mf = l.divide(lf2);
        BigInteger md = delta.numerator().multiply(l.divide(delta.denominator()));
        BigInteger[] sums = FactorResidual.sums(target, fr, ma, mf, md);
        BigInteger sum = sums[0];
        BigInteger traceF = sums[1];
        Rational normSq = Rational.of(sum, l.multiply(l));
        Rational normUpper = Rational.of(ceilSqrt(sum), l);
        // tr X: the diagonal of X is the target where constrained, else (FFᵀ)_ii + δ.
        Rational trace = target.diagonalConstrained ? target.trace()
                : Rational.of(traceF, lf2).add(delta.multiply(n));
        Map<String, String> bounds;
        if (normSq.compareTo(delta.square()) <= 0) {
            bounds = yesBounds(delta.subtract(normUpper).max(Rational.ZERO), trace);
            bounds.put("delta_frobenius_upper", normUpper.toString());
            return Judgement.accepted("weyl-bound", "‖Δ‖_F² = " + shortText(normSq) + " ≤ δ² = " + shortText(delta.square())
                    + ", so λmin(X) ≥ δ − ‖Δ‖_F ≥ 0", Method.EXACT, bounds);
        }
        if (opts.tolerance().signum() > 0) {
            Rational t = opts.tolerance().multiply(target.maxDiagonal());
            // ‖Δ‖_F ≤ δ + t needs δ + t ≥ 0: squaring a negative δ + t (t < 0 when every a_ii < 0) would
            // accept a norm that proves nothing.
            Rational dt = delta.add(t);
            if (dt.signum() >= 0 && normSq.compareTo(dt.square()) <= 0) {
                bounds = yesBounds(delta.subtract(normUpper).max(t.negate()), trace.add(toleranceSlack(t, n)));
                bounds.put("delta_frobenius_upper", normUpper.toString());
                return Judgement.accepted("weyl-bound", "‖Δ‖_F ≤ δ + t with t = τ·max a_ii = " + t + ", so λmin(X) ≥ −t (tolerance τ = "
                        + opts.tolerance() + ")", Method.TOLERANCE, bounds);
            }
        }
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("delta_frobenius_squared", normSq.toString());
        loc.put("shift_squared", delta.square().toString());
        return Judgement.rejected("weyl-bound", "‖Δ‖_F² = " + shortText(normSq) + " exceeds δ² = " + shortText(delta.square())
                + " (≈ " + normSq.toDouble() + " > " + delta.square().toDouble() + ")", Method.EXACT, loc);
    }

    /**
     * What tolerance mode adds to tr X in the bound on λmax: X may have eigenvalues down to −t, and the
     * other n − 1 sum to at most tr X + t, so λmax(X) ≤ tr X + (n − 1)·max(t, 0) (SOUNDNESS.md §2.4; with
     * t &lt; 0, tr X itself bounds λmax).
     */
    static Rational toleranceSlack(Rational t, int n) {
        return t.max(Rational.ZERO).multiply(Math.max(0, n - 1));
    }

    static Map<String, String> yesBounds(Rational lambdaMinLower, Rational trace) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("lambda_min_lower", lambdaMinLower.toString());
        b.put("lambda_max_upper", trace.toString());
        if (trace.signum() > 0) b.put("eigenvalue_ratio_lower", lambdaMinLower.max(Rational.ZERO).divide(trace).toString());
        return b;
    }

    static BigInteger lcm(BigInteger a, BigInteger b) {
        if (a.equals(b) || b.equals(BigInteger.ONE)) return a;
        if (a.equals(BigInteger.ONE)) return b;
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** ⌈√s⌉ for s ≥ 0. */
    static BigInteger ceilSqrt(BigInteger s) {
        BigInteger r = s.sqrt();
        return r.multiply(r).equals(s) ? r : r.add(BigInteger.ONE);
    }

    private static String shortText(Rational r) {
        String s = r.toString();
        return s.length() <= 60 ? s : "≈" + r.toDouble();
    }
}
