package mcs.solvers.haf.estimate;

import java.util.SplittableRandom;
import mcs.solvers.perm.estimate.Sampling;
import mcs.solvers.perm.estimate.Sampling.Sample;

/**
 * Unbiased Monte Carlo estimators of the hafnian of a real symmetric matrix A of even order n, each draw
 * divided by a scale so that it can be averaged in double precision at any n.
 *
 * <ul>
 *   <li><b>Godsil–Gutman / Barvinok.</b> For i &lt; j let W_ij = x_ij·√|a_ij| and W'_ij = x_ij·s_ij·√|a_ij|
 *       (s_ij the sign of a_ij), skew-symmetric (W_ji = −W_ij), with independent x_ij of mean 0 and variance 1.
 *       Pf(W) = Σ_M sgn(M) Π_{e∈M} W_e over perfect matchings M, so
 *       E[Pf(W)·Pf(W')] = Σ_{M,M'} sgn(M)sgn(M') E[Π_{e∈M} x_e Π_{e∈M'} x_e] Π √|a_e| Π s_e√|a_e|; the
 *       expectation is 1 when M = M' (every x_e squared) and 0 otherwise (some x_e appears once), leaving
 *       Σ_M Π_{e∈M} a_e = haf(A). With x_ij = ±1 (Godsil–Gutman) Hadamard's inequality bounds every draw:
 *       |Pf(W)|² = |det W| ≤ Π_i ‖W_i‖₂ = Π_i (Σ_{j≠i} |a_ij|)^{1/2}, likewise W', so
 *       |Pf(W)·Pf(W')| ≤ M = Π_i (Σ_{j≠i} |a_ij|)^{1/2} and Hoeffding's inequality gives the rigorous interval
 *       mean ± M·√(2 ln(2/δ)/k) at confidence 1 − δ. With Gaussian x_ij (Barvinok) there is no such bound; the
 *       interval is the normal approximation mean ± z·s/√k (asymptotic). For A ≥ 0 entrywise W' = W and the
 *       draw is det W ≥ 0 (Barvinok's estimator).
 *   <li><b>Kan.</b> For δ uniform in {±1}ⁿ, (Π δ)·q(δ)^m/m! with q = Σ_{i&lt;j} a_ij δ_i δ_j, m = n/2, has mean
 *       haf(A) (Kan's formula: Σ_δ (Πδ) q^m = 2ⁿ m!·haf(A)) and is bounded by P^m/m!, P = Σ_{i&lt;j} |a_ij|:
 *       Hoeffding again. Rigorous but with a very wide interval; it is here as the baseline.
 * </ul>
 * Pfaffians are computed in O(n³) by skew-symmetric elimination with pivoting (Parlett–Reid style), carrying
 * the logarithm of the magnitude so that no draw overflows. Every random choice comes from one
 * {@link SplittableRandom} seeded by the caller; {@code tick} runs every 64 draws.
 */
final class HafnianSamplers {
    private HafnianSamplers() {}

    /** log M for the Godsil–Gutman bound: ½ Σ_i log Σ_{j≠i} |a_ij|. */
    static double logHadamard(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double r = 0;
            for (int j = 0; j < a.length; j++) if (j != i) r += Math.abs(a[i][j]);
            s += 0.5 * Math.log(r);
        }
        return s;
    }

    static Sample pfaffianPairs(double[][] a, boolean gaussian, int samples, double confidence, long seed, Runnable tick) {
        int n = a.length;
        double logScale = gaussian ? gaussianScale(a) : logHadamard(a);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[n][n], v = new double[n][n];
        double sum = 0, sumSq = 0;
        for (int s = 0; s < samples; s++) {
            if ((s & 63) == 63) tick.run();
            for (int i = 0; i < n; i++) {
                w[i][i] = 0;
                v[i][i] = 0;
                for (int j = i + 1; j < n; j++) {
                    double x = gaussian ? rng.nextGaussian() : rng.nextBoolean() ? 1 : -1;
                    double r = Math.sqrt(Math.abs(a[i][j]));
                    w[i][j] = x * r;
                    w[j][i] = -w[i][j];
                    v[i][j] = a[i][j] < 0 ? -w[i][j] : w[i][j];
                    v[j][i] = -v[i][j];
                }
            }
            double[] pw = logPfaffian(w), pv = logPfaffian(v);
            double t = pw[0] * pv[0] == 0 ? 0 : pw[0] * pv[0] * Math.exp(pw[1] + pv[1] - logScale);
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples, se = Sampling.stdError(sum, sumSq, samples);
        double half = gaussian ? Sampling.normalQuantile(0.5 + confidence / 2) * se : Sampling.hoeffding(confidence, samples);
        return new Sample(mean, mean - half, mean + half, se, logScale);
    }

    /** A scale for the Gaussian draws: the same Hadamard product (draws may exceed it; it only keeps them finite). */
    private static double gaussianScale(double[][] a) {
        return logHadamard(a);
    }

    static Sample kan(double[][] a, int samples, double confidence, long seed, Runnable tick) {
        int n = a.length, m = n / 2;
        double p = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) p += Math.abs(a[i][j]);
        double logFact = 0;
        for (int k = 2; k <= m; k++) logFact += Math.log(k);
        double logScale = m * Math.log(p) - logFact;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] d = new double[n];
        double sum = 0, sumSq = 0;
        for (int s = 0; s < samples; s++) {
            if ((s & 63) == 63) tick.run();
            int sign = 1;
            for (int i = 0; i < n; i++) {
                d[i] = rng.nextBoolean() ? 1 : -1;
                if (d[i] < 0) sign = -sign;
            }
            double q = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) q += a[i][j] * d[i] * d[j];
            double t = q == 0 ? 0 : sign * Math.signum(Math.pow(Math.signum(q), m)) * Math.exp(m * Math.log(Math.abs(q) / p));
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples;
        double half = Sampling.hoeffding(confidence, samples);
        return new Sample(mean, mean - half, mean + half, Sampling.stdError(sum, sumSq, samples), logScale);
    }

    /**
     * {sign, log|Pf|} of a skew-symmetric matrix (copied), by elimination with the largest pivot in each column
     * pair: swap k+1 with the row of the largest |a[j][k]| (each swap flips the sign), multiply by a[k][k+1],
     * and update the trailing block by a[i][j] += τ_i a[j][k+1] − a[i][k+1] τ_j with τ = a[k][·]/a[k][k+1].
     */
    static double[] logPfaffian(double[][] src) {
        int n = src.length;
        if (n % 2 != 0) return new double[] {0, 0};
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = src[i].clone();
        double sign = 1, log = 0;
        double[] tau = new double[n];
        for (int k = 0; k < n - 1; k += 2) {
            int kp = k + 1;
            for (int j = k + 2; j < n; j++) if (Math.abs(a[j][k]) > Math.abs(a[kp][k])) kp = j;
            if (kp != k + 1) {
                double[] t = a[k + 1];
                a[k + 1] = a[kp];
                a[kp] = t;
                for (double[] row : a) {
                    double x = row[k + 1];
                    row[k + 1] = row[kp];
                    row[kp] = x;
                }
                sign = -sign;
            }
            double piv = a[k][k + 1];
            if (piv == 0) return new double[] {0, 0};
            if (piv < 0) sign = -sign;
            log += Math.log(Math.abs(piv));
            for (int j = k + 2; j < n; j++) tau[j] = a[k][j] / piv;
            for (int i = k + 2; i < n; i++) {
                double ci = a[i][k + 1];
                for (int j = k + 2; j < n; j++) a[i][j] += tau[i] * a[j][k + 1] - ci * tau[j];
            }
        }
        return new double[] {sign, log};
    }
}
