package mcs.solvers.mc1.prep;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverResult;

/**
 * The diagonal facts (SPEC §1) that the solvers working on the unit-diagonal scaling (ipm, dual-descent, mmw)
 * settle first: a negative a_ii gives the NO witness W = e_i e_iᵀ (⟨W, a⟩ = a_ii &lt; 0); a zero a_ii leaves the
 * scaling undefined, so the answer is UNKNOWN (the {@code local-checks} solver decides zero rows). O(n).
 */
public final class DiagonalGate {
    private DiagonalGate() {}

    /**
     * @param method what needs the positive diagonal, for the message (e.g. "the margin SDP")
     * @return the final result when the diagonal decides or blocks the method, else null
     */
    public static SolverResult check(String solver, PartialSymmetricMatrix a, String sha, String method) {
        for (int i = 0; i < a.n(); i++) {
            int s = a.diagonal(i).signum();
            if (s < 0) {
                Certificate c = Certificate.witness(sha, new Body.Entries(List.of(new Entry(i, i, Rational.ONE))));
                return SolverResult.solved(solver, c, Map.of("iterations", 0), "negative diagonal entry at (" + (i + 1) + "," + (i + 1) + ")");
            }
            if (s == 0) {
                return SolverResult.unknown(solver, "zero diagonal entry at (" + (i + 1) + "," + (i + 1)
                        + "): " + method + " needs a positive diagonal (local-checks decides zero rows)", Map.of("iterations", 0));
            }
        }
        return null;
    }
}
