package mcs.problems.instance;

import mcs.problems.exact.Rational;

/**
 * The ε-promise of SPEC §1 MC1: {@link Kind#RATIO} promises λmin/λmax ≥ ε for YES instances,
 * {@link Kind#LOG} (unit diagonal) promises λmin ≥ ε; 0 &lt; ε &lt; 1.
 *
 * <p>An instance file states its promise in a header comment (an mcs convention, docs/DECISIONS.md):
 * {@code % promise = lambda_min >= 1/100} (MC1-log) or {@code % promise = lambda_min/lambda_max >= 1/100}
 * (MC1-ratio). {@code mcs solve} and the arena pass it to solvers as their ε unless one is given explicitly.
 */
public record Promise(Kind kind, Rational epsilon) {
    public enum Kind { RATIO, LOG }

    /** The key of the header comment line. */
    public static final String HEADER_KEY = "promise";
    private static final String LOG_TEXT = "lambda_min >= ";
    private static final String RATIO_TEXT = "lambda_min/lambda_max >= ";

    public Promise {
        if (epsilon.signum() <= 0 || epsilon.compareTo(Rational.ONE) >= 0) {
            throw new IllegalArgumentException("epsilon must satisfy 0 < ε < 1, got " + epsilon);
        }
    }

    /** The header comment text, e.g. {@code promise = lambda_min >= 1/100}. */
    public String headerComment() {
        return HEADER_KEY + " = " + (kind == Kind.LOG ? LOG_TEXT : RATIO_TEXT) + epsilon.toDecimalString();
    }

    /**
     * The promise a header comment line states (the text after {@code %}), or null when the line is not a
     * promise line.
     *
     * @throws IllegalArgumentException when it is a promise line but malformed or ε is outside (0, 1)
     */
    public static Promise parseHeaderComment(String comment) {
        String t = comment.strip();
        if (!t.startsWith(HEADER_KEY)) return null;
        String rest = t.substring(HEADER_KEY.length()).strip();
        if (!rest.startsWith("=")) return null;
        rest = rest.substring(1).strip();
        Kind kind;
        if (rest.startsWith(LOG_TEXT)) {
            kind = Kind.LOG;
            rest = rest.substring(LOG_TEXT.length());
        } else if (rest.startsWith(RATIO_TEXT)) {
            kind = Kind.RATIO;
            rest = rest.substring(RATIO_TEXT.length());
        } else {
            throw new IllegalArgumentException("promise must read 'lambda_min >= E' or 'lambda_min/lambda_max >= E', got '" + rest + "'");
        }
        Rational e;
        try {
            e = Rational.parse(rest.strip());
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new IllegalArgumentException("promise: ε '" + rest.strip() + "' is not an exact number");
        }
        return new Promise(kind, e);
    }
}
