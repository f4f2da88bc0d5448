package mcs.solvers.mc1.chordal;

import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.dense.PlainCholesky;
import mcs.solvers.engine.exact.NegativeDirection;
import mcs.solvers.mc1.prep.UnitScaling;

/**
 * Decides one clique block A[C] (every pair specified) of an MC1 instance: positive definite with a
 * margin in floating point, else exactly.
 *
 * <p><b>Float path.</b> The block is scaled to unit diagonal, b_rs = a_rs/√(a_rr a_ss), and Cholesky runs
 * on b − c·I with c = 16·(s + 2)·s·u (u = 2⁻⁵³, s = |C|). Rump (BIT 2006) shows that success of
 * floating-point Cholesky on b − c'I with c' = (s+1)u/(1−2(s+1)u)·tr b (tr b = s) proves b positive
 * definite; the rounding of the data and of the scaling perturbs b by at most about 4u per entry, i.e. by
 * ≤ 4su in norm, and c covers both with room to spare. The solver's YES rests on this, and the kernel
 * re-decides every block exactly.
 *
 * <p><b>Float direction.</b> When the Cholesky fails at column j with a clearly negative pivot, the
 * vector u that the partial factor gives (uᵀ(b − cI)u equals that pivot) is mapped back, v = D^{-1/2}u
 * (as in {@link UnitScaling}), rounded to integers, and kept only if vᵀA[C]v &lt; 0 holds exactly: a cheap
 * exact NO for blocks of any size.
 *
 * <p><b>Exact path</b> (blocks with a zero diagonal, or where the float route settles nothing): {@link
 * NegativeDirection} on the rational block, O(s³) rational operations; it returns an integer direction
 * v with vᵀA[C]v &lt; 0 checked exactly, or proves the block PSD. Blocks larger than {@code maxExact}
 * are not decided exactly (the caller reports UNKNOWN). Work buffers are reused across blocks: no
 * allocation per block on the float path.
 */
final class CliqueBlocks {
    private static final double U = 0x1p-53;

    private final PartialSymmetricMatrix a;
    private final int maxExact;
    private double[] work = new double[64];
    private final UnitScaling scaling;
    long floatDecided;
    long exactDecided;
    long floatDirections;

    CliqueBlocks(PartialSymmetricMatrix a, int maxExact) {
        this.a = a;
        this.maxExact = maxExact;
        this.scaling = UnitScaling.of(a);
    }

    /** The outcome of {@link #decide}: PSD, or a direction, or too large to decide exactly. */
    record Decision(boolean psd, Rational[] direction, boolean undecided) {
        static final Decision PSD = new Decision(true, null, false);
        static final Decision TOO_LARGE = new Decision(false, null, true);
    }

    /**
     * @param idx the block's vertices; {@code entry[r*s+q]} (q &lt; r) must hold the entry index of
     *     (idx[r], idx[q]) and {@code entry[r*s+r]} that of the diagonal
     */
    Decision decide(int[] idx, int[] entry, int s) {
        int fail = floatCholesky(idx, entry, s);
        if (fail < 0) {
            floatDecided++;
            return Decision.PSD;
        }
        Rational[][] b = null;
        double[] u = fail < s ? floatDirection(fail, s) : null;
        if (u != null) {
            b = rationalBlock(entry, s);
            Rational[] v = checkedDirection(b, idx, u);
            if (v != null) {
                floatDirections++;
                return new Decision(false, v, false);
            }
        }
        if (s > maxExact) return Decision.TOO_LARGE;
        exactDecided++;
        if (b == null) b = rationalBlock(entry, s);
        Rational[] v = NegativeDirection.find(b);
        return v == null ? Decision.PSD : new Decision(false, v, false);
    }

    private Rational[][] rationalBlock(int[] entry, int s) {
        Rational[][] b = new Rational[s][s];
        for (int r = 0; r < s; r++) {
            for (int q = 0; q <= r; q++) {
                Rational x = a.value(entry[r * s + q]);
                b[r][q] = x;
                b[q][r] = x;
            }
        }
        return b;
    }

    /**
     * After Cholesky of b − cI failed at column j with pivot d (left in the work array), u with u_j = 1,
     * u_{&lt;j} = −L_{&lt;j}^{-T} l_j, and 0 beyond j satisfies uᵀ(b − cI)u = d, so uᵀbu = d + c‖u‖² in exact
     * arithmetic on the computed factor. Returns u when that is negative, else null.
     */
    private double[] floatDirection(int j, int s) {
        double[] l = work;
        double d = l[j * s + j];
        double[] u = new double[s];
        u[j] = 1;
        double norm = 1;
        for (int i = j - 1; i >= 0; i--) {
            double y = l[j * s + i];
            for (int k = i + 1; k < j; k++) y -= l[k * s + i] * -u[k];
            u[i] = -y / l[i * s + i];
            norm += u[i] * u[i];
        }
        double shift = 16.0 * (s + 2) * s * U;
        return Double.isFinite(norm) && d + shift * norm < 0 ? u : null;
    }

    /**
     * v = D^{-1/2}u rounded to integers at 2^30 relative resolution (else kept as exact dyadic doubles),
     * returned only when vᵀA[C]v &lt; 0 holds exactly.
     */
    private Rational[] checkedDirection(Rational[][] b, int[] idx, double[] u) {
        double[] v = new double[u.length];
        double max = 0;
        for (int t = 0; t < u.length; t++) {
            v[t] = u[t] * scaling.factor(idx[t]);
            max = Math.max(max, Math.abs(v[t]));
        }
        if (!(max > 0) || !Double.isFinite(max)) return null;
        double scale = Math.scalb(1.0, 30 - Math.getExponent(max));
        Rational[] rounded = new Rational[v.length];
        for (int t = 0; t < v.length; t++) rounded[t] = Rational.of(Math.round(v[t] * scale));
        if (NegativeDirection.quadratic(b, rounded).signum() < 0) return rounded;
        Rational[] dyadic = UnitScaling.rationalDirection(v);
        return NegativeDirection.quadratic(b, dyadic).signum() < 0 ? dyadic : null;
    }

    /**
     * Cholesky of b − cI in the work array: −1 on success; the failing column j when a pivot is not
     * positive (the pivot left at l[j*s+j]); s when some diagonal is zero (no scaling possible).
     */
    private int floatCholesky(int[] idx, int[] entry, int s) {
        if (work.length < s * s) work = new double[2 * s * s];
        double[] l = work;
        double c = 16.0 * (s + 2) * s * U;
        for (int r = 0; r < s; r++) {
            double fr = scaling.factor(idx[r]);
            if (fr == 0) return s;
            for (int q = 0; q < r; q++) l[r * s + q] = a.approx(entry[r * s + q]) * fr * scaling.factor(idx[q]);
            l[r * s + r] = a.approx(entry[r * s + r]) * fr * fr - c;
        }
        int j = PlainCholesky.factor(l, s, null);
        return j >= 0 && Double.isNaN(l[j * s + j]) ? s : j;
    }
}
