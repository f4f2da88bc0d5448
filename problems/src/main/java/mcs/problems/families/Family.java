package mcs.problems.families;

import java.util.List;
import java.util.Map;
import mcs.problems.instance.Problem;

/**
 * A named, seeded generator of instances whose answer is known by construction (or honestly declared
 * unknown). The same (family, n, seed, params) always yields exactly the same instance: every random
 * choice comes from one {@link java.util.SplittableRandom} seeded with {@code seed}, consumed in a fixed
 * order, and floating-point draws are rounded to short exact rationals before the known answer is
 * decided, so the answer is about the exact data.
 */
public interface Family {
    /** The family's name as used on the command line, e.g. {@code random-sparse}. */
    String name();

    Problem problem();

    /** One paragraph: what the family produces, its parameters, and the answer it is known to have and why. */
    String description();

    /** Family-specific parameters in declared order (n and seed are common to all families and not listed). */
    List<Parameter> parameters();

    /** The n that {@code mcs generate} uses when none is given: small, valid for the family. Default 10. */
    default int defaultN() {
        return 10;
    }

    /**
     * Generates one instance.
     *
     * @param n order of the matrix (families that need a special n, e.g. a perfect square, say so)
     * @param seed seed of the only random source
     * @param params family-specific parameters by name; absent ones take their defaults
     * @throws IllegalArgumentException with a one-line reason when n or a parameter is invalid or unknown
     */
    Generated generate(int n, long seed, Map<String, String> params);
}
