package mcs.problems.matrix;

import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * A dense rows×cols matrix of exact rationals (row-major) with their nearest doubles. Immutable: the
 * constructor {@linkplain RationalArray#freeze() freezes} the exact store and copies the doubles;
 * {@link #approxValues()} hands out a copy.
 */
public final class RationalMatrix {
    private final int rows;
    private final int cols;
    private final RationalArray exact;
    private final double[] approx;

    public RationalMatrix(int rows, int cols, RationalArray exact, double[] approx) {
        if ((long) rows * cols != exact.size() || approx.length != exact.size()) {
            throw new IllegalArgumentException("dimensions do not match the data");
        }
        this.rows = rows;
        this.cols = cols;
        this.exact = exact.freeze();
        this.approx = approx.clone();
    }

    /** A deep copy (new arrays, same values). */
    public RationalMatrix copy() {
        return new RationalMatrix(rows, cols, exact.copy(), approx);
    }

    public static RationalMatrix of(int rows, int cols, Rational[] rowMajor) {
        RationalArray ex = new RationalArray(rows * cols);
        double[] ap = new double[rows * cols];
        for (int k = 0; k < rowMajor.length; k++) {
            ex.set(k, rowMajor[k]);
            ap[k] = rowMajor[k].toDouble();
        }
        return new RationalMatrix(rows, cols, ex, ap);
    }

    public static RationalMatrix of(Rational[][] a) {
        int r = a.length, c = r == 0 ? 0 : a[0].length;
        Rational[] flat = new Rational[r * c];
        for (int i = 0; i < r; i++) {
            if (a[i].length != c) throw new IllegalArgumentException("ragged rows");
            System.arraycopy(a[i], 0, flat, i * c, c);
        }
        return of(r, c, flat);
    }

    /** Integer entries, convenient for tests. */
    public static RationalMatrix ofLongs(long[][] a) {
        int r = a.length, c = r == 0 ? 0 : a[0].length;
        Rational[] flat = new Rational[r * c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) flat[i * c + j] = Rational.of(a[i][j]);
        return of(r, c, flat);
    }

    public static RationalMatrix zeros(int rows, int cols) {
        return new RationalMatrix(rows, cols, new RationalArray(rows * cols), new double[rows * cols]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Rational get(int i, int j) {
        return exact.get(i * cols + j);
    }

    public double approx(int i, int j) {
        return approx[i * cols + j];
    }

    /** The exact store, frozen (read-only). */
    public RationalArray exactValues() {
        return exact;
    }

    /** Row-major doubles: a fresh copy, O(rows·cols). */
    public double[] approxValues() {
        return approx.clone();
    }

    public boolean isSquare() {
        return rows == cols;
    }

    /** True when every entry is an integer. */
    public boolean isIntegral() {
        for (int k = 0; k < exact.size(); k++) if (!exact.get(k).isInteger()) return false;
        return true;
    }

    /** True when the matrix equals its transpose exactly. */
    public boolean isSymmetric() {
        if (rows != cols) return false;
        for (int i = 0; i < rows; i++) for (int j = 0; j < i; j++) if (!get(i, j).equals(get(j, i))) return false;
        return true;
    }
}
