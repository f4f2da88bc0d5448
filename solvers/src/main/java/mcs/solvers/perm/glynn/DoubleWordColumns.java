package mcs.solvers.perm.glynn;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;

/**
 * A real matrix in two-word fixed point, for Glynn sums with exact column sums on input that the one-word
 * copy at exponent 51 cannot hold exactly, such as 53-bit doubles. The integers q_ij of
 * {@link FixedPointColumns} at column exponent {@value #EXPONENT} (column absolute sums in [2^97, 2^98))
 * are split as q = h·2^{@value #SPLIT} + l with |l| ≤ 2^46. Every signed sum of a column's h (below
 * 2^51 + n) and of its l (below n·2^46 ≤ 2^52 for n ≤ 62) is an integer that a double holds exactly, so the
 * column sum C_j = H_j·2^47 + L_j is kept exactly in two doubles, and a term uses it rounded once:
 * fl(H_j + L_j·2^-47) = fl(C_j·2^-47), relative error at most u, as the one-word copy's conversion has. The
 * {@code lo} words are stored already multiplied by 2^-47 (exact: a power of two), so that rounded sum is a
 * single addition.
 *
 * <p>Exists only when the quantisation at exponent 98 is exact: a 53-bit double entry is, when it is at
 * least about 2^-40 of its row's largest entry (uniform random doubles essentially always are). Cost: O(n²)
 * exact rational operations.
 *
 * @param hi the high words h_ij, row-major
 * @param lo the low words l_ij·2^-47, row-major
 * @param unit the exact factor from the Glynn sum of the scaled matrix to the permanent (column sums used
 *     as C_j·2^-98)
 */
record DoubleWordColumns(double[][] hi, double[][] lo, Rational unit) {
    /** Column exponent of the quantisation. */
    static final int EXPONENT = 98;
    /** Bit position of the split between the two words. */
    static final int SPLIT = 47;

    /** The two-word copy of a real matrix with no zero row or column, or null when it would not be exact. */
    static DoubleWordColumns of(PermInstance inst) {
        if (inst.isComplex()) return null;
        FixedPointColumns.Quantised z = FixedPointColumns.quantise(inst, EXPONENT);
        if (z.zero()) return null;
        for (double e : z.epsilon()) if (e != 0) return null;
        int n = inst.n();
        double[][] hi = new double[n][n];
        double[][] lo = new double[n][n];
        BigInteger half = BigInteger.ONE.shiftLeft(SPLIT - 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger q = z.re()[i][j];
                BigInteger h = q.add(half).shiftRight(SPLIT);
                BigInteger l = q.subtract(h.shiftLeft(SPLIT));
                hi[i][j] = h.longValueExact();
                lo[i][j] = Math.scalb((double) l.longValueExact(), -SPLIT);
            }
        }
        return new DoubleWordColumns(hi, lo, z.unit());
    }
}
