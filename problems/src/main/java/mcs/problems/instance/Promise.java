package mcs.problems.instance;

import mcs.problems.exact.Rational;

/**
 * The ε-promise of SPEC §1 MC1: {@link Kind#RATIO} promises λmin/λmax ≥ ε for YES instances,
 * {@link Kind#LOG} (unit diagonal) promises λmin ≥ ε; 0 &lt; ε &lt; 1.
 */
public record Promise(Kind kind, Rational epsilon) {
    public enum Kind { RATIO, LOG }

    public Promise {
        if (epsilon.signum() <= 0 || epsilon.compareTo(Rational.ONE) >= 0) {
            throw new IllegalArgumentException("epsilon must satisfy 0 < ε < 1, got " + epsilon);
        }
    }
}
