package mcs.verifier.search.gen;

import java.util.Map;
import mcs.problems.families.Family;
import mcs.problems.instance.Instance;

/**
 * A family of {@code mcs.problems.families} as a generator: the size is the order n (raised to the nearest
 * order the family accepts, trying up to 16 more) and the family's seed is drawn from the random source.
 */
public final class FamilyGen {
    private FamilyGen() {}

    public static Gen<Instance> of(Family family, Map<String, String> params) {
        return (rng, size) -> {
            long seed = rng.nextLong();
            IllegalArgumentException last = null;
            for (int n = Math.max(1, size); n <= size + 16; n++) {
                try {
                    return family.generate(n, seed, params).instance();
                } catch (IllegalArgumentException e) {
                    last = e;
                }
            }
            throw new GenerationException("family " + family.name() + ": " + last.getMessage());
        };
    }
}
