package mcs.problems.cert;

import java.util.Objects;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;

/**
 * A certificate document (SPEC §3.2, format {@code mcs-certificate/1}).
 *
 * <ul>
 *   <li>MC1 YES: verdict COMPLETABLE and {@code body} the completion;
 *   <li>MC1 NO: verdict NOT_COMPLETABLE and {@code body} the witness W;
 *   <li>MC2: verdict SOLVED and {@code body} the answer B;
 *   <li>PERM / HAF: verdict SOLVED, {@code value} (a canonical rational, or for complex values
 *       {@link ComplexValue} text), {@code exact}, and {@code errorBound} when not exact.
 * </ul>
 *
 * @param instanceSha256 lower-case hex SHA-256 of the instance file's bytes
 */
public record Certificate(
        Problem problem,
        String instanceSha256,
        Verdict verdict,
        Body body,
        String value,
        boolean exact,
        Rational errorBound) {

    public static final String FORMAT = "mcs-certificate/1";

    public Certificate {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static Certificate completion(String sha, Body body) {
        return new Certificate(Problem.PSD_COMPLETION, sha, Verdict.COMPLETABLE, body, null, true, null);
    }

    public static Certificate witness(String sha, Body body) {
        return new Certificate(Problem.PSD_COMPLETION, sha, Verdict.NOT_COMPLETABLE, body, null, true, null);
    }

    public static Certificate squaring(String sha, Body body) {
        return new Certificate(Problem.APPROXIMATE_SQUARING, sha, Verdict.SOLVED, body, null, true, null);
    }

    public static Certificate exactValue(Problem problem, String sha, String value) {
        return new Certificate(problem, sha, Verdict.SOLVED, null, value, true, null);
    }

    public static Certificate approximateValue(Problem problem, String sha, String value, Rational errorBound) {
        return new Certificate(problem, sha, Verdict.SOLVED, null, value, false, errorBound);
    }

    /** The same certificate bound to another instance hash. */
    public Certificate withInstanceSha256(String sha) {
        return new Certificate(problem, sha, verdict, body, value, exact, errorBound);
    }
}
