package mcs.solvers.mc1.cliquesum;

import java.math.BigInteger;
import java.util.Arrays;
import mcs.problems.exact.Rational;

/**
 * Rounding to numbers ±2^e·3^i·5^j with 0 ≤ i, j ≤ {@value #K}: exact rationals whose odd parts come from a
 * fixed finite set, so that products and quotients of such numbers by dyadics stay of bounded size. The
 * (K+1)² values of frac(i·log₂3 + j·log₂5) cut [0, 1) into gaps of about 1/(K+1)², so the relative rounding
 * error is about 3e-5. Cost: O(K² log K) once, O(log K) per rounding.
 */
final class SmoothNumbers {
    static final int K = 120;
    private static final double LOG3 = Math.log(3) / Math.log(2), LOG5 = Math.log(5) / Math.log(2);
    private static final double[] FRAC;
    private static final int[] CODE;

    static {
        int size = (K + 1) * (K + 1);
        double[] f = new double[size];
        for (int i = 0; i <= K; i++) {
            for (int j = 0; j <= K; j++) {
                double x = i * LOG3 + j * LOG5;
                f[i * (K + 1) + j] = x - Math.floor(x);
            }
        }
        Integer[] idx = new Integer[size];
        for (int t = 0; t < size; t++) idx[t] = t;
        Arrays.sort(idx, (p, q) -> Double.compare(f[p], f[q]));
        FRAC = new double[size];
        CODE = new int[size];
        for (int t = 0; t < size; t++) {
            FRAC[t] = f[idx[t]];
            CODE[t] = idx[t];
        }
    }

    private SmoothNumbers() {}

    /** The number ±2^e·3^i·5^j nearest to x in relative terms (x finite and nonzero). */
    static Rational nearest(double x) {
        double lx = Math.log(Math.abs(x)) / Math.log(2);
        double frac = lx - Math.floor(lx);
        int pos = Arrays.binarySearch(FRAC, frac);
        if (pos < 0) pos = -pos - 1;
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c : new int[] {pos - 1, pos, 0, FRAC.length - 1}) {
            if (c < 0 || c >= FRAC.length) continue;
            double dist = Math.abs(frac - FRAC[c]);
            dist = Math.min(dist, 1 - dist);
            if (dist < bestDist) {
                bestDist = dist;
                best = c;
            }
        }
        int i = CODE[best] / (K + 1), j = CODE[best] % (K + 1);
        long e = Math.round(lx - (i * LOG3 + j * LOG5));
        BigInteger odd = BigInteger.valueOf(3).pow(i).multiply(BigInteger.valueOf(5).pow(j));
        Rational r = e >= 0 ? Rational.of(odd.shiftLeft((int) e)) : Rational.of(odd, BigInteger.ONE.shiftLeft((int) -e));
        return x < 0 ? r.negate() : r;
    }
}
