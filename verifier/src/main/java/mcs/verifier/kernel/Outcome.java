package mcs.verifier.kernel;

/** The verifier's verdict on a certificate; {@code mcs verify} exits 0, 3 and 4 respectively (SPEC §5: 4 is "limit reached"). */
public enum Outcome {
    /** The certificate proves the claimed answer. */
    ACCEPTED,
    /** The certificate does not prove the claim; {@link Judgement#check()} names the failed check. */
    REJECTED,
    /** The kernel could not decide within its budget (size, margin); the reason says which. */
    UNVERIFIED
}
