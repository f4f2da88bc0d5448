package mcs.solvers.perm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.MatchingSums;
import org.junit.jupiter.api.Test;

/** {@code exact-modular-gaussian} against the naive permanent, closed forms, and real input via exact-modular. */
class GaussianModularSolverTest {
    static final GaussianModularSolver S = new GaussianModularSolver();

    static String solve(RationalMatrix re, RationalMatrix im, int threads) {
        SolverResult r = S.solve(new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX, re, im), null, SolverOptions.defaults().withThreads(threads));
        assertEquals(Status.SOLVED, r.status(), r.message());
        return r.value();
    }

    static RationalMatrix random(int n, Random rnd, boolean fractions) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = fractions ? Rational.of(rnd.nextInt(21) - 10, 1 + rnd.nextInt(7)) : Rational.of(rnd.nextInt(9) - 4);
        return RationalMatrix.of(a);
    }

    @Test
    void naivePermanents() {
        Random rnd = new Random(4);
        for (int n = 0; n <= 9; n++) {
            RationalMatrix re = random(n, rnd, n % 2 == 1), im = random(n, rnd, n % 3 == 0);
            assertEquals(MatchingSums.permanent(re, im).toString(), solve(re, im, 1 + n % 2), "n=" + n);
        }
    }

    @Test
    void closedForms() {
        // perm(i·J_n) = i^n·n!; perm of the rank-one (1 + i)·J_n = (1 + i)^n·n!
        for (int n = 1; n <= 20; n++) {
            long[][] ones = new long[n][n];
            for (long[] row : ones) java.util.Arrays.fill(row, 1);
            RationalMatrix j = RationalMatrix.ofLongs(ones), zero = RationalMatrix.ofLongs(new long[n][n]);
            BigInteger f = BigInteger.ONE;
            for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
            BigInteger[] iPow = {BigInteger.ONE, BigInteger.ZERO}; // (re, im) of i^n
            BigInteger[] onePlusI = {BigInteger.ONE, BigInteger.ZERO};
            for (int k = 0; k < n; k++) {
                iPow = new BigInteger[] {iPow[1].negate(), iPow[0]};
                onePlusI = new BigInteger[] {onePlusI[0].subtract(onePlusI[1]), onePlusI[0].add(onePlusI[1])};
            }
            assertEquals(new ComplexValue(Rational.of(iPow[0].multiply(f)), Rational.of(iPow[1].multiply(f))).toString(), solve(zero, j, 2));
            assertEquals(new ComplexValue(Rational.of(onePlusI[0].multiply(f)), Rational.of(onePlusI[1].multiply(f))).toString(), solve(j, j, 2));
        }
    }

    @Test
    void realPartAgreesWithExactModular() {
        Random rnd = new Random(9);
        RationalMatrix re = random(18, rnd, false), zero = RationalMatrix.ofLongs(new long[18][18]);
        String real = new ExactModularSolver().solve(PermInstance.permanent(re), null, SolverOptions.defaults()).value();
        assertEquals(real, solve(re, zero, 2));
    }
}
