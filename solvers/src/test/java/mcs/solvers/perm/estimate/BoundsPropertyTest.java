package mcs.solvers.perm.estimate;

import static mcs.solvers.perm.estimate.EstimateTesting.estimateInstance;
import static mcs.solvers.perm.estimate.EstimateTesting.stat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/** Stated bounds checked against exact permanents over seeded random matrices (property tests without a framework). */
class BoundsPropertyTest {
    private static void assertWithin(SolverResult r, Rational perm, String what) {
        Rational lo = stat(r, "lower"), hi = stat(r, "upper");
        assertTrue(lo.compareTo(perm) <= 0, () -> r.solver() + " lower " + lo.toDouble() + " > perm " + perm.toDouble() + " on " + what);
        assertTrue(hi.compareTo(perm) >= 0, () -> r.solver() + " upper " + hi.toDouble() + " < perm " + perm.toDouble() + " on " + what);
    }

    /** Nonnegative families: uniform [0,1] decimals, 0/1 with density 1/2 (some with zero permanent), exponential-like. */
    private static RationalMatrix nonnegative(SplittableRandom rng, int kind, int n) {
        return switch (kind) {
            case 0 -> EstimateTesting.uniform(rng, n, 0, 1000, 3);
            case 1 -> EstimateTesting.uniform(rng, n, 0, 1, 0);
            default -> {
                Rational[] flat = new Rational[n * n];
                for (int q = 0; q < flat.length; q++) flat[q] = Rational.ofDecimal(Math.round(-Math.log(1 - rng.nextDouble()) * 1000), -3);
                yield RationalMatrix.of(n, n, flat);
            }
        };
    }

    @Test
    void sinkhornAndBetheBoundsHoldOnNonnegativeMatrices() {
        SplittableRandom rng = new SplittableRandom(2026);
        int zeros = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = rng.nextInt(1, 9);
            RationalMatrix a = nonnegative(rng, trial % 3, n);
            Rational perm = NaiveValues.permanentBySubsets(a);
            String what = "trial " + trial + " (n = " + n + ")";
            SolverResult s = EstimateTesting.run("sinkhorn", estimateInstance(a), Map.of(), 1);
            assertWithin(s, perm, what);
            SolverResult b = EstimateTesting.run("bethe", estimateInstance(a), Map.of(), 1);
            assertWithin(b, perm, what);
            if (perm.isZero()) {
                zeros++;
                assertEquals("0", s.value());
                assertEquals("0", b.value());
            } else {
                assertTrue(stat(s, "van_der_waerden_lower").compareTo(stat(s, "lower")) <= 0, "Schrijver's bound implies van der Waerden's");
                assertTrue(stat(b, "lower").compareTo(stat(b, "upper")) <= 0);
            }
        }
        assertTrue(zeros > 0, "the 0/1 trials include matrices without a perfect matching");
    }

    /**
     * On 2×2 matrices F_B is linear along the Birkhoff polytope, so perm_B = max(a₁₁a₂₂, a₁₂a₂₁) (6 for
     * [[1,2],[3,4]], whose permanent is 10); on J_n the bounds hold.
     */
    @Test
    void betheKnownCases() {
        RationalMatrix a = RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}});
        SolverResult two = EstimateTesting.run("bethe", estimateInstance(a), Map.of(), 1);
        assertEquals(6.0, Rational.parse(two.value()).toDouble(), 1e-3);
        assertTrue(stat(two, "lower").compareTo(Rational.of(6)) <= 0);
        Rational f = Rational.ONE;
        for (int n = 1; n <= 8; n++) {
            f = f.multiply(n);
            SolverResult r = EstimateTesting.run("bethe", estimateInstance(EstimateTesting.ones(n)), Map.of(), 1);
            assertWithin(r, f, "J_" + n);
        }
    }

    /** By symmetry and convexity the Bethe optimum on J_n is J/n, so perm_B(J_n) = nⁿ(1−1/n)^{n(n−1)}; Sinkhorn's value is the same point. */
    @Test
    void betheAndSinkhornOnAllOnes() {
        for (int n = 2; n <= 9; n++) {
            double want = n * Math.log(n) + n * (n - 1) * Math.log1p(-1.0 / n);
            for (String name : new String[] {"bethe", "sinkhorn"}) {
                double got = Math.log(Rational.parse(EstimateTesting.run(name, estimateInstance(EstimateTesting.ones(n)), Map.of(), 1).value()).toDouble());
                assertEquals(want, got, 1e-9, name + " on J_" + n);
            }
        }
    }

    @Test
    void marcusBoundsAndWickIntervalOnPsdMatrices() {
        SplittableRandom rng = new SplittableRandom(7);
        int wickOutside = 0, trials = 30;
        for (int trial = 0; trial < trials; trial++) {
            int n = rng.nextInt(1, 8);
            RationalMatrix a = EstimateTesting.wishart(rng, n, rng.nextInt(1, n + 2));
            Rational perm = NaiveValues.permanentBySubsets(a);
            assertTrue(perm.compareTo(Rational.ZERO) >= 0);
            SolverResult m = EstimateTesting.run("marcus", estimateInstance(a), Map.of(), 1);
            assertWithin(m, perm, "trial " + trial);
            SolverResult w = EstimateTesting.run("wick-mc", estimateInstance(a), Map.of("samples", "4000"), trial);
            Rational est = Rational.parse(w.value());
            if (perm.isZero()) {
                assertEquals(Rational.ZERO, est, "a PSD matrix with a zero diagonal entry has permanent 0");
                continue;
            }
            double se = stat(w, "std_error").toDouble();
            double z = Math.abs(est.toDouble() - perm.toDouble()) / Math.max(se, 1e-300);
            // Heavy tails (relative variance up to 2^n − 1) make the estimated standard error unreliable: a wide z.
            assertTrue(z < 8, "trial " + trial + ": wick z-score " + z);
            if (stat(w, "ci_lower").compareTo(perm) > 0 || stat(w, "ci_upper").compareTo(perm) < 0) wickOutside++;
        }
        assertTrue(wickOutside <= trials / 4, wickOutside + " of " + trials + " 95% intervals miss the permanent");
    }

    @Test
    void gurvitsHoeffdingIntervalCoversThePermanent() {
        SplittableRandom rng = new SplittableRandom(99);
        for (int trial = 0; trial < 30; trial++) {
            int n = rng.nextInt(1, 8);
            RationalMatrix a = EstimateTesting.uniform(rng, n, -9, 9, 0);
            Rational perm = NaiveValues.permanentBySubsets(a);
            SolverResult r = EstimateTesting.run("gurvits", estimateInstance(a), Map.of("samples", "3000", "confidence", "0.999"), trial);
            String what = "trial " + trial + ": " + r.statistics() + " perm " + perm;
            assertTrue(stat(r, "ci_lower").compareTo(perm) <= 0 && stat(r, "ci_upper").compareTo(perm) >= 0, what);
        }
    }

    /** The same seed gives the same estimate; another seed another one. */
    @Test
    void samplersAreSeeded() {
        RationalMatrix a = EstimateTesting.uniform(new SplittableRandom(1), 6, -5, 5, 0);
        String one = EstimateTesting.run("gurvits", estimateInstance(a), Map.of("samples", "500"), 42).value();
        assertEquals(one, EstimateTesting.run("gurvits", estimateInstance(a), Map.of("samples", "500"), 42).value());
        assertTrue(!one.equals(EstimateTesting.run("gurvits", estimateInstance(a), Map.of("samples", "500"), 43).value()));
    }

    @Test
    void domainsAreEnforced() {
        RationalMatrix notPsd = RationalMatrix.ofLongs(new long[][] {{1, 2}, {2, 1}});
        RationalMatrix negative = RationalMatrix.ofLongs(new long[][] {{1, -1}, {1, 1}});
        for (String name : new String[] {"marcus", "wick-mc"}) {
            var s = Solvers.byName(name, Problem.PERMANENT_ESTIMATE).orElseThrow();
            assertEquals(Status.UNSUPPORTED, s.solve(estimateInstance(notPsd), null, SolverOptions.defaults()).status());
        }
        for (String name : new String[] {"sinkhorn", "bethe"}) {
            var s = Solvers.byName(name, Problem.PERMANENT_ESTIMATE).orElseThrow();
            assertEquals(Status.UNSUPPORTED, s.solve(estimateInstance(negative), null, SolverOptions.defaults()).status());
        }
    }
}
