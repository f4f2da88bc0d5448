package mcs.bench.lowrank;

import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.lowrank.FactorObjective;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.lowrank.Lbfgs;

/**
 * The baseline of {@link FactorObjectiveBench}: the sequential Burer–Monteiro pass as it was before the edges were
 * grouped by column block (main at 2895273): pattern order, one dot with a single accumulator per pair, the
 * residual added to both gradient rows. Same value and gradient as {@link FactorObjective} up to rounding.
 */
final class PatternOrderObjective implements Lbfgs.Function {
    private final FitTarget target;
    private final int r;
    private final double delta;

    PatternOrderObjective(FitTarget target, int r, double delta) {
        this.target = target;
        this.r = r;
        this.delta = delta;
    }

    @Override
    public double evaluate(double[] f, double[] g) {
        Pattern omega = target.omega;
        double[] a = target.approx;
        int r = this.r;
        java.util.Arrays.fill(g, 0);
        double sum = 0;
        for (int i = 0; i < omega.n(); i++) {
            int bi = i * r;
            int end = omega.rowEnd(i) - 1;
            for (int e = omega.rowStart(i); e < end; e++) {
                int bj = omega.col(e) * r;
                double d = 0;
                for (int c = 0; c < r; c++) d += f[bi + c] * f[bj + c];
                double x = d - a[e];
                sum += 2 * x * x;
                double coef = 4 * x;
                for (int c = 0; c < r; c++) {
                    g[bi + c] += coef * f[bj + c];
                    g[bj + c] += coef * f[bi + c];
                }
            }
            if (target.diagonalConstrained) {
                double d = 0;
                for (int c = 0; c < r; c++) d += f[bi + c] * f[bi + c];
                double x = d + delta - a[end];
                sum += x * x;
                double coef = 4 * x;
                for (int c = 0; c < r; c++) g[bi + c] += coef * f[bi + c];
            }
        }
        return sum;
    }
}
