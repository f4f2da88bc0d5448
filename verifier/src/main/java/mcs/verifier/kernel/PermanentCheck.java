package mcs.verifier.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;

/**
 * Checks a permanent or hafnian value (SPEC §2.4, §3.2) against the judge's own exact recomputation.
 *
 * <p><b>Decision.</b> In order, the first failing check decides:
 * <ol>
 *   <li>{@code problem}: a {@code permanent} instance needs a {@code permanent} certificate and a
 *       {@code hafnian} instance a {@code hafnian} one (REJECTED otherwise). A {@code permanent-estimate}
 *       instance asks for a permanent: a {@code permanent} certificate, or a {@code permanent-estimate}
 *       certificate claiming an exact value, is checked as a permanent; an inexact
 *       {@code permanent-estimate} certificate is an estimate, which is scored elsewhere, not verified:
 *       UNVERIFIED (check {@code estimate}) unless its stated error bound is violated (REJECTED, check
 *       {@code error-bound}), the one claim an estimate makes that can be wrong. A {@code hafnian-estimate}
 *       instance is treated the same way with {@code hafnian} in place of {@code permanent}.
 *   <li>{@code verdict}: UNKNOWN claims nothing (UNVERIFIED); anything but SOLVED is REJECTED.
 *   <li>{@code value-syntax}: the value must be an exact decimal, {@code p/q}, or complex text
 *       {@code re±imi} ({@link ComplexValue}); with exact = false an error_bound ≥ 0 is required
 *       (check {@code error-bound}).
 *   <li>{@code instance}: a hafnian or loop hafnian instance that is not symmetric has no defined value:
 *       UNVERIFIED.
 *   <li>{@code budget}: a banded matrix (a_ij = 0 for |i − j| &gt; w) is recomputed by the band dynamic
 *       programme ({@link BandedRecompute}) when that costs less than the dense recomputation and no more than
 *       2^(m−1)·m steps for m = {@link KernelOptions#permanentMaxN()}, at any order. Otherwise a permanent of
 *       order n above permanentMaxN (default 26) is UNVERIFIED; hafnians and loop hafnians, recomputed in
 *       O(n²·2^(n/2)) per prime ({@link RecursiveHafnian}), have the order budget permanentMaxN + 10 and a work
 *       budget ({@link HafnianBudget}).
 *   <li>{@code value} (exact = true): the claim must equal the recomputed value exactly;
 *       {@code error-bound} (exact = false): |claim − value| ≤ error_bound, compared exactly (for complex
 *       values as |claim − value|² ≤ error_bound²).
 * </ol>
 * The instance hash is compared by the dispatcher, not here. The method is always {@link Method#EXACT}.
 * Reported bounds: {@code value} (the recomputed value, full text) and for inexact claims
 * {@code abs_error} (real) or {@code abs_error_squared} (complex). Numbers in reasons are abbreviated
 * beyond 60 digits.
 *
 * <p><b>Soundness.</b> The recomputed value is exact, not approximate: it is an integer polynomial of
 * the (row- or globally-scaled) integer entries, evaluated modulo distinct primes p_k whose product M
 * exceeds twice a proven bound B on its absolute value (|perm A| ≤ Π_i Σ_j |a_ij|; for hafnians
 * min((2k−1)!!·max|a_ij|^k, product of the k largest off-diagonal absolute row sums)). By the Chinese
 * remainder theorem the residues fix the value modulo M, and the only integer of absolute value ≤ B &lt;
 * M/2 in that residue class is the symmetric representative, which Garner's reconstruction returns.
 * Complex values are recovered part by part through the homomorphisms Z[i] → Z/p, i ↦ ±s with
 * s² ≡ −1 (mod p), each part bounded by the same B. The formulas (Glynn's for permanents, Björklund's
 * pair-contraction recursion, with loops, for hafnians and loop hafnians) are proved in {@link ModularPermanent}
 * and {@link RecursiveHafnian}; they divide only by 2^(n−1), units modulo primes above 2^61. A banded matrix's value
 * comes instead from {@link BandedRecompute}, a sum over the same permutations or matchings in exact integer
 * arithmetic (proved there). Hence ACCEPTED and REJECTED are decided on the true value, with no tolerance.
 *
 * <p>Complexity: O(n·2^(n−1)) word operations per prime (twice for complex input), a few primes for
 * moderate entries (two for a 0/1 matrix of order 20 to 26); measured times are in the bench module
 * ({@code mcs.bench.perm.ModularPermanentBench}).
 */
public final class PermanentCheck {
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{61,}");
    /** The sign-vector sums index 2^(n−1) terms with a long (ModularEvaluation). */
    private static final int MAX_RECOMPUTABLE_N = 62;

    private PermanentCheck() {
    }

    /**
     * Judges a permanent/hafnian certificate.
     *
     * @param inst the instance (its hash is not looked at here)
     * @param cert the certificate
     * @param opts limits; {@link KernelOptions#permanentMaxN()} bounds the order recomputed exactly
     */
    public static Judgement check(PermInstance inst, Certificate cert, KernelOptions opts) {
        Problem asked = inst.problem();
        Problem claimed = cert.problem();
        boolean estimateOnly = false;
        Problem base = asked == Problem.PERMANENT_ESTIMATE ? Problem.PERMANENT : asked == Problem.HAFNIAN_ESTIMATE ? Problem.HAFNIAN : asked;
        if (base != asked) {
            if (claimed == asked) {
                estimateOnly = !cert.exact();
            } else if (claimed != base) {
                return Judgement.rejected("problem", "certificate is for problem " + claimed + " but the instance asks for " + asked);
            }
        } else if (claimed != asked) {
            return Judgement.rejected("problem", "certificate is for problem " + claimed + " but the instance asks for " + asked);
        }
        if (cert.verdict() == Verdict.UNKNOWN) {
            return Judgement.unverified("verdict", "the certificate claims no value (verdict UNKNOWN)", Method.EXACT);
        }
        if (cert.verdict() != Verdict.SOLVED) {
            return Judgement.rejected("verdict", "a " + claimed + " certificate must have verdict SOLVED, got " + cert.verdict());
        }
        if (cert.value() == null) return Judgement.rejected("value-syntax", "the certificate has no value");
        ComplexValue value;
        try {
            value = ComplexValue.parse(cert.value());
        } catch (NumberFormatException | ArithmeticException e) {
            return Judgement.rejected("value-syntax", "malformed value '" + abbreviate(cert.value()) + "': " + e.getMessage());
        }
        Rational bound = cert.errorBound();
        if (estimateOnly && bound == null) {
            return Judgement.unverified("estimate", "estimates are scored, not verified (no error_bound stated)", Method.EXACT);
        }
        if (!cert.exact()) {
            if (bound == null) return Judgement.rejected("error-bound", "an inexact value (exact = false) needs an error_bound");
            if (bound.signum() < 0) return Judgement.rejected("error-bound", "error_bound " + abbreviate(bound.toString()) + " is negative");
        }
        int n = inst.n();
        boolean matchings = base == Problem.HAFNIAN || base == Problem.LOOP_HAFNIAN;
        boolean loop = base == Problem.LOOP_HAFNIAN;
        String what = base == Problem.HAFNIAN ? "hafnian" : loop ? "loop hafnian" : "permanent";
        if (matchings && (!inst.re().isSymmetric() || (inst.im() != null && !inst.im().isSymmetric()))) {
            return Judgement.unverified("instance", "the " + what + " instance is not a symmetric matrix, so its " + what + " is undefined", Method.EXACT);
        }
        // The band DP first, where it is cheaper than the dense recomputation and within the budget order's cost.
        double bandWork = BandedRecompute.work(base, n, BandedRecompute.bandwidth(inst));
        double denseWork = matchings ? RecursiveHafnian.work(n, loop) : Math.scalb((double) n, n - 1);
        boolean banded = bandWork < denseWork && bandWork <= Math.scalb((double) opts.permanentMaxN(), opts.permanentMaxN() - 1);
        if (!banded && matchings) {
            String over = HafnianBudget.exceeded(inst, loop, opts);
            if (over != null) return Judgement.unverified("budget", over, Method.EXACT);
        } else if (!banded) {
            if (n > opts.permanentMaxN()) {
                return Judgement.unverified("budget", "n = " + n + " exceeds the exact recomputation budget of " + opts.permanentMaxN() + " (--perm-max-n)", Method.EXACT);
            }
            if (n > MAX_RECOMPUTABLE_N) {
                return Judgement.unverified("budget", "n = " + n + " exceeds " + MAX_RECOMPUTABLE_N + ", the largest order the exact recomputation supports", Method.EXACT);
            }
        }
        ComplexValue truth = banded ? BandedRecompute.value(inst, base)
                : matchings ? RecursiveHafnian.value(inst.re(), inst.im(), loop) : ModularPermanent.permanent(inst.re(), inst.im());
        String how = banded ? "band dynamic programme" : "modular arithmetic, CRT";
        return compare(value, truth, cert, bound, inst.isComplex(), what, how, estimateOnly);
    }

    /**
     * Judges a claimed value against the exact value: equal (exact claims), or within the stated error bound (compared
     * exactly; for complex values as |claim − value|² ≤ error_bound²). An estimate whose bound holds is UNVERIFIED
     * (scored, not verified). {@code how} names the recomputation in the reasons.
     */
    static Judgement compare(ComplexValue value, ComplexValue truth, Certificate cert, Rational bound, boolean complex, String what, String how,
            boolean estimateOnly) {
        Map<String, String> bounds = new LinkedHashMap<>();
        bounds.put("value", truth.toString());
        if (cert.exact()) {
            if (value.equals(truth)) {
                return Judgement.accepted("value", "the claimed value equals the " + what + " recomputed exactly (" + how + ")", Method.EXACT, bounds);
            }
            return new Judgement(Outcome.REJECTED, "value",
                    "claimed " + what + " " + abbreviate(value.toString()) + " but the " + what + " is " + abbreviate(truth.toString()),
                    Method.EXACT, Map.of(), bounds);
        }
        Rational dRe = value.re().subtract(truth.re());
        Rational dIm = value.im().subtract(truth.im());
        boolean within;
        String error;
        if (complex || !dIm.isZero()) {
            Rational sq = dRe.square().add(dIm.square());
            bounds.put("abs_error_squared", sq.toString());
            within = sq.compareTo(bound.square()) <= 0;
            error = "|claim - " + what + "|^2 = " + abbreviate(sq.toString());
        } else {
            Rational abs = dRe.abs();
            bounds.put("abs_error", abs.toString());
            within = abs.compareTo(bound) <= 0;
            error = "|claim - " + what + "| = " + abbreviate(abs.toString());
        }
        String stated = "error_bound " + abbreviate(bound.toString());
        if (!within) {
            return new Judgement(Outcome.REJECTED, "error-bound",
                    error + " exceeds the " + stated + " (" + what + " = " + abbreviate(truth.toString()) + ")",
                    Method.EXACT, Map.of(), bounds);
        }
        if (estimateOnly) {
            return new Judgement(Outcome.UNVERIFIED, "estimate",
                    "estimates are scored, not verified (its " + stated + " holds: " + error + ")",
                    Method.EXACT, Map.of(), bounds);
        }
        return Judgement.accepted("error-bound", error + " is within the " + stated + " (" + how + ")", Method.EXACT, bounds);
    }

    /** Shortens every run of more than 60 digits to its first 20 and last 10 digits and its length. */
    static String abbreviate(String s) {
        Matcher m = LONG_DIGITS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String d = m.group();
            m.appendReplacement(out, d.substring(0, 20) + "..." + d.substring(d.length() - 10) + " (" + d.length() + " digits)");
        }
        m.appendTail(out);
        return out.toString();
    }
}
