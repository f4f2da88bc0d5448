package mcs.verifier.search.gen;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A generator as a composable value: given a random source and a size, it produces a value. Every random
 * choice comes from the {@link SplittableRandom} passed in, so one seed reproduces the value exactly.
 * The size is a hint (for matrix generators: the order n); {@link #sized} reads it, {@link #resize} fixes it.
 *
 * @param <T> the type of values produced
 */
@FunctionalInterface
public interface Gen<T> {
    T generate(SplittableRandom rng, int size);

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return (rng, size) -> f.apply(generate(rng, size));
    }

    default <U> Gen<U> flatMap(Function<? super T, Gen<U>> f) {
        return (rng, size) -> f.apply(generate(rng, size)).generate(rng, size);
    }

    /**
     * Keeps drawing until the predicate holds.
     *
     * @param maxRejections draws refused before giving up
     * @throws GenerationException after {@code maxRejections} refusals (a filter that is too strict is a
     *     bug of the generator, reported rather than looping forever)
     */
    default Gen<T> filter(Predicate<? super T> keep, int maxRejections) {
        return (rng, size) -> {
            for (int i = 0; i <= maxRejections; i++) {
                T t = generate(rng, size);
                if (keep.test(t)) return t;
            }
            throw new GenerationException("filter rejected " + (maxRejections + 1) + " draws in a row");
        };
    }

    /** The same generator with the size fixed. */
    default Gen<T> resize(int size) {
        return (rng, ignored) -> generate(rng, size);
    }

    static <T> Gen<T> constant(T value) {
        return (rng, size) -> value;
    }

    /** A generator chosen by the size. */
    static <T> Gen<T> sized(IntFunction<Gen<T>> bySize) {
        return (rng, size) -> bySize.apply(size).generate(rng, size);
    }

    /** Uniform integer in [lo, hi]. */
    static Gen<Integer> between(int lo, int hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        return (rng, size) -> lo + rng.nextInt(hi - lo + 1);
    }

    /** One of the values, uniformly. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> v = List.of(values);
        return (rng, size) -> v.get(rng.nextInt(v.size()));
    }

    /** One of the generators, with probability proportional to its weight (weights ≥ 0, not all 0). */
    @SafeVarargs
    static <T> Gen<T> oneOf(Weighted<T>... choices) {
        List<Weighted<T>> c = List.of(choices);
        long total = c.stream().mapToLong(Weighted::weight).sum();
        if (total <= 0) throw new IllegalArgumentException("oneOf needs a positive total weight");
        return (rng, size) -> {
            long r = rng.nextLong(total);
            for (Weighted<T> w : c) {
                if (r < w.weight()) return w.gen().generate(rng, size);
                r -= w.weight();
            }
            throw new AssertionError("weights changed");
        };
    }

    /** A choice for {@link #oneOf} and its weight. */
    record Weighted<T>(int weight, Gen<T> gen) {
        public Weighted {
            if (weight < 0) throw new IllegalArgumentException("negative weight");
        }
    }

    static <T> Weighted<T> weight(int w, Gen<T> g) {
        return new Weighted<>(w, g);
    }
}
