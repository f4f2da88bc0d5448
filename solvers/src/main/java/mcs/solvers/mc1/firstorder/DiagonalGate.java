package mcs.solvers.mc1.firstorder;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverResult;

/**
 * The diagonal facts (SPEC §1) both first-order solvers settle before scaling: a negative a_ii gives the NO
 * witness W = e_i e_iᵀ (⟨W, a⟩ = a_ii &lt; 0); a zero a_ii leaves the scaling undefined, so the answer is UNKNOWN
 * (the {@code local-checks} solver decides zero rows). O(n).
 */
final class DiagonalGate {
    private DiagonalGate() {}

    /** @return the final result when the diagonal decides or blocks the method, else null */
    static SolverResult check(String solver, PartialSymmetricMatrix a, String sha) {
        for (int i = 0; i < a.n(); i++) {
            int s = a.diagonal(i).signum();
            if (s < 0) {
                Certificate c = Certificate.witness(sha, new Body.Entries(List.of(new Entry(i, i, Rational.ONE))));
                return SolverResult.solved(solver, c, Map.of("iterations", 0), "negative diagonal entry at (" + (i + 1) + "," + (i + 1) + ")");
            }
            if (s == 0) {
                return SolverResult.unknown(solver, "zero diagonal entry at (" + (i + 1) + "," + (i + 1)
                        + "): the unit-diagonal scaling needs a positive diagonal (local-checks decides zero rows)", Map.of("iterations", 0));
            }
        }
        return null;
    }
}
