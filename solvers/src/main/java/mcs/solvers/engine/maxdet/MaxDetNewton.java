package mcs.solvers.engine.maxdet;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.dense.PlainCholesky;

/**
 * The maximum-determinant completion of a partial symmetric matrix a on Ω by Newton's method on the sparse
 * dual (covariance selection): minimise f(S) = ⟨S, ã⟩ − log det S over S ≻ 0 supported on Ω, where
 * ã = Σ⁻¹aΣ⁻¹ with Σ = diag(√a_ii) (unit diagonal). The gradient is P_Ω(ã − S⁻¹), so at the optimum X̃ = S⁻¹
 * agrees with ã on Ω and its inverse vanishes off Ω: X = ΣX̃Σ is the max-det completion of a. The optimum
 * exists iff a has a positive definite completion; otherwise f is unbounded below, and the iteration stops as
 * soon as an iterate has ⟨S, a⟩ ≤ 0 (impossible when a PD completion X exists: ⟨S, a⟩ = ⟨S, X⟩ &gt; 0), reported as
 * not converged.
 *
 * <p>Each Newton step: one numeric sparse LDLᵀ of S on the filled pattern of a {@link MinimumDegree} order
 * (symbolic factorization once, {@link SymbolicFactor}), the projected inverse P_V(S⁻¹) for the gradient, and
 * the Newton system P_Ω(X̃ΔX̃) = −P_Ω(ã − X̃) solved by conjugate gradients with the Frobenius inner product on
 * Ω and a Jacobi preconditioner (X̃_iiX̃_jj + X̃_ij²) — or, when m ≤ {@code dense-max-m} (default 1200), exactly from
 * the dense m×m Hessian ⟨E_k, X̃E_lX̃⟩ (O(n·nnz(L) + m³/3) per step); each Hessian-vector product is the forward-mode derivative
 * of (LDLᵀ, projected inverse), about three factorizations' work ({@link SparseLdl}). Steps use backtracking
 * from the full step (Armijo with constant 0.01, factor 1/2, S must stay positive definite); once the Newton
 * decrement λ is below 1/4 the full step is taken as soon as S stays positive definite (for a self-concordant f it
 * then decreases f, by less than f's rounding error near the optimum). Start: the max-det dual of a maximum spanning forest
 * ({@link TreeStart}).
 *
 * <p>Defaults: {@code tolerance} 1e−11 on max_k |ã_k − X̃_k|, {@code max-newton} 100 iterations,
 * {@code max-cg} 500 CG iterations per step. Cost per CG iteration ≈ 3× the factorization flops Σ_j |col_j|²;
 * memory O(n + nnz(L)). The deadline is checked at every CG iteration.
 */
public final class MaxDetNewton {
    /** @param tolerance stop when max_k |ã_k − X̃_k| ≤ tolerance (unit-diagonal scale) */
    public record Settings(double tolerance, int maxNewton, int maxCg, int denseMaxM) {
        public static final Settings DEFAULTS = new Settings(1e-11, 100, 500, 1200);

        /** Reads {@code tolerance}, {@code max-newton}, {@code max-cg}, {@code dense-max-m} from the options' extras. */
        public Settings with(SolverOptions o) {
            return new Settings(o.extraDouble("tolerance", tolerance), o.extraInt("max-newton", maxNewton), o.extraInt("max-cg", maxCg),
                    o.extraInt("dense-max-m", denseMaxM));
        }
    }

    /**
     * @param converged whether max_k |ã_k − X̃_k| ≤ tolerance was reached
     * @param message why not, when not
     */
    public record Result(boolean converged, String message, Map<String, Object> statistics, Completion completion) {}

    private MaxDetNewton() {}

    /**
     * @param omega Ω
     * @param target a on Ω, indexed by entry (double); every a_ii must be positive
     */
    public static Result solve(Pattern omega, double[] target, SolverOptions options, Settings settings) {
        long t0 = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        int n = omega.n(), m = omega.m();
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            double aii = target[omega.diagonalEntry(i)];
            if (!(aii > 0)) return new Result(false, "diagonal entry " + (i + 1) + " is not positive: no positive definite completion", stats, null);
            sigma[i] = Math.sqrt(aii);
        }
        double[] a = new double[m];
        double[] w = new double[m];
        int[] rowOf = new int[m];
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                rowOf[k] = i;
                a[k] = i == j ? 1 : target[k] / (sigma[i] * sigma[j]);
                w[k] = i == j ? 1 : 2;
            }
        }
        int[][] adj = omega.adjacency();
        int[] order = MinimumDegree.order(n, adj[0], adj[1]);
        long tOrder = System.nanoTime();
        SymbolicFactor sym = SymbolicFactor.of(omega, order);
        long tSym = System.nanoTime();
        stats.put("order_seconds", (tOrder - t0) / 1e9);
        stats.put("symbolic_seconds", (tSym - tOrder) / 1e9);
        stats.put("fill_nnz_l", sym.nnz());
        stats.put("max_clique", sym.maxClique());
        options.checkDeadline();

        Newton newton = new Newton(omega, sym, a, w, rowOf, settings, options);
        String failure = newton.run();
        stats.put("newton_iterations", newton.iterations);
        stats.put("cg_iterations", newton.cgTotal);
        stats.put("residual", newton.residual);
        stats.put("newton_seconds", (System.nanoTime() - tSym) / 1e9);
        Completion c = new Completion(omega, newton.ldl, sigma, newton.s);
        return new Result(failure == null, failure, stats, failure == null ? c : null);
    }

    /** The iteration state (one solve). */
    private static final class Newton {
        final Pattern omega;
        final SymbolicFactor sym;
        final double[] a, w;
        final int[] rowOf;
        final Settings settings;
        final SolverOptions options;
        final SparseLdl ldl;
        final int m;
        double[] s;
        int iterations, cgTotal;
        double residual = Double.NaN;
        // Work arrays: projected inverse and its tangent, factor tangent.
        final double[] zl, zd, dzl, dzd, dl, dd;

        Newton(Pattern omega, SymbolicFactor sym, double[] a, double[] w, int[] rowOf, Settings settings, SolverOptions options) {
            this.omega = omega;
            this.sym = sym;
            this.a = a;
            this.w = w;
            this.rowOf = rowOf;
            this.settings = settings;
            this.options = options;
            this.ldl = new SparseLdl(sym);
            this.m = omega.m();
            zl = new double[sym.nnz()];
            zd = new double[sym.n];
            dzl = new double[sym.nnz()];
            dzd = new double[sym.n];
            dl = new double[sym.nnz()];
            dd = new double[sym.n];
        }

        /** @return null on convergence, else the reason */
        String run() {
            s = TreeStart.of(omega, a, rowOf);
            if (!ldl.factor(s)) {
                s = new double[m];
                for (int i = 0; i < omega.n(); i++) s[omega.diagonalEntry(i)] = 1;
                ldl.factor(s);
            }
            double f = objective(s);
            double[] x = new double[m], g = new double[m], dir = new double[m], trial = new double[m];
            for (iterations = 0; ; iterations++) {
                options.checkDeadline();
                ldl.projectedInverse(zl, zd);
                gather(zl, zd, x);
                residual = 0;
                for (int k = 0; k < m; k++) {
                    g[k] = a[k] - x[k];
                    residual = Math.max(residual, Math.abs(g[k]));
                }
                if (residual <= settings.tolerance()) return null;
                if (iterations >= settings.maxNewton()) {
                    return "no convergence in " + iterations + " Newton iterations (residual " + residual + "): no positive definite completion, or too close to the boundary";
                }
                double gdir = m <= settings.denseMaxM() ? denseNewton(g, dir) : conjugateGradient(x, g, dir);
                double lambda = Math.sqrt(Math.max(0, -gdir));
                double alpha = 1;
                boolean accepted = false;
                for (int half = 0; half < 60; half++, alpha /= 2) {
                    for (int k = 0; k < m; k++) trial[k] = s[k] + alpha * dir[k];
                    if (!ldl.factor(trial)) continue;
                    double ft = objective(trial);
                    // Inside the quadratic region (λ < 1/4) the full step of a self-concordant function is
                    // feasible and decreasing; Armijo would only be defeated by rounding in f.
                    if (lambda < 0.25 || ft <= f + 0.01 * alpha * gdir) {
                        accepted = true;
                        f = ft;
                        break;
                    }
                }
                if (!accepted) {
                    ldl.factor(s);
                    return "line search failed at Newton iteration " + iterations + " (residual " + residual + ", decrement " + lambda + ")";
                }
                double[] t = s;
                s = trial;
                trial = t;
                if (dot(s, a) <= 0) {
                    // Any PD completion X gives ⟨S, a⟩ = ⟨S, X⟩ > 0 for S ≻ 0 supported on Ω.
                    return "the dual iterate S (positive definite, supported on Ω) has <S, a> <= 0 after " + (iterations + 1)
                            + " iterations: no positive definite completion";
                }
                if (!(Math.abs(f) < 1e300) || maxAbs(s) > 1e14) {
                    return "the dual iterate diverges (|S| > 1e14 after " + (iterations + 1) + " iterations): a has no positive definite completion, or is on the boundary";
                }
            }
        }

        private double objective(double[] v) {
            double lin = 0;
            for (int k = 0; k < m; k++) lin += w[k] * a[k] * v[k];
            return lin - ldl.logDet();
        }

        /** Values of a slot-stored matrix at Ω's entries. */
        private void gather(double[] off, double[] diag, double[] out) {
            int[] slot = sym.omegaSlot;
            for (int k = 0; k < m; k++) out[k] = slot[k] >= 0 ? off[slot[k]] : diag[-1 - slot[k]];
        }

        private void hessian(double[] y, double[] out) {
            ldl.tangent(y, dl, dd);
            ldl.projectedInverseTangent(zl, zd, dl, dd, dzl, dzd);
            gather(dzl, dzd, out);
            for (int k = 0; k < m; k++) out[k] = -out[k];
        }

        /**
         * The exact Newton direction from the dense m×m system A·dir = −W·g, A_kl = ⟨E_k, X E_l X⟩ (symmetric
         * positive definite), with X formed densely by n sparse solves: O(n·nnz(L) + m² + m³/3).
         */
        private double denseNewton(double[] g, double[] dir) {
            int n = omega.n();
            double[][] x = new double[n][n];
            for (int j = 0; j < n; j++) ldl.inverseColumn(j, x[j]);
            double[] h = new double[m * m];
            for (int k = 0; k < m; k++) {
                int i = rowOf[k], j = omega.col(k);
                double[] xi = x[i], xj = x[j];
                for (int l = 0; l <= k; l++) {
                    int p = rowOf[l], q = omega.col(l);
                    double v = p == q ? xi[p] * xj[p] : xi[p] * xj[q] + xi[q] * xj[p];
                    // Symmetrised over (i, j) for off-diagonal k: ⟨E_k, Y⟩ = Y_ij + Y_ji.
                    if (i != j) v = v + (p == q ? xj[p] * xi[p] : xj[p] * xi[q] + xj[q] * xi[p]);
                    h[k * m + l] = v;
                }
            }
            for (int k = 0; k < m; k++) dir[k] = -w[k] * g[k];
            if (PlainCholesky.factor(h, m, options::checkDeadline) >= 0) return conjugateGradient(gatherX(x), g, dir);
            for (int i = 0; i < m; i++) {
                double v = dir[i];
                for (int k = 0; k < i; k++) v -= h[i * m + k] * dir[k];
                dir[i] = v / h[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--) {
                double v = dir[i];
                for (int k = i + 1; k < m; k++) v -= h[k * m + i] * dir[k];
                dir[i] = v / h[i * m + i];
            }
            return dot(g, dir);
        }

        private double[] gatherX(double[][] x) {
            double[] v = new double[m];
            for (int k = 0; k < m; k++) v[k] = x[rowOf[k]][omega.col(k)];
            return v;
        }

        private double dot(double[] u, double[] v) {
            double r = 0;
            for (int k = 0; k < m; k++) r += w[k] * u[k] * v[k];
            return r;
        }

        /**
         * Preconditioned CG for H[dir] = −g from dir = 0, stopped at ‖r‖ ≤ η‖g‖ with η = min(0.5, √‖g‖)
         * (superlinear inexact Newton; CG runs from the start each time, so it may stop after one iteration early on). @return ⟨g, dir⟩ (negative: every CG iterate is a descent direction)
         */
        private double conjugateGradient(double[] x, double[] g, double[] dir) {
            double[] r = new double[m], z = new double[m], p = new double[m], hp = new double[m], prec = new double[m];
            for (int k = 0; k < m; k++) {
                int i = rowOf[k], j = omega.col(k);
                double xii = x[omega.diagonalEntry(i)], xjj = x[omega.diagonalEntry(j)];
                prec[k] = i == j ? xii * xii : xii * xjj + x[k] * x[k];
                r[k] = -g[k];
                dir[k] = 0;
                z[k] = r[k] / prec[k];
                p[k] = z[k];
            }
            double gnorm = Math.sqrt(dot(g, g));
            double stop = Math.min(0.5, Math.sqrt(gnorm)) * gnorm;
            double rz = dot(r, z);
            for (int it = 0; it < settings.maxCg(); it++) {
                options.checkDeadline();
                cgTotal++;
                hessian(p, hp);
                double php = dot(p, hp);
                if (!(php > 0)) break;
                double alpha = rz / php;
                for (int k = 0; k < m; k++) {
                    dir[k] += alpha * p[k];
                    r[k] -= alpha * hp[k];
                }
                if (Math.sqrt(dot(r, r)) <= stop) break;
                for (int k = 0; k < m; k++) z[k] = r[k] / prec[k];
                double rzNew = dot(r, z);
                double beta = rzNew / rz;
                rz = rzNew;
                for (int k = 0; k < m; k++) p[k] = z[k] + beta * p[k];
            }
            return dot(g, dir);
        }

        private static double maxAbs(double[] v) {
            double r = 0;
            for (double x : v) r = Math.max(r, Math.abs(x));
            return r;
        }
    }
}
