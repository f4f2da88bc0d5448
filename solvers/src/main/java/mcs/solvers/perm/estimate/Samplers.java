package mcs.solvers.perm.estimate;

import java.util.SplittableRandom;
import mcs.solvers.perm.estimate.Sampling.Sample;

/**
 * The two unbiased Monte Carlo estimators of a permanent, with confidence intervals. Every draw comes
 * from one {@link SplittableRandom} seeded by the caller.
 *
 * <ul>
 *   <li>{@link #glynn} (Gurvits' additive estimator): for x uniform in {±1}ⁿ, Π_i x_i · Π_j (Σ_i x_i a_ij)
 *       has mean perm(A) and absolute value ≤ M = min(‖A‖₂ⁿ, Π_j ‖column j‖₁) (AM–GM on y = Aᵀx with
 *       ‖y‖₂ ≤ √n‖A‖₂; ‖A‖₂ is bounded above by min(‖A‖_F, √(‖A‖₁‖A‖_∞))). Hoeffding's inequality then gives
 *       a rigorous interval: |mean − perm| ≤ M·√(2 ln(2/δ)/k) with probability ≥ 1 − δ.
 *   <li>{@link #wick}: for PSD A = LLᵀ and z = Lg with g standard complex Gaussian (E|g_k|² = 1),
 *       E[Π_i |z_i|²] = perm(A) (Wick / Isserlis for complex Gaussians). Each draw is divided by Π a_ii, so
 *       it has mean perm(A)/Π a_ii ∈ [1, n!]; the interval is the normal approximation mean ± z·s/√k
 *       (asymptotic only: the relative variance can be as large as 2ⁿ − 1).
 * </ul>
 * Each draw costs O(n²); {@code tick} is called every 256 draws (deadline checks).
 */
final class Samplers {
    private Samplers() {}

    static Sample glynn(double[][] a, int samples, double confidence, long seed, Runnable tick) {
        int n = a.length;
        double logM = logGlynnBound(a);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double sum = 0, sumSq = 0;
        for (int s = 0; s < samples; s++) {
            if ((s & 255) == 255) tick.run();
            int sign = 1;
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextBoolean() ? 1 : -1;
                if (x[i] < 0) sign = -sign;
            }
            double log = 0;
            for (int j = 0; j < n && sign != 0; j++) {
                double y = 0;
                for (int i = 0; i < n; i++) y += x[i] * a[i][j];
                if (y == 0) sign = 0;
                else {
                    if (y < 0) sign = -sign;
                    log += Math.log(Math.abs(y));
                }
            }
            double t = sign == 0 ? 0 : sign * Math.exp(log - logM); // in [−1, 1] up to rounding
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples;
        double half = Sampling.hoeffding(confidence, samples);
        return new Sample(mean, mean - half, mean + half, Sampling.stdError(sum, sumSq, samples), logM);
    }

    /** log of the bound M on |Π_i x_i Π_j (Aᵀx)_j| over x ∈ {±1}ⁿ. */
    static double logGlynnBound(double[][] a) {
        int n = a.length;
        double fro = 0, maxRow = 0, maxCol = 0, logCols = 0;
        for (int i = 0; i < n; i++) {
            double r = 0, c = 0;
            for (int j = 0; j < n; j++) {
                fro += a[i][j] * a[i][j];
                r += Math.abs(a[i][j]);
                c += Math.abs(a[j][i]);
            }
            maxRow = Math.max(maxRow, r);
            maxCol = Math.max(maxCol, c);
            logCols += Math.log(c);
        }
        double norm = Math.min(Math.sqrt(fro), Math.sqrt(maxRow * maxCol));
        // Rounding in the bound and the draws is far below this relative margin.
        return Math.min(n * Math.log(norm), logCols) + 1e-9;
    }

    /** Requires l lower triangular with A = LLᵀ and every a_ii > 0. */
    static Sample wick(double[][] l, double[] diag, int samples, double confidence, long seed, Runnable tick) {
        int n = l.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] gr = new double[n], gi = new double[n];
        double logScale = 0;
        for (double d : diag) logScale += Math.log(d);
        double sum = 0, sumSq = 0;
        for (int s = 0; s < samples; s++) {
            if ((s & 255) == 255) tick.run();
            for (int k = 0; k < n; k++) {
                gr[k] = rng.nextGaussian() * Math.sqrt(0.5);
                gi[k] = rng.nextGaussian() * Math.sqrt(0.5);
            }
            double log = 0;
            for (int i = 0; i < n; i++) {
                double zr = 0, zi = 0;
                for (int k = 0; k <= i; k++) {
                    zr += l[i][k] * gr[k];
                    zi += l[i][k] * gi[k];
                }
                log += Math.log((zr * zr + zi * zi) / diag[i]);
            }
            double t = Math.exp(log);
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples, se = Sampling.stdError(sum, sumSq, samples);
        double z = Sampling.normalQuantile(0.5 + confidence / 2);
        return new Sample(mean, mean - z * se, mean + z * se, se, logScale);
    }
}
