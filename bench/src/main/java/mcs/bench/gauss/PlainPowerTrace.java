package mcs.bench.gauss;

/**
 * The plain baseline: the Glynn-type power-trace hafnian and loop hafnian as The Walrus computes them
 * (Björklund–Gupt–Quesada with Bulmer et al.'s finite-difference sieve), in plain complex double arithmetic,
 * one thread, no error bound. For δ ∈ {±1}^(n/2) with the first sign fixed, B = A·X·D_δ (X swaps the two
 * halves, D_δ scales the columns of each pair by δ), the power traces tr(B^k), k ≤ n/2, by repeated matrix
 * products, and f = [λ^(n/2)] exp(Σ_k (tr B^k/(2k) + ½·v·B^(k−1)…) λ^k) as in The Walrus's {@code f} and
 * {@code f_loop}; haf = 2^-(n/2−1)·Σ (Π δ)·f over the 2^(n/2−1) sign vectors with δ_0 = −1 (The Walrus's
 * prefactors for repetitions 1). The Walrus pairs vertex i with i + n/2.
 * Work O(n⁴·2^(n/2)): a yardstick for {@code hafnian-cycles}, not a solver.
 */
public final class PlainPowerTrace {
    private PlainPowerTrace() {}

    /**
     * haf or lhaf of re + i·im (n even; for odd loop hafnians pad with a loop of weight 1 first).
     *
     * @return {re, im}
     */
    public static double[] value(double[][] re, double[][] im, boolean loop) {
        int n = re.length;
        if (n == 0) return new double[] {1, 0};
        int m = n / 2;
        // The Walrus pairs vertex i with i + m (x = edgesA + edgesB = 0..m−1, m..n−1 for reps all 1)
        double[] hr = new double[n * n], hi = new double[n * n];
        double[] br = new double[n * n], bi = new double[n * n], pr = new double[n * n], pi = new double[n * n];
        double[] tr = new double[n * n], ti = new double[n * n];
        double[] dr = new double[n], di = new double[n], xdr = new double[n], xdi = new double[n], vr = new double[n], vi = new double[n];
        double sumR = 0, sumI = 0;
        long steps = 1L << (m - 1);
        for (long j = 0; j < steps; j++) {
            // kept_edges digits (base 2) of j, first digit 0 → δ = −1, others 2k − 1
            int[] delta = new int[m];
            int ones = 0;
            for (int e = 0; e < m; e++) {
                int bit = e == 0 ? 0 : (int) ((j >>> (m - 1 - e)) & 1);
                ones += bit;
                delta[e] = 2 * bit - 1;
            }
            // AX_S = A[:, X]·δ: column c < m takes A[:, c + m]·δ_c, column c ≥ m takes A[:, c − m]·δ_{c−m}
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int src = c < m ? c + m : c - m;
                    int d = delta[c < m ? c : c - m];
                    br[r * n + c] = d * re[r][src];
                    bi[r * n + c] = im == null ? 0 : d * im[r][src];
                }
            }
            double[] traceR = new double[m + 1], traceI = new double[m + 1];
            System.arraycopy(br, 0, pr, 0, n * n);
            System.arraycopy(bi, 0, pi, 0, n * n);
            for (int k = 1; k <= m; k++) {
                if (k > 1) {
                    multiply(pr, pi, br, bi, tr, ti, n);
                    double[] s = pr;
                    pr = tr;
                    tr = s;
                    s = pi;
                    pi = ti;
                    ti = s;
                }
                for (int d = 0; d < n; d++) {
                    traceR[k] += pr[d * n + d];
                    traceI[k] += pi[d * n + d];
                }
            }
            double[] factorR = new double[m + 1], factorI = new double[m + 1];
            for (int k = 1; k <= m; k++) {
                factorR[k] = traceR[k] / (2 * k);
                factorI[k] = traceI[k] / (2 * k);
            }
            if (loop) {
                // XD_S = δ-scaled swapped diagonal, D_S = diagonal; factor_k += (XD_S·(AX_S)^(k−1)·D_S)/2
                for (int c = 0; c < n; c++) {
                    int src = c < m ? c + m : c - m;
                    int d = delta[c < m ? c : c - m];
                    xdr[c] = d * re[src][src];
                    xdi[c] = im == null ? 0 : d * im[src][src];
                    dr[c] = re[c][c];
                    di[c] = im == null ? 0 : im[c][c];
                }
                for (int k = 1; k <= m; k++) {
                    double sr = 0, si = 0;
                    for (int c = 0; c < n; c++) {
                        sr += xdr[c] * dr[c] - xdi[c] * di[c];
                        si += xdr[c] * di[c] + xdi[c] * dr[c];
                    }
                    factorR[k] += sr / 2;
                    factorI[k] += si / 2;
                    // XD_S = XD_S @ AX_S
                    for (int c = 0; c < n; c++) {
                        double ar = 0, ai = 0;
                        for (int r = 0; r < n; r++) {
                            ar += xdr[r] * br[r * n + c] - xdi[r] * bi[r * n + c];
                            ai += xdr[r] * bi[r * n + c] + xdi[r] * br[r * n + c];
                        }
                        vr[c] = ar;
                        vi[c] = ai;
                    }
                    System.arraycopy(vr, 0, xdr, 0, n);
                    System.arraycopy(vi, 0, xdi, 0, n);
                }
            }
            // f = [λ^m] exp(Σ factor_k λ^k): g_j = (1/j) Σ_k k·factor_k·g_{j−k}
            double[] gr = new double[m + 1], gi = new double[m + 1];
            gr[0] = 1;
            for (int q = 1; q <= m; q++) {
                double sr = 0, si = 0;
                for (int k = 1; k <= q; k++) {
                    double fr = k * factorR[k], fi = k * factorI[k];
                    sr += fr * gr[q - k] - fi * gi[q - k];
                    si += fr * gi[q - k] + fi * gr[q - k];
                }
                gr[q] = sr / q;
                gi[q] = si / q;
            }
            double prefac = (m - ones) % 2 == 0 ? 1.0 : -1.0; // (−1)^(m − kept) = Π δ; the first sign is fixed at −1
            sumR += prefac * gr[m];
            sumI += prefac * gi[m];
        }
        double scale = Math.scalb(1.0, -(m - 1));
        return new double[] {sumR * scale, sumI * scale};
    }

    /** c = a·b for n×n complex matrices in split re/im row-major arrays (i-k-j order). */
    private static void multiply(double[] ar, double[] ai, double[] br, double[] bi, double[] cr, double[] ci, int n) {
        java.util.Arrays.fill(cr, 0, n * n, 0);
        java.util.Arrays.fill(ci, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xr = ar[i * n + k], xi = ai[i * n + k];
                int row = k * n, out = i * n;
                for (int j = 0; j < n; j++) {
                    cr[out + j] += xr * br[row + j] - xi * bi[row + j];
                    ci[out + j] += xr * bi[row + j] + xi * br[row + j];
                }
            }
        }
    }
}
