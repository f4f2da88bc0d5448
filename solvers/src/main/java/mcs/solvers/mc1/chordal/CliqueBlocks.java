package mcs.solvers.mc1.chordal;

import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.solvers.mc1.NegativeDirection;

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
 * <p><b>Exact path</b> (blocks with a zero diagonal, or where the float Cholesky fails): {@link
 * NegativeDirection} on the rational block, O(s³) rational operations; it returns an integer direction
 * v with vᵀA[C]v &lt; 0 checked exactly, or proves the block PSD. Blocks larger than {@code maxExact}
 * are not decided exactly (the caller reports UNKNOWN). Work buffers are reused across blocks: no
 * allocation per block on the float path.
 */
final class CliqueBlocks {
    private static final double U = 0x1p-53;

    private final PartialSymmetricMatrix a;
    private final Pattern pattern;
    private final int maxExact;
    private double[] work = new double[64];
    private final double[] invSqrt;
    long floatDecided;
    long exactDecided;

    CliqueBlocks(PartialSymmetricMatrix a, int maxExact) {
        this.a = a;
        this.pattern = a.pattern();
        this.maxExact = maxExact;
        int n = a.n();
        invSqrt = new double[n];
        for (int i = 0; i < n; i++) {
            double d = a.approx(pattern.diagonalEntry(i));
            invSqrt[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
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
        if (floatPositiveDefinite(idx, entry, s)) {
            floatDecided++;
            return Decision.PSD;
        }
        if (s > maxExact) return Decision.TOO_LARGE;
        exactDecided++;
        Rational[][] b = new Rational[s][s];
        for (int r = 0; r < s; r++) {
            for (int q = 0; q <= r; q++) {
                Rational x = a.value(entry[r * s + q]);
                b[r][q] = x;
                b[q][r] = x;
            }
        }
        Rational[] v = NegativeDirection.find(b);
        return v == null ? Decision.PSD : new Decision(false, v, false);
    }

    private boolean floatPositiveDefinite(int[] idx, int[] entry, int s) {
        if (work.length < s * s) work = new double[2 * s * s];
        double[] l = work;
        double c = 16.0 * (s + 2) * s * U;
        for (int r = 0; r < s; r++) {
            double fr = invSqrt[idx[r]];
            if (fr == 0) return false;
            for (int q = 0; q < r; q++) l[r * s + q] = a.approx(entry[r * s + q]) * fr * invSqrt[idx[q]];
            l[r * s + r] = a.approx(entry[r * s + r]) * fr * fr - c;
        }
        for (int j = 0; j < s; j++) {
            double d = l[j * s + j];
            for (int k = 0; k < j; k++) d -= l[j * s + k] * l[j * s + k];
            if (!(d > 0)) return false;
            double root = Math.sqrt(d);
            l[j * s + j] = root;
            for (int i = j + 1; i < s; i++) {
                double x = l[i * s + j];
                for (int k = 0; k < j; k++) x -= l[i * s + k] * l[j * s + k];
                l[i * s + j] = x / root;
            }
        }
        return true;
    }
}
