package mcs.verifier.kernel;

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
 *   <li>when the grouped recomputation ({@link ModularRepeated}: Π(r_i + 1) classes of O(n) work) costs
 *       less than the expanded matrix's own recomputation and no more than the plain recomputation at the
 *       budget order m = permanentMaxN (2^(m−1)·m steps), it decides; its value is exact, and the claim is
 *       compared as in {@link PermanentCheck} (exactly, or within the stated error_bound);
 *   <li>otherwise the expanded matrix (order N = Σ r_i ≤ {@value #MAX_EXPANDED}) is formed and judged by
 *       {@link PermanentCheck}, with its recomputations and budgets (band DP, pair-contraction recursion,
 *       Glynn);
 *   <li>else UNVERIFIED (check {@code budget}) naming both sizes.
 * </ol>
 * Method always {@link Method#EXACT}. Soundness: {@link ModularRepeated} (grouped sign-vector formulas,
 * CRT with a proven bound) and the classes it names.
 */
public final class RepeatedCheck {
    /** Largest expanded order formed (the expanded matrix has total² entries). */
    private static final int MAX_EXPANDED = 400;

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
        int m = opts.permanentMaxN();
        double budget = Math.scalb((double) m, m - 1);
        long classes = ModularRepeated.classes(inst);
        double grouped = (double) classes * Math.max(1, inst.n());
        // The expanded matrix goes to PermanentCheck (band DP, recursion or Glynn, each with its own budget) unless the
        // grouped recomputation is cheaper and within the budget order's cost.
        boolean loop = asked == Problem.LOOP_HAFNIAN;
        double expandedWork = hafnian ? RecursiveHafnian.work(total, loop) : Math.scalb((double) total, total - 1);
        if (grouped > budget || expandedWork <= grouped) {
            if (total > MAX_EXPANDED) {
                return Judgement.unverified("budget", "the expanded order " + total + " is above " + MAX_EXPANDED + " and the grouped recomputation"
                        + " needs " + classes + " sign classes of order " + inst.n() + ", more than the budget's 2^" + (m - 1) + "*" + m
                        + " steps (--perm-max-n " + m + ")", Method.EXACT);
            }
            Judgement j = PermanentCheck.check(inst.expand(), cert, opts);
            String grouping = grouped > budget ? "; the grouped recomputation's " + classes + " sign classes of order " + inst.n()
                    + " are above the budget's 2^" + (m - 1) + "*" + m + " steps" : "";
            return new Judgement(j.outcome(), j.check(), j.reason() + " (rows and columns expanded to order " + total + grouping + ")",
                    j.method(), j.location(), j.bounds());
        }
        ComplexValue truth = ModularRepeated.value(inst);
        return PermanentCheck.compare(value, truth, cert, bound, inst.isComplex(), asked.id(), "recomputed exactly with repeated rows grouped"
                + " (modular arithmetic, CRT)", false);
    }
}
