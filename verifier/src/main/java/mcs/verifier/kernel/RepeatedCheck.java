package mcs.verifier.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;

/**
 * Checks the value of a hafnian, loop hafnian or permanent with repeated rows and columns
 * ({@link RepeatedInstance}) against the judge's own exact recomputation, within the same work budget as
 * {@link PermanentCheck}.
 *
 * <p><b>Decision.</b> The certificate must be for the instance's problem with verdict SOLVED and a
 * well-formed value (as in {@link PermanentCheck}). Then:
 * <ol>
 *   <li>the base matrix of a hafnian problem must be symmetric (else UNVERIFIED, check {@code instance});
 *   <li>when the expanded order N is within {@link KernelOptions#permanentMaxN()}, the expanded matrix is
 *       formed and judged by {@link PermanentCheck} (the recomputation that checks every plain value);
 *   <li>otherwise, when the grouped recomputation ({@link ModularRepeated}: Π(r_i + 1) classes of O(n)
 *       work) costs no more than the plain recomputation at the budget order m = permanentMaxN
 *       (2^(m−1)·m steps), it decides; its value is exact, and the claim is compared as in
 *       {@link PermanentCheck} (exactly, or within the stated error_bound);
 *   <li>else UNVERIFIED (check {@code budget}) naming both sizes.
 * </ol>
 * Method always {@link Method#EXACT}. Soundness: {@link ModularRepeated} (grouped sign-vector formulas,
 * CRT with a proven bound) and the classes it names.
 */
public final class RepeatedCheck {
    private RepeatedCheck() {
    }

    public static Judgement check(RepeatedInstance inst, Certificate cert, KernelOptions opts) {
        Problem asked = inst.problem();
        if (cert.problem() != asked) {
            return Judgement.rejected("problem", "certificate is for problem " + cert.problem() + " but the instance asks for " + asked);
        }
        if (cert.verdict() == Verdict.UNKNOWN) {
            return Judgement.unverified("verdict", "the certificate claims no value (verdict UNKNOWN)", Method.EXACT);
        }
        if (cert.verdict() != Verdict.SOLVED) {
            return Judgement.rejected("verdict", "a " + asked + " certificate must have verdict SOLVED, got " + cert.verdict());
        }
        if (cert.value() == null) return Judgement.rejected("value-syntax", "the certificate has no value");
        ComplexValue value;
        try {
            value = ComplexValue.parse(cert.value());
        } catch (NumberFormatException | ArithmeticException e) {
            return Judgement.rejected("value-syntax", "malformed value '" + PermanentCheck.abbreviate(cert.value()) + "': " + e.getMessage());
        }
        Rational bound = cert.errorBound();
        if (!cert.exact()) {
            if (bound == null) return Judgement.rejected("error-bound", "an inexact value (exact = false) needs an error_bound");
            if (bound.signum() < 0) return Judgement.rejected("error-bound", "error_bound " + PermanentCheck.abbreviate(bound.toString()) + " is negative");
        }
        boolean hafnian = asked != Problem.PERMANENT;
        if (hafnian && (!inst.matrix().re().isSymmetric() || (inst.matrix().im() != null && !inst.matrix().im().isSymmetric()))) {
            return Judgement.unverified("instance", "the " + asked + " instance is not a symmetric matrix, so its value is undefined", Method.EXACT);
        }
        int total = inst.total();
        if (total <= opts.permanentMaxN()) {
            Judgement j = PermanentCheck.check(inst.expand(), cert, opts);
            return new Judgement(j.outcome(), j.check(), j.reason() + " (rows and columns expanded to order " + total + ")", j.method(), j.location(), j.bounds());
        }
        long classes = ModularRepeated.classes(inst);
        int m = opts.permanentMaxN();
        double budget = Math.scalb((double) m, m - 1);
        if ((double) classes * Math.max(1, inst.n()) > budget) {
            return Judgement.unverified("budget", "the expanded order " + total + " exceeds the exact recomputation budget of " + m
                    + " (--perm-max-n) and the grouped recomputation needs " + classes + " sign classes of order " + inst.n()
                    + ", more than that budget's 2^" + (m - 1) + "*" + m + " steps", Method.EXACT);
        }
        ComplexValue truth = ModularRepeated.value(inst);
        return compare(value, truth, cert, bound, inst.isComplex(), asked.id());
    }

    private static Judgement compare(ComplexValue value, ComplexValue truth, Certificate cert, Rational bound, boolean complex, String what) {
        Map<String, String> bounds = new LinkedHashMap<>();
        bounds.put("value", truth.toString());
        String how = "recomputed exactly with repeated rows grouped (modular arithmetic, CRT)";
        if (cert.exact()) {
            if (value.equals(truth)) return Judgement.accepted("value", "the claimed value equals the " + what + " " + how, Method.EXACT, bounds);
            return new Judgement(Outcome.REJECTED, "value", "claimed " + what + " " + PermanentCheck.abbreviate(value.toString()) + " but the "
                    + what + " is " + PermanentCheck.abbreviate(truth.toString()), Method.EXACT, Map.of(), bounds);
        }
        Rational dRe = value.re().subtract(truth.re()), dIm = value.im().subtract(truth.im());
        boolean within;
        String error;
        if (complex || !dIm.isZero()) {
            Rational sq = dRe.square().add(dIm.square());
            bounds.put("abs_error_squared", sq.toString());
            within = sq.compareTo(bound.square()) <= 0;
            error = "|claim - " + what + "|^2 = " + PermanentCheck.abbreviate(sq.toString());
        } else {
            Rational abs = dRe.abs();
            bounds.put("abs_error", abs.toString());
            within = abs.compareTo(bound) <= 0;
            error = "|claim - " + what + "| = " + PermanentCheck.abbreviate(abs.toString());
        }
        String stated = "error_bound " + PermanentCheck.abbreviate(bound.toString());
        if (!within) {
            return new Judgement(Outcome.REJECTED, "error-bound", error + " exceeds the " + stated + " (" + what + " = "
                    + PermanentCheck.abbreviate(truth.toString()) + ")", Method.EXACT, Map.of(), bounds);
        }
        return Judgement.accepted("error-bound", error + " is within the " + stated + " (" + how + ")", Method.EXACT, bounds);
    }
}
