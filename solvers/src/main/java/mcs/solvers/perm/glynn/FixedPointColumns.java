package mcs.solvers.perm.glynn;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;

/**
 * A real or complex matrix turned into integer columns for floating-point Glynn sums whose column sums are
 * exact, with every scaling done in log space (powers of two and row denominators), so that nothing
 * overflows or underflows however large or small the entries are.
 *
 * <p><b>Rows.</b> Row i is multiplied by d_i: the LCM of its denominators times a power of two when that
 * makes every entry an integer of at most b bits, else a power of two alone; either way the row's largest
 * entry ends in [2^(b−1), 2^b), so that all rows have comparable size. b = max(53, e − 7) for column
 * exponent e: 53 for the one-word and {@code long} copies (integers and short decimals), 91 for the
 * two-word copy, where it keeps 17-digit decimals (the usual text form of a double) exact
 * (unbalanced rows make the Glynn sum cancel badly). perm(DA) = Π d_i·perm(A).
 *
 * <p><b>Columns.</b> Column j of the scaled rows y_ij is multiplied by 2^t_j so that its absolute sum
 * Y_j = Σ_i (|Re y_ij| + |Im y_ij|) lies in [2^59, 2^60), then rounded to the nearest integers q_ij. Every
 * signed column sum Σ_i δ_i q_ij then has absolute value below 2^61 and is computed exactly in a
 * {@code long}. The rounding residual of column j is e_j = Σ_i |y_ij·2^t_j − q_ij| (for complex entries
 * |Re| + |Im|), zero whenever the scaled entries are integers, as they are for integer and short decimal
 * input. In the floating-point sum a column sum C_j is used as C_j·2^-60 (|·| &lt; 2), so the residual enters
 * as {@link #epsilon()}[j] = e_j·2^-60, rounded up.
 *
 * <p>The Glynn sum G of the doubles C_j·2^-60 relates to the permanent by perm(A) = G·{@link #unit()} with
 * unit = 2^(60n − Σ t_j − (n−1)) / Π d_i (exact). Cost: O(n²) exact rational operations.
 *
 * @param re real parts q_ij, row-major
 * @param im imaginary parts, or null for real input
 * @param epsilon column residuals e_j·2^-60, rounded up (all zero when the quantisation is exact)
 * @param unit the exact factor from the Glynn sum of the scaled matrix to the permanent
 * @param zero true when a row or column is entirely zero (the permanent is 0)
 */
record FixedPointColumns(long[][] re, long[][] im, double[] epsilon, Rational unit, boolean zero) {
    /** Scale of the column sums in the floating-point products: C_j is used as C_j·2^-60. */
    static final int COLUMN_EXPONENT = 60;
    private static final int ROW_BITS = 53;

    int n() {
        return re.length;
    }

    boolean exactColumns() {
        for (double e : epsilon) if (e != 0) return false;
        return true;
    }

    static FixedPointColumns of(PermInstance inst) {
        return of(inst, COLUMN_EXPONENT);
    }

    /**
     * The same with column sums Y_j·2^t_j in [2^(e−1), 2^e) and sums used as C_j·2^-e; e = 51 keeps every
     * signed column sum below 2^52, exact in a double (the one-word columns of {@link GlynnBlock}).
     */
    static FixedPointColumns of(PermInstance inst, int columnExponent) {
        Quantised z = quantise(inst, columnExponent);
        return new FixedPointColumns(longs(z.re()), z.im() == null ? null : longs(z.im()), z.epsilon(), z.unit(), z.zero());
    }

    /** The integers q_ij as doubles (exact for the one-word copy at exponent 51: |q_ij| &lt; 2^51). */
    static double[][] asDoubles(long[][] q) {
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = new double[q[i].length];
            for (int j = 0; j < q[i].length; j++) out[i][j] = q[i][j];
        }
        return out;
    }

    private static long[][] longs(BigInteger[][] q) {
        long[][] out = new long[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = new long[q[i].length];
            for (int j = 0; j < q[i].length; j++) out[i][j] = q[i][j].longValueExact();
        }
        return out;
    }

    /** The integers q_ij of the class comment for any column exponent (unbounded), with residuals, unit and zero flag. */
    record Quantised(BigInteger[][] re, BigInteger[][] im, double[] epsilon, Rational unit, boolean zero) {}

    static Quantised quantise(PermInstance inst, int columnExponent) {
        int n = inst.n();
        boolean complex = inst.isComplex();
        Rational[][] yr = new Rational[n][n];
        Rational[][] yi = complex ? new Rational[n][n] : null;
        Rational unit = Rational.ONE;
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            Rational d = rowFactor(inst, i, Math.max(ROW_BITS, columnExponent - 7));
            if (d == null) {
                zero = true;
                d = Rational.ONE;
            }
            unit = unit.divide(d);
            for (int j = 0; j < n; j++) {
                yr[i][j] = inst.re().get(i, j).multiply(d);
                if (complex) yi[i][j] = inst.im().get(i, j).multiply(d);
            }
        }
        BigInteger[][] qr = new BigInteger[n][n];
        BigInteger[][] qi = complex ? new BigInteger[n][n] : null;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(qr[i], BigInteger.ZERO);
            if (complex) java.util.Arrays.fill(qi[i], BigInteger.ZERO);
        }
        double[] eps = new double[n];
        int shift = columnExponent * n - Math.max(0, n - 1);
        for (int j = 0; j < n; j++) {
            Rational sum = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(yr[i][j].abs());
                if (complex) sum = sum.add(yi[i][j].abs());
            }
            if (sum.isZero()) {
                zero = true;
                continue;
            }
            int t = columnExponent - 1 - floorLog2(sum);
            shift -= t;
            Rational scale = pow2(t);
            Rational residual = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                Rational x = yr[i][j].multiply(scale);
                qr[i][j] = nearest(x);
                residual = residual.add(x.subtract(Rational.of(qr[i][j])).abs());
                if (complex) {
                    Rational y = yi[i][j].multiply(scale);
                    qi[i][j] = nearest(y);
                    residual = residual.add(y.subtract(Rational.of(qi[i][j])).abs());
                }
            }
            eps[j] = residual.isZero() ? 0 : Math.nextUp(residual.multiply(pow2(-columnExponent)).toDouble());
        }
        return new Quantised(qr, qi, eps, unit.multiply(pow2(shift)), zero);
    }

    /** d_i of the class comment, or null for an all-zero row. */
    private static Rational rowFactor(PermInstance inst, int i, int rowBits) {
        int n = inst.n();
        BigInteger lcm = BigInteger.ONE;
        Rational max = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            Rational a = inst.re().get(i, j);
            lcm = lcm(lcm, a.denominator());
            max = max.max(a.abs());
            if (inst.isComplex()) {
                Rational b = inst.im().get(i, j);
                lcm = lcm(lcm, b.denominator());
                max = max.max(b.abs());
            }
        }
        if (max.isZero()) return null;
        Rational byLcm = Rational.of(lcm);
        Rational top = max.multiply(byLcm);
        // Integer rows are then shifted left (still integers) so that every row's largest entry lies in
        // [2^(b-1), 2^b): rows of very different size would make the Glynn sum cancel catastrophically.
        // With b = e - 7 and n <= 62 a column's absolute sum stays below 2^(e-1), so the column scaling
        // shifts left and the integers stay exact.
        if (top.compareTo(pow2(rowBits)) < 0) return byLcm.multiply(pow2(rowBits - 1 - floorLog2(top)));
        return pow2(rowBits - 1 - floorLog2(max));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return b.equals(BigInteger.ONE) ? a : a.divide(a.gcd(b)).multiply(b);
    }

    /** ⌊log₂ x⌋ for x &gt; 0, exactly. */
    static int floorLog2(Rational x) {
        BigInteger p = x.numerator();
        BigInteger q = x.denominator();
        int k = p.bitLength() - q.bitLength();
        // 2^k ≤ x ⇔ p ≥ q·2^k (shifts on the appropriate side keep it integral)
        boolean atLeast = k >= 0 ? p.compareTo(q.shiftLeft(k)) >= 0 : p.shiftLeft(-k).compareTo(q) >= 0;
        return atLeast ? k : k - 1;
    }

    static Rational pow2(int k) {
        return k >= 0 ? Rational.of(BigInteger.ONE.shiftLeft(k)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(-k));
    }

    /** Nearest integer (ties away from zero). */
    private static BigInteger nearest(Rational x) {
        BigInteger twice = x.numerator().shiftLeft(1).add(x.denominator().multiply(BigInteger.valueOf(x.signum())));
        return twice.divide(x.denominator().shiftLeft(1));
    }
}
