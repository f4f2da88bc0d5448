package mcs.problems.spi;

import java.util.Map;
import mcs.problems.exact.Rational;

/**
 * Options common to all solvers.
 *
 * @param deadlineNanos a {@link System#nanoTime()} instant after which the solver should stop
 *     (cooperatively, via {@link #checkDeadline()}); {@link Long#MAX_VALUE} for none
 * @param epsilon the ε of a promise variant, or null
 * @param seed seed of every random choice (results record it)
 * @param threads worker threads a solver may use (≥ 1)
 * @param extra solver-specific options as text, documented by each solver
 */
public record SolverOptions(long deadlineNanos, Rational epsilon, long seed, int threads, Map<String, String> extra) {
    public SolverOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        extra = Map.copyOf(extra);
    }

    /** No deadline, no ε, seed 1, one thread per core. */
    public static SolverOptions defaults() {
        return new SolverOptions(Long.MAX_VALUE, null, 1L, Runtime.getRuntime().availableProcessors(), Map.of());
    }

    public SolverOptions withTimeoutSeconds(double seconds) {
        long d = System.nanoTime() + (long) (seconds * 1e9);
        return new SolverOptions(d, epsilon, seed, threads, extra);
    }

    public SolverOptions withSeed(long s) {
        return new SolverOptions(deadlineNanos, epsilon, s, threads, extra);
    }

    public SolverOptions withEpsilon(Rational e) {
        return new SolverOptions(deadlineNanos, e, seed, threads, extra);
    }

    public SolverOptions withThreads(int t) {
        return new SolverOptions(deadlineNanos, epsilon, seed, t, extra);
    }

    /**
     * These options with {@code x} merged into the solver-specific ones: a key of {@code x} sets (or overrides)
     * that option, every other option keeps its value. There is no way to remove an option: a solver that calls
     * another one passes its own options on, so a key that must not reach the callee is not a way to stop a
     * recursion (cut the call instead).
     */
    public SolverOptions withExtra(Map<String, String> x) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(extra);
        merged.putAll(x);
        return new SolverOptions(deadlineNanos, epsilon, seed, threads, merged);
    }

    public boolean expired() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** @throws DeadlineExceededException once the deadline has passed */
    public void checkDeadline() {
        if (expired()) throw new DeadlineExceededException();
    }

    public String extra(String key, String fallback) {
        return extra.getOrDefault(key, fallback);
    }

    /** An integer option; @throws NumberFormatException naming the key when its text is not an integer. */
    public int extraInt(String key, int fallback) {
        return (int) parse(key, Long.toString(fallback), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A long option; @throws NumberFormatException naming the key when its text is not an integer. */
    public long extraLong(String key, long fallback) {
        return parse(key, Long.toString(fallback), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A finite decimal option; @throws NumberFormatException naming the key when its text is not a number. */
    public double extraDouble(String key, double fallback) {
        String t = extra.get(key);
        if (t == null) return fallback;
        try {
            double d = Double.parseDouble(t.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new NumberFormatException("option " + key + "='" + t + "' is not a finite number");
    }

    private long parse(String key, String fallback, long min, long max) {
        String t = extra.getOrDefault(key, fallback).trim();
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new NumberFormatException("option " + key + "='" + t + "' is not an integer in range");
    }
}
