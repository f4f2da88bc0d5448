package mcs.solvers.mc2.maxdet;

import mcs.problems.matrix.Pattern;
import mcs.solvers.engine.chordal.CliqueSolve;
import mcs.solvers.engine.chordal.EliminationStructure;
import mcs.solvers.engine.chordal.MaximumCardinalitySearch;
import mcs.solvers.engine.maxdet.Completion;
import mcs.solvers.engine.maxdet.MinimumDegree;
import mcs.solvers.engine.maxdet.SparseLdl;
import mcs.solvers.engine.maxdet.SymbolicFactor;

/**
 * The max-determinant completion of a matrix whose values are known on a chordal extension V ⊇ Ω (for MC2: AAᵀ,
 * known everywhere), in closed form along a perfect elimination order of V (Dempster; Grone et al. 1984): for
 * column j with later clique J = rows(j), u = A[J,J]⁻¹A[J,j] and d_j = a_jj − A[j,J]·u &gt; 0; then
 * X̂⁻¹ = L·diag(1/d)·Lᵀ with L's column j = e_j − u on J, so X̂⁻¹ vanishes off V and X̂ = A on V. When G(Ω) is
 * chordal (maximum cardinality search gives a perfect elimination order) V = Ω and X̂ is the max-det completion
 * of A|Ω; otherwise V is the fill of a {@link MinimumDegree} order and X̂ is the max-det completion of A|V.
 *
 * <p>Values are scaled to unit diagonal first (Σ = diag √a_ii). Cost: O(n + m) for the order test, the symbolic
 * factorization, Σ_j |J_j|³/3 flops for the clique solves, and one value lookup per entry of V.
 */
final class ChordalMaxDet {
    /** The filled pattern V (permuted indices) and whether V = Ω. */
    final SymbolicFactor sym;
    final boolean omegaChordal;

    private ChordalMaxDet(SymbolicFactor sym, boolean omegaChordal) {
        this.sym = sym;
        this.omegaChordal = omegaChordal;
    }

    /** Orders Ω (MCS when chordal, else minimum degree) and builds the filled pattern. */
    static ChordalMaxDet plan(Pattern omega) {
        int n = omega.n();
        int[][] adj = omega.adjacency();
        int[] mcs = MaximumCardinalitySearch.eliminationOrder(n, adj[0], adj[1]);
        boolean chordal = EliminationStructure.of(mcs, adj).firstNonPerfectVertex(adj) < 0;
        int[] order = chordal ? mcs : MinimumDegree.order(n, adj[0], adj[1]);
        return new ChordalMaxDet(SymbolicFactor.of(omega, order), chordal);
    }

    /** A symmetric matrix entry in original indices. */
    interface Values {
        double at(int i, int j);
    }

    /**
     * @param a the matrix entry (i, j) in original indices, asked for every (i, j) in V once
     * @return the completion, or null when some Schur complement d_j is not positive (a clique block of A is
     *     singular or indefinite in floating point)
     */
    Completion complete(Values a, mcs.problems.spi.SolverOptions options) {
        int n = sym.n;
        int[] cp = sym.colPtr, ri = sym.rowIdx, ord = sym.order;
        double[] sigma = new double[n];
        for (int v = 0; v < n; v++) {
            double d = a.at(v, v);
            if (!(d > 0)) return null;
            sigma[v] = Math.sqrt(d);
        }
        // Scaled values of V in the factor's slot layout (off-diagonal; the diagonal is 1).
        double[] val = new double[sym.nnz()];
        for (int j = 0; j < n; j++) {
            int vj = ord[j];
            for (int q = cp[j]; q < cp[j + 1]; q++) {
                int vi = ord[ri[q]];
                val[q] = a.at(vi, vj) / (sigma[vi] * sigma[vj]);
            }
        }
        SparseLdl ldl = new SparseLdl(sym);
        double[] m = new double[16];
        double[] u = new double[4];
        for (int j = 0; j < n; j++) {
            if ((j & 255) == 0) options.checkDeadline();
            int base = cp[j], c = cp[j + 1] - base;
            if (m.length < c * c) m = new double[Math.max(c * c, 2 * m.length)];
            if (u.length < c) u = new double[Math.max(c, 2 * u.length)];
            for (int s = 0; s < c; s++) {
                m[s * c + s] = 1;
                u[s] = val[base + s];
                int k = ri[base + s];
                int q = cp[k];
                // Pairs (R[t], R[s]) lie in column R[s] (R is a clique of V): a merge finds them.
                for (int t = s + 1; t < c; t++) {
                    int i = ri[base + t];
                    while (ri[q] != i) q++;
                    m[t * c + s] = val[q];
                }
            }
            double schur = 1 - CliqueSolve.solve(m, u, c);
            if (!(schur > 0)) return null;
            for (int s = 0; s < c; s++) ldl.l[base + s] = -u[s];
            ldl.d[j] = 1 / schur;
        }
        return new Completion(null, ldl, sigma, null);
    }
}
