package mcs.verifier.search.plugin;

import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * A test estimator (plug-in jar only) that states {@code upper = Π_i (row sum i)}: a true bound for
 * nonnegative matrices, false for signed ones (e.g. [[0,1],[1,−1]]: perm 1, bound 0). Value: ARC's est_row.
 */
public final class RowProductBound implements Solver {
    @Override
    public String name() {
        return "row-product-bound";
    }

    @Override
    public Problem problem() {
        return Problem.PERMANENT_ESTIMATE;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.HEURISTIC;
    }

    @Override
    public String guarantees() {
        return "upper bound prod(row sums), valid for nonnegative matrices only";
    }

    @Override
    public boolean accepts(Instance instance) {
        return instance.problem() == Problem.PERMANENT_ESTIMATE && !((PermInstance) instance).isComplex();
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        PermInstance p = (PermInstance) instance;
        int n = p.n();
        Rational prod = Rational.ONE, fact = Rational.ONE;
        for (int i = 0; i < n; i++) {
            Rational s = Rational.ZERO;
            for (int j = 0; j < n; j++) s = s.add(p.re().get(i, j));
            prod = prod.multiply(s);
            fact = fact.multiply(i + 1).divide(Rational.of(n));
        }
        Certificate c = new Certificate(Problem.PERMANENT_ESTIMATE, sha, Verdict.SOLVED, null, prod.multiply(fact).toString(), false, null);
        return SolverResult.solved(name(), c, Map.of("upper", prod.toString()), "est_row");
    }
}
