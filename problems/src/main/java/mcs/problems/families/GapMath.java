package mcs.problems.families;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Exact and floating-point helpers of the gap families: decimal roundings of square roots, the shortest
 * decimal in an interval, an exact PSD test and an exact null vector for small dense blocks, and Jacobi
 * eigenpairs (double) that only guide the choice of rationals, never decide a claim.
 */
final class GapMath {
    private GapMath() {}

    /** 10^d as a BigInteger. */
    static BigInteger pow10(int d) {
        return BigInteger.TEN.pow(d);
    }

    /** floor(x·10^d)/10^d. */
    static Rational floorDecimal(Rational x, int d) {
        BigInteger s = pow10(d);
        return Rational.of(floorDiv(x.numerator().multiply(s), x.denominator()), s);
    }

    /** ceil(x·10^d)/10^d. */
    static Rational ceilDecimal(Rational x, int d) {
        return floorDecimal(x.negate(), d).negate();
    }

    /** floor(√x·10^d)/10^d for x ≥ 0, exact. */
    static Rational sqrtFloor(Rational x, int d) {
        if (x.signum() < 0) throw new IllegalArgumentException("square root of a negative number");
        BigInteger s = pow10(d);
        BigInteger inside = x.numerator().multiply(s.pow(2)).divide(x.denominator());
        return Rational.of(inside.sqrt(), s);
    }

    /** ceil(√x·10^d)/10^d for x ≥ 0, exact. */
    static Rational sqrtCeil(Rational x, int d) {
        Rational f = sqrtFloor(x, d);
        return f.square().compareTo(x) >= 0 ? f : f.add(Rational.of(BigInteger.ONE, pow10(d)));
    }

    /** The smallest decimal with the fewest digits in the closed interval [lo, hi] (lo ≤ hi). */
    static Rational shortestDecimalIn(Rational lo, Rational hi) {
        if (lo.compareTo(hi) > 0) throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        for (int d = 0; ; d++) {
            Rational c = ceilDecimal(lo, d);
            if (c.compareTo(hi) <= 0) return c;
        }
    }

    /** Decimal digits that resolve ε to a relative {@code 10^-extra}: ⌈−log10 ε⌉ + extra. */
    static int digitsFor(Rational eps, int extra) {
        return Math.max(1, (int) Math.ceil(-Math.log10(eps.toDouble())) + extra);
    }

    private static BigInteger floorDiv(BigInteger p, BigInteger q) {
        BigInteger[] qr = p.divideAndRemainder(q);
        return p.signum() < 0 && qr[1].signum() != 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /**
     * Exact PSD test of a small dense symmetric matrix (not modified): the entries are brought to one
     * denominator, then fraction-free (Bareiss) symmetric elimination pivots on positive diagonal entries,
     * whose Schur complements stay integral; a negative diagonal means not PSD, and when only zero
     * diagonals remain the rest must vanish. O(s³) integer operations.
     */
    static boolean isPsd(Rational[][] m) {
        int s = m.length;
        BigInteger den = BigInteger.ONE;
        for (Rational[] row : m) for (Rational x : row) den = den.divide(den.gcd(x.denominator())).multiply(x.denominator());
        BigInteger[][] a = new BigInteger[s][s];
        for (int i = 0; i < s; i++) for (int j = 0; j < s; j++) a[i][j] = m[i][j].numerator().multiply(den.divide(m[i][j].denominator()));
        boolean[] done = new boolean[s];
        BigInteger prev = BigInteger.ONE;
        for (int step = 0; step < s; step++) {
            int p = -1;
            for (int i = 0; i < s; i++) {
                if (done[i]) continue;
                int sg = a[i][i].signum();
                if (sg < 0) return false;
                if (sg > 0 && p < 0) p = i;
            }
            if (p < 0) {
                for (int i = 0; i < s; i++) for (int j = 0; j < s; j++) if (!done[i] && !done[j] && a[i][j].signum() != 0) return false;
                return true;
            }
            done[p] = true;
            BigInteger piv = a[p][p];
            for (int i = 0; i < s; i++) {
                if (done[i]) continue;
                for (int j = 0; j < s; j++) {
                    if (done[j]) continue;
                    a[i][j] = a[i][j].multiply(piv).subtract(a[i][p].multiply(a[p][j])).divide(prev);
                }
            }
            prev = piv;
        }
        return true;
    }

    /** vᵀ·a·v for a dense symmetric a and an integer vector v. */
    static Rational quadratic(Rational[][] a, BigInteger[] v) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < v.length; i++) {
            if (v[i].signum() == 0) continue;
            for (int j = 0; j < v.length; j++) if (v[j].signum() != 0) s = s.add(a[i][j].multiply(Rational.of(v[i].multiply(v[j]))));
        }
        return s;
    }

    /** |v|² of an integer vector. */
    static BigInteger norm2(BigInteger[] v) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger x : v) s = s.add(x.multiply(x));
        return s;
    }

    /**
     * A nonzero integer vector v with M·v = 0, for a rational matrix M with more columns than rows (so one
     * exists): reduced row echelon form, the first free column set to 1, entries scaled to coprime integers.
     */
    static BigInteger[] nullVector(Rational[][] m) {
        int rows = m.length, cols = m[0].length;
        if (cols <= rows) throw new IllegalArgumentException("nullVector needs more columns than rows");
        Rational[][] a = new Rational[rows][];
        for (int i = 0; i < rows; i++) a[i] = m[i].clone();
        int[] pivotCol = new int[rows];
        boolean[] isPivot = new boolean[cols];
        int r = 0;
        for (int c = 0; c < cols && r < rows; c++) {
            int p = -1;
            for (int i = r; i < rows; i++) if (!a[i][c].isZero()) p = i;
            if (p < 0) continue;
            Rational[] t = a[p];
            a[p] = a[r];
            a[r] = t;
            Rational inv = a[r][c].reciprocal();
            for (int j = 0; j < cols; j++) a[r][j] = a[r][j].multiply(inv);
            for (int i = 0; i < rows; i++) {
                if (i == r || a[i][c].isZero()) continue;
                Rational f = a[i][c];
                for (int j = 0; j < cols; j++) a[i][j] = a[i][j].subtract(f.multiply(a[r][j]));
            }
            pivotCol[r] = c;
            isPivot[c] = true;
            r++;
        }
        int free = 0;
        while (isPivot[free]) free++;
        Rational[] x = new Rational[cols];
        java.util.Arrays.fill(x, Rational.ZERO);
        x[free] = Rational.ONE;
        for (int i = 0; i < r; i++) x[pivotCol[i]] = a[i][free].negate();
        BigInteger lcm = BigInteger.ONE;
        for (Rational v : x) lcm = lcm.divide(lcm.gcd(v.denominator())).multiply(v.denominator());
        BigInteger[] out = new BigInteger[cols];
        BigInteger g = BigInteger.ZERO;
        for (int j = 0; j < cols; j++) {
            out[j] = x[j].numerator().multiply(lcm.divide(x[j].denominator()));
            g = g.gcd(out[j]);
        }
        for (int j = 0; j < cols; j++) out[j] = out[j].divide(g);
        return out;
    }

    /**
     * Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (double), with the eigenvectors as
     * the columns of {@code vectors} (s×s, overwritten). Accurate to a few ulps of the norm; used only to
     * choose rationals that exact tests then confirm.
     */
    static double[] eigen(double[][] sym, double[][] vectors) {
        int s = sym.length;
        double[][] a = new double[s][];
        for (int i = 0; i < s; i++) a[i] = sym[i].clone();
        for (int i = 0; i < s; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, norm = 0;
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    norm += a[i][j] * a[i][j];
                    if (i != j) off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * norm || off == 0) break;
            for (int p = 0; p < s; p++) {
                for (int q = p + 1; q < s; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                    for (int k = 0; k < s; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - sn * akq;
                        a[k][q] = sn * akp + c * akq;
                    }
                    for (int k = 0; k < s; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - sn * aqk;
                        a[q][k] = sn * apk + c * aqk;
                    }
                    for (int k = 0; k < s; k++) {
                        double vkp = vectors[k][p], vkq = vectors[k][q];
                        vectors[k][p] = c * vkp - sn * vkq;
                        vectors[k][q] = sn * vkp + c * vkq;
                    }
                }
            }
        }
        double[] ev = new double[s];
        for (int i = 0; i < s; i++) ev[i] = a[i][i];
        return ev;
    }
}
