package mcs.verifier.kernel;

import mcs.problems.exact.Rational;

/**
 * Chooses how a dense symmetric rational matrix is shown PSD: exact elimination ({@link ExactPsd}) up to
 * {@link KernelOptions#exactDenseMaxN()}, Rump's rigorous floating-point test ({@link RumpTest}) above.
 * Only the exact method can say "not PSD"; the floating-point test either proves definiteness or leaves
 * the question open.
 */
final class PsdPolicy {
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
        if (n <= opts.exactDenseMaxN()) {
            PsdDecision d = ExactPsd.decide(y);
            return new Verdict(d.psd(), Method.EXACT, d, "exact elimination: " + d.reason());
        }
        RumpTest.Result r = RumpTest.proveDefinite(y);
        if (r.proven()) return new Verdict(true, Method.RIGOROUS_FLOAT, null, "Rump's test: " + r.reason());
        return new Verdict(null, Method.RIGOROUS_FLOAT, null, "order " + n + " exceeds the exact limit "
                + opts.exactDenseMaxN() + " and Rump's test did not prove definiteness (" + r.reason() + ")");
    }
}
