package mcs.verifier.search.property;

import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.spi.SolverResult;

/** Comparing a solver's value with a kernel-verified reference value, exactly or within the solver's stated bound. */
final class IdentityValues {
    private IdentityValues() {}

    /** Whether the solver's value equals the reference (exact answers) or lies within its error_bound of it. */
    static boolean agree(SolverResult r, String reference) {
        ComplexValue got = ComplexValue.parse(r.value()), want = ComplexValue.parse(reference);
        if (r.exact()) return got.equals(want);
        Rational bound = r.certificate().errorBound();
        if (bound == null) return false;
        Rational dr = got.re().subtract(want.re()), di = got.im().subtract(want.im());
        return dr.square().add(di.square()).compareTo(bound.square()) <= 0;
    }
}
