package mcs.problems.spi;

import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;

/**
 * Exact answers for {@link Property} checks, provided by the verifier: every answer it gives is backed by
 * a certificate that its kernel accepted.
 */
public interface Oracle {
    /**
     * A kernel-verified answer from the solvers on the class path other than {@code excludedSolver}.
     *
     * @param excludedSolver the solver under test (never asked), or null
     * @return the answer, or {@link Reference#none(String)} when no solver gave a verified one
     */
    Reference reference(Instance instance, String excludedSolver);

    /** The kernel's judgement of a certificate on an in-memory instance: ACCEPTED, REJECTED or UNVERIFIED, with the reason after a colon. */
    String judge(Instance instance, Certificate certificate);

    /**
     * A verified answer.
     *
     * @param verdict COMPLETABLE / NOT_COMPLETABLE (MC1), SOLVED (values), or UNKNOWN when there is none
     * @param value the exact value for permanent-style problems, else null
     * @param certificate the accepted certificate, or null
     * @param solver the solver that produced it, or the reason there is none
     */
    record Reference(Verdict verdict, String value, Certificate certificate, String solver) {
        public static Reference none(String why) {
            return new Reference(Verdict.UNKNOWN, null, null, why);
        }

        public boolean known() {
            return verdict != Verdict.UNKNOWN;
        }
    }
}
