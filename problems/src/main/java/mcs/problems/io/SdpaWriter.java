package mcs.problems.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Writes the margin SDP of an MC1 instance in SDPA sparse format ({@code .dat-s}), the input of CSDP,
 * SDPA and DSDP, so that external interior-point codes solve exactly the problem our solvers solve.
 *
 * <p><b>The SDP.</b> For a partial matrix a on Ω (any diagonal), the margin is
 * {@code t* = max t s.t. X_ij = a_ij on Ω, X − tI ⪰ 0} (SPEC §1). Every feasible t satisfies
 * {@code t ≤ a_ii} for all i, so {@code t ≤ τ := min_i a_ii} (exact). Writing {@code X = W + (τ − s)I}
 * with {@code W ⪰ 0} and {@code s ≥ 0} turns the free variable t into the non-negative s without
 * losing any feasible point, and CSDP's primal form (max tr(CX) s.t. tr(A_k X) = b_k, X ⪰ 0) becomes
 * <pre>
 *   maximise −s   over   W ⪰ 0 (block 1, n×n),  s ≥ 0 (block 2, a 1×1 diagonal block)
 *   subject to   W_ii − s = a_ii − τ             for every i          (A_k = E_ii ⊕ (−1))
 *                (W_ij + W_ji)/2 = a_ij          for every edge {i,j}  (A_k = (E_ij + E_ji)/2 ⊕ 0)
 * </pre>
 * with {@code C = 0 ⊕ (−1)}. Hence <b>{@code t* = τ + p*}</b> where p* is the optimal objective value
 * the solver reports (its primal and dual objective values bracket p*). For unit diagonal τ = 1 and this
 * is exactly the form in REFERENCES §1. The data are not rescaled to unit diagonal: rescaling preserves
 * the answer but not t*, and t* here is the margin of the data as given. Both this problem and its dual
 * ({@code min Σ b_k y_k s.t. Σ y_k A_k − C ⪰ 0}) are strictly feasible (take s large, resp. small
 * positive y on the diagonal and 0 on the edges), so there is no duality gap and both optima are
 * attained. Dual variables: with {@code Y_ii = y_k} for the diagonal constraint k of i and
 * {@code Y_ij = y_k / 2} for the edge constraint k of {i,j}, the dual reads
 * {@code min ⟨Y, a⟩ − τ·tr Y over Y ⪰ 0 supported on Ω with tr Y ≤ 1}, i.e. τ + (dual value) is the
 * min ⟨W, a⟩ over tr W = 1 of SPEC §1 (scaling Y = rZ with tr Z = 1 gives r·(⟨Z, a⟩ − τ), minimised
 * at r = 1 because t* ≤ τ).
 *
 * <p><b>Layout</b> (byte-deterministic, {@code \n} line breaks, ASCII): one comment line starting with
 * {@code "} that records n, the edge count and τ; then {@code m = n + |E|}; then {@code 2} (blocks);
 * then {@code n -1} (block sizes; the negative size marks the diagonal block); then the m right-hand
 * sides b_k on one line; then the entries {@code matno block row col value} with row ≤ col, 1-based:
 * first C, then the constraints in order. Constraint k (1-based) is entry k−1 of the instance's
 * {@link Pattern} (lower-triangle rows in order, each row's diagonal last), so a solver's dual vector
 * maps back to Ω by entry index.
 *
 * <p><b>Numbers.</b> Each value is the correctly rounded double of the exact rational (b_k of the
 * diagonal is computed exactly as a_ii − τ before rounding), printed with 17 significant digits as
 * {@code d.dddddddddddddddde±XX}, so that it reads back to the same double. A value whose double
 * overflows is refused with {@link IllegalArgumentException}.
 *
 * <p>Cost: O(m) time; the file has about 3n + 2|E| + 1 entry lines.
 */
public final class SdpaWriter {
    private SdpaWriter() {}

    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    /** τ = min_i a_ii, exact: the constant with t = τ − s (see the class comment). O(n). */
    public static Rational shift(PartialSymmetricMatrix a) {
        Rational tau = a.diagonal(0);
        for (int i = 1; i < a.n(); i++) tau = tau.min(a.diagonal(i));
        return tau;
    }

    /** Number of equality constraints, m = n + |E| (= the instance's m). */
    public static int constraints(PartialSymmetricMatrix a) {
        return a.pattern().m();
    }

    /**
     * Reads t* back from the solver's objective value of the written problem.
     *
     * @param tau {@link #shift} of the same instance
     * @param objective the optimal value of {@code max −s} as reported by the solver
     * @return {@code τ + objective}, in double precision
     */
    public static double marginFromObjective(Rational tau, double objective) {
        return tau.toDouble() + objective;
    }

    /** Writes the file atomically (a temporary file moved into place). */
    public static void write(Path file, Mc1Instance instance) throws IOException {
        byte[] bytes = toBytes(instance.matrix());
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** Writes the file to the stream (not closed). */
    public static void write(OutputStream out, PartialSymmetricMatrix a) throws IOException {
        out.write(toBytes(a));
    }

    /**
     * The file's bytes.
     *
     * @throws IllegalArgumentException if n = 0 or a value's double overflows
     */
    public static byte[] toBytes(PartialSymmetricMatrix a) {
        int n = a.n();
        if (n == 0) throw new IllegalArgumentException("the margin SDP needs n >= 1");
        Pattern p = a.pattern();
        Rational tau = shift(a);
        int m = p.m();
        StringBuilder sb = new StringBuilder(64 + 80 * m);
        sb.append("\"mcs margin SDP: n=").append(n).append(" edges=").append(p.edges())
                .append(" tau=").append(tau).append("; t* = tau + optimal objective (max -s)\n");
        sb.append(m).append('\n').append("2\n").append(n).append(" -1\n");
        for (int k = 0; k < m; k++) {
            int i = p.row(k), j = p.col(k);
            Rational b = i == j ? a.value(k).subtract(tau) : a.value(k);
            if (k > 0) sb.append(' ');
            sb.append(number(b.toDouble(), k));
        }
        sb.append('\n');
        String one = number(1.0, -1), minusOne = number(-1.0, -1), half = number(0.5, -1);
        sb.append("0 2 1 1 ").append(minusOne).append('\n');
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                int c = k + 1;
                if (j == i) {
                    sb.append(c).append(" 1 ").append(i + 1).append(' ').append(i + 1).append(' ').append(one).append('\n');
                    sb.append(c).append(" 2 1 1 ").append(minusOne).append('\n');
                } else {
                    sb.append(c).append(" 1 ").append(j + 1).append(' ').append(i + 1).append(' ').append(half).append('\n');
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** 17 significant digits of the exact binary value of d, as {@code d.dddddddddddddddde±XX}. */
    static String number(double d, int entry) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("value of entry " + (entry + 1) + " does not fit a double");
        }
        if (d == 0) return "0.0000000000000000e+00";
        BigDecimal r = new BigDecimal(d).round(SEVENTEEN);
        String digits = r.unscaledValue().abs().toString();
        // unscaledValue may have fewer than 17 digits when trailing zeros were stripped by rounding
        StringBuilder full = new StringBuilder(digits);
        while (full.length() < 17) full.append('0');
        int exp = digits.length() - 1 - r.scale();
        StringBuilder s = new StringBuilder(24);
        if (d < 0) s.append('-');
        s.append(full.charAt(0)).append('.').append(full, 1, 17).append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) s.append('0');
        s.append(ae);
        return s.toString();
    }
}
