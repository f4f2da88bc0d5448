package mcs.solvers.engine.chordal;

import mcs.solvers.engine.dense.PlainCholesky;

/**
 * The small dense solve of the max-determinant completion formulas (a clique block against its column):
 * Cholesky M = GGᵀ in place, then u = M⁻¹b by two triangular solves. Shared by the MC1 max-det completion
 * ({@code mc1.chordal.MaxDetCompletion}) and the MC2 chordal max-det solver. Cost c³/3 + c² flops; floating point.
 */
public final class CliqueSolve {
    private CliqueSolve() {}

    /**
     * Solves M·u = b in place (b given in u, M's lower triangle in m, row-major c×c, overwritten by G) and
     * returns bᵀM⁻¹b = ‖G⁻¹b‖²; NaN when M is not positive definite (u is then undefined).
     */
    public static double solve(double[] m, double[] u, int c) {
        if (PlainCholesky.factor(m, c, null) >= 0) return Double.NaN;
        double quad = 0;
        for (int i = 0; i < c; i++) {
            double x = u[i];
            for (int k = 0; k < i; k++) x -= m[i * c + k] * u[k];
            u[i] = x / m[i * c + i];
            quad += u[i] * u[i];
        }
        for (int i = c - 1; i >= 0; i--) {
            double x = u[i];
            for (int k = i + 1; k < c; k++) x -= m[k * c + i] * u[k];
            u[i] = x / m[i * c + i];
        }
        return quad;
    }
}
