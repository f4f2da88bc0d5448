package mcs.problems.instance;

import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * MC2, approximate squaring: given A (n×k) and a symmetric position set Ω, find PSD B with
 * B = AAᵀ on Ω. {@code omega} always contains the diagonal as a {@link Pattern} does;
 * {@code omegaHasDiagonal} records whether the input file listed it (when it did not, the diagonal of
 * B is unconstrained and solvers may exploit that).
 */
public record Mc2Instance(RationalMatrix a, Pattern omega, boolean omegaHasDiagonal) implements Instance {
    public Mc2Instance {
        if (a.rows() != omega.n()) throw new IllegalArgumentException("A has " + a.rows() + " rows but Ω is on " + omega.n() + " indices");
    }

    @Override
    public Problem problem() {
        return Problem.APPROXIMATE_SQUARING;
    }

    @Override
    public Mc2Instance deepCopy() {
        return new Mc2Instance(a.copy(), omega.copy(), omegaHasDiagonal);
    }

    @Override
    public int n() {
        return a.rows();
    }

    @Override
    public long m() {
        return omega.m();
    }
}
