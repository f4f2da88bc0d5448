package mcs.verifier.search.shrink;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;

/**
 * Greedy shrinking to a local minimum: repeatedly take the first candidate step (in the fixed order of
 * {@link Mc1Shrinks} / {@link PermShrinks}) that is {@link Complexity#simpler simpler} and still fails the
 * property, until no step does or the budget of property evaluations or time runs out. The result is
 * checked once more at the end. Deterministic for a deterministic property.
 */
public final class Shrinker {
    private final Property property;
    private final Oracle oracle;
    private final int maxEvaluations;
    private final long deadlineNanos;

    /**
     * @param maxEvaluations budget of property checks (default of the command: 5000)
     * @param deadlineNanos {@link System#nanoTime()} instant after which shrinking stops, or {@link Long#MAX_VALUE}
     */
    public Shrinker(Property property, Oracle oracle, int maxEvaluations, long deadlineNanos) {
        this.property = property;
        this.oracle = oracle;
        this.maxEvaluations = maxEvaluations;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * @param steps the steps taken, in order
     * @param evaluations property checks spent
     * @param localMinimum true when no candidate step was left (false: the budget ran out first)
     */
    public record Shrunk(Instance instance, PropertyResult result, List<String> steps, int evaluations, boolean localMinimum) {}

    /** @throws IllegalStateException when the final re-check does not fail (a non-deterministic property) */
    public Shrunk shrink(Instance start, PropertyResult failing) {
        Instance x = start;
        PropertyResult r = failing;
        List<String> steps = new ArrayList<>();
        int evals = 0;
        boolean minimum = false;
        outer:
        while (true) {
            for (Candidate c : candidates(x)) {
                if (!Complexity.simpler(c.instance(), x)) continue;
                if (evals >= maxEvaluations || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0)) break outer;
                PropertyResult cr = property.check(c.instance(), oracle);
                evals++;
                if (cr.failed()) {
                    x = c.instance();
                    r = cr;
                    steps.add(c.step());
                    continue outer;
                }
            }
            minimum = true;
            break;
        }
        PropertyResult again = property.check(x, oracle);
        if (!again.failed()) throw new IllegalStateException("the shrunk counterexample no longer fails on re-check: " + again.message());
        return new Shrunk(x, again, steps, evals + 1, minimum);
    }

    static List<Candidate> candidates(Instance x) {
        if (x instanceof Mc1Instance m) return Mc1Shrinks.candidates(m);
        if (x instanceof PermInstance p) return PermShrinks.candidates(p);
        return List.of();
    }
}
