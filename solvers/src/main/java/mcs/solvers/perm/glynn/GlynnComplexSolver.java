package mcs.solvers.perm.glynn;

import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;

/**
 * {@code glynn-complex}: the permanent of a complex matrix in double precision with a rigorous error
 * bound on |value − perm(A)| ({@link GlynnSum}, {@link GlynnComplex}). The value is written
 * {@code re±imi} with 17-digit decimals. Complexity: 2^(n−1) terms of about 10n flops; n ≤ 62.
 */
public final class GlynnComplexSolver extends GlynnSolver {
    public GlynnComplexSolver() {
        super(new SolverInfo("glynn-complex", Problem.PERMANENT, SolverKind.EXACT, 40,
                "permanent of a complex matrix in double precision with a rigorous a-posteriori bound on the modulus of the error "
                + "(Glynn's formula, exact fixed-point column sums); O(n*2^(n-1)) complex flops; n <= " + MAX_N), true);
    }
}
