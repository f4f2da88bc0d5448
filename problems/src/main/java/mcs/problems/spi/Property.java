package mcs.problems.spi;

import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;

/**
 * A property that every instance of one problem should have, for {@code mcs search} to look for
 * counterexamples to. User properties live in a jar that lists the class in
 * {@code META-INF/services/mcs.problems.spi.Property} and is loaded with {@code mcs search --plugin JAR};
 * they need a public no-argument constructor and must be thread-safe (workers call {@link #check}
 * concurrently) and deterministic (the same instance always gives the same result, so that shrinking
 * and replay are meaningful).
 */
public interface Property {
    /** Name used on the command line, e.g. {@code user:my-heuristic-never-says-no}; must not contain '/'. */
    String name();

    /** The problem whose instances are generated for this property. */
    Problem problem();

    /** One line: what is claimed. */
    String description();

    /**
     * Checks one instance.
     *
     * @param instance an instance of {@link #problem()}
     * @param oracle exact, kernel-verified answers to compare with
     * @return PASS, FAIL (a counterexample) or DISCARD (the instance says nothing, e.g. no reference answer)
     */
    PropertyResult check(Instance instance, Oracle oracle);
}
