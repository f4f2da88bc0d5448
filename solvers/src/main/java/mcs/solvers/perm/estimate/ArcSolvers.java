package mcs.solvers.perm.estimate;

import java.util.function.Function;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;

/**
 * ARC's presumption-of-independence estimators ({@link ArcEstimators}) as solvers for
 * {@code permanent-estimate}: {@code est-row}, {@code est-col}, {@code est-sum}, {@code est-row-col-sum},
 * {@code est-uniq}, {@code est-row-col-uniq} (SPEC's est_row … with hyphens). Each value is the exact
 * rational value of its formula ({@code value_exact} true); none states bounds.
 */
public final class ArcSolvers {
    private ArcSolvers() {}

    private abstract static class Formula extends EstimateSolver {
        private final Function<RationalMatrix, Rational> f;

        Formula(String name, String formula, int rank, int maxN, Function<RationalMatrix, Rational> f) {
            super(name, rank, maxN, "heuristic estimate " + formula + ", exact rational value of the formula (no bound on the error); n <= " + maxN);
            this.f = f;
        }

        @Override
        protected Estimate estimate(PermInstance p, SolverOptions options) {
            return Estimate.exact(f.apply(p.re()));
        }
    }

    /** {@code est-row}: (n!/nⁿ)·Π row sums; O(n²). */
    public static final class Row extends Formula {
        public Row() {
            super("est-row", "(n!/n^n)*prod(row sums)", 62, 5000, ArcEstimators::row);
        }
    }

    /** {@code est-col}: (n!/nⁿ)·Π column sums; O(n²). */
    public static final class Col extends Formula {
        public Col() {
            super("est-col", "(n!/n^n)*prod(column sums)", 63, 5000, ArcEstimators::col);
        }
    }

    /** {@code est-sum}: (n!/n^{2n})·(Σ a_ij)ⁿ; O(n²). */
    public static final class Sum extends Formula {
        public Sum() {
            super("est-sum", "(n!/n^(2n))*(sum of entries)^n", 64, 5000, ArcEstimators::sum);
        }
    }

    /** {@code est-row-col-sum}: est_row·est_col/est_sum; O(n²). */
    public static final class RowColSum extends Formula {
        public RowColSum() {
            super("est-row-col-sum", "est_row*est_col/est_sum (0 if est_sum = 0)", 60, 5000, ArcEstimators::rowColSum);
        }
    }

    /** {@code est-uniq}: n!·e_n(entries)/C(n², n); O(n³) big-integer operations. */
    public static final class Uniq extends Formula {
        public Uniq() {
            super("est-uniq", "n!*e_n(all n^2 entries)/C(n^2,n)", 65, 300, ArcEstimators::uniq);
        }
    }

    /** {@code est-row-col-uniq}: est_row·est_col/est_uniq; O(n³). */
    public static final class RowColUniq extends Formula {
        public RowColUniq() {
            super("est-row-col-uniq", "est_row*est_col/est_uniq (0 if est_uniq = 0)", 61, 300, ArcEstimators::rowColUniq);
        }
    }
}
