package mcs.problems.families;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.exact.Rational;

/**
 * What a family knows about the gap t* = max over completions X of λmin(X) of a unit-diagonal MC1 instance
 * (SPEC §1: t* &gt; 0 completable with margin, t* &lt; 0 not completable): certified rational bounds
 * {@code low ≤ t* ≤ high}, each with its proof.
 *
 * @param low a rational lower bound on t*
 * @param high a rational upper bound on t* ({@code low ≤ high}; equal when t* is a known rational)
 * @param closedForm t* in closed form as ASCII text (e.g. {@code 1 - sqrt(2)*(7/10)}), the canonical rational
 *     when t* is rational
 * @param lowerProof a YES certificate body (SPEC §2.1 form, 0-based) for the shifted data a − low·I: its
 *     completion X' is PSD, so X' + low·I completes a with λmin ≥ low
 * @param upperProof a PSD W supported on Ω as entries (0-based, lower triangle) with ⟨W, a⟩ ≤ high·tr W, so every
 *     completion X has λmin(X)·tr W ≤ ⟨W, X⟩ = ⟨W, a⟩ ≤ high·tr W
 * @param why how the bounds were obtained
 */
public record Gap(Rational low, Rational high, String closedForm, Body lowerProof, Body.Entries upperProof, String why) {
    public Gap {
        if (low.compareTo(high) > 0) throw new IllegalArgumentException("gap bounds out of order: " + low + " > " + high);
    }

    /** True when t* is known exactly as a rational (low = high). */
    public boolean exact() {
        return low.equals(high);
    }

    /**
     * The header lines {@code mcs generate} writes: {@code t* = CLOSED_FORM} and {@code t* bounds = [LOW, HIGH]}
     * (canonical exact rationals; {@code low ≤ t* ≤ high} is proven by the family's certificates).
     */
    public List<String> comments() {
        List<String> c = new ArrayList<>();
        c.add("t* = " + closedForm);
        c.add("t* bounds = [" + low.toDecimalString() + ", " + high.toDecimalString() + "]");
        return c;
    }

    /** The bounds of a {@code t* bounds = [LOW, HIGH]} header line, or null when the line is not one. */
    public static Rational[] parseBounds(String comment) {
        String t = comment.strip();
        if (!t.startsWith("t* bounds = [") || !t.endsWith("]")) return null;
        String[] parts = t.substring("t* bounds = [".length(), t.length() - 1).split(",");
        if (parts.length != 2) return null;
        try {
            return new Rational[] {Rational.parse(parts[0].strip()), Rational.parse(parts[1].strip())};
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
