package mcs.bench.gauss;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * The seeded matrices of the Gaussian-integral measurements: symmetric with independent standard normal
 * entries (real), or real and imaginary parts both standard normal (complex), the diagonal kept for loop
 * hafnians. The doubles are the exact inputs (each a dyadic rational), so every solver and The Walrus read
 * the same numbers.
 */
final class GaussCases {
    final double[][] re, im;
    final PermInstance instance;

    GaussCases(int n, boolean complex, boolean loop, long seed) {
        Random rnd = new Random(seed * 1_000_003L + n * 31L + (complex ? 7 : 0) + (loop ? 3 : 0));
        re = new double[n][n];
        im = complex ? new double[n][n] : null;
        Rational[][] r = new Rational[n][n], m = complex ? new Rational[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = i == j && !loop ? 0 : rnd.nextGaussian();
                re[i][j] = re[j][i] = x;
                r[i][j] = r[j][i] = Rational.ofDouble(x);
                if (complex) {
                    double y = i == j && !loop ? 0 : rnd.nextGaussian();
                    im[i][j] = im[j][i] = y;
                    m[i][j] = m[j][i] = Rational.ofDouble(y);
                }
            }
        }
        instance = new PermInstance(loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN, complex ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL,
                RationalMatrix.of(r), complex ? RationalMatrix.of(m) : null);
    }
}
