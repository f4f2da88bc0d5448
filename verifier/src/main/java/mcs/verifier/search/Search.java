package mcs.verifier.search;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.verifier.search.gen.GenerationException;
import mcs.verifier.search.shrink.Shrinker;

/**
 * The search loop. Try t draws its instance from {@code new SplittableRandom(trySeed(seed, t))}, so it
 * depends on the run's seed and t only. Workers take try indices in increasing order from a shared
 * counter; once a try fails, no index above it is started, and those below it run to the end. The
 * reported counterexample is the one of the smallest failing index, so the result is the same for any
 * number of threads (with a time budget: as long as the tries below it finish in time). Statistics count
 * the tries below the failing index (all tries when none failed). Shrinking then runs on one thread.
 *
 * <p>A property that throws counts as failing (the message names the exception): a crash is a bug too.
 */
public final class Search {
    private Search() {}

    /** @param found empty when nothing failed within the budget */
    public record Outcome(java.util.Optional<Found> found, Statistics statistics, double seconds, boolean timedOut) {}

    /** The seed of try t: a SplitMix64 finaliser of (seed, t), so neighbouring tries are unrelated. */
    public static long trySeed(long seed, long t) {
        long z = seed * 0x9E3779B97F4A7C15L + (t + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The instance of a try seed: the order is drawn first (biased towards nMin), then the instance. */
    public static Instance generate(SearchConfig c, long trySeed) {
        SplittableRandom rng = new SplittableRandom(trySeed);
        double u = rng.nextDouble();
        int n = c.nMin() + (int) Math.floor((c.nMax() - c.nMin() + 1) * u * u);
        return c.generator().generate(rng, Math.min(n, c.nMax()));
    }

    /** Checks, turning an exception of the property into a failure. */
    public static PropertyResult check(Property p, Instance inst, Oracle oracle) {
        try {
            return p.check(inst, oracle);
        } catch (RuntimeException e) {
            return new PropertyResult(PropertyResult.Outcome.FAIL, "property threw " + e, Double.POSITIVE_INFINITY, List.of("threw"), Map.of("exception", e.toString()), null);
        }
    }

    private record TryResult(Instance instance, PropertyResult result) {}

    /**
     * Folds finished tries into the statistics in index order, so that only the tries below the first failure
     * count and memory holds only the tries that finished out of order (about one per worker).
     */
    private static final class Tally {
        final Statistics stats = new Statistics();
        private final Map<Long, PropertyResult> pending = new java.util.HashMap<>();
        private long next;
        private boolean stopped;
        long finished;

        synchronized void add(long t, PropertyResult r) {
            finished++;
            pending.put(t, r);
            while (!stopped && pending.containsKey(next)) {
                PropertyResult q = pending.remove(next);
                if (q.failed()) {
                    stopped = true;
                    pending.clear();
                    break;
                }
                stats.add(q.labels(), q.outcome() == PropertyResult.Outcome.DISCARD);
                next++;
            }
            if (stopped) pending.clear();
        }

        /** After the workers: tries that finished beyond a gap (time budget) up to the first failure. */
        synchronized Statistics close(long firstFailure) {
            pending.keySet().stream().sorted().filter(t -> t < firstFailure).forEach(t -> stats.add(pending.get(t).labels(), pending.get(t).outcome() == PropertyResult.Outcome.DISCARD));
            pending.clear();
            return stats;
        }

        synchronized long finished() {
            return finished;
        }
    }

    public static Outcome run(SearchConfig c, Oracle oracle, PrintWriter progress) {
        long start = System.nanoTime();
        long deadline = c.maxSeconds() > 0 ? start + (long) (c.maxSeconds() * 1e9) : Long.MAX_VALUE;
        AtomicLong next = new AtomicLong();
        AtomicLong bestFail = new AtomicLong(Long.MAX_VALUE);
        Map<Long, TryResult> failures = new ConcurrentHashMap<>();
        Tally tally = new Tally();
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        Property safe = safe(c.property());
        ExecutorService pool = Executors.newFixedThreadPool(c.threads(), r -> {
            Thread t = new Thread(r, "mcs-search");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < c.threads(); w++) {
            pool.execute(() -> {
                while (true) {
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                        timedOut.set(true);
                        return;
                    }
                    long t = next.getAndIncrement();
                    if (t >= c.maxTries() || t > bestFail.get()) return;
                    TryResult r = runTry(c, safe, oracle, t);
                    if (r.result().failed()) {
                        failures.put(t, r);
                        bestFail.accumulateAndGet(t, Math::min);
                    }
                    tally.add(t, r.result());
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                if (progress != null) {
                    progress.printf("search: %d tries, %.0f s%s%n", tally.finished(), (System.nanoTime() - start) / 1e9,
                            bestFail.get() == Long.MAX_VALUE ? "" : ", failure at try " + bestFail.get());
                    progress.flush();
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        double findSeconds = (System.nanoTime() - start) / 1e9;
        long fail = bestFail.get();
        Statistics stats = tally.close(fail);
        if (fail == Long.MAX_VALUE) return new Outcome(java.util.Optional.empty(), stats, findSeconds, timedOut.get());
        TryResult f = failures.get(fail);
        if (progress != null) {
            progress.printf("search: try %d (seed %d) fails after %.2f s; shrinking%n", fail, trySeed(c.seed(), fail), findSeconds);
            progress.flush();
        }
        long s0 = System.nanoTime();
        long shrinkDeadline = c.maxShrinkSeconds() > 0 ? s0 + (long) (c.maxShrinkSeconds() * 1e9) : Long.MAX_VALUE;
        Shrinker.Shrunk shrunk = new Shrinker(safe, oracle, c.shrinkBudget(), shrinkDeadline).shrink(f.instance(), f.result());
        double shrinkSeconds = (System.nanoTime() - s0) / 1e9;
        return new Outcome(java.util.Optional.of(new Found(fail, trySeed(c.seed(), fail), f.instance(), f.result(), shrunk, findSeconds, shrinkSeconds)),
                stats, findSeconds + shrinkSeconds, timedOut.get());
    }

    /** One try: a generated instance, or in targeted mode a climb from a corpus entry or a generated instance. */
    private static TryResult runTry(SearchConfig c, Property p, Oracle oracle, long t) {
        long seed = trySeed(c.seed(), t);
        Instance inst;
        try {
            inst = c.targeted() && t < c.startPoints().size() ? c.startPoints().get((int) t) : generate(c, seed);
        } catch (GenerationException e) {
            return new TryResult(null, PropertyResult.discard(e.getMessage(), List.of("generation-failed")));
        }
        PropertyResult r = p.check(inst, oracle);
        if (!c.targeted() || r.failed()) return new TryResult(inst, r);
        return Climb.climb(p, oracle, inst, r, new SplittableRandom(seed ^ 0x5DEECE66DL), c.climbSteps());
    }

    /** A re-check of one try seed, as {@code --replay} does. */
    public static PropertyResult replay(SearchConfig c, Oracle oracle, long trySeed) {
        return check(c.property(), generate(c, trySeed), oracle);
    }

    /** Hill climbing on the property's score: moves to a random neighbour whose score is not lower. */
    static final class Climb {
        private Climb() {}

        static TryResult climb(Property p, Oracle oracle, Instance start, PropertyResult r, SplittableRandom rng, int steps) {
            Instance x = start;
            PropertyResult best = r;
            for (int s = 0; s < steps; s++) {
                List<Instance> nb = new ArrayList<>(Mutations.neighbours(x, rng));
                if (nb.isEmpty()) break;
                Instance y = nb.get(rng.nextInt(nb.size()));
                PropertyResult ry = p.check(y, oracle);
                if (ry.failed()) return new TryResult(y, ry);
                if (ry.outcome() == PropertyResult.Outcome.DISCARD) continue;
                if (notLower(ry.score(), best.score())) {
                    x = y;
                    best = ry;
                }
            }
            return new TryResult(x, best);
        }

        private static boolean notLower(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) return true; // no score: a random walk
            return a >= b;
        }
    }

    /** The property with its exceptions turned into failures (what runs, shrinking and replay check). */
    public static Property safe(Property p) {
        return p instanceof Checked ? p : new Checked(p);
    }

    /** A property whose exceptions become failures. */
    private record Checked(Property inner) implements Property {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public mcs.problems.instance.Problem problem() {
            return inner.problem();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public PropertyResult check(Instance instance, Oracle oracle) {
            return Search.check(inner, instance, oracle);
        }
    }
}
