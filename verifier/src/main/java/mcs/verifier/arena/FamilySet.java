package mcs.verifier.arena;

import java.util.List;
import java.util.Map;

/**
 * Instances of a named family ({@link mcs.problems.families.Families}) at every size and instance seed:
 * {@code {"family": "chordal", "sizes": [8, 12], "seeds": [1, 2], "params": {"answer": "no"}}}.
 * Instance seeds are distinct from the plan's solver seeds.
 */
public record FamilySet(String family, List<Integer> sizes, List<Long> seeds, Map<String, String> params) {
    public FamilySet {
        sizes = List.copyOf(sizes);
        seeds = List.copyOf(seeds);
        params = Map.copyOf(params);
    }
}
