package mcs.solvers.haf.estimate;

import java.util.Map;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.perm.estimate.Estimate;
import mcs.solvers.perm.estimate.EstimateSolver;
import mcs.solvers.perm.estimate.Sampling;

/**
 * Unbiased sampled estimators of the hafnian with confidence intervals, as solvers for
 * {@code hafnian-estimate} ({@link HafnianSamplers}): {@code godsil-gutman} (Pfaffians of random ±1 signings,
 * rigorous Hoeffding interval), {@code barvinok} (Gaussian signings, normal-approximation interval),
 * {@code kan-mc} (sampled Kan formula, rigorous Hoeffding interval). Statistics as {@code gurvits}'s
 * ({@link Sampling}): {@code ci_lower}, {@code ci_upper}, {@code confidence}, {@code ci_method},
 * {@code std_error}, {@code samples}, {@code seed}. Options: {@code samples} (default 20000; 2000 for the O(n³)
 * Pfaffian estimators), {@code confidence} (0.95).
 */
public final class HafnianSamplerSolvers {
    /** Largest order taken: the Pfaffian draws cost O(n³) each. */
    static final int MAX_N = 400;

    private HafnianSamplerSolvers() {}

    /**
     * A sampled estimator of symmetric matrices of even order: it refuses others, and answers exactly 0 when a vertex has
     * no edge (then there is no perfect matching) before its own draws run on the matrix in doubles.
     */
    private abstract static class Symmetric extends EstimateSolver {
        private final int defaultSamples;

        Symmetric(String name, int autoRank, int defaultSamples, String guarantees) {
            super(name, Problem.HAFNIAN_ESTIMATE, autoRank, MAX_N, guarantees);
            this.defaultSamples = defaultSamples;
        }

        abstract Estimate estimate(double[][] a, Sampling m, long seed, Runnable tick);

        @Override
        protected final String matrixRefusal(PermInstance p) {
            if (p.n() % 2 != 0) return name() + " needs an even order, got " + p.n();
            return p.re().isSymmetric() ? null : name() + " needs a symmetric matrix";
        }

        @Override
        protected final Estimate estimate(PermInstance p, SolverOptions o) {
            Sampling m = Sampling.of(o, defaultSamples);
            double[][] a = doubles(p);
            if (isolatedVertex(a)) return new Estimate("0", true, "0", "0", Map.of("note", "a vertex has no edge, so there is no perfect matching"));
            return estimate(a, m, o.seed(), o::checkDeadline);
        }

        /** A zero off-diagonal row: no perfect matching, haf = 0 exactly. */
        private static boolean isolatedVertex(double[][] a) {
            for (int i = 0; i < a.length; i++) {
                boolean zero = true;
                for (int j = 0; j < a.length; j++) if (j != i && a[i][j] != 0) zero = false;
                if (zero) return true;
            }
            return false;
        }
    }

    /** {@code godsil-gutman}: Pf(W)·Pf(W') with random ±1 signs; Hoeffding interval. */
    public static final class GodsilGutman extends Symmetric {
        public GodsilGutman() {
            super("godsil-gutman", 40, 2000, "real symmetric A of even order: unbiased mean of k draws Pf(W)Pf(W'), W_ij = x_ij sqrt|a_ij|,"
                    + " W'_ij = sign(a_ij) W_ij, x uniform +-1 (Godsil-Gutman); rigorous Hoeffding interval +-M sqrt(2 ln(2/delta)/k),"
                    + " M = prod_i (sum_j |a_ij|)^(1/2); O(k n^3)");
        }

        @Override
        Estimate estimate(double[][] a, Sampling m, long seed, Runnable tick) {
            return m.estimate(HafnianSamplers.pfaffianPairs(a, false, m.k(), m.confidence(), seed, tick), seed, "hoeffding");
        }
    }

    /** {@code barvinok}: Pf(W)·Pf(W') with Gaussian weights; normal-approximation interval. */
    public static final class Barvinok extends Symmetric {
        public Barvinok() {
            super("barvinok", 41, 2000, "real symmetric A of even order: unbiased mean of k draws Pf(W)Pf(W') with Gaussian x_ij (Barvinok;"
                    + " det W for A >= 0); asymptotic normal interval mean +- z*s/sqrt(k) (variance can be exponential in n); O(k n^3)");
        }

        @Override
        Estimate estimate(double[][] a, Sampling m, long seed, Runnable tick) {
            return m.estimate(HafnianSamplers.pfaffianPairs(a, true, m.k(), m.confidence(), seed, tick), seed, "normal-approximation");
        }
    }

    /** {@code kan-mc}: sampled Kan formula; Hoeffding interval. */
    public static final class KanMc extends Symmetric {
        public KanMc() {
            super("kan-mc", 42, 20_000, "real symmetric A of even order n = 2m: unbiased mean of k draws (prod delta) q(delta)^m/m!,"
                    + " delta uniform +-1, q = sum_{i<j} a_ij delta_i delta_j (Kan); rigorous Hoeffding interval +-P^m/m! sqrt(2 ln(2/delta)/k),"
                    + " P = sum_{i<j}|a_ij| (very wide: a baseline); O(k n^2)");
        }

        @Override
        Estimate estimate(double[][] a, Sampling m, long seed, Runnable tick) {
            return m.estimate(HafnianSamplers.kan(a, m.k(), m.confidence(), seed, tick), seed, "hoeffding");
        }
    }
}
