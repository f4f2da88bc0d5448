package mcs.problems.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.Promise;
import mcs.problems.matrix.Pattern;

/**
 * The families with a known gap t* = max over completions X of λmin(X) (unit diagonal; SPEC §1 MC1-log):
 * parameter {@code eps} = ε sets the gap and {@code answer} its side, so that t* ∈ [ε, ε(1 + 10⁻⁶)] for
 * answer=yes (a completion with λmin ≥ ε exists: YES under the ε-promise) and t* ∈ [−ε(1 + 10⁻⁶), −ε] for
 * answer=no (not completable, with margin ε). The instance carries the promise (header line
 * {@code promise = lambda_min >= ε}) and the gap (header lines {@code t* = …} and {@code t* bounds = [LOW, HIGH]}),
 * proven by two certificates kept in {@link Gap}: a completion of a − LOW·I and a witness W with
 * ⟨W, a⟩ ≤ HIGH·tr W.
 */
abstract class GapFamily extends BaseFamily {
    /** What a concrete family builds: the data and the proven gap. */
    record Built(Pattern pattern, Rational[] values, Gap gap) {}

    static final String COMMON = " Parameters eps = ε ∈ (0, 1) and answer = yes|no: t* lies in [ε, ε(1 + 10⁻⁶)] for yes and in "
            + "[−ε(1 + 10⁻⁶), −ε] for no, where t* = max over completions X of λmin(X) (unit diagonal). The file states the "
            + "promise (% promise = lambda_min >= ε) and the gap (% t* = CLOSED FORM, % t* bounds = [LOW, HIGH], exact "
            + "rationals); LOW is proven by a completion of a − LOW·I and HIGH by a PSD witness W on Ω with ⟨W,a⟩ ≤ HIGH·tr W. "
            + "Known answer: COMPLETABLE (certificate: that completion, shifted back) or NOT_COMPLETABLE (certificate: W).";

    GapFamily(String name, int minN, List<Parameter> own) {
        super(name, Problem.PSD_COMPLETION, minN, withCommon(own));
    }

    private static List<Parameter> withCommon(List<Parameter> own) {
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter("eps", "1/10", "the promise gap ε ∈ (0, 1): t* ≈ ε (answer=yes) or ≈ −ε (answer=no)"));
        all.add(new Parameter("answer", "yes", "yes (t* ≥ ε) or no (t* ≤ −ε)"));
        all.addAll(own);
        return all;
    }

    /** Builds the data with t* in the target interval, for answer {@code yes} at gap ε. */
    abstract Built buildGap(int n, Rational eps, boolean yes, SplittableRandom rng, Params p);

    @Override
    final Outcome build(int n, SplittableRandom rng, Params p) {
        Rational eps = p.rational("eps");
        if (eps.signum() <= 0 || eps.compareTo(Rational.ONE) >= 0) throw p.bad("eps", p.text("eps"), "a rational in (0, 1)");
        boolean yes = p.choice("answer", "yes", "no").equals("yes");
        Built b = buildGap(n, eps, yes, rng, p);
        Gap g = b.gap();
        if (yes ? g.low().compareTo(eps) < 0 : g.high().compareTo(eps.negate()) > 0) {
            throw new IllegalStateException(name() + ": proven gap [" + g.low() + ", " + g.high() + "] misses the target " + (yes ? "" : "−") + eps);
        }
        Mc1Instance inst = new Mc1Instance(Compact.partial(b.pattern(), b.values()), Optional.of(new Promise(Promise.Kind.LOG, eps)));
        KnownAnswer known = yes
                ? new KnownAnswer(Verdict.COMPLETABLE, null, shiftedBack(g.lowerProof(), g.low()), "t* ≥ " + g.low().toDecimalString() + " > 0: " + g.why())
                : new KnownAnswer(Verdict.NOT_COMPLETABLE, null, g.upperProof(), "t* ≤ " + g.high().toDecimalString() + " < 0: " + g.why());
        return new Outcome(inst, known, g);
    }

    /**
     * A completion of a from one of a − low·I (low ≥ 0): entries and chordal bodies carry over unchanged (only
     * the diagonal moves, by +low·I), a factor's shift grows by low (its Δ is unchanged).
     */
    static Body shiftedBack(Body lower, Rational low) {
        if (lower instanceof Body.Factor f) return new Body.Factor(f.factor(), f.shift().add(low));
        return lower;
    }
}
