package mcs.problems.io;

import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.io.MatrixMarketHeader.Field;
import mcs.problems.io.MatrixMarketHeader.Format;
import mcs.problems.io.MatrixMarketHeader.Symmetry;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * Interprets {@link MatrixMarketData} as the inputs of SPEC §3.1. Every refusal is an
 * {@link InputException} naming the file: header mismatches on line 1, shape problems, a missing
 * diagonal, and sizes whose dense or pattern form would not fit in half the heap on the size line, asymmetric hafnian input on the size line with the offending position.
 */
public final class MatrixMarketInstances {
    private MatrixMarketInstances() {}

    /**
     * MC1 from a {@code coordinate real|integer symmetric} file whose diagonal is listed completely.
     * Entries are taken in (row, column) order, which is the entry order of {@link Pattern}; when the
     * file is already in that order (as {@link MatrixMarketWriter} writes it), the value arrays are
     * used as they are, else copied once. O(n + m).
     */
    public static Mc1Instance toMc1(MatrixMarketData d) {
        MatrixMarketHeader h = d.header();
        if (h.format() != Format.COORDINATE || (h.field() != Field.REAL && h.field() != Field.INTEGER) || h.symmetry() != Symmetry.SYMMETRIC) {
            throw new InputException(d.file(), 1, "psd-completion needs '%%MatrixMarket matrix coordinate real symmetric' (or integer), got '" + h.bannerLine() + "'");
        }
        int n = d.rows();
        int m = d.entries();
        int[] order = d.rowMajorOrder();
        if (n > m) throw missingDiagonal(d, order);
        int[] ptr = new int[n + 1];
        int[] lowCol = new int[m];
        boolean identity = true;
        for (int p = 0; p < m; p++) {
            int k = order[p];
            identity &= k == p;
            ptr[d.row(k) + 1]++;
            lowCol[p] = d.col(k);
        }
        for (int i = 0; i < n; i++) {
            if (ptr[i + 1] == 0 || lowCol[ptr[i] + ptr[i + 1] - 1] != i) {
                throw new InputException(d.file(), d.sizeLine(), "diagonal entry (" + (i + 1) + "," + (i + 1) + ") is not listed; psd-completion needs the whole diagonal");
            }
            ptr[i + 1] += ptr[i];
        }
        Pattern pattern = new Pattern(n, ptr, lowCol);
        RationalArray exact;
        double[] approx;
        if (identity) {
            exact = d.re();
            approx = d.reApprox();
        } else {
            exact = new RationalArray(m);
            approx = new double[m];
            RationalArray src = d.re();
            double[] srcD = d.reApprox();
            for (int p = 0; p < m; p++) {
                copy(src, order[p], exact, p, false);
                approx[p] = srcD[order[p]];
            }
        }
        return new Mc1Instance(new PartialSymmetricMatrix(pattern, exact, approx));
    }

    /** The first unlisted diagonal position, found without O(n) memory: n may come from a lying size line. */
    private static InputException missingDiagonal(MatrixMarketData d, int[] order) {
        int next = 0;
        for (int k : order) {
            if (d.row(k) == d.col(k) && d.row(k) == next) next++;
        }
        return new InputException(d.file(), d.sizeLine(), "diagonal entry (" + (next + 1) + "," + (next + 1) + ") is not listed; psd-completion needs the whole diagonal");
    }

    /**
     * Refuses, on the size line, to build something the heap cannot hold: {@code bytes} is the estimate for
     * a structure the declared size implies. Without this a size line such as {@code 46000 46000 0} would
     * end in OutOfMemoryError rather than a message.
     */
    static void requireMemory(MatrixMarketData d, long elements, int bytesPerElement, String what) {
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (elements > Integer.MAX_VALUE - 8 || elements * bytesPerElement > limit) {
            throw new InputException(d.file(), d.sizeLine(), what + " of " + d.rows() + "x" + d.cols() + " needs about "
                    + (elements * bytesPerElement >> 20) + " MiB, more than half the heap (" + (limit >> 19) + " MiB)");
        }
    }

    /**
     * A permanent, hafnian or permanent-estimate instance from a square matrix in any format; symmetric,
     * skew-symmetric and hermitian storage are expanded. A {@code pattern} file is the 0/1 matrix of its
     * positions (field INTEGER). Hafnians need even order and a symmetric matrix (checked exactly); loop hafnians a
     * symmetric matrix of any order.
     * O(n²) memory.
     */
    public static PermInstance toPerm(MatrixMarketData d, Problem problem) {
        return toPerm(d, problem, true);
    }

    /**
     * As {@link #toPerm(MatrixMarketData, Problem)}; with {@code requireEvenOrder} false a hafnian matrix may
     * have odd order (rows and columns repeated by a descriptor decide the parity of the expanded order).
     */
    public static PermInstance toPerm(MatrixMarketData d, Problem problem, boolean requireEvenOrder) {
        if (problem != Problem.PERMANENT && problem != Problem.HAFNIAN && problem != Problem.PERMANENT_ESTIMATE
                && problem != Problem.HAFNIAN_ESTIMATE && problem != Problem.LOOP_HAFNIAN) {
            throw new IllegalArgumentException("not a permanent-style problem: " + problem);
        }
        if (!d.isSquare()) throw new InputException(d.file(), d.sizeLine(), problem.id() + " needs a square matrix, got " + d.rows() + "x" + d.cols());
        RationalMatrix re = denseReal(d);
        RationalMatrix im = d.header().field() == Field.COMPLEX ? denseImaginary(d) : null;
        boolean loop = problem == Problem.LOOP_HAFNIAN;
        if (problem == Problem.HAFNIAN || problem == Problem.HAFNIAN_ESTIMATE || loop) {
            if (requireEvenOrder && !loop && d.rows() % 2 != 0) throw new InputException(d.file(), d.sizeLine(), "hafnian needs even order, got " + d.rows());
            int[] bad = asymmetry(re);
            if (bad == null && im != null) bad = asymmetry(im);
            if (bad != null) {
                throw new InputException(d.file(), d.sizeLine(), (loop ? "loop-hafnian" : "hafnian") + " needs a symmetric matrix: entry (" + (bad[0] + 1) + "," + (bad[1] + 1) + ") differs from (" + (bad[1] + 1) + "," + (bad[0] + 1) + ")");
            }
        }
        PermInstance.Field field = switch (d.header().field()) {
            case INTEGER, PATTERN -> PermInstance.Field.INTEGER;
            case REAL -> PermInstance.Field.REAL;
            case COMPLEX -> PermInstance.Field.COMPLEX;
        };
        return new PermInstance(problem, field, re, im);
    }

    /**
     * The full real part as a dense matrix: stored entries, mirrored for symmetric storage (negated for
     * skew-symmetric), pattern positions as 1, everything else 0. O(rows·cols) memory.
     */
    public static RationalMatrix denseReal(MatrixMarketData d) {
        return dense(d, d.re(), d.reApprox(), d.header().symmetry() == Symmetry.SKEW_SYMMETRIC);
    }

    /** The full imaginary part of a complex file (mirrored with sign −1 for hermitian and skew storage). */
    public static RationalMatrix denseImaginary(MatrixMarketData d) {
        if (d.im() == null) throw new IllegalArgumentException("not a complex file");
        Symmetry s = d.header().symmetry();
        return dense(d, d.im(), d.imApprox(), s == Symmetry.SKEW_SYMMETRIC || s == Symmetry.HERMITIAN);
    }

    private static RationalMatrix dense(MatrixMarketData d, RationalArray src, double[] srcD, boolean negateMirror) {
        long size = (long) d.rows() * d.cols();
        requireMemory(d, size, 18, "a dense matrix"); // long + short + double per entry
        int c = d.cols();
        RationalArray ex = new RationalArray((int) size);
        double[] ap = new double[(int) size];
        boolean mirror = d.header().symmetry() != Symmetry.GENERAL;
        for (int k = 0; k < d.entries(); k++) {
            int i = d.row(k), j = d.col(k);
            put(src, srcD, k, ex, ap, i * c + j, false);
            if (mirror && i != j) put(src, srcD, k, ex, ap, j * c + i, negateMirror);
        }
        return new RationalMatrix(d.rows(), c, ex, ap);
    }

    private static void put(RationalArray src, double[] srcD, int k, RationalArray dst, double[] dstD, int to, boolean negate) {
        if (src == null) {
            dst.setDecimal(to, 1, 0);
            dstD[to] = 1.0;
            return;
        }
        copy(src, k, dst, to, negate);
        dstD[to] = negate ? -srcD[k] : srcD[k];
    }

    /** Copies one value without creating a Rational when it is stored compactly. */
    static void copy(RationalArray src, int from, RationalArray dst, int to, boolean negate) {
        if (src.isCompact(from) && src.unscaled(from) != Long.MIN_VALUE) {
            long u = src.unscaled(from);
            dst.setDecimal(to, negate ? -u : u, src.exponent(from));
        } else {
            Rational r = src.get(from);
            dst.set(to, negate ? r.negate() : r);
        }
    }

    /** First (i, j) with a_ij ≠ a_ji in row-major order of the upper triangle, or null. */
    private static int[] asymmetry(RationalMatrix a) {
        int n = a.rows();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) if (!a.get(i, j).equals(a.get(j, i))) return new int[] {i, j};
        }
        return null;
    }

    /**
     * Ω from a {@code coordinate pattern symmetric} file, the diagonal added where not listed
     * (see {@link #listsWholeDiagonal}). O(n + m).
     */
    public static Pattern toPattern(MatrixMarketData d) {
        MatrixMarketHeader h = d.header();
        if (h.format() != Format.COORDINATE || h.field() != Field.PATTERN || h.symmetry() != Symmetry.SYMMETRIC) {
            throw new InputException(d.file(), 1, "a position set must be '%%MatrixMarket matrix coordinate pattern symmetric', got '" + h.bannerLine() + "'");
        }
        int n = d.rows();
        requireMemory(d, (long) d.entries() + n + 1, 8, "a position set");
        int[] order = d.rowMajorOrder();
        int[] ptr = new int[n + 1];
        int[] col = new int[d.entries() + n];
        int q = 0, p = 0;
        for (int i = 0; i < n; i++) {
            while (p < order.length && d.row(order[p]) == i) {
                int j = d.col(order[p++]);
                if (j != i) col[q++] = j;
            }
            col[q++] = i;
            ptr[i + 1] = q;
        }
        return new Pattern(n, ptr, q == col.length ? col : java.util.Arrays.copyOf(col, q));
    }

    /** True when every diagonal position (i, i) is among the stored entries. O(entries + n). */
    public static boolean listsWholeDiagonal(MatrixMarketData d) {
        if (!d.isSquare()) return false;
        boolean[] seen = new boolean[d.rows()];
        int count = 0;
        for (int k = 0; k < d.entries(); k++) {
            int i = d.row(k);
            if (i == d.col(k) && !seen[i]) {
                seen[i] = true;
                count++;
            }
        }
        return count == d.rows();
    }
}
