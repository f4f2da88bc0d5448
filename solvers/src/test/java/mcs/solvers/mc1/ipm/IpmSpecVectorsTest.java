package mcs.solvers.mc1.ipm;

import static mcs.testkit.NaiveCertificates.assertProves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveSpectra;
import org.junit.jupiter.api.Test;

/**
 * ipm on the MC1 vectors of SPEC §6 (verdicts, exactly re-checked certificates) and t* against independent
 * computations: closed forms (4-cycle 1 − √2|c|, Hadamard 1 − |t|√h) and a brute-force search over the
 * unknown entries maximising λmin (λmin is concave in them, so nested ternary search finds the maximum).
 */
class IpmSpecVectorsTest {
    private static final Rational U = null;
    private static final Rational ONE = Rational.ONE;
    private static final IpmSolver IPM = new IpmSolver();
    private static final SolverOptions CONVERGED = SolverOptions.defaults().withThreads(1).withExtra(Map.of("stop", "converged"));

    private static Rational q(long p, long d) {
        return Rational.of(p, d);
    }

    private static SolverResult solve(PartialSymmetricMatrix a, SolverOptions o) {
        SolverResult r = IPM.solve(new Mc1Instance(a), "cd".repeat(32), o);
        if (r.status() == Status.SOLVED) {
            assertEquals("cd".repeat(32), r.certificate().instanceSha256());
            assertCertificate(a, r.certificate());
        }
        return r;
    }

    /** ipm's certificates: a factor completion with a positive shift, or an entries witness; valid by the naive oracle. */
    private static void assertCertificate(PartialSymmetricMatrix a, Certificate c) {
        if (c.verdict() == Verdict.COMPLETABLE) {
            assertTrue(assertProves(a, c, Verdict.COMPLETABLE, Body.Factor.class).shift().signum() > 0, "shift must be positive");
        } else {
            assertProves(a, c, Verdict.NOT_COMPLETABLE, Body.Entries.class);
        }
    }

    private static double tStar(SolverResult r) {
        return (double) r.statistics().get("t_primal");
    }

    private static PartialSymmetricMatrix fourCycle(Rational c) {
        return PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
                {ONE}, {c, ONE}, {U, c, ONE}, {c.negate(), U, c, ONE}});
    }

    private static PartialSymmetricMatrix hadamard(Rational t) {
        Rational m = t.negate();
        return PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
                {ONE}, {U, ONE}, {t, t, ONE}, {t, m, U, ONE}});
    }

    @Test
    void threeByThreeYesWithTStarFromASearch() {
        Rational h = Rational.HALF;
        PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{ONE}, {h, ONE}, {U, h, ONE}});
        SolverResult r = solve(a, CONVERGED);
        assertEquals(Verdict.COMPLETABLE, r.verdict());
        double best = ternaryMax(x -> NaiveSpectra.lambdaMin(new double[][] {{1, .5, x}, {.5, 1, .5}, {x, .5, 1}}), -1, 1);
        assertEquals(best, tStar(r), 1e-6);
        assertEquals(Verdict.COMPLETABLE, solve(a, SolverOptions.defaults()).verdict());
    }

    @Test
    void threeByThreeNo() {
        PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{ONE}, {Rational.HALF, ONE}, {U, Rational.TWO, ONE}});
        SolverResult r = solve(a, SolverOptions.defaults());
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
    }

    @Test
    void fourCycleVerdictsAndTStar() {
        for (Object[] v : new Object[][] {{q(3, 5), Verdict.COMPLETABLE}, {q(7, 10), Verdict.COMPLETABLE},
                {q(71, 100), Verdict.NOT_COMPLETABLE}, {q(4, 5), Verdict.NOT_COMPLETABLE}}) {
            Rational c = (Rational) v[0];
            PartialSymmetricMatrix a = fourCycle(c);
            assertEquals(v[1], solve(a, SolverOptions.defaults()).verdict(), "c = " + c);
            SolverResult r = solve(a, CONVERGED);
            assertEquals(v[1], r.verdict(), "c = " + c);
            double cd = c.toDouble();
            assertEquals(1 - Math.sqrt(2) * cd, tStar(r), 1e-6, "closed form, c = " + c);
            double brute = ternaryMax2((x, y) -> NaiveSpectra.lambdaMin(new double[][] {
                    {1, cd, x, -cd}, {cd, 1, cd, y}, {x, cd, 1, cd}, {-cd, y, cd, 1}}), -1, 1);
            assertEquals(brute, tStar(r), 1e-6, "search, c = " + c);
        }
    }

    @Test
    void hadamardNoAtOneYesAtHalf() {
        SolverResult no = solve(hadamard(ONE), CONVERGED);
        assertEquals(Verdict.NOT_COMPLETABLE, no.verdict());
        assertEquals(1 - Math.sqrt(2), tStar(no), 1e-6);
        SolverResult yes = solve(hadamard(Rational.HALF), CONVERGED);
        assertEquals(Verdict.COMPLETABLE, yes.verdict());
        assertEquals(1 - Math.sqrt(2) / 2, tStar(yes), 1e-6);
    }

    @Test
    void nonUnitDiagonalScalesBack() {
        // D^{1/2}·(4-cycle, c = 3/5)·D^{1/2} with D = diag(4, 1, 9, 1/4): same verdict, certificate in the original scale.
        Rational c = q(3, 5);
        Rational[] d = {Rational.of(2), ONE, Rational.of(3), Rational.HALF};
        Rational[][] x = new Rational[4][];
        PartialSymmetricMatrix base = fourCycle(c);
        for (int i = 0; i < 4; i++) {
            x[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) {
                Rational v = base.get(i, j);
                x[i][j] = v == null ? null : v.multiply(d[i]).multiply(d[j]);
            }
        }
        assertEquals(Verdict.COMPLETABLE, solve(PartialSymmetricMatrix.ofLowerTriangle(x), SolverOptions.defaults()).verdict());
        x[3][0] = x[3][0].multiply(q(4, 3)); // c → 4/5 on one edge only: 2c² > 1 fails for that edge, check the verdict is decided and sound
        SolverResult r = solve(PartialSymmetricMatrix.ofLowerTriangle(x), CONVERGED);
        assertTrue(r.status() == Status.SOLVED, r.message());
    }

    @Test
    void negativeDiagonalIsNoAndZeroDiagonalUnknown() {
        PartialSymmetricMatrix neg = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{ONE}, {U, Rational.MINUS_ONE}});
        assertEquals(Verdict.NOT_COMPLETABLE, solve(neg, SolverOptions.defaults()).verdict());
        PartialSymmetricMatrix zero = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{Rational.ZERO}, {Rational.HALF, ONE}});
        assertEquals(Status.UNKNOWN, solve(zero, SolverOptions.defaults()).status());
    }

    @Test
    void deadlineAndLimitsAreHonoured() {
        PartialSymmetricMatrix a = fourCycle(q(7, 10));
        SolverOptions past = new SolverOptions(System.nanoTime() - 1, null, 1L, 1, Map.of());
        assertEquals(Status.TIMEOUT, IPM.solve(new Mc1Instance(a), null, past).status());
        assertEquals(Status.UNSUPPORTED, IPM.solve(new Mc1Instance(a), null, SolverOptions.defaults().withExtra(Map.of("max-schur", "7"))).status());
        SolverResult one = IPM.solve(new Mc1Instance(a), null, SolverOptions.defaults().withExtra(Map.of("max-iterations", "1", "stop", "converged")));
        assertTrue(one.status() == Status.UNKNOWN || one.status() == Status.SOLVED, one.message());
        if (one.status() == Status.SOLVED) assertCertificate(a, one.certificate());
    }

    @Test
    void randomThreeByThreeAgreeWithSearch() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            Rational b = q(rng.nextInt(-19, 20), 20), cc = q(rng.nextInt(-19, 20), 20);
            PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{ONE}, {b, ONE}, {U, cc, ONE}});
            SolverResult r = solve(a, CONVERGED);
            double bd = b.toDouble(), cd = cc.toDouble();
            double best = ternaryMax(x -> NaiveSpectra.lambdaMin(new double[][] {{1, bd, x}, {bd, 1, cd}, {x, cd, 1}}), -1, 1);
            assertEquals(best, tStar(r), 1e-6, "b = " + b + ", c = " + cc);
            // Two edges on a path: chordal, always completable (2×2 blocks are PD).
            assertEquals(Verdict.COMPLETABLE, r.verdict());
        }
    }

    private static double ternaryMax(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 70; i++) {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            if (f.applyAsDouble(m1) < f.applyAsDouble(m2)) lo = m1;
            else hi = m2;
        }
        return f.applyAsDouble(0.5 * (lo + hi));
    }

    private static double ternaryMax2(DoubleBinaryOperator f, double lo, double hi) {
        return ternaryMax(x -> ternaryMax(y -> f.applyAsDouble(x, y), lo, hi), lo, hi);
    }
}
