package mcs.verifier.search;

import mcs.problems.instance.Instance;
import mcs.problems.spi.PropertyResult;
import mcs.verifier.search.shrink.Shrinker;

/**
 * A counterexample.
 *
 * @param tryIndex the smallest failing try index (0-based)
 * @param trySeed the seed that regenerates the original instance ({@code --replay})
 * @param original the instance as generated (or reached by a climb)
 * @param originalResult what the property said about it
 * @param shrunk the local minimum after shrinking, re-checked
 * @param findSeconds wall time until the run stopped looking
 * @param shrinkSeconds wall time spent shrinking
 */
public record Found(long tryIndex, long trySeed, Instance original, PropertyResult originalResult, Shrinker.Shrunk shrunk,
        double findSeconds, double shrinkSeconds) {}
