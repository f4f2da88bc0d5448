package mcs.verifier.kernel;

import mcs.problems.exact.Rational;

/**
 * Chooses how a dense symmetric rational matrix is shown PSD: above {@link #RUMP_FIRST_N} Rump's rigorous
 * floating-point test ({@link RumpTest}) is tried first; if it does not prove definiteness, exact
 * elimination ({@link ExactPsd}) decides up to {@link KernelOptions#exactDenseMaxN()}.
 * Only the exact method can say "not PSD"; the floating-point test either proves definiteness or leaves
 * the question open.
 */
final class PsdPolicy {
    /** Orders above which Rump's test is tried before exact elimination. */
    static final int RUMP_FIRST_N = 120;

    private PsdPolicy() {}

    /**
     * @param psd TRUE proven PSD, FALSE proven not PSD, null undecided
     * @param method how it was decided (EXACT or RIGOROUS_FLOAT)
     * @param exact the exact decision when the exact method ran, else null
     * @param reason one sentence
     */
    record Verdict(Boolean psd, Method method, PsdDecision exact, String reason) {}

    /** Decides X + shift·I ⪰ 0 for X given by its lower triangle; {@code x} is not modified. */
    static Verdict decide(Rational[][] x, Rational shift, KernelOptions opts) {
        int n = x.length;
        Rational[][] y = x;
        if (!shift.isZero()) {
            y = new Rational[n][];
            for (int i = 0; i < n; i++) {
                y[i] = java.util.Arrays.copyOf(x[i], i + 1);
                y[i][i] = y[i][i].add(shift);
            }
        }
        // Above RUMP_FIRST_N the O(n³) floating-point proof is tried first: it settles well-conditioned
        // definite matrices in a fraction of the exact method's time (which grows like n⁴ in bit cost).
        RumpTest.Result r = null;
        if (n > RUMP_FIRST_N) {
            r = RumpTest.proveDefinite(y);
            if (r.proven()) return new Verdict(true, Method.RIGOROUS_FLOAT, null, "Rump's test: " + r.reason());
        }
        if (n <= opts.exactDenseMaxN()) {
            PsdDecision d = ExactPsd.decide(y);
            return new Verdict(d.psd(), Method.EXACT, d, "exact elimination: " + d.reason());
        }
        if (r == null) r = RumpTest.proveDefinite(y);
        if (r.proven()) return new Verdict(true, Method.RIGOROUS_FLOAT, null, "Rump's test: " + r.reason());
        return new Verdict(null, Method.RIGOROUS_FLOAT, null, "order " + n + " exceeds the exact limit "
                + opts.exactDenseMaxN() + " and Rump's test did not prove definiteness (" + r.reason() + ")");
    }
}
