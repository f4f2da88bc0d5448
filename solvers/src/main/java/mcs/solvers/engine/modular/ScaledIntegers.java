package mcs.solvers.engine.modular;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * A rational (possibly complex) square matrix turned into integers by scaling, so that permanent and
 * hafnian sums run in integer arithmetic and divide once at the end.
 *
 * <p>Row scaling multiplies row i by the LCM d_i of the denominators in that row (real and imaginary
 * parts together): perm(DA) = (Π d_i)·perm(A). Uniform scaling multiplies every entry by the LCM L of
 * all denominators: haf(L·A) = L^{n/2}·haf(A), which keeps a symmetric matrix symmetric.
 *
 * @param re integer real parts of the scaled matrix
 * @param im integer imaginary parts, or null for real input
 * @param divisor what the integer result must be divided by (Π d_i, or L^{n/2})
 */
public record ScaledIntegers(BigInteger[][] re, BigInteger[][] im, BigInteger divisor) {

    /** Row scaling for permanents. O(n²) gcd operations. */
    public static ScaledIntegers byRows(PermInstance inst) {
        int n = inst.n();
        BigInteger[][] re = new BigInteger[n][n];
        BigInteger[][] im = inst.isComplex() ? new BigInteger[n][n] : null;
        BigInteger divisor = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger d = BigInteger.ONE;
            for (int j = 0; j < n; j++) {
                d = lcm(d, inst.re().get(i, j).denominator());
                if (im != null) d = lcm(d, inst.im().get(i, j).denominator());
            }
            for (int j = 0; j < n; j++) {
                re[i][j] = scale(inst.re().get(i, j), d);
                if (im != null) im[i][j] = scale(inst.im().get(i, j), d);
            }
            divisor = divisor.multiply(d);
        }
        return new ScaledIntegers(re, im, divisor);
    }

    /** Uniform scaling for hafnians (n even). O(n²) gcd operations. */
    public static ScaledIntegers uniform(PermInstance inst) {
        int n = inst.n();
        BigInteger l = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l = lcm(l, inst.re().get(i, j).denominator());
                if (inst.isComplex()) l = lcm(l, inst.im().get(i, j).denominator());
            }
        }
        BigInteger[][] re = new BigInteger[n][n];
        BigInteger[][] im = inst.isComplex() ? new BigInteger[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = scale(inst.re().get(i, j), l);
                if (im != null) im[i][j] = scale(inst.im().get(i, j), l);
            }
        }
        return new ScaledIntegers(re, im, l.pow(n / 2));
    }

    public int n() {
        return re.length;
    }

    /** Largest |entry| over real and imaginary parts. */
    public BigInteger maxAbs() {
        BigInteger m = BigInteger.ZERO;
        for (int i = 0; i < re.length; i++) {
            for (int j = 0; j < re.length; j++) {
                m = m.max(re[i][j].abs());
                if (im != null) m = m.max(im[i][j].abs());
            }
        }
        return m;
    }

    /** Canonical text of (sumRe + i·sumIm)/divisor: a rational, or {@link ComplexValue} text for complex input. */
    public String valueText(BigInteger sumRe, BigInteger sumIm) {
        Rational r = Rational.of(sumRe, divisor);
        if (im == null) return r.toString();
        return new ComplexValue(r, Rational.of(sumIm, divisor)).toString();
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        if (b.equals(BigInteger.ONE)) return a;
        return a.divide(a.gcd(b)).multiply(b);
    }

    private static BigInteger scale(Rational x, BigInteger d) {
        return x.numerator().multiply(d.divide(x.denominator()));
    }

    /** Whether the matrix is square of order n and its parts are exactly symmetric. */
    public static boolean symmetric(PermInstance inst) {
        RationalMatrix re = inst.re();
        return re.isSymmetric() && (inst.im() == null || inst.im().isSymmetric());
    }
}
