package mcs.verifier.search;

import java.util.List;
import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Property;
import mcs.verifier.search.gen.Gen;

/**
 * One search run.
 *
 * @param generatorName recorded in the corpus: {@code edge-cases+families}, or the options that chose a family, e.g.
 *     {@code --family cycle -P answer=random}
 * @param seed the run's seed; try t uses the seed {@link Search#trySeed(long, long)}
 * @param nMin smallest order drawn (≥ 1)
 * @param nMax largest order drawn; orders are biased towards nMin (n = nMin + ⌊(nMax − nMin + 1)·u²⌋)
 * @param maxTries try budget ({@link Long#MAX_VALUE} for none)
 * @param maxSeconds time budget for finding ({@code ≤ 0} for none); shrinking has its own budget
 * @param threads workers (≥ 1); the result does not depend on it
 * @param shrinkBudget property checks allowed for shrinking
 * @param targeted hill-climb on the property's score instead of independent tries
 * @param climbSteps steps per climb in targeted mode (each climb is one try)
 * @param startPoints instances climbs start from in targeted mode (the corpus), before generated ones
 * @param minCoverage labels that must appear on at least this fraction of the tries
 * @param maxShrinkSeconds time budget for shrinking ({@code ≤ 0} for none): a solver that runs out of process
 *     (a submitted command or jar) costs a process start per property check
 */
public record SearchConfig(Property property, String generatorName, Gen<? extends Instance> generator, long seed, int nMin, int nMax,
        long maxTries, double maxSeconds, int threads, int shrinkBudget, boolean targeted, int climbSteps, List<Instance> startPoints,
        Map<String, Double> minCoverage, double maxShrinkSeconds) {
    /** Without a time budget for shrinking. */
    public SearchConfig(Property property, String generatorName, Gen<? extends Instance> generator, long seed, int nMin, int nMax,
            long maxTries, double maxSeconds, int threads, int shrinkBudget, boolean targeted, int climbSteps, List<Instance> startPoints,
            Map<String, Double> minCoverage) {
        this(property, generatorName, generator, seed, nMin, nMax, maxTries, maxSeconds, threads, shrinkBudget, targeted, climbSteps, startPoints,
                minCoverage, 0);
    }

    public SearchConfig {
        if (nMin < 1 || nMax < nMin) throw new IllegalArgumentException("bad order range " + nMin + ".." + nMax);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        startPoints = List.copyOf(startPoints);
        minCoverage = Map.copyOf(minCoverage);
    }

    /** The command line that regenerates one try of this run ({@code --replay}). */
    public String replayCommand(long trySeed) {
        return "mcs search " + property.name() + " --seed " + seed + " --n " + nMin + ".." + nMax
                + (generatorName.startsWith("--") ? " " + generatorName : "") + " --replay " + trySeed;
    }

    /** A plain run: no targeting, no coverage requirement, shrink budget 5000. */
    public static SearchConfig of(Property property, String generatorName, Gen<? extends Instance> generator, long seed, int nMin, int nMax, long tries, int threads) {
        return new SearchConfig(property, generatorName, generator, seed, nMin, nMax, tries, 0, threads, 5000, false, 30, List.of(), Map.of());
    }
}
