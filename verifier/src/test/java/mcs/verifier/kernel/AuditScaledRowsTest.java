package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/**
 * Audit of the exact row dot products behind every factor check: the 128-bit two-long accumulation must
 * equal BigInteger arithmetic, in particular with numerators just below and at the bit limit that selects
 * it, all of one sign (maximal sums), mixed signs (carries and borrows), and −2^k values.
 */
class AuditScaledRowsTest {
    static BigInteger naive(RationalMatrix m, BigInteger den, int i, int j) {
        BigInteger s = BigInteger.ZERO;
        for (int c = 0; c < m.cols(); c++) {
            BigInteger x = m.get(i, c).multiply(Rational.of(den)).numerator();
            BigInteger y = m.get(j, c).multiply(Rational.of(den)).numerator();
            s = s.add(x.multiply(y));
        }
        return s;
    }

    @Test
    void twoLongAccumulationIsExactAtTheLimits() {
        Random rnd = new Random(5);
        for (int cols : new int[] {1, 2, 3, 4, 7, 64, 65, 1000}) {
            int logCols = 64 - Long.numberOfLeadingZeros(cols);
            int bits = (126 - logCols) / 2;
            for (int trial = 0; trial < 40; trial++) {
                int rows = 3;
                Rational[] v = new Rational[rows * cols];
                int mode = trial % 4;
                for (int k = 0; k < v.length; k++) {
                    int b = bits - 1 - (mode == 3 ? 0 : rnd.nextInt(3));
                    BigInteger x = BigInteger.ONE.shiftLeft(b).subtract(BigInteger.valueOf(rnd.nextInt(3)));
                    if (mode == 1 || (mode == 2 && rnd.nextBoolean())) x = x.negate();
                    if (mode == 3) x = BigInteger.ONE.shiftLeft(b).negate(); // −2^(bits−1): bitLength bits−1
                    v[k] = Rational.of(x);
                }
                if (trial % 5 == 4) v[0] = Rational.of(BigInteger.ONE.shiftLeft(bits)); // forces the BigInteger path
                RationalMatrix m = RationalMatrix.of(rows, cols, v);
                ScaledRows sr = new ScaledRows(m);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < rows; j++) {
                        assertEquals(naive(m, sr.den, i, j), sr.dot(i, j), "cols " + cols + " mode " + mode + " (" + i + "," + j + ")");
                    }
                }
            }
        }
    }
}
