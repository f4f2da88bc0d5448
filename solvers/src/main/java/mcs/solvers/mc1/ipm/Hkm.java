package mcs.solvers.mc1.ipm;

import mcs.solvers.engine.dense.Dense;
import mcs.solvers.engine.dense.RowCholesky;

/**
 * Infeasible-start primal–dual interior-point iterations (HKM direction, Mehrotra predictor–corrector)
 * on {@link MarginSdp}. Iterates: the dense primal block X (= S), the scalar x_s, the dual y ∈ ℝ^m,
 * the dual slack Z on Ω (values by entry) and z_s.
 *
 * <p>Each iteration builds the m×m Schur complement M_kl = ⟨A_k, X A_l Z⁻¹⟩ + c_k c_l x_s/z_s from
 * four products of entries of X and G = Z⁻¹ per pair (O(m²)), factors it by dense Cholesky (m³/3 flops,
 * the dominant cost), and forms the directions with O(n·m) sparse products and one dense n×n product
 * per solve. Step lengths come from {@link StepLength} and are confirmed by factoring the new iterates.
 * Start: X = ξI, x_s = ξ (diagonal constraints hold), Z = I, z_s = 1, y = 0.
 */
final class Hkm {
    private static final double GAMMA = 0.95;
    private static final double REGULARISE = 1e-14;

    final MarginSdp p;
    final int n;
    final int m;
    private final int threads;
    double[] x;
    double xs;
    final double[] y;
    double[] zv;
    double zs;
    private double[] lx;
    private double[] lz;
    double alphaPrimal;
    double alphaDual;

    // Per-iteration work.
    private double[] g;
    /** Lower-triangular rows of the Schur complement, then of its Cholesky factor. */
    private double[][] schur;
    private double[] rp;
    private double[] rd;
    private double rds;
    private double mu;
    /** Relative shift of the Schur diagonal in use (0 until a factorisation fails). */
    private double regularisation;

    Hkm(MarginSdp p, int threads) {
        this.p = p;
        this.n = p.n;
        this.m = p.m;
        this.threads = threads;
        double rowMax = 0;
        double[] rs = new double[n];
        for (int k = 0; k < m; k++) {
            if (p.diagonal[k]) continue;
            rs[p.row[k]] += Math.abs(p.value[k]);
            rs[p.col[k]] += Math.abs(p.value[k]);
        }
        for (double r : rs) rowMax = Math.max(rowMax, r);
        double xi = 1 + rowMax;
        x = new double[n * n];
        lx = new double[n * n];
        for (int i = 0; i < n; i++) {
            x[i * n + i] = xi;
            lx[i * n + i] = Math.sqrt(xi);
        }
        xs = xi;
        y = new double[m];
        zv = new double[m];
        lz = new double[n * n];
        for (int k = 0; k < m; k++) if (p.diagonal[k]) zv[k] = 1;
        for (int i = 0; i < n; i++) lz[i * n + i] = 1;
        zs = 1;
    }

    /** Primal residual vector b − 𝒜(X, x_s). */
    double[] primalResidual() {
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            double v = x[p.row[k] * n + p.col[k]];
            r[k] = p.diagonal[k] ? xs - v : p.rhs[k] - v;
        }
        return r;
    }

    /** ‖b − 𝒜(X, x_s)‖ measured as the Frobenius norm of the symmetric matrix it defines. */
    double primalResidualNorm() {
        double[] r = primalResidual();
        double s = 0;
        for (int k = 0; k < m; k++) s += p.weight(k) * r[k] * r[k];
        return Math.sqrt(s);
    }

    double dualResidualNorm() {
        double s = 0;
        for (int k = 0; k < m; k++) {
            double r = (p.diagonal[k] ? -y[k] : -0.5 * y[k]) - zv[k];
            s += p.weight(k) * r * r;
        }
        double sy = 0;
        for (int k = 0; k < m; k++) if (p.diagonal[k]) sy += y[k];
        double r = 1 + sy - zs;
        return Math.sqrt(s + r * r);
    }

    /** Dual objective bᵀy (= 1 − t at optimality). */
    double dualObjective() {
        double s = 0;
        for (int k = 0; k < m; k++) s += p.rhs[k] * y[k];
        return s;
    }

    /** ⟨X, Z⟩ + x_s z_s (= (n + 1)·μ): the duality gap of a feasible pair. */
    double complementarity() {
        double xz = 0;
        for (int k = 0; k < m; k++) xz += p.weight(k) * zv[k] * x[p.row[k] * n + p.col[k]];
        return xz + xs * zs;
    }

    /** ⟨Z, B⟩ / tr Z: an upper bound on t* whenever Z ⪰ 0, which the iterations maintain. */
    double dualBound() {
        double inner = 0, tr = 0;
        for (int k = 0; k < m; k++) {
            inner += p.weight(k) * zv[k] * p.value[k];
            if (p.diagonal[k]) tr += zv[k];
        }
        return inner / tr;
    }

    /**
     * One predictor–corrector iteration.
     *
     * @return false when the Schur complement is not numerically positive definite or no step of
     *     positive length keeps the iterates definite (the iterations cannot continue)
     */
    boolean iterate() {
        g = Dense.inverseFromFactor(lz, n, threads);
        rp = primalResidual();
        rd = new double[m];
        double sy = 0;
        for (int k = 0; k < m; k++) {
            rd[k] = (p.diagonal[k] ? -y[k] : -0.5 * y[k]) - zv[k];
            if (p.diagonal[k]) sy += y[k];
        }
        rds = 1 + sy - zs;
        mu = complementarity() / (n + 1);
        if (!factorSchur()) return false;

        Direction aff = direction(0, null, 0);
        double ap = Math.min(1, GAMMA * primalMax(aff));
        double ad = Math.min(1, GAMMA * dualMax(aff));
        double muAff = 0;
        for (int k = 0; k < m; k++) {
            int idx = p.row[k] * n + p.col[k];
            muAff += p.weight(k) * (zv[k] + ad * aff.dz[k]) * (x[idx] + ap * aff.dx[idx]);
        }
        muAff = (muAff + (xs + ap * aff.dxs) * (zs + ad * aff.dzs)) / (n + 1);
        double sigma = Math.min(1, Math.max(0, Math.pow(muAff / mu, 3)));
        double[] q = p.timesSparse(aff.dx, aff.dz, null);
        Direction d = direction(sigma * mu, q, aff.dxs * aff.dzs);
        double apMax = Math.min(1, GAMMA * primalMax(d));
        double adMax = Math.min(1, GAMMA * dualMax(d));
        return acceptPrimal(d, apMax) & acceptDual(d, adMax);
    }

    private record Direction(double[] dy, double[] dz, double[] dx, double dxs, double dzs) {}

    /**
     * Builds and factors the Schur complement. Near the optimum it becomes ill-conditioned (condition ~ 1/μ²) and
     * a pivot can come out non-positive in floating point: then the diagonal is raised by {@value #REGULARISE}
     * times its largest entry (×100 per retry, up to 1e-8), which perturbs the direction slightly; the
     * infeasible-start iterations correct that, as the residuals are recomputed at every iteration. The level
     * found is kept for the later iterations (which are worse conditioned still), so that a failed
     * factorisation is not paid for again at every iteration.
     */
    private boolean factorSchur() {
        buildSchur();
        if (regularisation > 0) regularise(regularisation);
        if (RowCholesky.factor(schur, threads)) return true;
        for (double reg = Math.max(REGULARISE, 100 * regularisation); reg <= 1e-8; reg *= 100) {
            buildSchur();
            regularise(reg);
            if (RowCholesky.factor(schur, threads)) {
                regularisation = reg;
                return true;
            }
        }
        return false;
    }

    private void regularise(double relative) {
        double max = 0;
        for (int k = 0; k < m; k++) max = Math.max(max, schur[k][k]);
        for (int k = 0; k < m; k++) schur[k][k] += relative * max;
    }

    private void buildSchur() {
        if (schur == null) {
            schur = new double[m][];
            for (int k = 0; k < m; k++) schur[k] = new double[k + 1];
        }
        schur(p, x, g, xs / zs, schur, threads);
    }

    /**
     * The Schur complement M_kl = ⟨A_k, X A_l G⟩ + c_k c_l·x_s/z_s (k ≥ l; c = −1 on diagonal constraints, 0 on
     * edges) into lower-triangular rows {@code out}. With A_k = (E_ij + E_ji)/2 the trace reduces to four products
     * of entries of X and G, so the cost is O(m²) whatever n; rows are shared between threads. X and G are exactly
     * symmetric (both are built by mirroring), so G_qi is read as G_iq: every read of row k then falls in rows i and j
     * of X and G (4n doubles, in L1), instead of two columns of G strided by n (a cache line per entry).
     *
     * @param x the primal block X (full n×n, symmetric)
     * @param g G = Z⁻¹ (full n×n, symmetric)
     * @param scalar x_s/z_s
     */
    static void schur(MarginSdp p, double[] x, double[] g, double scalar, double[][] out, int threads) {
        int n = p.n;
        java.util.stream.IntStream ks = java.util.stream.IntStream.range(0, p.m);
        if (threads > 1 && p.m >= 256) ks = ks.parallel();
        ks.forEach(k -> {
            int i = p.row[k], j = p.col[k];
            int ri = i * n, rj = j * n;
            double[] sk = out[k];
            boolean dk = p.diagonal[k];
            for (int l = 0; l <= k; l++) {
                int pp = p.row[l], qq = p.col[l];
                double v = 0.25 * (x[rj + pp] * g[ri + qq] + x[rj + qq] * g[ri + pp]
                        + x[ri + pp] * g[rj + qq] + x[ri + qq] * g[rj + pp]);
                if (dk && p.diagonal[l]) v += scalar;
                sk[l] = v;
            }
        });
    }

    /**
     * Solves for the direction with centring target σμ, second-order term Q = ΔX_aff·ΔZ_aff (null for the
     * predictor) and scalar-block term dxs_aff·dzs_aff.
     */
    private Direction direction(double sigmaMu, double[] q, double scalarCorr) {
        double[] pm = p.timesSparse(x, rd, q);
        double rcs = sigmaMu - xs * zs - scalarCorr;
        double hs = (rcs - xs * rds) / zs;
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            int i = p.row[k], j = p.col[k];
            double pg = 0.5 * (rowDot(pm, i, g, j) + rowDot(pm, j, g, i));
            double h = sigmaMu * g[i * n + j] - x[i * n + j] - pg;
            r[k] = rp[k] - h + (p.diagonal[k] ? hs : 0);
        }
        RowCholesky.forward(schur, r);
        RowCholesky.backward(schur, r);
        double[] dy = r;
        double[] dz = new double[m];
        double sdy = 0;
        for (int k = 0; k < m; k++) {
            dz[k] = rd[k] - (p.diagonal[k] ? dy[k] : 0.5 * dy[k]);
            if (p.diagonal[k]) sdy += dy[k];
        }
        double dzs = rds + sdy;
        double dxs = (rcs - xs * dzs) / zs;
        double[] p2 = p.timesSparse(x, dz, q);
        double[] pg = Dense.timesSymmetric(p2, g, n, threads);
        double[] dx = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = sigmaMu * g[i * n + j] - x[i * n + j] - 0.5 * (pg[i * n + j] + pg[j * n + i]);
                dx[i * n + j] = v;
                dx[j * n + i] = v;
            }
        }
        return new Direction(dy, dz, dx, dxs, dzs);
    }

    private double rowDot(double[] a, int i, double[] b, int j) {
        int ri = i * n, rj = j * n;
        double s0 = 0, s1 = 0;
        int t = 0;
        for (; t + 1 < n; t += 2) {
            s0 += a[ri + t] * b[rj + t];
            s1 += a[ri + t + 1] * b[rj + t + 1];
        }
        if (t < n) s0 += a[ri + t] * b[rj + t];
        return s0 + s1;
    }

    private double primalMax(Direction d) {
        double[][] rows = Dense.rows(d.dx, n);
        double a = StepLength.max(lx, n, (in, out) -> Dense.multiplySymmetric(rows, in, out));
        if (d.dxs < 0) a = Math.min(a, -xs / d.dxs);
        return a;
    }

    private double dualMax(Direction d) {
        double a = StepLength.max(lz, n, (in, out) -> p.sparseApply(d.dz, in, out));
        if (d.dzs < 0) a = Math.min(a, -zs / d.dzs);
        return a;
    }

    private boolean acceptPrimal(Direction d, double alpha) {
        for (int tries = 0; tries < 30 && alpha > 1e-12; tries++, alpha *= 0.8) {
            double[] xn = new double[n * n];
            for (int t = 0; t < n * n; t++) xn[t] = x[t] + alpha * d.dx[t];
            double xsn = xs + alpha * d.dxs;
            if (!(xsn > 0)) continue;
            double[] l = xn.clone();
            if (!Dense.cholesky(l, n, threads)) continue;
            x = xn;
            xs = xsn;
            lx = l;
            alphaPrimal = alpha;
            return true;
        }
        alphaPrimal = 0;
        return false;
    }

    private boolean acceptDual(Direction d, double alpha) {
        for (int tries = 0; tries < 30 && alpha > 1e-12; tries++, alpha *= 0.8) {
            double[] zn = new double[m];
            for (int k = 0; k < m; k++) zn[k] = zv[k] + alpha * d.dz[k];
            double zsn = zs + alpha * d.dzs;
            if (!(zsn > 0)) continue;
            double[] l = p.dense(zn);
            if (!Dense.cholesky(l, n, threads)) continue;
            for (int k = 0; k < m; k++) y[k] += alpha * d.dy[k];
            zv = zn;
            zs = zsn;
            lz = l;
            alphaDual = alpha;
            return true;
        }
        alphaDual = 0;
        return false;
    }
}
