package mcs.problems.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mcs.problems.exact.RationalArray;
import mcs.problems.io.MatrixMarketHeader.Field;
import mcs.problems.io.MatrixMarketHeader.Format;
import mcs.problems.io.MatrixMarketHeader.Symmetry;

/**
 * A strict, allocation-light reader of Matrix Market files ({@code matrix} object; every format, field
 * and symmetry of the MM specification). Values are exact: a decimal literal is that rational, and as
 * an mcs extension a {@code p/q} token is accepted in {@code real} and {@code complex} fields.
 *
 * <p>Layout accepted: line 1 is the banner {@code %%MatrixMarket matrix FORMAT FIELD SYMMETRY} (keywords
 * case-insensitive, exactly five words); then any number of comment lines ({@code %…}) and blank lines;
 * then the size line ({@code rows cols entries} for coordinate, {@code rows cols} for array); then exactly
 * one entry per line, with no comment and no blank line in between; then optionally blank lines up to
 * the end. Tokens are separated by spaces or tabs; {@code \r\n} line breaks are accepted.
 *
 * <p>Rejected, each with an {@link InputException} naming the file and the 1-based line: a missing or
 * malformed banner, unknown keywords, invalid combinations ({@code array pattern}, {@code hermitian}
 * without {@code complex}, skew/hermitian {@code pattern}), a bad size line (non-integers, negative,
 * non-square symmetric, more entries than positions), a wrong number of tokens, an index out of range,
 * an entry above the diagonal in symmetric, skew-symmetric or hermitian storage, a nonzero diagonal in
 * skew-symmetric storage, a diagonal with nonzero imaginary part in hermitian storage, NaN/Inf/garbage or
 * non-integers in an {@code integer} field, magnitudes beyond the double range, nonzero magnitudes below 1e-1000, numbers longer than 100000 characters, fewer entries than declared
 * (reported on the line where the next entry was due), more entries (the first extra line), and
 * duplicate positions (the later line, naming the earlier one). Duplicates are found after the whole
 * file is read, so another error further down is reported first.
 *
 * <p>Cost: one pass over the bytes, O(entries + rows + cols) time, and about 26 bytes per entry per
 * value part plus 8 bytes per entry for the (row, column) order; 10^7 coordinate entries read in a few
 * seconds.
 */
public final class MatrixMarketReader {
    private MatrixMarketReader() {}

    /** Reads a file; an unreadable file is an {@link InputException} on line 0. */
    public static MatrixMarketData read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, Files.size(file), name);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name, 0, "cannot read: " + ioMessage(e));
        }
    }

    /** Reads in-memory content; {@code name} is used in messages. */
    public static MatrixMarketData read(byte[] content, String name) {
        return read(new ByteArrayInputStream(content), content.length, name);
    }

    /**
     * Reads a stream (not closed here).
     *
     * @param sizeBound an upper bound on the number of bytes, or −1 when unknown; with a bound, arrays are
     *     never allocated larger than the file could fill, whatever the size line claims
     */
    public static MatrixMarketData read(InputStream in, long sizeBound, String name) {
        try {
            return new Run(new ByteLines(in, name), sizeBound, name).read();
        } catch (UncheckedIOException e) {
            throw new InputException(name, 0, "cannot read: " + ioMessage(e));
        }
    }

    static String ioMessage(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (t instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) return fse.getReason();
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static final class Run {
        private final ByteLines in;
        private final long sizeBound;
        private final String file;
        private final NumberToken number = new NumberToken();
        private MatrixMarketHeader header;
        private int rows;
        private int cols;
        private long declared;

        Run(ByteLines in, long sizeBound, String file) {
            this.in = in;
            this.sizeBound = sizeBound;
            this.file = file;
        }

        private InputException error(String message) {
            return new InputException(file, in.lineNo(), message);
        }

        MatrixMarketData read() {
            header = banner();
            long sizeLine = sizeLine();
            int cap = capacity();
            int[] row = new int[cap], col = new int[cap];
            int parts = header.valuesPerEntry();
            RationalArray re = parts > 0 ? new RationalArray(cap) : null;
            double[] reD = parts > 0 ? new double[cap] : null;
            RationalArray im = parts > 1 ? new RationalArray(cap) : null;
            double[] imD = parts > 1 ? new double[cap] : null;
            int count = header.format() == Format.COORDINATE
                    ? coordinate(row, col, re, reD, im, imD)
                    : array(row, col, re, reD, im, imD);
            if (count < declared) throw truncated(sizeLine + 1 + count, count);
            while (in.next()) {
                if (!in.isBlank()) throw error("more entries than the " + declared + " declared on line " + sizeLine);
            }
            int[] order = rowMajorOrder(row, col, count);
            if (header.format() == Format.COORDINATE) checkDuplicates(order, row, col, sizeLine + 1);
            return new MatrixMarketData(file, header, rows, cols, count, row, col, re, reD, im, imD, sizeLine, order);
        }

        private InputException truncated(long line, int count) {
            return new InputException(file, line, "truncated: " + count + " of the " + declared + " declared entries found");
        }

        private MatrixMarketHeader banner() {
            if (!in.next()) throw new InputException(file, 1, "empty file: expected '%%MatrixMarket matrix FORMAT FIELD SYMMETRY'");
            int n = in.tokenize();
            if (n == 0 || !in.token(0).equalsIgnoreCase(MatrixMarketHeader.BANNER)) {
                throw error("not a Matrix Market file: line 1 must start with '%%MatrixMarket'");
            }
            if (n != 5) throw error("malformed banner: expected '%%MatrixMarket matrix FORMAT FIELD SYMMETRY', got '" + in.text().trim() + "'");
            if (!in.token(1).equalsIgnoreCase("matrix")) throw error("unsupported object '" + in.token(1) + "' (only 'matrix')");
            Format format = keyword(Format.class, 2, "format", "coordinate, array");
            Field field = keyword(Field.class, 3, "field", "real, integer, complex, pattern");
            Symmetry sym = keyword(Symmetry.class, 4, "symmetry", "general, symmetric, skew-symmetric, hermitian");
            String why = MatrixMarketHeader.invalidReason(format, field, sym);
            if (why != null) throw error("invalid header: " + why);
            return new MatrixMarketHeader(format, field, sym);
        }

        private <E extends Enum<E>> E keyword(Class<E> type, int t, String what, String known) {
            E e = MatrixMarketHeader.parseKeyword(type, in.token(t));
            if (e == null) throw error("unknown " + what + " '" + in.token(t) + "' (known: " + known + ")");
            return e;
        }

        private long sizeLine() {
            while (true) {
                if (!in.next()) throw new InputException(file, in.lineNo() + 1, "missing size line");
                if (in.isBlank()) continue;
                if (in.bytes()[in.start()] == '%') continue;
                break;
            }
            boolean coo = header.format() == Format.COORDINATE;
            int want = coo ? 3 : 2;
            String shape = coo ? "'rows cols entries'" : "'rows cols'";
            if (in.tokenize() != want) throw error("bad size line: expected " + shape + ", got '" + in.text().trim() + "'");
            rows = (int) sizeNumber(0, Integer.MAX_VALUE, "rows");
            cols = (int) sizeNumber(1, Integer.MAX_VALUE, "cols");
            boolean sym = header.isSymmetricStorage();
            if (sym && rows != cols) throw error("bad size line: a " + MatrixMarketHeader.keyword(header.symmetry()) + " matrix must be square, got " + rows + "x" + cols);
            long positions = sym ? (long) rows * (rows + 1L) / 2 : (long) rows * cols;
            if (coo) {
                declared = sizeNumber(2, Long.MAX_VALUE, "entries");
                if (declared > positions) throw error("bad size line: " + declared + " entries declared but a " + rows + "x" + cols + " " + MatrixMarketHeader.keyword(header.symmetry()) + " matrix has only " + positions + " positions");
            } else {
                declared = header.symmetry() == Symmetry.SKEW_SYMMETRIC ? (long) rows * (rows - 1) / 2 : positions;
                if (rows == 0) declared = 0;
            }
            if (declared > Integer.MAX_VALUE - 8) throw error("too many entries for one array: " + declared);
            return in.lineNo();
        }

        private long sizeNumber(int t, long max, String what) {
            byte[] b = in.bytes();
            int s = in.ts[t], e = in.te[t];
            long v = 0;
            while (s < e - 1 && b[s] == '0') s++;
            if (e - s > 19) throw error("bad size line: " + what + " '" + in.token(t) + "' is too large");
            for (int i = s; i < e; i++) {
                int c = b[i];
                if (c < '0' || c > '9') throw error("bad size line: " + what + " '" + in.token(t) + "' is not a non-negative integer");
                v = v * 10 + (c - '0');
                if (v > max || v < 0) throw error("bad size line: " + what + " '" + in.token(t) + "' is too large (at most " + max + ")");
            }
            return v;
        }

        /** Entries the arrays must hold: the declared count, unless the remaining bytes cannot hold that many. */
        private int capacity() {
            if (sizeBound < 0) return (int) declared;
            int tokens = (header.format() == Format.COORDINATE ? 2 : 0) + header.valuesPerEntry();
            long perEntry = 2L * tokens; // "t t t\n": one byte per token plus one separator or break
            long room = (sizeBound - in.consumed() + 1) / perEntry + 1;
            return (int) Math.min(declared, Math.max(0, room));
        }

        private int coordinate(int[] row, int[] col, RationalArray re, double[] reD, RationalArray im, double[] imD) {
            int parts = header.valuesPerEntry();
            int want = 2 + parts;
            boolean integer = header.field() == Field.INTEGER;
            Symmetry sym = header.symmetry();
            int count = 0;
            while (count < declared) {
                if (!in.next()) break;
                int n = in.tokenize();
                if (n != want) dataLineProblem(n, want, count);
                int i = index(0, rows, "row");
                int j = index(1, cols, "column");
                if (sym != Symmetry.GENERAL && i < j) {
                    throw error("entry (" + (i + 1) + "," + (j + 1) + ") above the diagonal in a " + MatrixMarketHeader.keyword(sym) + " file: store the lower triangle, i.e. (" + (j + 1) + "," + (i + 1) + ")");
                }
                if (parts > 0) value(2, integer, re, reD, count);
                if (parts > 1) value(3, integer, im, imD, count);
                if (i == j) diagonal(re, im, count);
                row[count] = i;
                col[count] = j;
                count++;
            }
            return count;
        }

        private void diagonal(RationalArray re, RationalArray im, int k) {
            Symmetry sym = header.symmetry();
            if (sym == Symmetry.SKEW_SYMMETRIC && (!NumberToken.isZero(re, k) || (im != null && !NumberToken.isZero(im, k)))) {
                throw error("nonzero diagonal entry in a skew-symmetric file");
            }
            if (sym == Symmetry.HERMITIAN && !NumberToken.isZero(im, k)) {
                throw error("diagonal entry with nonzero imaginary part in a hermitian file");
            }
        }

        private int array(int[] row, int[] col, RationalArray re, double[] reD, RationalArray im, double[] imD) {
            int parts = header.valuesPerEntry();
            boolean integer = header.field() == Field.INTEGER;
            Symmetry sym = header.symmetry();
            int first = sym == Symmetry.GENERAL ? 0 : sym == Symmetry.SKEW_SYMMETRIC ? 1 : 0;
            int i = 0, j = 0;
            if (sym != Symmetry.GENERAL) i = first;
            int count = 0;
            while (count < declared) {
                if (!in.next()) break;
                int n = in.tokenize();
                if (n != parts) dataLineProblem(n, parts, count);
                value(0, integer, re, reD, count);
                if (parts > 1) value(1, integer, im, imD, count);
                if (i == j && sym == Symmetry.HERMITIAN && !NumberToken.isZero(im, count)) {
                    throw error("diagonal entry with nonzero imaginary part in a hermitian file");
                }
                row[count] = i;
                col[count] = j;
                count++;
                if (++i == rows) {
                    j++;
                    i = sym == Symmetry.GENERAL ? 0 : j + first;
                }
            }
            return count;
        }

        /** Explains a data line with the wrong token count: blank (truncation or a gap), comment, or shape. */
        private void dataLineProblem(int n, int want, int count) {
            if (n == 0) {
                long here = in.lineNo();
                while (in.next()) {
                    if (!in.isBlank()) throw new InputException(file, here, "blank line inside the data section (" + count + " of " + declared + " entries read)");
                }
                throw new InputException(file, here, "truncated: " + count + " of the " + declared + " declared entries found");
            }
            if (in.bytes()[in.ts[0]] == '%') throw error("comment line inside the data section (comments are allowed only before the size line)");
            throw error("expected " + want + " tokens per entry, got " + n + ": '" + in.text().trim() + "'");
        }

        private int index(int t, int limit, String what) {
            byte[] b = in.bytes();
            int s = in.ts[t], e = in.te[t];
            long v = 0;
            while (s < e - 1 && b[s] == '0') s++; // leading zeros do not make an index long
            if (e - s > 11) v = Long.MAX_VALUE;
            else {
                for (int p = s; p < e; p++) {
                    int c = b[p];
                    if (c < '0' || c > '9') throw error(what + " index '" + in.token(t) + "' is not a positive integer");
                    v = v * 10 + (c - '0');
                }
            }
            if (v < 1 || v > limit) throw error(what + " index " + in.token(t) + " out of range 1.." + limit);
            return (int) (v - 1);
        }

        private void value(int t, boolean integer, RationalArray exact, double[] approx, int k) {
            String bad = number.store(in.bytes(), in.ts[t], in.te[t], integer, exact, approx, k);
            if (bad != null) throw error(bad);
        }

        /**
         * Stable sort of entry indices by (row, column): a counting sort by row (sequential writes when
         * the file is already in row order, the common case), then each row by column: insertion sort
         * for short rows, a sort of packed (column, index) keys for long ones. Equal positions keep file
         * order. O(count + rows) plus O(d log d) per row of length d &gt; 32; when the size line declares
         * many more rows than entries, O(count log count) with no O(rows) array.
         */
        private int[] rowMajorOrder(int[] row, int[] col, int count) {
            int[] out = new int[count];
            if (rows <= 2L * count + 1024) {
                int[] r = new int[rows + 1];
                for (int k = 0; k < count; k++) r[row[k] + 1]++;
                for (int i = 0; i < rows; i++) r[i + 1] += r[i];
                for (int k = 0; k < count; k++) out[r[row[k]]++] = k;
            } else {
                // The size line may declare far more rows than there are entries (up to 2^31 - 1): an
                // O(rows) counting array would then cost gigabytes, so sort (row, index) keys instead.
                long[] byRow = new long[count];
                for (int k = 0; k < count; k++) byRow[k] = ((long) row[k] << 32) | k;
                java.util.Arrays.sort(byRow);
                for (int p = 0; p < count; p++) out[p] = (int) byRow[p];
            }
            long[] keys = null;
            for (int a = 0, b; a < count; a = b) {
                b = a + 1;
                while (b < count && row[out[b]] == row[out[a]]) b++;
                if (b - a <= 32) {
                    for (int p = a + 1; p < b; p++) {
                        int k = out[p], c = col[k], q = p - 1;
                        while (q >= a && col[out[q]] > c) {
                            out[q + 1] = out[q];
                            q--;
                        }
                        out[q + 1] = k;
                    }
                } else {
                    if (keys == null || keys.length < b - a) keys = new long[Math.max(b - a, 1024)];
                    for (int p = a; p < b; p++) keys[p - a] = ((long) col[out[p]] << 32) | out[p];
                    java.util.Arrays.sort(keys, 0, b - a);
                    for (int p = a; p < b; p++) out[p] = (int) keys[p - a];
                }
            }
            return out;
        }

        /** Equal positions are adjacent in (row, column) order and keep file order; report the earliest second copy. */
        private void checkDuplicates(int[] order, int[] row, int[] col, long firstLine) {
            int worst = Integer.MAX_VALUE, earlier = -1;
            for (int p = 1; p < order.length; p++) {
                int a = order[p - 1], b = order[p];
                if (row[a] == row[b] && col[a] == col[b] && b < worst) {
                    worst = b;
                    earlier = a;
                }
            }
            if (earlier >= 0) {
                throw new InputException(file, firstLine + worst, "duplicate entry (" + (row[worst] + 1) + "," + (col[worst] + 1) + "), already listed on line " + (firstLine + earlier));
            }
        }
    }
}
