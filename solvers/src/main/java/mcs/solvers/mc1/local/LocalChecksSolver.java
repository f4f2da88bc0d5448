package mcs.solvers.mc1.local;

import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.exact.NegativeDirection;

/**
 * MC1 by local obstructions and a trivial completion; says UNKNOWN whenever these do not decide.
 *
 * <p>In order, each verdict with an exact certificate:
 * <ol>
 *   <li>a_ii &lt; 0 ⇒ NO, W = e_i e_iᵀ;
 *   <li>a_ii = 0 and a_ij ≠ 0 ⇒ NO, W = vvᵀ with v_i = −sign(a_ij)·s, v_j = 1 and the integer
 *       s = ⌊a_jj/(2|a_ij|)⌋ + 1, so ⟨W,a⟩ = a_jj − 2s|a_ij| &lt; 0;
 *   <li>a_ij² &gt; a_ii·a_jj ⇒ NO, W = vvᵀ with v = (a_jj, −a_ij) on (i, j), ⟨W,a⟩ = a_jj(a_ii a_jj − a_ij²);
 *   <li>zero fill: every connected component C of G(Ω) either has a_ii ≥ Σ_{j≠i} |a_ij| on all its rows
 *       (Gershgorin) or is a complete graph of order ≤ {@code max-dense} whose block is PSD (exact
 *       elimination, {@link NegativeDirection}) ⇒ YES with the completion "all unspecified pairs 0"
 *       (the zero-filled matrix is block diagonal over components); a complete component found not PSD
 *       ⇒ NO with a rank-one witness on it;
 *   <li>every triangle of G(Ω) (up to {@code max-triangles}): a 3×3 block not PSD ⇒ NO, W = vvᵀ on it.
 *       A double-precision determinant skips blocks that are clearly positive definite (this only saves
 *       time: no verdict rests on floating point);
 *   <li>otherwise UNKNOWN, naming what was checked.
 * </ol>
 * Cost: O(m) rational comparisons for 1–4 (plus O(k³) per complete component of order k ≤ max-dense),
 * O(m·√m) for the triangle scan. Options ({@link SolverOptions#extra}): {@code max-triangles} (default
 * {@value #DEFAULT_MAX_TRIANGLES}), {@code max-dense} (default {@value #DEFAULT_MAX_DENSE}). The deadline
 * is checked cooperatively; when it passes the answer is {@link Status#TIMEOUT}.
 */
public final class LocalChecksSolver extends BaseSolver<Mc1Instance> {
    static final long DEFAULT_MAX_TRIANGLES = 5_000_000L;
    static final int DEFAULT_MAX_DENSE = 40;

    public LocalChecksSolver() {
        super(Mc1Instance.class, new SolverInfo("local-checks", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 10,
                "incomplete: decides only by local obstructions (negative or zero diagonal, 2x2 and triangle blocks, complete components"
                + " of <= 40 vertices) and the zero-fill completion (each component diagonally dominant or a PSD complete block),"
                + " each verdict with an exact certificate; UNKNOWN otherwise; O(m) plus O(m^1.5) for <= 5e6 triangles"));
    }

    @Override
    protected SolverResult run(Mc1Instance instance, String instanceSha256, SolverOptions options) {
        long maxTriangles;
        int maxDense;
        try {
            maxTriangles = options.extraLong("max-triangles", DEFAULT_MAX_TRIANGLES);
            maxDense = options.extraInt("max-dense", DEFAULT_MAX_DENSE);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, "local-checks: options max-triangles and max-dense must be integers (" + e.getMessage() + ")");
        }
        return new LocalChecks(name(), instance.matrix(), instanceSha256, options, maxTriangles, maxDense).run();
    }
}
