package mcs.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogLogFitTest {
    @Test
    void studentQuantilesMatchTables() {
        // Two-sided 95% critical values from standard t tables.
        assertEquals(12.7062, StudentT.quantile(0.975, 1), 1e-4);
        assertEquals(4.3027, StudentT.quantile(0.975, 2), 1e-4);
        assertEquals(2.2281, StudentT.quantile(0.975, 10), 1e-4);
        assertEquals(2.0423, StudentT.quantile(0.975, 30), 1e-4);
        assertEquals(1.9840, StudentT.quantile(0.975, 100), 1e-4);
        assertEquals(-2.2281, StudentT.quantile(0.025, 10), 1e-4);
    }

    @Test
    void exactPowerLawGivesItsSlopeWithAZeroWidthInterval() {
        double[] x = {1e3, 1e4, 1e5, 1e6, 1e7};
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) t[i] = 3e-7 * Math.pow(x[i], 1.15);
        LogLogFit f = LogLogFit.of(x, t);
        assertEquals(1.15, f.slope(), 1e-12);
        assertEquals(1.15, f.low(), 1e-9);
        assertEquals(1.15, f.high(), 1e-9);
        assertEquals(1, f.r2(), 1e-12);
        assertEquals(3e-7 * Math.pow(5e4, 1.15), f.predict(5e4), 1e-9 * f.predict(5e4));
    }

    @Test
    void noisyDataWithKnownSlopeAreCoveredByTheInterval() {
        // Log-normal noise (σ = 0.2) around t = c·x^1.1; 3 seeds per size like the study. Over 200 replications
        // a 95% interval must cover the true slope about 190 times; 175 leaves room for sampling error (binomial
        // sd ≈ 3) while still catching a wrong standard error or quantile.
        SplittableRandom rng = new SplittableRandom(42);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] x = new double[18], t = new double[18];
            for (int i = 0; i < 18; i++) {
                x[i] = Math.pow(10, 3 + (i / 3) * 0.8);
                t[i] = 1e-6 * Math.pow(x[i], 1.1) * Math.exp(0.2 * rng.nextGaussian());
            }
            LogLogFit f = LogLogFit.of(x, t);
            assertEquals(18, f.points());
            assertTrue(f.low() < f.slope() && f.slope() < f.high());
            if (f.low() <= 1.1 && 1.1 <= f.high()) covered++;
        }
        assertTrue(covered >= 175 && covered <= 200, "coverage " + covered + "/200");
    }

    @Test
    void degenerateInputsGiveNoFit() {
        assertNull(LogLogFit.of(new double[] {10}, new double[] {1}));
        assertNull(LogLogFit.of(new double[] {10, 10, 10}, new double[] {1, 2, 3}));
        LogLogFit two = LogLogFit.of(new double[] {10, 100}, new double[] {1, 10});
        assertEquals(1, two.slope(), 1e-12);
        assertTrue(Double.isNaN(two.low()));
    }

    @Test
    void geometricSizesSpanTheRangeIncreasing() {
        assertEquals(java.util.List.of(1000, 3162, 10000, 31623, 100000), StudyConfig.geometric(1000, 100000, 5));
        assertEquals(java.util.List.of(1, 2, 3), StudyConfig.geometric(1, 3, 5));
    }
}
