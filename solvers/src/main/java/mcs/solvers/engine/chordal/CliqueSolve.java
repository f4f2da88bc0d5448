package mcs.solvers.engine.chordal;

import mcs.solvers.mc1.chordal.MaxDetCompletion;

/**
 * The small dense solve of the max-determinant completion formulas (a clique block against its column):
 * Cholesky M = GGᵀ in place, then u = M⁻¹b by two triangular solves. Shared by {@link MaxDetCompletion}
 * (MC1) and the MC2 chordal max-det solver. Cost c³/3 + c² flops; floating point.
 */
public final class CliqueSolve {
    private CliqueSolve() {}

    /**
     * Solves M·u = b in place (b given in u, M's lower triangle in m, row-major c×c, overwritten by G) and
     * returns bᵀM⁻¹b = ‖G⁻¹b‖²; NaN when M is not positive definite (u is then undefined).
     */
    public static double solve(double[] m, double[] u, int c) {
        for (int j = 0; j < c; j++) {
            double d = m[j * c + j];
            for (int k = 0; k < j; k++) d -= m[j * c + k] * m[j * c + k];
            if (!(d > 0)) return Double.NaN;
            double root = Math.sqrt(d);
            m[j * c + j] = root;
            for (int i = j + 1; i < c; i++) {
                double x = m[i * c + j];
                for (int k = 0; k < j; k++) x -= m[i * c + k] * m[j * c + k];
                m[i * c + j] = x / root;
            }
        }
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
