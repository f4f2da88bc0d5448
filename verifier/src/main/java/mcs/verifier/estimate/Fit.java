package mcs.verifier.estimate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ordinary least squares y ≈ a + b·x with its R², and a percentile bootstrap (resampling the pairs with
 * replacement) of R² and of the slope. ARC regressed log|perm| on log|estimate|; here x = ln|estimate|,
 * y = ln|perm|. {@code mcs study} fits log time on log(1/ε) or log(n·m) the same way, and reads the slope.
 *
 * @param slope b; NaN with fewer than 2 pairs or when x is constant
 * @param r2 1 − SS_res/SS_tot, in [0, 1]; NaN with fewer than 3 pairs or when x or y is constant
 * @param r2Low 2.5% bootstrap percentile of R² (NaN when undefined)
 * @param r2High 97.5% percentile
 * @param r2StdError standard deviation of the bootstrap R² values
 * @param slopeLow 2.5% bootstrap percentile of the slope (resamples with a constant x are skipped; NaN when
 *     fewer than 3 pairs or no resample had two distinct x)
 * @param slopeHigh 97.5% percentile of the slope
 */
public record Fit(int pairs, double intercept, double slope, double r2, double r2Low, double r2High, double r2StdError, double slopeLow,
        double slopeHigh) {
    /**
     * @param x predictors, @param y responses (same length)
     * @param resamples bootstrap resamples (0 for none); each costs O(pairs)
     * @param rng the only random source of the bootstrap
     */
    public static Fit of(double[] x, double[] y, int resamples, SplittableRandom rng) {
        int m = x.length;
        double[] line = ols(x, y, null);
        if (m < 3 || Double.isNaN(line[1]) || resamples <= 0) return new Fit(m, line[0], line[1], line[2], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] r2s = new double[resamples], slopes = new double[resamples];
        int[] pick = new int[m];
        int keptR2 = 0, keptSlope = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < m; i++) pick[i] = rng.nextInt(m);
            double[] f = ols(x, y, pick);
            if (!Double.isNaN(f[2])) r2s[keptR2++] = f[2];
            if (!Double.isNaN(f[1])) slopes[keptSlope++] = f[1];
        }
        double sLow = Double.NaN, sHigh = Double.NaN;
        if (keptSlope > 0) {
            double[] s = Arrays.copyOf(slopes, keptSlope);
            Arrays.sort(s);
            sLow = percentile(s, 0.025);
            sHigh = percentile(s, 0.975);
        }
        if (keptR2 == 0 || Double.isNaN(line[2])) return new Fit(m, line[0], line[1], line[2], Double.NaN, Double.NaN, Double.NaN, sLow, sHigh);
        double[] s = Arrays.copyOf(r2s, keptR2);
        Arrays.sort(s);
        double mean = 0, var = 0;
        for (double v : s) mean += v;
        mean /= keptR2;
        for (double v : s) var += (v - mean) * (v - mean);
        double sd = keptR2 > 1 ? Math.sqrt(var / (keptR2 - 1)) : 0;
        return new Fit(m, line[0], line[1], line[2], percentile(s, 0.025), percentile(s, 0.975), sd, sLow, sHigh);
    }

    /** {intercept, slope, R²} over the pairs pick[i] (or all when pick is null); slope NaN when x is constant, R² NaN also when y is or with < 3 pairs. */
    private static double[] ols(double[] x, double[] y, int[] pick) {
        int m = pick == null ? x.length : pick.length;
        if (m < 2) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        double mx = 0, my = 0;
        for (int i = 0; i < m; i++) {
            int k = pick == null ? i : pick[i];
            mx += x[k];
            my += y[k];
        }
        mx /= m;
        my /= m;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < m; i++) {
            int k = pick == null ? i : pick[i];
            double dx = x[k] - mx, dy = y[k] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx <= 0) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        double slope = sxy / sxx;
        // R² of a simple regression is the squared correlation; clamped against rounding.
        double r2 = m < 3 || syy <= 0 ? Double.NaN : Math.min(1, Math.max(0, sxy * sxy / (sxx * syy)));
        return new double[] {my - slope * mx, slope, r2};
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
