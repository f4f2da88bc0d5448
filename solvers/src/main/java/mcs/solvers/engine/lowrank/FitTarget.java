package mcs.solvers.engine.lowrank;

import java.math.BigInteger;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.exact.ScaledValues;

/**
 * The values a factor answer X = FFᵀ + δI + Δ must match on Ω (SPEC §2.1, §2.3), indexed by the entry k of
 * the pattern: in double for the optimisation ({@code approx}) and exactly as {@code num(k) / den} for
 * the certificate check, the numerators in longs when the values are decimals that fit (8 bytes per entry; a
 * BigInteger each otherwise). For MC1 these are the specified a; for MC2 the Gram values (AAᵀ)|Ω. When
 * {@code diagonalConstrained} is false (an MC2 instance whose Ω omits the diagonal) the diagonal
 * positions are not constraints and their values only serve as a scale.
 */
public final class FitTarget {
    public final Pattern omega;
    public final double[] approx;
    /** Numerators, or null when {@link #small} holds them. */
    private final BigInteger[] big;
    /** Numerators below 2^62 in magnitude, or null. */
    final long[] small;
    final BigInteger den;
    public final boolean diagonalConstrained;

    private FitTarget(Pattern omega, double[] approx, BigInteger[] big, long[] small, BigInteger den, boolean diagonalConstrained) {
        this.omega = omega;
        this.approx = approx;
        this.big = big;
        this.small = small;
        this.den = den;
        this.diagonalConstrained = diagonalConstrained;
    }

    /** O(m): longs for decimal data, BigInteger conversions otherwise. */
    public static FitTarget of(Mc1Instance inst) {
        int[] exp = new int[1];
        long[] small = ScaledValues.decimalLongs(inst.matrix().exactValues(), 62, exp);
        if (small != null) {
            return new FitTarget(inst.matrix().pattern(), inst.matrix().approxValues(), null, small, BigInteger.TEN.pow(exp[0]), true);
        }
        ScaledValues sv = ScaledValues.of(inst.matrix().exactValues());
        return new FitTarget(inst.matrix().pattern(), inst.matrix().approxValues(), sv.num, null, sv.den, true);
    }

    /** Numerator of entry k: the value is num(k) / den. */
    BigInteger num(int k) {
        return big != null ? big[k] : BigInteger.valueOf(small[k]);
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
        return new FitTarget(p, approx, num, null, den, inst.omegaHasDiagonal());
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
