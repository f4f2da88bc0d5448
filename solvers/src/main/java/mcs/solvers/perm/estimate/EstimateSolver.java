package mcs.solvers.perm.estimate;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * Common shape of the estimators: a heuristic solver for {@code permanent-estimate} (or
 * {@code hafnian-estimate}) on real matrices. The answer is a certificate with {@code exact = false}
 * (it is an estimate, not the permanent) and no error bound, so the kernel scores it rather than accepting
 * it; the statistics carry {@code estimator}, {@code value_exact} (true when the value is the exact value
 * of a rational formula), {@code lower}/{@code upper} when the estimator states bounds on the true value,
 * the estimator's own statistics (confidence interval, iterations, seed), and {@code seconds}.
 */
public abstract class EstimateSolver implements Solver {
    @Override
    public Problem problem() {
        return Problem.PERMANENT_ESTIMATE;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.HEURISTIC;
    }

    /** Largest order accepted. */
    protected abstract int maxN();

    /** Why the (real, square, small enough) instance is outside the estimator's domain, or null when it is inside. */
    protected String refusal(PermInstance p) {
        return null;
    }

    protected abstract Estimate estimate(PermInstance p, SolverOptions options);

    @Override
    public boolean accepts(Instance instance) {
        return why(instance) == null;
    }

    private String why(Instance instance) {
        if (!(instance instanceof PermInstance p) || p.problem() != problem()) {
            return name() + " takes " + problem().id() + " instances, got " + instance.problem().id();
        }
        if (p.isComplex()) return name() + " does not take complex matrices";
        if (p.n() < 1 || p.n() > maxN()) return name() + " takes orders 1 <= n <= " + maxN() + ", got " + p.n();
        return refusal(p);
    }

    @Override
    public SolverResult solve(Instance instance, String instanceSha256, SolverOptions options) {
        String why = why(instance);
        if (why != null) return SolverResult.of(name(), Status.UNSUPPORTED, why);
        long t0 = System.nanoTime();
        Estimate e;
        try {
            e = estimate((PermInstance) instance, options);
        } catch (DeadlineExceededException x) {
            return SolverResult.of(name(), Status.TIMEOUT, "deadline reached");
        } catch (IllegalArgumentException x) {
            // Option values (samples, confidence, order, iterations) are checked when they are read.
            return SolverResult.of(name(), Status.UNSUPPORTED, name() + ": " + x.getMessage());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("estimator", name());
        stats.put("value_exact", e.valueExact());
        if (e.lower() != null) stats.put("lower", e.lower());
        if (e.upper() != null) stats.put("upper", e.upper());
        stats.putAll(e.statistics());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.approximateValue(problem(), instanceSha256, e.value(), null);
        return SolverResult.solved(name(), c, stats, guarantees());
    }

    /** The matrix in doubles (correctly rounded entries). */
    static double[][] doubles(PermInstance p) {
        int n = p.n();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = p.re().approx(i, j);
        return a;
    }

    static String nonnegativeRefusal(String name, PermInstance p) {
        for (int i = 0; i < p.n(); i++) for (int j = 0; j < p.n(); j++) {
            if (p.re().get(i, j).signum() < 0) return name + " needs a nonnegative matrix; entry (" + (i + 1) + "," + (j + 1) + ") is negative";
        }
        return null;
    }
}
