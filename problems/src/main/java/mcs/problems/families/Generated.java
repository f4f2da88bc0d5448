package mcs.problems.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;

/**
 * One generated instance with its known answer.
 *
 * @param provenance {@code family}, {@code n}, {@code seed}, then every family parameter with its
 *     effective value, in that (declared) order; unmodifiable
 * @param gap the certified bounds on t* (unit-diagonal MC1 families that know them), else null
 */
public record Generated(Instance instance, KnownAnswer known, Map<String, String> provenance, Gap gap) {
    public Generated(Instance instance, KnownAnswer known, Map<String, String> provenance) {
        this(instance, known, provenance, null);
    }

    /**
     * The comment lines {@code mcs generate} writes into the instance file: {@code key = value} for each
     * provenance entry, then {@code known answer = X} or {@code known value = V} when the family knows it
     * (the arena reads the known answer from there), then the gap lines of {@link Gap#comments} when t* is
     * known. (An instance under an ε-promise gets its {@code promise = …} line from the writer.)
     */
    public List<String> comments() {
        List<String> c = new ArrayList<>();
        provenance.forEach((k, v) -> c.add(k + " = " + v));
        if (known != null && known.value() != null) c.add("known value = " + known.value());
        else if (known != null && known.verdict() != null && known.verdict() != Verdict.UNKNOWN) c.add("known answer = " + known.verdict());
        if (gap != null) c.addAll(gap.comments());
        return c;
    }
}
