package mcs.problems.instance;

import java.util.Arrays;
import mcs.problems.matrix.RationalMatrix;

/**
 * A hafnian, loop hafnian or permanent of a matrix with repeated rows and columns: the value asked for is
 * that of the <em>expanded</em> matrix B, in which row i of the n×n matrix A appears {@code rowRepeats[i]}
 * times and column j appears {@code colRepeats[j]} times (a repeat of 0 deletes the row or column). This is
 * what Gaussian boson sampling needs: the probability of the photon pattern (r_1, …, r_n) is a (loop)
 * hafnian of the covariance-derived matrix with row and column i repeated r_i times.
 *
 * <p>Meaning of the expansion, for every problem:
 * <ul>
 *   <li>{@link Problem#HAFNIAN}: B_{(i,a),(j,b)} = A_ij for the copies (i,a) ≠ (j,b), so two copies of mode
 *       i pair with weight A_ii; the diagonal of B is never used. Needs an even total N = Σ r_i.
 *   <li>{@link Problem#LOOP_HAFNIAN}: as for the hafnian, and every copy of i also has the loop weight A_ii
 *       (B's diagonal repeats A's diagonal, The Walrus's {@code hafnian_repeated(A, rpt, loop=True)}).
 *   <li>{@link Problem#PERMANENT}: B_{(i,a),(j,b)} = A_ij; needs Σ rowRepeats = Σ colRepeats.
 * </ul>
 * For hafnians {@code rowRepeats} and {@code colRepeats} are the same array contents. The total N is the
 * order of B; {@link #n()} is the order of A (the number of modes).
 *
 * @param matrix the base matrix A with the problem (HAFNIAN, LOOP_HAFNIAN or PERMANENT); hafnian problems
 *     need A symmetric (checked by the readers, which know the file and line)
 * @param rowRepeats r_i ≥ 0, length n
 * @param colRepeats c_j ≥ 0, length n
 */
public record RepeatedInstance(PermInstance matrix, int[] rowRepeats, int[] colRepeats) implements Instance {
    /** Largest expanded order the record admits (solvers state their own, smaller, limits). */
    public static final int MAX_TOTAL = 1 << 20;

    public RepeatedInstance {
        Problem p = matrix.problem();
        if (p != Problem.HAFNIAN && p != Problem.LOOP_HAFNIAN && p != Problem.PERMANENT) {
            throw new IllegalArgumentException("repeated rows and columns are defined for hafnian, loop-hafnian and permanent, not " + p.id());
        }
        int n = matrix.n();
        if (rowRepeats.length != n || colRepeats.length != n) {
            throw new IllegalArgumentException("repeat vectors must have length " + n + ", got " + rowRepeats.length + " and " + colRepeats.length);
        }
        rowRepeats = rowRepeats.clone();
        colRepeats = colRepeats.clone();
        long rows = 0, cols = 0;
        for (int i = 0; i < n; i++) {
            if (rowRepeats[i] < 0 || colRepeats[i] < 0) throw new IllegalArgumentException("repeats must be >= 0");
            rows += rowRepeats[i];
            cols += colRepeats[i];
        }
        if (rows != cols) throw new IllegalArgumentException("the expanded matrix is " + rows + "x" + cols + ", not square");
        if (p != Problem.PERMANENT && !Arrays.equals(rowRepeats, colRepeats)) {
            throw new IllegalArgumentException("a hafnian repeats rows and columns alike");
        }
        if (p == Problem.HAFNIAN && rows % 2 != 0) throw new IllegalArgumentException("a hafnian needs an even total, got " + rows);
        if (rows > MAX_TOTAL) throw new IllegalArgumentException("the expanded order " + rows + " exceeds " + MAX_TOTAL);
    }

    @Override
    public RepeatedInstance deepCopy() {
        return new RepeatedInstance(matrix.deepCopy(), rowRepeats, colRepeats);
    }

    /** A hafnian or loop hafnian with repeats r. */
    public static RepeatedInstance symmetric(PermInstance matrix, int[] repeats) {
        return new RepeatedInstance(matrix, repeats, repeats);
    }

    @Override
    public Problem problem() {
        return matrix.problem();
    }

    /** The order of the base matrix A (the number of modes). */
    @Override
    public int n() {
        return matrix.n();
    }

    /** n², the entries of the base matrix. */
    @Override
    public long m() {
        return matrix.m();
    }

    /** N = Σ r_i, the order of the expanded matrix. */
    public int total() {
        int t = 0;
        for (int r : rowRepeats) t += r;
        return t;
    }

    public boolean isComplex() {
        return matrix.isComplex();
    }

    /** Π_i (r_i + 1) over the given repeats, saturating at Long.MAX_VALUE: the number of grouped sign classes. */
    public static long classes(int[] repeats) {
        long c = 1;
        for (int r : repeats) {
            if (c > Long.MAX_VALUE / (r + 1)) return Long.MAX_VALUE;
            c *= r + 1;
        }
        return c;
    }

    /** The expanded matrix B (real and imaginary parts), for checks that recompute on it. O(N²) memory. */
    public PermInstance expand() {
        int[] ri = indices(rowRepeats), ci = indices(colRepeats);
        RationalMatrix re = pick(matrix.re(), ri, ci);
        RationalMatrix im = matrix.im() == null ? null : pick(matrix.im(), ri, ci);
        return new PermInstance(problem(), matrix.field(), re, im);
    }

    private static int[] indices(int[] repeats) {
        int[] out = new int[Arrays.stream(repeats).sum()];
        int k = 0;
        for (int i = 0; i < repeats.length; i++) for (int a = 0; a < repeats[i]; a++) out[k++] = i;
        return out;
    }

    private static RationalMatrix pick(RationalMatrix a, int[] ri, int[] ci) {
        mcs.problems.exact.Rational[] v = new mcs.problems.exact.Rational[ri.length * ci.length];
        for (int x = 0; x < ri.length; x++) for (int y = 0; y < ci.length; y++) v[x * ci.length + y] = a.get(ri[x], ci[y]);
        return RationalMatrix.of(ri.length, ci.length, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepeatedInstance r && r.matrix.equals(matrix) && Arrays.equals(r.rowRepeats, rowRepeats)
                && Arrays.equals(r.colRepeats, colRepeats);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * matrix.hashCode() + Arrays.hashCode(rowRepeats)) + Arrays.hashCode(colRepeats);
    }

    @Override
    public String toString() {
        return "RepeatedInstance[" + problem().id() + ", n=" + n() + ", rows=" + Arrays.toString(rowRepeats) + ", cols=" + Arrays.toString(colRepeats) + "]";
    }

    /** The repeat vectors are copied in and out: a record must not leak its mutable arrays. */
    @Override
    public int[] rowRepeats() {
        return rowRepeats.clone();
    }

    @Override
    public int[] colRepeats() {
        return colRepeats.clone();
    }
}
