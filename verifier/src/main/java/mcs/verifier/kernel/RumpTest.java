package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Rigorous floating-point proof of positive definiteness (Rump, "Verification of positive definiteness",
 * BIT 46, 2006, with the constants of Rump and Jeannerod, SIAM J. Matrix Anal. Appl. 35(2), 2014, as
 * formally proven in the ValidSDP Coq library).
 *
 * <p><b>Theorem used.</b> Let A be a symmetric n×n matrix of binary64 numbers with a_ii ≥ 0, u = 2⁻⁵³,
 * η = 2⁻¹⁰⁷⁴ (smallest subnormal) and 4(n+1)u &lt; 1. Let
 * <pre>  c ≥ (n+1)u / (1 − 2(n+1)u) · tr(A) + 4ηn·(2(n+1) + max_i a_ii)</pre>
 * and let Ã agree with A off the diagonal with ã_ii ≤ a_ii − c. If the floating-point Cholesky
 * factorization of Ã (round to nearest, no fused multiply-add, no overflow) completes with every
 * computed diagonal r_jj &gt; 0, then A is positive definite. This is ValidSDP's lemma
 * {@code corollary_2_4_with_c_upper_bound} in its Rump–Jeannerod form (theories/cholesky.v and its
 * overflow-aware restatement in cholesky_infnan.v): hypothesis 4(n+1)u &lt; 1 and
 * c ≥ ½·γ_{2(n+1)}·tr(A) + 4ηn·(2(n+1) + maxdiag) with γ_k = ku/(1 − ku), and ½·γ_{2(n+1)} =
 * (n+1)u/(1 − 2(n+1)u) is exactly the first factor above. (An older version of that lemma, with
 * 3(n+1)u &lt; 1 and (n+1)u/(1 − (n+1)u), has a smaller constant; ours satisfies it too.) The Cholesky computes r_ij = (ã_ij − Σ_{k&lt;i} r_ki r_kj) / r_ii and
 * r_jj = √(ã_jj − Σ_{k&lt;j} r_kj²) with the sums accumulated from k = 0 upwards, exactly the evaluation
 * order of ValidSDP's proof. Java 17 evaluates every {@code double} operation in strict IEEE 754 binary64
 * with round to nearest and never contracts {@code a - b*c} into an FMA, so the analysis applies.
 *
 * <p><b>Directed rounding of c.</b> For round to nearest, nextUp(RN(x)) ≥ x and nextDown(RN(x)) ≤ x for
 * every real x in range, so applying {@link Math#nextUp} after each operation bounds c from above, and
 * {@code nextDown(a_ii − c)} bounds the shifted diagonal from below.
 *
 * <p><b>Perturbations (inputs that are not doubles).</b> {@link #proveDefinite(double[][], double)}
 * takes a radius ρ ≥ 0 and proves every symmetric X with ‖X − A‖₂ ≤ ρ definite: it first forms B = A
 * with b_ii ≤ a_ii − ρ (rounded down), so A − ρI = B + D with D ⪰ 0 diagonal; the theorem applied to B
 * gives B ≻ 0, hence λmin(A) &gt; ρ and λmin(X) ≥ λmin(A) − ‖X − A‖₂ &gt; 0 (Weyl).
 * {@link #proveDefinite(Rational[][])} rounds an exact matrix to nearest doubles and uses
 * ρ = ‖X − A‖_F ≥ ‖X − A‖₂, bounded above from |x_ij − a_ij| ≤ ulp(a_ij)/2 (correct rounding), with zero
 * error for entries that are exactly representable.
 *
 * <p><b>Limits.</b> It proves definiteness only, and only with margin: λmin must exceed about
 * (n+1)u·tr(A) + ρ. Overflow anywhere (an infinite or NaN value) makes the test fail, never succeed.
 *
 * <p><b>Cost.</b> n³/6 multiply-adds; four rows are processed together to hide floating-point
 * latency without changing any summation order.
 */
public final class RumpTest {
    private static final double U = 0x1p-53;
    private static final double ETA = Double.MIN_VALUE;

    private RumpTest() {}

    /**
     * The outcome of the test.
     *
     * @param proven true when positive definiteness is proven
     * @param shift the total shift subtracted from the diagonal (Rump's c plus the radius), rounded up
     * @param failIndex 0-based index of the first non-positive pivot, −1 when proven or when the
     *     test could not start
     * @param reason one sentence, 1-based indices
     */
    public record Result(boolean proven, double shift, int failIndex, String reason) {}

    /** Proves the double matrix with lower triangle {@code a[i][j]} (j ≤ i) positive definite, radius 0. */
    public static Result proveDefinite(double[][] a) {
        return proveDefinite(a, 0.0);
    }

    /**
     * Proves every symmetric X with ‖X − A‖₂ ≤ radius positive definite, A given by its lower triangle
     * {@code a[i][j]} (j ≤ i; rows may be ragged). The argument is not modified.
     */
    public static Result proveDefinite(double[][] a, double radius) {
        int n = a.length;
        if (!(radius >= 0) || Double.isInfinite(radius)) return new Result(false, Double.NaN, -1, "invalid radius " + radius);
        if (4.0 * (n + 1) * U >= 1.0) return new Result(false, Double.NaN, -1, "order " + n + " too large for the error bound");
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                if (!Double.isFinite(a[i][j])) return new Result(false, Double.NaN, -1, "entry (" + (i + 1) + "," + (j + 1) + ") is not finite");
            }
            diag[i] = radius == 0 ? a[i][i] : Math.nextDown(a[i][i] - radius);
            if (!(diag[i] >= 0)) return new Result(false, Double.NaN, i, "diagonal entry " + (i + 1) + " is below the radius");
        }
        double c = shiftConstant(n, diag);
        if (!Double.isFinite(c)) return new Result(false, c, -1, "the error bound overflows");
        double total = radius == 0 ? c : Math.nextUp(c + radius);
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            System.arraycopy(a[i], 0, l[i], 0, i);
            l[i][i] = Math.nextDown(diag[i] - c);
        }
        int fail = cholesky(l);
        if (fail >= 0) {
            return new Result(false, total, fail, "floating-point Cholesky of the matrix shifted by " + total
                    + " has a non-positive pivot at index " + (fail + 1));
        }
        return new Result(true, total, -1, "Cholesky of the matrix shifted by " + total + " succeeded (Rump's criterion)");
    }

    /**
     * Proves the exact symmetric matrix X (lower triangle read) positive definite: rounds X to nearest
     * doubles A and runs {@link #proveDefinite(double[][], double)} with an upper bound on ‖X − A‖_F.
     */
    public static Result proveDefinite(Rational[][] x) {
        int n = x.length;
        double[][] a = new double[n][];
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            a[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double d = x[i][j].toDouble();
                if (!Double.isFinite(d)) return new Result(false, Double.NaN, -1, "entry (" + (i + 1) + "," + (j + 1) + ") overflows a double");
                a[i][j] = d;
                if (!isExactDouble(x[i][j], d)) {
                    double e = Math.nextUp(Math.ulp(d) * 0.5);
                    double e2 = Math.nextUp(e * e);
                    sumSq = Math.nextUp(sumSq + (i == j ? e2 : Math.nextUp(2 * e2)));
                }
            }
        }
        double radius = sumSq == 0 ? 0 : Math.nextUp(Math.sqrt(sumSq));
        return proveDefinite(a, radius);
    }

    /** c of the theorem for the diagonal {@code d} (all ≥ 0), every operation rounded up. */
    static double shiftConstant(int n, double[] d) {
        double trace = 0;
        double maxDiag = 0;
        for (double v : d) {
            trace = Math.nextUp(trace + v);
            maxDiag = Math.max(maxDiag, v);
        }
        double np1 = n + 1.0; // exact for any int n
        double num = np1 * U; // exact: a power-of-two scaling
        double den = Math.nextDown(1.0 - 2.0 * num);
        double first = Math.nextUp(Math.nextUp(num / den) * trace);
        double inner = Math.nextUp(2.0 * np1 + maxDiag);
        double second = Math.nextUp(Math.nextUp(4.0 * ETA * n) * inner);
        return Math.nextUp(first + second);
    }

    /**
     * Left-looking Cholesky by columns on the lower triangle {@code l} in place: column j is finished
     * from columns 0..j−1, each entry's dot product summed from k = 0 upwards. Rows i, i+1, i+2, i+3 are
     * updated together so that four independent sums are in flight; each sum keeps its own sequential
     * order. Returns the first index whose pivot is not positive (or not finite), or −1.
     */
    static int cholesky(double[][] l) {
        int n = l.length;
        for (int j = 0; j < n; j++) {
            if ((j & 15) == 0) Budget.tick();
            double[] rj = l[j];
            double s = rj[j];
            for (int k = 0; k < j; k++) s = s - rj[k] * rj[k];
            if (!(s > 0) || !Double.isFinite(s)) return j;
            double r = Math.sqrt(s);
            if (!(r > 0)) return j;
            rj[j] = r;
            int i = j + 1;
            for (; i + 3 < n; i += 4) {
                double[] r0 = l[i], r1 = l[i + 1], r2 = l[i + 2], r3 = l[i + 3];
                double s0 = r0[j], s1 = r1[j], s2 = r2[j], s3 = r3[j];
                for (int k = 0; k < j; k++) {
                    double v = rj[k];
                    s0 = s0 - r0[k] * v;
                    s1 = s1 - r1[k] * v;
                    s2 = s2 - r2[k] * v;
                    s3 = s3 - r3[k] * v;
                }
                r0[j] = s0 / r;
                r1[j] = s1 / r;
                r2[j] = s2 / r;
                r3[j] = s3 / r;
            }
            for (; i < n; i++) {
                double[] ri = l[i];
                double si = ri[j];
                for (int k = 0; k < j; k++) si = si - ri[k] * rj[k];
                ri[j] = si / r;
            }
        }
        for (double[] row : l) for (double v : row) if (!Double.isFinite(v)) return n - 1;
        return -1;
    }

    /** True when the rational equals the double exactly (cheap test on the dyadic form). */
    static boolean isExactDouble(Rational x, double d) {
        BigInteger q = x.denominator();
        if (q.bitCount() != 1) return false;
        if (d == 0) return x.isZero();
        return Rational.ofDouble(d).equals(x);
    }
}
