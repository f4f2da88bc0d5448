package mcs.solvers.mc1.firstorder;

import java.util.SplittableRandom;

/**
 * Matrix multiplicative weights (mirror descent with the von Neumann entropy) for the margin problem on the
 * spectraplex: find X ⪰ 0, tr X = n(1 − ε), with P_Ω(X) = b − εI.
 *
 * <p>The iterate is X_t = n(1 − ε)·exp(−S_t)/tr exp(−S_t), where the exponent S_t lives on Ω: it is the sum of
 * the normalised past gradients η·G_s/‖G_s‖_F, G_s = P_Ω(X_s) − (b − εI) (Arora–Kale). X_t is never formed: its
 * Ω-entries are estimated from the sketch Y = exp(−S_t/2)·Γ with k Gaussian columns Γ (seeded), each column a
 * Lanczos exponential-vector product of {@value #EXP_STEPS} steps, as P_Ω(X_t) ≈ n(1 − ε)·P_Ω(YYᵀ)/‖Y‖²_F. The
 * Gaussian sketch has relative noise about 1/√k on every entry, which limits the accuracy MMW can reach (ε ≳ 1/√k);
 * the caller doubles k ({@link #widen}) when the accuracy stops improving, so reaching ε costs k ≈ 1/ε² columns.
 *
 * <p>Duality: ⟨S_t, b⟩ − n·λmin(S_t) &lt; 0 makes S_t − λmin(S_t)I a NO witness, and the regret bound of MMW
 * forces this after poly(n/dist²) steps on a NO instance; on a YES instance with margin the sketched X_t tends
 * to a completion of b − εI. Cost per step: k·{@value #EXP_STEPS} products with S_t (O(m) each) plus O(m·k) for
 * P_Ω(YYᵀ); memory O(n·k + m).
 */
final class MultiplicativeWeights {
    static final int EXP_STEPS = 30;

    final ScaledInstance p;
    final double epsilon;
    final double eta;
    /** Sketch columns; {@link #widen} doubles them when the sketch noise is what limits the accuracy. */
    int k;
    final double[] exponent;
    final double[] target;
    /** The sketch factor of the current iterate, row-major n×k, scaled so that ‖Y‖²_F = n(1 − ε). */
    double[] sketch;
    /** G = P_Ω(X) − (b − εI) at the current iterate. */
    final double[] gradient;
    double gradientNorm = Double.POSITIVE_INFINITY;
    int steps;
    private final SplittableRandom rng;

    MultiplicativeWeights(ScaledInstance p, double epsilon, double eta, int k, long seed) {
        this.p = p;
        this.epsilon = epsilon;
        this.eta = eta;
        this.k = k;
        this.exponent = new double[p.m];
        this.target = new double[p.m];
        for (int t = 0; t < p.m; t++) target[t] = p.b[t] - (p.diagonal(t) ? epsilon : 0);
        this.sketch = new double[p.n * k];
        this.gradient = new double[p.m];
        this.rng = new SplittableRandom(seed);
    }

    /** Doubles the sketch (at most n columns; n means exact): the estimate's noise falls like 1/√k. */
    void widen() {
        k = Math.min(p.n, 2 * k);
        sketch = new double[p.n * k];
    }

    /** One MMW step: sketch X_t, form G_t, and move the exponent. */
    void step() {
        int n = p.n;
        Lanczos lz = new Lanczos(n, (x, y) -> p.multiply(exponent, x, y));
        double total = 0;
        double[] g = new double[n];
        for (int c = 0; c < k; c++) {
            // k = n: the identity's columns, so YYᵀ = exp(−S) exactly (up to Lanczos accuracy) and the gradient has no sketch noise.
            for (int i = 0; i < n; i++) g[i] = k == n ? (i == c ? 1 : 0) : NearestCompletion.gaussian(rng);
            double[] y = lz.expTimes(g, 0.5, EXP_STEPS, false);
            for (int i = 0; i < n; i++) {
                sketch[i * k + c] = y[i];
                total += y[i] * y[i];
            }
        }
        double scale = Math.sqrt(n * (1 - epsilon) / total);
        for (int t = 0; t < sketch.length; t++) sketch[t] *= scale;
        double norm2 = 0;
        for (int t = 0; t < p.m; t++) {
            int i = p.row[t] * k, j = p.col[t] * k;
            double dot = 0;
            for (int c = 0; c < k; c++) dot += sketch[i + c] * sketch[j + c];
            gradient[t] = dot - target[t];
            norm2 += p.weight(t) * gradient[t] * gradient[t];
        }
        gradientNorm = Math.sqrt(norm2);
        if (gradientNorm > 0) for (int t = 0; t < p.m; t++) exponent[t] += eta * gradient[t] / gradientNorm;
        steps++;
    }
}
