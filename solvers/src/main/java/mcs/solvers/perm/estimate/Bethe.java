package mcs.solvers.perm.estimate;

/**
 * The Bethe permanent of a nonnegative matrix by belief propagation in its Sinkhorn form, with bounds.
 *
 * <p>perm_B(A) = exp(−min_γ F_B(γ)) over doubly stochastic γ supported on supp(A), where
 * F_B(γ) = Σ γ_ij log(γ_ij/a_ij) − Σ (1−γ_ij) log(1−γ_ij). A stationary point satisfies
 * γ_ij(1−γ_ij) = a_ij·x_i·y_j, i.e. γ is the Sinkhorn scaling of a_ij/(1−γ_ij): we iterate that map from
 * the Sinkhorn scaling of A, averaging successive iterates (damping ½; averages of doubly stochastic
 * matrices stay doubly stochastic) until they move by less than 1e-12.
 *
 * <p>Bounds: perm(A) ≥ perm_B(A) (Gurvits 2011, from Schrijver's inequality) ≥ exp(−F_B(γ)) for every
 * doubly stochastic γ: we use the final γ when it is doubly stochastic within 1e-12, else the Sinkhorn
 * scaling of A (when the optimum is on the boundary of the polytope, scaling converges too slowly to use γ); perm(A) ≤ 2^{n/2}·perm_B(A) (Anari–Rezaei 2018), and
 * perm_B(A) ≤ exp(−F_B(γ) + g), g = Σ∇F·γ − min_σ Σ_i ∇F_{iσ(i)} the Frank–Wolfe gap, valid because F_B is
 * convex on the Birkhoff polytope (Vontobel 2013); the upper bound is capped by the capacity bound of
 * {@link Sinkhorn}. All in floating point (not certificates). perm_B is not exact on cycles: on 2×2
 * matrices F_B is linear along the polytope and perm_B = max(a₁₁a₂₂, a₁₂a₂₁).
 * Cost: O(outer · inner · n²) plus one O(n³) assignment.
 */
final class Bethe {
    /**
     * @param logValue log exp(−F_B(γ)), the estimate of log perm_B
     * @param logLower a lower bound on log perm(A): from γ when it is doubly stochastic within 1e-12, else
     *     the Sinkhorn–Schrijver bound of A (−∞ when neither scaling converged)
     */
    record Result(double logValue, double logLower, double logUpper, int iterations, double gap) {}

    /** Sinkhorn sweeps per BP step; later steps start close to their fixed point and need few. */
    private static final int INNER_SWEEPS = 500;

    private Bethe() {}

    /** Requires a nonnegative a whose support has a perfect matching; {@code tick} is called often (deadline checks). */
    static Result compute(double[][] a, int maxIterations, double tol, Runnable tick) {
        int n = a.length;
        double[][] g = Sinkhorn.scale(a, INNER_SWEEPS, 1e-13, tick).b();
        double[][] m = new double[n][n];
        int it = 0;
        for (; it < maxIterations; it++) {
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = a[i][j] / Math.max(1 - g[i][j], 1e-300);
            tick.run();
            double[][] next = Sinkhorn.scale(m, INNER_SWEEPS, 1e-13, tick).b();
            double move = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                double v = 0.5 * (g[i][j] + next[i][j]);
                move = Math.max(move, Math.abs(v - g[i][j]));
                g[i][j] = v;
            }
            if (move < tol) break;
        }
        // The last BP step may leave γ off the polytope when the optimum is on its boundary (slow inner
        // scaling); rescaling γ itself restores the row and column sums that the lower bound needs.
        g = Sinkhorn.scale(g, 20_000, 1e-14, tick).b();
        double f = freeEnergy(a, g);
        double gap = frankWolfeGap(a, g);
        // When the optimum lies on the boundary of the polytope the gap converges slowly; the capacity bound
        // perm ≤ Π_i (Ax)_i/Π_j x_j (see Sinkhorn) then caps the upper bound.
        Sinkhorn.Scaling plain = Sinkhorn.scale(a, 20_000, 1e-13, tick);
        double capUpper = Sinkhorn.logUpper(a, plain.c()) + 1e-9;
        double devBp = Sinkhorn.deviation(g), devPlain = Sinkhorn.deviation(plain.b());
        double lower = Double.NEGATIVE_INFINITY;
        if (devBp <= 1e-12) lower = -f - Sinkhorn.slack(n, devBp);
        if (devPlain <= 1e-12) lower = Math.max(lower, -freeEnergy(a, plain.b()) - Sinkhorn.slack(n, devPlain));
        return new Result(-f, lower, Math.min(-f + gap + 0.5 * n * Math.log(2) + Sinkhorn.slack(n, devBp), capUpper), it, gap);
    }

    static double freeEnergy(double[][] a, double[][] g) {
        double f = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) {
            double v = g[i][j];
            if (v > 0) f += v * Math.log(v / a[i][j]);
            if (v < 1) f -= (1 - v) * Math.log1p(-v);
        }
        return f;
    }

    private static double frankWolfeGap(double[][] a, double[][] g) {
        int n = a.length;
        double[][] grad = new double[n][n];
        double max = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            if (a[i][j] == 0) continue;
            double v = Math.min(Math.max(g[i][j], 1e-300), 1 - 1e-16);
            grad[i][j] = Math.log(v / a[i][j]) + Math.log1p(-v);
            max = Math.max(max, Math.abs(grad[i][j]));
        }
        double forbidden = 1e6 * (1 + max) * n;
        double inner = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            if (a[i][j] == 0) grad[i][j] = forbidden;
            else inner += grad[i][j] * g[i][j];
        }
        int[] s = Assignment.minimise(grad);
        double best = 0;
        for (int i = 0; i < n; i++) best += grad[i][s[i]];
        return Math.max(0, inner - best);
    }
}
