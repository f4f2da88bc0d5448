package mcs.verifier.kernel;

/** The verifier's verdict on a certificate (SPEC §5: exit codes 0 / 3 / 0-with-warning). */
public enum Outcome {
    /** The certificate proves the claimed answer. */
    ACCEPTED,
    /** The certificate does not prove the claim; {@link Judgement#check()} names the failed check. */
    REJECTED,
    /** The kernel could not decide within its budget (size, margin); the reason says which. */
    UNVERIFIED
}
