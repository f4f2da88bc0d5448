package mcs.solvers.haf.estimate;

import java.util.Map;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.perm.estimate.Estimate;
import mcs.solvers.perm.estimate.EstimateSolver;

/**
 * Unbiased sampled estimators of the hafnian with confidence intervals, as solvers for
 * {@code hafnian-estimate} ({@link HafnianSamplers}): {@code godsil-gutman} (Pfaffians of random ±1 signings,
 * rigorous Hoeffding interval), {@code barvinok} (Gaussian signings, normal-approximation interval),
 * {@code kan-mc} (sampled Kan formula, rigorous Hoeffding interval). Statistics as {@code gurvits}'s:
 * {@code ci_lower}, {@code ci_upper}, {@code confidence}, {@code ci_method}, {@code std_error},
 * {@code samples}, {@code seed}. Options: {@code samples} (default 20000; 2000 for the O(n³) Pfaffian
 * estimators), {@code confidence} (0.95).
 */
public final class HafnianSamplerSolvers {
    private HafnianSamplerSolvers() {}

    private abstract static class Base extends EstimateSolver {
        @Override
        public Problem problem() {
            return Problem.HAFNIAN_ESTIMATE;
        }

        @Override
        protected int maxN() {
            return 400;
        }

        @Override
        protected String refusal(PermInstance p) {
            if (p.n() % 2 != 0) return name() + " needs an even order, got " + p.n();
            return p.re().isSymmetric() ? null : name() + " needs a symmetric matrix";
        }

        static double[][] doubles(PermInstance p) {
            int n = p.n();
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = p.re().approx(i, j);
            return a;
        }

        static Estimate sampled(HafnianSamplers.Sample s, int k, double conf, long seed, String method) {
            double scale = s.logScale();
            return new Estimate(HafnianSamplers.scaled(s.mean(), scale), false, null, null, Map.of())
                    .with("ci_lower", HafnianSamplers.scaled(s.lo(), scale))
                    .with("ci_upper", HafnianSamplers.scaled(s.hi(), scale))
                    .with("confidence", conf)
                    .with("ci_method", method)
                    .with("std_error", HafnianSamplers.scaled(s.stdError(), scale))
                    .with("samples", k)
                    .with("seed", seed);
        }

        static void check(int k, double conf) {
            if (k < 2) throw new IllegalArgumentException("option samples must be >= 2, got " + k);
            if (!(conf > 0 && conf < 1)) throw new IllegalArgumentException("option confidence must be in (0, 1), got " + conf);
        }

        /** A zero off-diagonal row means no perfect matching: haf = 0 exactly. */
        static boolean zeroRow(double[][] a) {
            for (int i = 0; i < a.length; i++) {
                boolean zero = true;
                for (int j = 0; j < a.length; j++) if (j != i && a[i][j] != 0) zero = false;
                if (zero) return true;
            }
            return false;
        }
    }

    /** {@code godsil-gutman}: Pf(W)·Pf(W') with random ±1 signs; Hoeffding interval. */
    public static final class GodsilGutman extends Base {
        @Override
        public String name() {
            return "godsil-gutman";
        }

        @Override
        public int autoRank() {
            return 40;
        }

        @Override
        public String guarantees() {
            return "real symmetric A of even order: unbiased mean of k draws Pf(W)Pf(W'), W_ij = x_ij sqrt|a_ij|, W'_ij = sign(a_ij) W_ij,"
                    + " x uniform +-1 (Godsil-Gutman); rigorous Hoeffding interval +-M sqrt(2 ln(2/delta)/k), M = prod_i (sum_j |a_ij|)^(1/2);"
                    + " O(k n^3)";
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            int k = o.extraInt("samples", 2000);
            double conf = o.extraDouble("confidence", 0.95);
            check(k, conf);
            double[][] a = doubles(p);
            if (zeroRow(a)) return new Estimate("0", true, "0", "0", Map.of("note", "a vertex has no edge, so there is no perfect matching"));
            return sampled(HafnianSamplers.pfaffianPairs(a, false, k, conf, o.seed(), o::checkDeadline), k, conf, o.seed(), "hoeffding");
        }
    }

    /** {@code barvinok}: Pf(W)·Pf(W') with Gaussian weights; normal-approximation interval. */
    public static final class Barvinok extends Base {
        @Override
        public String name() {
            return "barvinok";
        }

        @Override
        public int autoRank() {
            return 41;
        }

        @Override
        public String guarantees() {
            return "real symmetric A of even order: unbiased mean of k draws Pf(W)Pf(W') with Gaussian x_ij (Barvinok; det W for A >= 0);"
                    + " asymptotic normal interval mean +- z*s/sqrt(k) (variance can be exponential in n); O(k n^3)";
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            int k = o.extraInt("samples", 2000);
            double conf = o.extraDouble("confidence", 0.95);
            check(k, conf);
            double[][] a = doubles(p);
            if (zeroRow(a)) return new Estimate("0", true, "0", "0", Map.of("note", "a vertex has no edge, so there is no perfect matching"));
            return sampled(HafnianSamplers.pfaffianPairs(a, true, k, conf, o.seed(), o::checkDeadline), k, conf, o.seed(), "normal-approximation");
        }
    }

    /** {@code kan-mc}: sampled Kan formula; Hoeffding interval. */
    public static final class KanMc extends Base {
        @Override
        public String name() {
            return "kan-mc";
        }

        @Override
        public int autoRank() {
            return 42;
        }

        @Override
        public String guarantees() {
            return "real symmetric A of even order n = 2m: unbiased mean of k draws (prod delta) q(delta)^m/m!, delta uniform +-1,"
                    + " q = sum_{i<j} a_ij delta_i delta_j (Kan); rigorous Hoeffding interval +-P^m/m! sqrt(2 ln(2/delta)/k), P = sum_{i<j}|a_ij|"
                    + " (very wide: a baseline); O(k n^2)";
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            int k = o.extraInt("samples", 20_000);
            double conf = o.extraDouble("confidence", 0.95);
            check(k, conf);
            double[][] a = doubles(p);
            if (zeroRow(a)) return new Estimate("0", true, "0", "0", Map.of("note", "a vertex has no edge, so there is no perfect matching"));
            return sampled(HafnianSamplers.kan(a, k, conf, o.seed(), o::checkDeadline), k, conf, o.seed(), "hoeffding");
        }
    }
}
