package mcs.solvers.perm.estimate;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
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
public abstract class EstimateSolver extends BaseSolver<PermInstance> {
    private final int maxN;

    /** A heuristic {@code permanent-estimate} solver of real matrices of order 1 ≤ n ≤ {@code maxN}. */
    protected EstimateSolver(String name, int autoRank, int maxN, String guarantees) {
        this(name, Problem.PERMANENT_ESTIMATE, autoRank, maxN, guarantees);
    }

    /** A heuristic solver of {@code problem} (an estimate problem) on real matrices of order 1 ≤ n ≤ {@code maxN}. */
    protected EstimateSolver(String name, Problem problem, int autoRank, int maxN, String guarantees) {
        super(PermInstance.class, new SolverInfo(name, problem, SolverKind.HEURISTIC, autoRank, guarantees));
        this.maxN = maxN;
    }

    /** Why the matrix (real, of an order this estimator takes) is outside its domain (sign, symmetry, definiteness), or null. */
    protected String matrixRefusal(PermInstance p) {
        return null;
    }

    protected abstract Estimate estimate(PermInstance p, SolverOptions options);

    @Override
    protected final String refusal(PermInstance p) {
        if (p.isComplex()) return name() + " does not take complex matrices";
        if (p.n() < 1 || p.n() > maxN) return name() + " takes orders 1 <= n <= " + maxN + ", got " + p.n();
        return matrixRefusal(p);
    }

    @Override
    protected final SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        Estimate e;
        try {
            e = estimate(instance, options);
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
