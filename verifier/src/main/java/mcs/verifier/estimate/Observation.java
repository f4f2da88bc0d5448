package mcs.verifier.estimate;

import mcs.problems.exact.Rational;

/**
 * One estimator run on one instance, with the exact value it is scored against.
 *
 * @param estimate the estimator's value, or null when it did not answer ({@code status} says why)
 * @param lower stated lower bound on the true value, or null
 * @param upper stated upper bound, or null
 * @param ciLower lower end of a stated confidence interval, or null
 * @param ciUpper upper end, or null
 * @param status {@code SOLVED}, {@code UNSUPPORTED}, {@code TIMEOUT}, {@code UNKNOWN} or {@code ERROR}
 */
public record Observation(String estimator, int n, long seed, Rational exact, Rational estimate, Rational lower, Rational upper,
                          Rational ciLower, Rational ciUpper, double seconds, String status, String message) {
    public boolean answered() {
        return estimate != null;
    }

    /** The stated bounds exclude the exact value. */
    public boolean boundViolated() {
        return (lower != null && lower.compareTo(exact) > 0) || (upper != null && upper.compareTo(exact) < 0);
    }

    public boolean hasBounds() {
        return lower != null || upper != null;
    }

    public boolean hasInterval() {
        return ciLower != null && ciUpper != null;
    }

    public boolean intervalCovers() {
        return ciLower.compareTo(exact) <= 0 && ciUpper.compareTo(exact) >= 0;
    }
}
