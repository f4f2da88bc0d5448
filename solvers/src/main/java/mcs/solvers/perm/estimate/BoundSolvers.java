package mcs.solvers.perm.estimate;

import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.SolverOptions;

/**
 * Estimators that state bounds or confidence intervals, as solvers for {@code permanent-estimate}:
 * {@code sinkhorn} and {@code bethe} (nonnegative matrices), {@code gurvits} (any real matrix),
 * {@code wick-mc} and {@code marcus} (PSD matrices, checked exactly). Bounds are reported as
 * {@code lower}/{@code upper} statistics; sampled estimators add {@code ci_lower}, {@code ci_upper},
 * {@code confidence}, {@code ci_method}, {@code std_error}, {@code samples} and {@code seed}.
 * Options ({@code SolverOptions.extra}): {@code samples} (default 20000), {@code confidence} (0.95),
 * {@code iterations} (sinkhorn 10000 sweeps, bethe 200 belief-propagation steps).
 */
public final class BoundSolvers {
    private BoundSolvers() {}

    /**
     * An estimator of nonnegative matrices: it refuses a negative entry, and answers exactly 0 when the support has no
     * perfect matching (then the permanent is 0) before its own method runs on the matrix in doubles.
     */
    private abstract static class Nonnegative extends EstimateSolver {
        Nonnegative(String name, int autoRank, int maxN, String guarantees) {
            super(name, autoRank, maxN, guarantees);
        }

        abstract Estimate estimate(double[][] a, SolverOptions o);

        @Override
        protected final String matrixRefusal(PermInstance p) {
            return nonnegativeRefusal(name(), p);
        }

        @Override
        protected final Estimate estimate(PermInstance p, SolverOptions o) {
            double[][] a = doubles(p);
            return Assignment.hasPerfectMatching(a) ? estimate(a, o)
                    : Estimate.known(Rational.ZERO, "the support has no perfect matching, so the permanent is 0");
        }
    }

    /** An estimator of symmetric positive semidefinite matrices (checked exactly). */
    private abstract static class Semidefinite extends EstimateSolver {
        Semidefinite(String name, int autoRank, int maxN, String guarantees) {
            super(name, autoRank, maxN, guarantees);
        }

        @Override
        protected final String matrixRefusal(PermInstance p) {
            return Psd.isPsd(p.re()) ? null : name() + " needs a symmetric positive semidefinite matrix (checked exactly)";
        }
    }

    /** {@code sinkhorn}: capacity bounds from Sinkhorn scaling; value = the Schrijver lower bound at the scaling. */
    public static final class SinkhornSolver extends Nonnegative {
        public SinkhornSolver() {
            super("sinkhorn", 31, 2000, "nonnegative A: Sinkhorn scaling B = diag(r)A diag(c); upper = prod_i (Ac)_i/prod_j c_j >= perm; lower = cap*prod(1-b)^(1-b)"
                    + " (Schrijver, >= van der Waerden n!/n^n*cap) once the scaling is doubly stochastic within 1e-12; floating point; O(n^2) per sweep");
        }

        @Override
        Estimate estimate(double[][] a, SolverOptions o) {
            Sinkhorn.Scaling s = Sinkhorn.scale(a, o.extraInt("iterations", 10_000), 1e-12, o::checkDeadline);
            double logUp = Sinkhorn.logUpper(a, s.c());
            double dev = Sinkhorn.deviation(s.b());
            boolean converged = dev <= 1e-12;
            double slack = Sinkhorn.slack(a.length, dev);
            double logCap = Sinkhorn.logCapacityLower(a, s.b());
            double logSchrijver = logCap + Sinkhorn.logSchrijver(s.b());
            double logVdw = logCap + logFactorialOverPower(a.length);
            String lower = converged ? Decimal.of(1, Math.max(logSchrijver, logVdw) - slack) : "0";
            return new Estimate(Decimal.of(1, Math.min(logSchrijver, logUp)), false, lower, Decimal.of(1, logUp + 1e-9), Map.of())
                    .with("van_der_waerden_lower", converged ? Decimal.of(1, logVdw - slack) : "0")
                    .with("iterations", s.iterations())
                    .with("max_deviation", dev);
        }
    }

    /** {@code bethe}: the Bethe permanent; perm_B ≤ perm ≤ 2^{n/2}·perm_B. */
    public static final class BetheSolver extends Nonnegative {
        public BetheSolver() {
            super("bethe", 30, 500, "nonnegative A: Bethe permanent by belief propagation (Sinkhorn form); lower = exp(-F_B(gamma)) <= perm_B <= perm,"
                    + " upper = min(2^(n/2)*exp(-F_B(gamma)+Frank-Wolfe gap), capacity bound) >= perm; floating point; O(iterations*n^2) + O(n^3)");
        }

        @Override
        Estimate estimate(double[][] a, SolverOptions o) {
            Bethe.Result r = Bethe.compute(a, o.extraInt("iterations", 200), 1e-10, o::checkDeadline);
            return new Estimate(Decimal.of(1, r.logValue()), false, Decimal.of(1, r.logLower()), Decimal.of(1, r.logUpper()), Map.of())
                    .with("iterations", r.iterations())
                    .with("frank_wolfe_gap", r.gap());
        }
    }

    /** {@code gurvits}: the Glynn-estimator average with a Hoeffding confidence interval. */
    public static final class GurvitsSolver extends EstimateSolver {
        public GurvitsSolver() {
            super("gurvits", 40, 2000, "any real A: unbiased mean of k Glynn estimators prod(x)*prod(A^T x), x uniform in {+-1}^n; additive Hoeffding interval"
                    + " +-M*sqrt(2 ln(2/delta)/k), M = min(||A||_2^n, prod column 1-norms), at the stated confidence; O(k*n^2)");
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            Sampling m = Sampling.of(o);
            return m.estimate(Samplers.glynn(doubles(p), m.k(), m.confidence(), o.seed(), o::checkDeadline), o.seed(), "hoeffding");
        }
    }

    /** {@code wick-mc}: E[Π|z_i|²] for z ~ CN(0, A), A PSD. */
    public static final class WickSolver extends Semidefinite {
        public WickSolver() {
            super("wick-mc", 35, 200, "PSD A (checked exactly): unbiased mean of k draws prod_i |z_i|^2, z = Lg ~ CN(0,A); asymptotic normal interval"
                    + " (relative variance up to 2^n-1); O(n^3 + k*n^2)");
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            Sampling m = Sampling.of(o);
            double[][] a = doubles(p);
            double[] diag = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                if (p.re().get(i, i).isZero()) {
                    return Estimate.known(Rational.ZERO, "a zero diagonal entry of a PSD matrix forces its row to 0, so the permanent is 0");
                }
                diag[i] = a[i][i];
            }
            return m.estimate(Samplers.wick(Psd.cholesky(a), diag, m.k(), m.confidence(), o.seed(), o::checkDeadline), o.seed(), "normal-approximation");
        }
    }

    /** {@code marcus}: Π a_ii ≤ perm(A) ≤ n!·Π a_ii for PSD A; value Π a_ii. */
    public static final class MarcusSolver extends Semidefinite {
        public MarcusSolver() {
            super("marcus", 36, 200, "PSD A (checked exactly): exact bounds prod a_ii <= perm <= n!*prod a_ii (Marcus 1963, Lieb); value prod a_ii; O(n^3) rational check");
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions o) {
            Rational d = Rational.ONE;
            for (int i = 0; i < p.n(); i++) d = d.multiply(p.re().get(i, i));
            Rational up = d.multiply(Rational.of(ArcEstimators.factorial(p.n())));
            return new Estimate(d.toString(), true, d.toString(), up.toString(), Map.of());
        }
    }

    /** The sampling options: {@code samples} (k ≥ 2, default 20000) and {@code confidence} (in (0, 1), default 0.95). */
    private record Sampling(int k, double confidence) {
        static Sampling of(SolverOptions o) {
            int k = o.extraInt("samples", 20_000);
            double conf = o.extraDouble("confidence", 0.95);
            if (k < 2) throw new IllegalArgumentException("option samples must be >= 2, got " + k);
            if (!(conf > 0 && conf < 1)) throw new IllegalArgumentException("option confidence must be in (0, 1), got " + conf);
            return new Sampling(k, conf);
        }

        /** The sample's mean with its interval, in decimal text, and the sampling statistics. */
        Estimate estimate(Samplers.Sample s, long seed, String method) {
            double scale = s.logScale();
            return new Estimate(scaled(s.mean(), scale), false, null, null, Map.of())
                    .with("ci_lower", scaled(s.lo(), scale))
                    .with("ci_upper", scaled(s.hi(), scale))
                    .with("confidence", confidence)
                    .with("ci_method", method)
                    .with("std_error", scaled(s.stdError(), scale))
                    .with("samples", k)
                    .with("seed", seed);
        }
    }

    /** t·e^{logScale} as decimal text. */
    private static String scaled(double t, double logScale) {
        return t == 0 ? "0" : Decimal.of(t > 0 ? 1 : -1, Math.log(Math.abs(t)) + logScale);
    }

    private static double logFactorialOverPower(int n) {
        double s = 0;
        for (int k = 1; k <= n; k++) s += Math.log((double) k / n);
        return s;
    }
}
