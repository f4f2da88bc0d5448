package mcs.solvers.engine.lowrank;

import java.math.BigInteger;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.exact.ScaledValues;

/**
 * The values a factor answer X = FFᵀ + δI + Δ must match on Ω (SPEC §2.1, §2.3), indexed by the entry k of
 * the pattern: in double for the optimisation ({@code approx}) and exactly as {@code num[k] / den} for
 * the certificate check. For MC1 these are the specified a; for MC2 the Gram values (AAᵀ)|Ω. When
 * {@code diagonalConstrained} is false (an MC2 instance whose Ω omits the diagonal) the diagonal
 * positions are not constraints and their values only serve as a scale.
 */
public final class FitTarget {
    public final Pattern omega;
    public final double[] approx;
    final BigInteger[] num;
    final BigInteger den;
    public final boolean diagonalConstrained;

    private FitTarget(Pattern omega, double[] approx, BigInteger[] num, BigInteger den, boolean diagonalConstrained) {
        this.omega = omega;
        this.approx = approx;
        this.num = num;
        this.den = den;
        this.diagonalConstrained = diagonalConstrained;
    }

    /** O(m) BigInteger conversions. */
    public static FitTarget of(Mc1Instance inst) {
        ScaledValues sv = ScaledValues.of(inst.matrix().exactValues());
        return new FitTarget(inst.matrix().pattern(), inst.matrix().approxValues().clone(), sv.num, sv.den, true);
    }

    /** (AAᵀ)_ij on every position of Ω, exactly (and its double): O(m·k), k the number of columns of A. */
    public static FitTarget of(Mc2Instance inst) {
        Pattern p = inst.omega();
        ScaledRows rows = new ScaledRows(inst.a());
        BigInteger den = rows.den.multiply(rows.den);
        double scale = 1 / den.doubleValue();
        double[] approx = new double[p.m()];
        BigInteger[] num = new BigInteger[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                num[e] = rows.dot(i, p.col(e));
                // Only the optimisation reads approx: a relative error of a few ulps is harmless.
                approx[e] = num[e].doubleValue() * scale;
            }
        }
        return new FitTarget(p, approx, num, den, inst.omegaHasDiagonal());
    }

    int n() {
        return omega.n();
    }

    /** True when entry e is a constraint on the answer. */
    boolean constrains(int e, int row) {
        return diagonalConstrained || omega.col(e) != row;
    }

    /** min_i of the diagonal target values (double). */
    public double minDiagonal() {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n(); i++) min = Math.min(min, approx[omega.diagonalEntry(i)]);
        return min;
    }
}
