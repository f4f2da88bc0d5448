package mcs.solvers.haf.exact;

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

/**
 * {@code hafnian-exact-cycles} and {@code loop-hafnian-exact-cycles} against the naive matching sums, Kan's
 * formula ({@code hafnian}), closed forms and the bipartite identity perm(B) = haf([[0, B], [Bᵀ, 0]]).
 */
class GaussianCycleSolverTest {
    static final ExactCycleHafnianSolver HAF = new ExactCycleHafnianSolver();
    static final ExactLoopCycleHafnianSolver LOOP = new ExactLoopCycleHafnianSolver();

    static String solve(Problem p, RationalMatrix re, RationalMatrix im, int threads) {
        PermInstance inst = new PermInstance(p, im != null ? PermInstance.Field.COMPLEX : PermInstance.Field.INTEGER, re, im);
        SolverResult r = (p == Problem.HAFNIAN ? HAF : LOOP).solve(inst, null, SolverOptions.defaults().withThreads(threads));
        assertEquals(Status.SOLVED, r.status(), r.message());
        return r.value();
    }

    static RationalMatrix randomSymmetric(int n, Random rnd, int kind) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = switch (kind) {
                    case 0 -> Rational.of(rnd.nextInt(7) - 3);
                    case 1 -> Rational.of(rnd.nextInt(19) - 9, 1 + rnd.nextInt(6));
                    default -> Rational.ofDecimal(rnd.nextInt(2001) - 1000, -3);
                };
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    @Test
    void naiveValues() {
        Random rnd = new Random(11);
        for (int n = 0; n <= 12; n++) {
            for (int kind = 0; kind < 3; kind++) {
                RationalMatrix re = randomSymmetric(n, rnd, kind);
                RationalMatrix im = kind == 0 ? null : randomSymmetric(n, rnd, 3 - kind);
                assertEquals(MatchingSums.loopHafnian(re, im).toString(), solve(Problem.LOOP_HAFNIAN, re, im, 1 + kind % 2), "lhaf n=" + n);
                if (n % 2 == 0) assertEquals(MatchingSums.hafnian(re, im).toString(), solve(Problem.HAFNIAN, re, im, 2 - kind % 2), "haf n=" + n);
            }
        }
    }

    @Test
    void kanFormulaAtOrder20() {
        Random rnd = new Random(2);
        RationalMatrix a = randomSymmetric(20, rnd, 0);
        PermInstance inst = PermInstance.hafnian(a);
        String kan = new HafnianSolver().solve(inst, null, SolverOptions.defaults()).value();
        assertEquals(kan, solve(Problem.HAFNIAN, a, null, 2));
    }

    @Test
    void closedForms() {
        for (int k = 0; k <= 15; k++) {
            long[][] ones = new long[2 * k][2 * k];
            for (long[] row : ones) java.util.Arrays.fill(row, 1);
            RationalMatrix j = RationalMatrix.ofLongs(ones);
            assertEquals(MatchingSums.doubleFactorial(k).toString(), solve(Problem.HAFNIAN, j, null, 2));
            assertEquals(MatchingSums.involutions(2 * k).toString(), solve(Problem.LOOP_HAFNIAN, j, null, 2));
            // i·J: haf = i^k (2k−1)!!
            RationalMatrix zero = RationalMatrix.ofLongs(new long[2 * k][2 * k]);
            BigInteger df = MatchingSums.doubleFactorial(k);
            Rational v = Rational.of(k % 4 == 2 || k % 4 == 3 ? df.negate() : df);
            ComplexValue expected = k % 2 == 0 ? new ComplexValue(v, Rational.ZERO) : new ComplexValue(Rational.ZERO, v);
            assertEquals(expected.toString(), solve(Problem.HAFNIAN, zero, j, 1));
        }
    }

    @Test
    void bipartiteIdentity() {
        Random rnd = new Random(8);
        for (int m = 1; m <= 8; m++) {
            Rational[][] br = new Rational[m][m], bi = new Rational[m][m];
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) {
                br[i][j] = Rational.of(rnd.nextInt(9) - 4);
                bi[i][j] = Rational.of(rnd.nextInt(9) - 4, 2);
            }
            RationalMatrix re = bipartite(br), im = bipartite(bi);
            String perm = MatchingSums.permanent(RationalMatrix.of(br), RationalMatrix.of(bi)).toString();
            assertEquals(perm, solve(Problem.HAFNIAN, re, im, 2), "m=" + m);
        }
    }

    static RationalMatrix bipartite(Rational[][] b) {
        int m = b.length;
        Rational[][] a = new Rational[2 * m][2 * m];
        for (Rational[] row : a) java.util.Arrays.fill(row, Rational.ZERO);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) {
            a[i][m + j] = b[i][j];
            a[m + j][i] = b[i][j];
        }
        return RationalMatrix.of(a);
    }
}
