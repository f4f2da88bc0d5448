package mcs.problems.families;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;

/**
 * Random draws used by the families. Everything goes through the caller's {@link SplittableRandom}
 * and {@link StrictMath}, so a seed gives bit-identical data on every JVM and platform.
 */
final class Sampling {
    private Sampling() {}

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Uniform integer in [lo, hi]. */
    static int uniform(SplittableRandom rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** Uniform nonzero integer in [−max, max]. */
    static int nonzero(SplittableRandom rng, int max) {
        int x = uniform(rng, 1, max);
        return rng.nextBoolean() ? x : -x;
    }

    /** A standard normal draw by Box–Muller (one draw per two uniforms, no caching). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A rate-one exponential draw by inversion. */
    static double exponential(SplittableRandom rng) {
        return -StrictMath.log(1.0 - rng.nextDouble());
    }

    /** The exact value of the finite double x rounded half-up to a multiple of 10^−digits. */
    static Rational roundDecimal(double x, int digits) {
        return Rational.of(new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP));
    }
}
