package mcs.solvers.perm.estimate;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.exact.Rational;

/**
 * One estimate: its value as exact text (a rational when the estimator is an exact formula, else a
 * 17-digit decimal), whether that text is the formula's exact value, optional stated bounds on the true
 * value (lower, upper) and further statistics (confidence interval, iterations, …) in insertion order.
 */
public record Estimate(String value, boolean valueExact, String lower, String upper, Map<String, Object> statistics) {
    public Estimate {
        statistics = new LinkedHashMap<>(statistics);
    }

    public static Estimate exact(Rational v) {
        return new Estimate(v.toString(), true, null, null, Map.of());
    }

    /** The permanent is known exactly (e.g. 0 when the support has no perfect matching): value = lower = upper. */
    static Estimate known(Rational v, String why) {
        String t = v.toString();
        return new Estimate(t, true, t, t, Map.of("note", why));
    }

    Estimate withBounds(String lo, String hi) {
        return new Estimate(value, valueExact, lo, hi, statistics);
    }

    public Estimate with(String key, Object v) {
        Map<String, Object> m = new LinkedHashMap<>(statistics);
        m.put(key, v);
        return new Estimate(value, valueExact, lower, upper, m);
    }
}
