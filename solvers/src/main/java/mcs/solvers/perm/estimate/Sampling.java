package mcs.solvers.perm.estimate;

import java.util.Map;
import mcs.problems.spi.SolverOptions;

/**
 * The sampling options of a Monte Carlo estimator, read and checked once: {@code samples} (k ≥ 2) and
 * {@code confidence} (in (0, 1), default 0.95); and how a sample becomes an {@link Estimate} with the
 * statistics every sampled estimator reports ({@code ci_lower}, {@code ci_upper}, {@code confidence},
 * {@code ci_method}, {@code std_error}, {@code samples}, {@code seed}). Shared by the permanent and the
 * hafnian estimators.
 */
public record Sampling(int k, double confidence) {
    /** mean, the interval [lo, hi] at the requested confidence, and the standard error of draws divided by e^{logScale}. */
    public record Sample(double mean, double lo, double hi, double stdError, double logScale) {}

    /** The options with the default of 20000 samples. */
    public static Sampling of(SolverOptions o) {
        return of(o, 20_000);
    }

    /** The options with {@code defaultSamples} when {@code samples} is not given. */
    public static Sampling of(SolverOptions o, int defaultSamples) {
        int k = o.extraInt("samples", defaultSamples);
        double conf = o.extraDouble("confidence", 0.95);
        if (k < 2) throw new IllegalArgumentException("option samples must be >= 2, got " + k);
        if (!(conf > 0 && conf < 1)) throw new IllegalArgumentException("option confidence must be in (0, 1), got " + conf);
        return new Sampling(k, conf);
    }

    /** The sample's mean with its interval, in decimal text, and the sampling statistics. */
    public Estimate estimate(Sample s, long seed, String method) {
        double scale = s.logScale();
        return new Estimate(scaled(s.mean(), scale), false, null, null, Map.of())
                .with("ci_lower", scaled(s.lo(), scale))
                .with("ci_upper", scaled(s.hi(), scale))
                .with("confidence", confidence)
                .with("ci_method", method)
                .with("std_error", scaled(s.stdError(), scale))
                .with("samples", k)
                .with("seed", seed);
    }

    /** The half-width of Hoeffding's interval for k draws in [−1, 1] at confidence {@code confidence}: √(2 ln(2/δ)/k). */
    public static double hoeffding(double confidence, int k) {
        return Math.sqrt(2 * Math.log(2 / (1 - confidence)) / k);
    }

    /** The standard error of the mean of k draws with the given sum and sum of squares. */
    public static double stdError(double sum, double sumSq, int k) {
        if (k < 2) return Double.POSITIVE_INFINITY;
        double mean = sum / k;
        double var = Math.max(0, (sumSq - k * mean * mean) / (k - 1));
        return Math.sqrt(var / k);
    }

    /** Φ⁻¹(p) by bisection on the complementary error function (p in (0.5, 1)); accurate to 1e-12. */
    public static double normalQuantile(double p) {
        double lo = 0, hi = 40;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (normalCdf(mid) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Φ(x) for x ≥ 0 from erfc: Taylor series of erf below 2, continued fraction above; about 1e-15 absolute. */
    static double normalCdf(double x) {
        return 1 - 0.5 * erfc(x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        if (x < 2) {
            // Taylor series of erf, converges quickly for small x.
            double term = x, sum = x;
            for (int k = 1; k < 200; k++) {
                term *= -x * x / k;
                double add = term / (2 * k + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        // Continued fraction erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))).
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k / 2.0) / f;
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    /** t·e^{logScale} as decimal text. */
    private static String scaled(double t, double logScale) {
        return t == 0 ? "0" : Decimal.of(t > 0 ? 1 : -1, Math.log(Math.abs(t)) + logScale);
    }
}
