package mcs.solvers.haf.repeated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** {@code hafnian-repeated} and {@code loop-hafnian-repeated} against the expanded definitions and closed forms. */
class RepeatedHafnianTest {
    private final Solver haf = new RepeatedHafnianSolver();
    private final Solver loop = new RepeatedHafnianSolver.Loop();

    static SolverResult run(Solver s, RepeatedInstance inst, int threads) {
        SolverResult r = s.solve(inst, "0".repeat(64), SolverOptions.defaults().withThreads(threads));
        assertEquals(Status.SOLVED, r.status(), () -> s.name() + ": " + r.message());
        return r;
    }

    static RepeatedInstance inst(Problem p, RationalMatrix a, int... r) {
        return RepeatedInstance.symmetric(new PermInstance(p, PermInstance.Field.REAL, a, null), r);
    }

    private static int[] repeats(SplittableRandom rng, int n, int max, boolean even) {
        int[] r = new int[n];
        int t = 0;
        for (int i = 0; i < n; i++) t += r[i] = rng.nextInt(max + 1);
        if (even && t % 2 != 0) r[rng.nextInt(n)]++;
        return r;
    }

    @Test
    void agreesWithTheExpandedDefinitionOnRandomMatrices() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 80; trial++) {
            int n = 1 + rng.nextInt(5);
            int den = trial % 5 == 0 ? 3 : 1;
            RationalMatrix a = NaiveGaussian.randomSymmetric(rng, n, -4, 4, den);
            RepeatedInstance h = inst(Problem.HAFNIAN, a, repeats(rng, n, 3, true));
            RepeatedInstance l = inst(Problem.LOOP_HAFNIAN, a, repeats(rng, n, 3, false));
            assertEquals(NaiveGaussian.value(h).toString(), run(haf, h, 1 + trial % 2).value(), "hafnian trial " + trial);
            assertEquals(NaiveGaussian.value(l).toString(), run(loop, l, 1 + trial % 2).value(), "loop trial " + trial);
        }
    }

    @Test
    void theModularPathAgreesWithTheWordPath() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(4);
            RationalMatrix a = NaiveGaussian.randomSymmetric(rng, n, -50, 50, 1);
            RepeatedInstance h = inst(Problem.HAFNIAN, a, repeats(rng, n, 4, true));
            String words = run(haf, h, 2).value();
            // Entries of 2^56 force the modular path; the hafnian scales by 2^(56·N/2).
            Rational[][] big = NaiveGaussian.array(a);
            for (Rational[] row : big) for (int j = 0; j < row.length; j++) row[j] = row[j].multiply(Rational.of(1L << 56));
            RepeatedInstance hb = inst(Problem.HAFNIAN, RationalMatrix.of(big), h.rowRepeats());
            SolverResult r = run(haf, hb, 2);
            assertEquals("modular", r.statistics().get("path"));
            Rational scale = Rational.of(BigInteger.ONE.shiftLeft(56 * h.total() / 2));
            assertEquals(Rational.parse(words).multiply(scale), Rational.parse(r.value()), "trial " + trial);
        }
    }

    @Test
    void closedForms() {
        // haf(J) with every r_i = 2 on n modes is haf(J_2n) = (2n−1)!!.
        for (int n = 1; n <= 9; n++) {
            Rational[][] j = new Rational[n][n];
            for (Rational[] row : j) Arrays.fill(row, Rational.ONE);
            int[] r = new int[n];
            Arrays.fill(r, 2);
            BigInteger df = BigInteger.ONE;
            for (int k = 3; k < 2 * n; k += 2) df = df.multiply(BigInteger.valueOf(k));
            SolverResult res = run(haf, inst(Problem.HAFNIAN, RationalMatrix.of(j), r), 2);
            assertEquals(df.toString(), res.value(), "n=" + n);
            assertEquals("words+histogram", res.statistics().get("path"));
        }
        // One mode repeated N times: haf = (N−1)!!·a^(N/2); lhaf = Σ_k C(N,2k)(2k−1)!!·a^k·μ^(N−2k) with μ = a.
        RationalMatrix a = RationalMatrix.of(new Rational[][] {{Rational.of(3)}});
        assertEquals("405", run(haf, inst(Problem.HAFNIAN, a, 6), 1).value()); // 15·27
        // lhaf of J_N scaled: N = 5, a = 3: Σ_k C(5,2k)(2k−1)!! 3^k 3^(5−2k) = 3^5 + 10·3^4 + 15·3^3 = 243 + 810 + 405.
        assertEquals("1458", run(loop, inst(Problem.LOOP_HAFNIAN, a, 5), 1).value());
        assertEquals("1", run(haf, inst(Problem.HAFNIAN, a, 0), 1).value());
    }

    @Test
    void sameValueForAnyThreadCountAndStatistics() {
        SplittableRandom rng = new SplittableRandom(13);
        RationalMatrix a = NaiveGaussian.randomSymmetric(rng, 8, -3, 3, 1);
        RepeatedInstance h = inst(Problem.HAFNIAN, a, 3, 1, 2, 4, 1, 2, 3, 2);
        SolverResult one = run(haf, h, 1), two = run(haf, h, 2);
        assertEquals(one.value(), two.value());
        Map<String, Object> st = one.statistics();
        assertEquals(18, st.get("total"));
        assertEquals(8, st.get("n"));
    }
}
