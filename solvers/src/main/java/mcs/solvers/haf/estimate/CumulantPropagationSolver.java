package mcs.solvers.haf.estimate;

import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.perm.estimate.Estimate;
import mcs.solvers.perm.estimate.EstimateSolver;

/**
 * {@code cumulant-propagation} for {@code hafnian-estimate}: {@link CumulantPropagation} of order
 * {@code k} (option {@code order}, default 2) on a balanced binary tree; exact rational value.
 */
public final class CumulantPropagationSolver extends EstimateSolver {
    public CumulantPropagationSolver() {
        super("cumulant-propagation", Problem.HAFNIAN_ESTIMATE, 50, CumulantPropagation.MAX_N,
                "symmetric S of even order N <= " + CumulantPropagation.MAX_N + ": ARC's cumulant propagation estimate of haf(S) (order k, option"
                + " order, default 2; exact for k >= N), exact rational value; O(levels * sum_{r<=k} C(F,r) * Bell(2k))");
    }

    @Override
    protected String matrixRefusal(PermInstance p) {
        if (p.n() % 2 != 0) return name() + " needs an even order, got " + p.n();
        return p.re().isSymmetric() ? null : name() + " needs a symmetric matrix";
    }

    @Override
    protected Estimate estimate(PermInstance p, SolverOptions o) {
        int k = o.extraInt("order", 2);
        if (k < 1) throw new IllegalArgumentException("option order must be >= 1, got " + k);
        return Estimate.exact(CumulantPropagation.estimate(p.re(), k)).with("order", k);
    }
}
