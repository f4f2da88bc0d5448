package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;

/**
 * The values a completion must match: for MC1 the specified entries a on Ω, for MC2 the recomputed
 * (AAᵀ)|Ω. Values are exact integers over one common denominator, indexed by the entry index k of the
 * pattern: in {@code long}s when every MC1 value is a decimal whose numerator fits ({@link DecimalNumerators}; 8
 * bytes per entry, what lets 10^7 entries be checked in little memory), otherwise in BigIntegers. {@code diagonalConstrained} is false for an MC2 instance whose file did not list the
 * diagonal: then the diagonal positions of the pattern carry (AAᵀ)_ii only for scaling (tolerance mode)
 * and do not constrain the answer.
 */
final class Target {
    final Pattern omega;
    /** Numerators, or null when {@link #small} holds them. */
    private final BigInteger[] big;
    /** Numerators below 2^62 in magnitude, or null. */
    final long[] small;
    final BigInteger den;
    final boolean diagonalConstrained;

    private Target(Pattern omega, BigInteger[] big, long[] small, BigInteger den, boolean diagonalConstrained) {
        this.omega = omega;
        this.big = big;
        this.small = small;
        this.den = den;
        this.diagonalConstrained = diagonalConstrained;
    }

    static Target of(Mc1Instance inst) {
        DecimalNumerators dn = DecimalNumerators.of(inst.matrix().exactValues(), 62);
        if (dn != null) return new Target(inst.matrix().pattern(), null, dn.num, dn.den(), true);
        CommonDenominator cd = CommonDenominator.of(inst.matrix().exactValues());
        return new Target(inst.matrix().pattern(), cd.num, null, cd.den, true);
    }

    /** Numerator of entry k: the value is num(k) / den. */
    BigInteger num(int k) {
        return big != null ? big[k] : BigInteger.valueOf(small[k]);
    }

    /** (AAᵀ)_ij for every (i, j) of Ω, exactly: O(m·k) with k the number of columns of A. */
    static Target of(Mc2Instance inst) {
        Pattern p = inst.omega();
        Budget.require((double) p.m() * Math.max(1, inst.a().cols()), CompletionCheck.FACTOR_WORK_MAX, "recomputing (AAᵀ)|Ω (m·k multiply-adds)");
        ScaledRows a = new ScaledRows(inst.a());
        BigInteger[] num = new BigInteger[p.m()];
        for (int i = 0; i < p.n(); i++) {
            Budget.tick();
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) num[k] = a.dot(i, p.col(k));
        }
        return new Target(p, num, null, a.den.multiply(a.den), inst.omegaHasDiagonal());
    }

    int n() {
        return omega.n();
    }

    Rational value(int k) {
        return Rational.of(num(k), den);
    }

    /** True when position k (an entry of the pattern) is a constraint on the answer. */
    boolean constrains(int k) {
        return diagonalConstrained || omega.col(k) != omega.row(k);
    }

    /** True when (i, j) is a constrained position (either order). */
    boolean constrains(int i, int j) {
        if (i == j) return diagonalConstrained;
        return omega.contains(i, j);
    }

    /** max_i a_ii (the diagonal is always present in the pattern), the scale of the tolerance. */
    Rational maxDiagonal() {
        BigInteger best = null;
        for (int i = 0; i < n(); i++) {
            BigInteger v = num(omega.diagonalEntry(i));
            if (best == null || v.compareTo(best) > 0) best = v;
        }
        return best == null ? Rational.ZERO : Rational.of(best, den);
    }

    /** Σ_i a_ii. */
    Rational trace() {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < n(); i++) s = s.add(num(omega.diagonalEntry(i)));
        return Rational.of(s, den);
    }
}
