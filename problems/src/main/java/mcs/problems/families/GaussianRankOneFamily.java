package mcs.problems.families;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Complex closed forms over the Gaussian integers: the permanent of a rank-one matrix x·yᵀ and the hafnian of a
 * rank-one symmetric matrix x·xᵀ, x and y with nonzero Gaussian-integer entries.
 *
 * <p>Cost: O(n²) for the matrix, O(n) Gaussian-integer products for the value.
 */
final class GaussianRankOneFamily extends BaseFamily {
    private final boolean hafnian;

    private GaussianRankOneFamily(String name, boolean hafnian) {
        super(name, hafnian ? Problem.HAFNIAN : Problem.PERMANENT, hafnian ? 2 : 1,
                List.of(new Parameter("max", "2", "real and imaginary parts of the entries of x (and y) are integers uniform in [−max, max], not both 0")));
        this.hafnian = hafnian;
    }

    static GaussianRankOneFamily permanent() {
        return new GaussianRankOneFamily("perm-gaussian-rank-one", false);
    }

    static GaussianRankOneFamily hafnian() {
        return new GaussianRankOneFamily("haf-gaussian-rank-one", true);
    }

    @Override
    public String description() {
        if (!hafnian) {
            return "PERMANENT of the complex rank-one matrix A = xyᵀ, x and y Gaussian integers (parts uniform in [−max, max], "
                    + "never 0): every permutation contributes Πx·Πy, so perm(A) = n!·Πx_i·Πy_j (SOLVED, exact complex value).";
        }
        return "HAFNIAN of the complex symmetric rank-one matrix A = xxᵀ of even order n = 2k, x Gaussian integers (parts uniform "
                + "in [−max, max], never 0): every perfect matching contributes Π x_i, so haf(A) = (2k−1)!!·Πx_i (SOLVED, exact "
                + "complex value).";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        if (hafnian && n % 2 != 0) throw new IllegalArgumentException("family '" + name() + "' needs an even n, got n = " + n);
        int max = p.integer("max", 1, 1_000_000);
        long[][] x = gaussians(n, max, rng);
        long[][] y = hafnian ? x : gaussians(n, max, rng);
        Rational[][] re = new Rational[n][n], im = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = Rational.of(x[i][0] * y[j][0] - x[i][1] * y[j][1]);
                im[i][j] = Rational.of(x[i][0] * y[j][1] + x[i][1] * y[j][0]);
            }
        }
        BigInteger[] v = {hafnian ? doubleFactorial(n / 2) : PermData.factorial(n), BigInteger.ZERO};
        for (int i = 0; i < n; i++) {
            v = times(v, x[i]);
            if (!hafnian) v = times(v, y[i]);
        }
        String value = new ComplexValue(Rational.of(v[0]), Rational.of(v[1])).toString();
        PermInstance inst = new PermInstance(hafnian ? Problem.HAFNIAN : Problem.PERMANENT, PermInstance.Field.COMPLEX, RationalMatrix.of(re), RationalMatrix.of(im));
        return new Outcome(inst, KnownAnswer.exactValue(value, hafnian ? "haf(xxᵀ) = (2k−1)!!·Πx over the Gaussian integers" : "perm(xyᵀ) = n!·Πx·Πy over the Gaussian integers"));
    }

    private static long[][] gaussians(int n, int max, SplittableRandom rng) {
        long[][] z = new long[n][2];
        for (int i = 0; i < n; i++) {
            do {
                z[i][0] = rng.nextInt(2 * max + 1) - max;
                z[i][1] = rng.nextInt(2 * max + 1) - max;
            } while (z[i][0] == 0 && z[i][1] == 0);
        }
        return z;
    }

    private static BigInteger[] times(BigInteger[] v, long[] z) {
        BigInteger a = BigInteger.valueOf(z[0]), b = BigInteger.valueOf(z[1]);
        return new BigInteger[] {v[0].multiply(a).subtract(v[1].multiply(b)), v[0].multiply(b).add(v[1].multiply(a))};
    }

    private static BigInteger doubleFactorial(int k) {
        BigInteger r = BigInteger.ONE;
        for (int j = 1; j < 2 * k; j += 2) r = r.multiply(BigInteger.valueOf(j));
        return r;
    }
}
