package mcs.solvers.haf.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.haf.exact.ExactCycleHafnianSolver;
import mcs.testkit.MatchingSums;
import org.junit.jupiter.api.Test;

/** {@code hafnian-low-rank} against the exact cycle solver, the naive sums and haf(J) = (n−1)!!. */
class LowRankHafnianSolverTest {
    static final LowRankHafnianSolver S = new LowRankHafnianSolver();

    /** A = Σ_k d_k g_k g_kᵀ with small random integers (or Gaussian integers), diagonal then irrelevant. */
    static PermInstance lowRank(int n, int r, Random rnd, boolean complex) {
        Rational[][] re = new Rational[n][n], im = new Rational[n][n];
        long[][] g = new long[n][r], gi = new long[n][r];
        long[] d = new long[r];
        for (int k = 0; k < r; k++) d[k] = rnd.nextInt(5) - 2;
        for (int i = 0; i < n; i++) for (int k = 0; k < r; k++) {
            g[i][k] = rnd.nextInt(7) - 3;
            gi[i][k] = complex ? rnd.nextInt(5) - 2 : 0;
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            long sr = 0, si = 0;
            for (int k = 0; k < r; k++) {
                // (g + i·gi)_i·(g + i·gi)_j·d
                sr += d[k] * (g[i][k] * g[j][k] - gi[i][k] * gi[j][k]);
                si += d[k] * (g[i][k] * gi[j][k] + gi[i][k] * g[j][k]);
            }
            re[i][j] = Rational.of(sr, 2);
            im[i][j] = Rational.of(si, 2);
        }
        return new PermInstance(Problem.HAFNIAN, complex ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL, RationalMatrix.of(re), complex ? RationalMatrix.of(im) : null);
    }

    static String solve(PermInstance inst) {
        SolverResult r = S.solve(inst, null, SolverOptions.defaults());
        assertEquals(Status.SOLVED, r.status(), r.message());
        return r.value();
    }

    @Test
    void agreesWithTheCycleSolverAndTheNaiveSums() {
        Random rnd = new Random(7);
        for (int n = 2; n <= 18; n += 2) {
            for (int r = 1; r <= 4; r++) {
                for (boolean complex : new boolean[] {false, true}) {
                    PermInstance inst = lowRank(n, r, rnd, complex);
                    String expected = n <= 10 ? MatchingSums.hafnian(inst.re(), inst.im()).toString()
                            : new ExactCycleHafnianSolver().solve(inst, null, SolverOptions.defaults()).value();
                    assertEquals(expected, solve(inst), "n=" + n + " r=" + r + " complex=" + complex);
                }
            }
        }
    }

    @Test
    void allOnesAtLargeOrder() {
        for (int n : new int[] {40, 100, 200}) {
            long[][] ones = new long[n][n];
            for (long[] row : ones) java.util.Arrays.fill(row, 1);
            assertEquals(MatchingSums.doubleFactorial(n / 2).toString(), solve(PermInstance.hafnian(RationalMatrix.ofLongs(ones))));
        }
    }

    @Test
    void refusesHighRank() {
        Random rnd = new Random(1);
        assertEquals(Status.UNSUPPORTED, S.solve(lowRank(12, 6, rnd, false), null, SolverOptions.defaults()).status());
    }
}
