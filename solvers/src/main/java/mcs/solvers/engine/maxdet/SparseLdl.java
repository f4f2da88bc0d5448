package mcs.solvers.engine.maxdet;

/**
 * The numeric factorization S = L·diag(d)·Lᵀ (L unit lower triangular, permuted indices) of a symmetric matrix
 * supported on Ω, on the filled pattern of a {@link SymbolicFactor}, and what Newton's method needs from it:
 * log det S, the projected inverse Z = P_V(S⁻¹) (Takahashi, Erisman–Tinney), and the directional derivatives of
 * both (forward mode, so that P_Ω(S⁻¹·Y·S⁻¹) = −(derivative of Z in direction Y) on Ω costs about two
 * factorizations and no dense matrix).
 *
 * <p>Every phase walks the same structure: for column j with rows R = rows(j) (a clique of V), each pair
 * (R[t], R[s]), t &gt; s, is an entry of column R[s]; it is found by a merge along that column. Cost of each
 * phase: O(Σ_j |R_j|² + the merge walks), about the flop count of the factorization; O(nnz(L)) memory per
 * array. Values are indexed like {@link SymbolicFactor}: off-diagonal slots, diagonal by permuted position.
 * Not thread-safe (scratch buffers).
 */
public final class SparseLdl {
    final SymbolicFactor sym;
    /** Strictly lower entries of L (slot-indexed) and the pivots d. */
    public final double[] l;
    public final double[] d;
    private double[] buf = new double[16];
    private double[] buf2 = new double[16];

    public SparseLdl(SymbolicFactor sym) {
        this.sym = sym;
        this.l = new double[sym.nnz()];
        this.d = new double[sym.n];
    }

    /**
     * Factors the matrix whose value on Ω entry k is {@code values[k]}.
     *
     * @return false when a pivot is not positive (S is not positive definite in floating point)
     */
    boolean factor(double[] values) {
        scatter(values, l, d);
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        for (int j = 0; j < sym.n; j++) {
            double dj = d[j];
            if (!(dj > 0) || !Double.isFinite(dj)) return false;
            int base = cp[j], c = cp[j + 1] - base;
            double[] cv = scratch(c);
            for (int s = 0; s < c; s++) {
                cv[s] = l[base + s];
                l[base + s] /= dj;
            }
            for (int s = 0; s < c; s++) {
                int k = ri[base + s];
                double lk = l[base + s];
                d[k] -= cv[s] * lk;
                int q = cp[k];
                for (int t = s + 1; t < c; t++) {
                    int i = ri[base + t];
                    while (ri[q] != i) q++;
                    l[q] -= cv[t] * lk;
                }
            }
        }
        return true;
    }

    /** log det S = Σ log d_j (after a successful {@link #factor}). */
    double logDet() {
        double s = 0;
        for (double x : d) s += Math.log(x);
        return s;
    }

    /**
     * The derivative of (L, d) in the direction Y (Y's value on Ω entry k is {@code y[k]}), given the current
     * factorization: S + εY = (L + εL̇)·diag(d + εḋ)·(L + εL̇)ᵀ + O(ε²).
     */
    void tangent(double[] y, double[] dl, double[] dd) {
        scatter(y, dl, dd);
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        for (int j = 0; j < sym.n; j++) {
            double dj = d[j], ddj = dd[j];
            int base = cp[j], c = cp[j + 1] - base;
            double[] cdot = scratch(c);
            for (int s = 0; s < c; s++) {
                cdot[s] = dl[base + s];
                dl[base + s] = (cdot[s] - l[base + s] * ddj) / dj;
            }
            // c_i = l_i·d_j; the update c[i,k] −= c_i·l_k has tangent ċ_i·l_k + c_i·l̇_k.
            for (int s = 0; s < c; s++) {
                int k = ri[base + s];
                double lk = l[base + s], dlk = dl[base + s];
                dd[k] -= cdot[s] * lk + l[base + s] * dj * dlk;
                int q = cp[k];
                for (int t = s + 1; t < c; t++) {
                    int i = ri[base + t];
                    while (ri[q] != i) q++;
                    dl[q] -= cdot[t] * lk + l[base + t] * dj * dlk;
                }
            }
        }
    }

    /**
     * Z = P_V(S⁻¹) by the recurrence Z_ij = −Σ_{k ∈ R_j} Z_ik·L_kj (i ∈ R_j), Z_jj = 1/d_j − Σ_k L_kj·Z_kj, for
     * j from n−1 down; every Z_ik it reads lies in V because R_j is a clique.
     */
    void projectedInverse(double[] zl, double[] zd) {
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        for (int j = sym.n - 1; j >= 0; j--) {
            int base = cp[j], c = cp[j + 1] - base;
            double[] y = scratch(c);
            java.util.Arrays.fill(y, 0, c, 0.0);
            for (int s = 0; s < c; s++) {
                int k = ri[base + s];
                double lk = l[base + s];
                double ys = zd[k] * lk;
                int q = cp[k];
                for (int t = s + 1; t < c; t++) {
                    int i = ri[base + t];
                    while (ri[q] != i) q++;
                    double z = zl[q];
                    y[t] += z * lk;
                    ys += z * l[base + t];
                }
                y[s] += ys;
            }
            double diag = 1 / d[j];
            for (int t = 0; t < c; t++) {
                zl[base + t] = -y[t];
                diag += l[base + t] * y[t];
            }
            zd[j] = diag;
        }
    }

    /**
     * The derivative Ż of {@link #projectedInverse} given the tangent (L̇, ḋ) of {@link #tangent} and the base Z.
     * Ż_ij = −Σ_k (Ż_ik·L_kj + Z_ik·L̇_kj), Ż_jj = −ḋ_j/d_j² − Σ_k (L̇_kj·Z_kj + L_kj·Ż_kj).
     */
    void projectedInverseTangent(double[] zl, double[] zd, double[] dl, double[] dd, double[] dzl, double[] dzd) {
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        for (int j = sym.n - 1; j >= 0; j--) {
            int base = cp[j], c = cp[j + 1] - base;
            double[] y = scratch(c);
            java.util.Arrays.fill(y, 0, c, 0.0);
            for (int s = 0; s < c; s++) {
                int k = ri[base + s];
                double lk = l[base + s], dlk = dl[base + s];
                double ys = dzd[k] * lk + zd[k] * dlk;
                int q = cp[k];
                for (int t = s + 1; t < c; t++) {
                    int i = ri[base + t];
                    while (ri[q] != i) q++;
                    double z = zl[q], dz = dzl[q];
                    y[t] += dz * lk + z * dlk;
                    ys += dz * l[base + t] + z * dl[base + t];
                }
                y[s] += ys;
            }
            double diag = -dd[j] / (d[j] * d[j]);
            for (int t = 0; t < c; t++) {
                dzl[base + t] = -y[t];
                // Z_tj = zl[base+t] (already final for column j), Ż_tj = −y[t].
                diag -= dl[base + t] * zl[base + t] - l[base + t] * y[t];
            }
            dzd[j] = diag;
        }
    }

    /**
     * Column j (original index) of S⁻¹, in original indices, by one forward and one backward sparse triangular
     * solve: O(nnz(L)). {@code out} has length n.
     */
    void inverseColumn(int jOriginal, double[] out) {
        int n = sym.n;
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        double[] w = scratch2(n);
        java.util.Arrays.fill(w, 0, n, 0.0);
        int j = sym.position[jOriginal];
        w[j] = 1;
        for (int p = j; p < n; p++) {
            double wp = w[p];
            if (wp == 0) continue;
            for (int q = cp[p]; q < cp[p + 1]; q++) w[ri[q]] -= l[q] * wp;
        }
        for (int p = n - 1; p >= 0; p--) {
            double x = p >= j ? w[p] / d[p] : 0;
            for (int q = cp[p]; q < cp[p + 1]; q++) x -= l[q] * w[ri[q]];
            w[p] = x;
        }
        for (int p = 0; p < n; p++) out[sym.order[p]] = w[p];
    }

    /** out = S·u in original indices (S = PᵀLDLᵀP from the factor): O(nnz(L)). */
    void multiply(double[] u, double[] out) {
        int n = sym.n;
        int[] cp = sym.colPtr, ri = sym.rowIdx;
        double[] t = new double[n];
        for (int p = 0; p < n; p++) {
            double x = u[sym.order[p]];
            for (int q = cp[p]; q < cp[p + 1]; q++) x += l[q] * u[sym.order[ri[q]]];
            t[p] = x * d[p];
        }
        java.util.Arrays.fill(out, 0.0);
        for (int p = 0; p < n; p++) {
            out[sym.order[p]] += t[p];
            for (int q = cp[p]; q < cp[p + 1]; q++) out[sym.order[ri[q]]] += l[q] * t[p];
        }
    }

    /** Scatters Ω values into (slot, diagonal) storage, zeroing the fill. */
    private void scatter(double[] s, double[] off, double[] diag) {
        java.util.Arrays.fill(off, 0.0);
        java.util.Arrays.fill(diag, 0.0);
        int[] slot = sym.omegaSlot;
        for (int k = 0; k < s.length; k++) {
            if (slot[k] >= 0) off[slot[k]] = s[k];
            else diag[-1 - slot[k]] = s[k];
        }
    }

    private double[] scratch(int c) {
        if (buf.length < c) buf = new double[Math.max(c, 2 * buf.length)];
        return buf;
    }

    private double[] scratch2(int c) {
        if (buf2.length < c) buf2 = new double[c];
        return buf2;
    }
}
