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
 */
public record Generated(Instance instance, KnownAnswer known, Map<String, String> provenance) {
    /**
     * The comment lines {@code mcs generate} writes into the instance file: {@code key = value} for each
     * provenance entry, then {@code known answer = X} or {@code known value = V} when the family knows it
     * (the arena reads the known answer from there).
     */
    public List<String> comments() {
        List<String> c = new ArrayList<>();
        provenance.forEach((k, v) -> c.add(k + " = " + v));
        if (known != null && known.value() != null) c.add("known value = " + known.value());
        else if (known != null && known.verdict() != null && known.verdict() != Verdict.UNKNOWN) c.add("known answer = " + known.verdict());
        return c;
    }
}
