package mcs.solvers.mc2;

/**
 * The Burer–Monteiro objective f(F) = Σ_{(i,j)∈Ω constrained} w_ij ((FFᵀ)_ij + δ[i=j] − a_ij)², with w = 1 on
 * the diagonal and 2 off it, so that f is exactly ‖Δ‖_F² of the {@code factor} form (SPEC §2.1) for the
 * shift δ. F is n×r, row-major. Value and gradient in one pass over Ω: O(m·r) time, no extra memory.
 */
final class FactorObjective implements Lbfgs.Function {
    private final FitTarget target;
    private final int r;
    private final double delta;

    FactorObjective(FitTarget target, int r, double delta) {
        this.target = target;
        this.r = r;
        this.delta = delta;
    }

    @Override
    public double evaluate(double[] f, double[] g) {
        java.util.Arrays.fill(g, 0);
        double sum = 0;
        var omega = target.omega;
        double[] a = target.approx;
        for (int i = 0; i < omega.n(); i++) {
            int bi = i * r;
            for (int e = omega.rowStart(i); e < omega.rowEnd(i); e++) {
                int j = omega.col(e);
                if (i == j && !target.diagonalConstrained) continue;
                int bj = j * r;
                double d = 0;
                for (int c = 0; c < r; c++) d += f[bi + c] * f[bj + c];
                double res = d - a[e];
                if (i == j) {
                    res += delta;
                    sum += res * res;
                } else {
                    sum += 2 * res * res;
                }
                // d/dF_i of w·res² is 2w·res·F_j off the diagonal (w = 2) and 2·res·2F_i on it: 4·res either way.
                double coef = 4 * res;
                for (int c = 0; c < r; c++) {
                    g[bi + c] += coef * f[bj + c];
                    if (i != j) g[bj + c] += coef * f[bi + c];
                }
            }
        }
        return sum;
    }
}
