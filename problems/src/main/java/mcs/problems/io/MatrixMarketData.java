package mcs.problems.io;

import mcs.problems.exact.RationalArray;

/**
 * The content of a Matrix Market file exactly as stored, before any problem-specific interpretation:
 * the header, the size, and the stored entries in file order (0-based indices; for symmetric storage
 * only the lower triangle, as on disk). For {@code array} files the entries are the stored ones in
 * column-major order with their positions filled in, so both formats look alike to converters.
 *
 * <p>Values: {@code re} holds the exact real part and {@code reApprox} its nearest double;
 * {@code im}/{@code imApprox} the imaginary part for complex files (else null). Pattern files have no
 * values (all four null).
 *
 * <p>Line numbers are not stored: the reader admits neither comments nor blank lines inside the data
 * section, so entry k stands on line {@code firstEntryLine + k} (array files: one entry per line too).
 * Memory: 8 bytes (indices) + 18 bytes per value part per entry.
 */
public final class MatrixMarketData {
    private final String file;
    private final MatrixMarketHeader header;
    private final int rows;
    private final int cols;
    private final int entries;
    private final int[] row;
    private final int[] col;
    private final RationalArray re;
    private final double[] reApprox;
    private final RationalArray im;
    private final double[] imApprox;
    private final long sizeLine;
    private final long firstEntryLine;
    private final int[] rowMajorOrder;

    MatrixMarketData(String file, MatrixMarketHeader header, int rows, int cols, int entries, int[] row, int[] col,
            RationalArray re, double[] reApprox, RationalArray im, double[] imApprox, long sizeLine, int[] rowMajorOrder) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.cols = cols;
        this.entries = entries;
        this.row = row;
        this.col = col;
        this.re = re;
        this.reApprox = reApprox;
        this.im = im;
        this.imApprox = imApprox;
        this.sizeLine = sizeLine;
        this.firstEntryLine = sizeLine + 1;
        this.rowMajorOrder = rowMajorOrder;
    }

    /** The file name used in error messages. */
    public String file() {
        return file;
    }

    public MatrixMarketHeader header() {
        return header;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored entries (coordinate: the declared count; array: the stored part). */
    public int entries() {
        return entries;
    }

    /** 0-based row of stored entry k. */
    public int row(int k) {
        return row[k];
    }

    /** 0-based column of stored entry k. */
    public int col(int k) {
        return col[k];
    }

    /** Exact real parts by entry, or null for pattern files (read-only by convention). */
    public RationalArray re() {
        return re;
    }

    public double[] reApprox() {
        return reApprox;
    }

    /** Exact imaginary parts for complex files, else null. */
    public RationalArray im() {
        return im;
    }

    public double[] imApprox() {
        return imApprox;
    }

    /** 1-based line of the size line. */
    public long sizeLine() {
        return sizeLine;
    }

    /** 1-based line on which stored entry k stands. */
    public long lineOf(int k) {
        return firstEntryLine + k;
    }

    public boolean isSquare() {
        return rows == cols;
    }

    /**
     * Entry indices sorted by (row, column); entries are distinct positions (the reader rejects
     * duplicates), so the order is strict. Shared array: do not modify.
     */
    public int[] rowMajorOrder() {
        return rowMajorOrder;
    }

    /** An error located at stored entry k. */
    public InputException errorAt(int k, String message) {
        return new InputException(file, lineOf(k), message);
    }
}
