package mcs.problems.families;

import java.util.Map;
import mcs.problems.instance.Instance;

/**
 * One generated instance with its known answer.
 *
 * @param provenance {@code family}, {@code n}, {@code seed}, then every family parameter with its
 *     effective value, in that (declared) order; unmodifiable
 */
public record Generated(Instance instance, KnownAnswer known, Map<String, String> provenance) {}
