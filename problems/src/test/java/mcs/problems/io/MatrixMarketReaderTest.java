package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mcs.problems.exact.Rational;
import mcs.problems.io.MatrixMarketHeader.Field;
import mcs.problems.io.MatrixMarketHeader.Format;
import mcs.problems.io.MatrixMarketHeader.Symmetry;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class MatrixMarketReaderTest {
    static Path resource(String name) {
        try {
            return Path.of(MatrixMarketReaderTest.class.getResource("/mm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rational q(String s) {
        return Rational.parse(s);
    }

    static void assertDense(String[][] expected, RationalMatrix m) {
        assertEquals(expected.length, m.rows());
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(q(expected[i][j]), m.get(i, j), "(" + i + "," + j + ")");
                assertEquals(q(expected[i][j]).toDouble(), m.approx(i, j), 0.0);
            }
        }
    }

    static InputException error(String content) {
        return assertThrows(InputException.class, () -> MatrixMarketReader.read(content.getBytes(StandardCharsets.UTF_8), "bad.mtx"));
    }

    static void assertError(long line, String fragment, String content) {
        InputException e = error(content);
        assertEquals("bad.mtx", e.file());
        assertEquals(line, e.line(), e.oneLine());
        assertTrue(e.getMessage().contains(fragment), e.oneLine());
        assertTrue(e.oneLine().startsWith("bad.mtx:" + line + ": "), e.oneLine());
    }

    @Test
    void coordinateRealGeneralWithCommentsAndRational() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_real_general.mtx"));
        assertEquals(new MatrixMarketHeader(Format.COORDINATE, Field.REAL, Symmetry.GENERAL), d.header());
        assertEquals(4, d.sizeLine());
        assertEquals(3, d.entries());
        assertEquals(6, d.lineOf(1));
        assertDense(new String[][] {{"3/2", "0", "1/3"}, {"0", "0", "-1/5"}}, MatrixMarketInstances.denseReal(d));
        assertArrayEquals(new int[] {0, 2, 1}, d.rowMajorOrder());
        assertNull(d.im());
    }

    @Test
    void coordinateIntegerSymmetric() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_int_sym.mtx"));
        assertDense(new String[][] {{"4", "-1", "0"}, {"-1", "5", "0"}, {"0", "0", "7"}}, MatrixMarketInstances.denseReal(d));
    }

    @Test
    void coordinateComplexHermitian() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_cplx_herm.mtx"));
        assertDense(new String[][] {{"2", "1"}, {"1", "3"}}, MatrixMarketInstances.denseReal(d));
        assertDense(new String[][] {{"0", "1"}, {"-1", "0"}}, MatrixMarketInstances.denseImaginary(d));
    }

    @Test
    void coordinateComplexSymmetricAndGeneral() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_cplx_sym.mtx"));
        assertDense(new String[][] {{"0", "1"}, {"1", "0"}}, MatrixMarketInstances.denseReal(d));
        assertDense(new String[][] {{"1", "2"}, {"2", "0"}}, MatrixMarketInstances.denseImaginary(d));
        MatrixMarketData g = MatrixMarketReader.read(resource("coo_cplx_general.mtx"));
        assertEquals(q("3/2"), MatrixMarketInstances.denseReal(g).get(0, 1));
        assertEquals(q("-2"), MatrixMarketInstances.denseImaginary(g).get(0, 1));
    }

    @Test
    void patternGeneralAndSymmetric() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_pat_general.mtx"));
        assertDense(new String[][] {{"0", "1"}, {"1", "0"}}, MatrixMarketInstances.denseReal(d));
        MatrixMarketData s = MatrixMarketReader.read(resource("coo_pat_sym.mtx"));
        assertDense(new String[][] {{"0", "1", "0"}, {"1", "0", "1"}, {"0", "1", "1"}}, MatrixMarketInstances.denseReal(s));
        assertEquals(5, MatrixMarketInstances.toPattern(s).m());
    }

    @Test
    void skewSymmetricCoordinate() {
        MatrixMarketData d = MatrixMarketReader.read(resource("coo_real_skew.mtx"));
        assertDense(new String[][] {{"0", "-1/2", "0"}, {"1/2", "0", "4"}, {"0", "-4", "0"}}, MatrixMarketInstances.denseReal(d));
        MatrixMarketData i = MatrixMarketReader.read(resource("coo_int_skew.mtx"));
        assertDense(new String[][] {{"0", "-3"}, {"3", "0"}}, MatrixMarketInstances.denseReal(i));
    }

    @Test
    void arrayFormatsAreColumnMajor() {
        assertDense(new String[][] {{"1", "2"}, {"3", "4"}}, MatrixMarketInstances.denseReal(MatrixMarketReader.read(resource("arr_real_general.mtx"))));
        assertDense(new String[][] {{"1", "2", "3"}}, MatrixMarketInstances.denseReal(MatrixMarketReader.read(resource("arr_int_general.mtx"))));
        assertDense(new String[][] {{"2", "1"}, {"1", "2"}}, MatrixMarketInstances.denseReal(MatrixMarketReader.read(resource("arr_int_sym.mtx"))));
        assertDense(new String[][] {{"5/4", "-1"}, {"-1", "3"}}, MatrixMarketInstances.denseReal(MatrixMarketReader.read(resource("arr_real_sym.mtx"))));
        assertDense(new String[][] {{"0", "-1", "-2"}, {"1", "0", "-3"}, {"2", "3", "0"}}, MatrixMarketInstances.denseReal(MatrixMarketReader.read(resource("arr_real_skew.mtx"))));
        MatrixMarketData c = MatrixMarketReader.read(resource("arr_cplx_general.mtx"));
        assertDense(new String[][] {{"1", "2"}, {"0", "0.5"}}, MatrixMarketInstances.denseReal(c));
        assertDense(new String[][] {{"1", "0"}, {"-1", "0.25"}}, MatrixMarketInstances.denseImaginary(c));
        MatrixMarketData h = MatrixMarketReader.read(resource("arr_cplx_herm.mtx"));
        assertDense(new String[][] {{"1", "2"}, {"2", "4"}}, MatrixMarketInstances.denseReal(h));
        assertDense(new String[][] {{"0", "-3"}, {"3", "0"}}, MatrixMarketInstances.denseImaginary(h));
    }

    @Test
    void exactDecimalsLongMantissasAndCrlf() {
        String text = "%%MatrixMarket matrix coordinate real general\r\n1 5 5\r\n1 1 0.1\r\n1 2 -12345678901234567890.5\r\n1 3 .5e+2\r\n1 4 7E-400\r\n1 5 -0\r\n\r\n  \n";
        MatrixMarketData d = MatrixMarketReader.read(text.getBytes(StandardCharsets.US_ASCII), "x.mtx");
        assertEquals(q("1/10"), d.re().get(0));
        assertEquals(0.1, d.reApprox()[0], 0.0);
        assertEquals(q("-24691357802469135781/2"), d.re().get(1));
        assertEquals(-12345678901234567890.5, d.reApprox()[1], 0.0);
        assertEquals(q("50"), d.re().get(2));
        assertEquals(Rational.ofDecimal(7, -400), d.re().get(3));
        assertEquals(0.0, d.reApprox()[3], 0.0);
        assertEquals(Rational.ZERO, d.re().get(4));
    }

    @Test
    void bannerErrors() {
        assertError(1, "empty file", "");
        assertError(1, "must start with '%%MatrixMarket'", "%MatrixMarket matrix coordinate real general\n1 1 0\n");
        assertError(1, "malformed banner", "%%MatrixMarket matrix coordinate real\n1 1 0\n");
        assertError(1, "unsupported object 'vector'", "%%MatrixMarket vector coordinate real general\n1 1 0\n");
        assertError(1, "unknown format 'dense'", "%%MatrixMarket matrix dense real general\n1 1 0\n");
        assertError(1, "unknown field 'double'", "%%MatrixMarket matrix coordinate double general\n1 1 0\n");
        assertError(1, "unknown symmetry 'upper'", "%%MatrixMarket matrix coordinate real upper\n1 1 0\n");
        assertError(1, "invalid header", "%%MatrixMarket matrix array pattern general\n1 1\n");
        assertError(1, "invalid header", "%%MatrixMarket matrix coordinate real hermitian\n1 1 0\n");
        assertError(1, "invalid header", "%%MatrixMarket matrix coordinate pattern skew-symmetric\n1 1 0\n");
    }

    @Test
    void sizeLineErrors() {
        assertError(3, "missing size line", "%%MatrixMarket matrix coordinate real general\n% only a comment\n");
        assertError(3, "bad size line", "%%MatrixMarket matrix coordinate real general\n%c\n2 2\n");
        assertError(2, "not a non-negative integer", "%%MatrixMarket matrix coordinate real general\n2 -2 1\n");
        assertError(2, "not a non-negative integer", "%%MatrixMarket matrix array real general\n2 x\n");
        assertError(2, "must be square", "%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n");
        assertError(2, "only 3 positions", "%%MatrixMarket matrix coordinate real symmetric\n2 2 4\n");
        assertError(2, "too large", "%%MatrixMarket matrix coordinate real general\n99999999999 2 1\n");
    }

    @Test
    void entryErrors() {
        String h = "%%MatrixMarket matrix coordinate real symmetric\n3 3 3\n";
        assertError(4, "row index 4 out of range 1..3", h + "1 1 1\n4 1 1\n3 3 1\n");
        assertError(3, "column index 0 out of range", h + "1 0 1\n2 2 1\n3 3 1\n");
        assertError(4, "above the diagonal", h + "1 1 1\n1 2 1\n3 3 1\n");
        assertError(5, "duplicate entry (2,1), already listed on line 3", h + "2 1 1\n1 1 1\n2 1 5\n");
        assertError(3, "not a finite number", h + "1 1 NaN\n2 2 1\n3 3 1\n");
        assertError(4, "not a finite number", h + "1 1 1\n2 2 -Inf\n3 3 1\n");
        assertError(3, "bad number '1.2.3'", h + "1 1 1.2.3\n2 2 1\n3 3 1\n");
        assertError(3, "beyond the double range", h + "1 1 1e400\n2 2 1\n3 3 1\n");
        assertError(4, "expected 3 tokens per entry, got 4", h + "1 1 1\n2 2 1 7\n3 3 1\n");
        assertError(3, "expected 3 tokens per entry, got 2", h + "1 1\n2 2 1\n3 3 1\n");
        assertError(5, "truncated: 2 of the 3", h + "1 1 1\n2 2 1\n");
        assertError(5, "truncated: 2 of the 3", h + "1 1 1\n2 2 1\n\n\n");
        assertError(4, "blank line inside the data section", h + "1 1 1\n\n2 2 1\n3 3 1\n");
        assertError(4, "comment line inside the data section", h + "1 1 1\n% no\n2 2 1\n3 3 1\n");
        assertError(7, "more entries than the 3 declared on line 2", h + "1 1 1\n2 2 1\n3 3 1\n\n3 1 2\n");
        assertError(3, "not an integer", "%%MatrixMarket matrix coordinate integer general\n1 1 1\n1 1 1.5\n");
        assertError(3, "not an integer", "%%MatrixMarket matrix coordinate integer general\n1 1 1\n1 1 1/2\n");
        assertError(4, "nonzero diagonal entry in a skew-symmetric file", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 2\n2 1 1\n2 2 3\n");
        assertError(3, "nonzero imaginary part in a hermitian", "%%MatrixMarket matrix coordinate complex hermitian\n2 2 1\n2 2 1 1\n");
        assertError(5, "nonzero imaginary part in a hermitian", "%%MatrixMarket matrix array complex hermitian\n2 2\n1 0\n2 1\n4 1\n");
        assertError(5, "truncated: 2 of the 3", "%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n");
        assertError(6, "more entries", "%%MatrixMarket matrix array real general\n1 2\n1\n2\n\n3\n");
    }

    @Test
    void skewZeroDiagonalIsAccepted() {
        MatrixMarketData d = MatrixMarketReader.read("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 2\n2 1 1\n2 2 0\n".getBytes(StandardCharsets.US_ASCII), "z.mtx");
        assertDense(new String[][] {{"0", "-1"}, {"1", "0"}}, MatrixMarketInstances.denseReal(d));
    }

    @Test
    void unreadableFileIsLineZero() {
        InputException e = assertThrows(InputException.class, () -> MatrixMarketReader.read(Path.of("/nonexistent/x.mtx")));
        assertEquals(0, e.line());
        assertEquals("/nonexistent/x.mtx", e.file());
    }

    @Test
    void declaredCountLargerThanFileDoesNotAllocateIt() {
        InputException e = error("%%MatrixMarket matrix coordinate real general\n2000000000 2000000000 2000000000\n1 1 1\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("truncated: 1 of the 2000000000"), e.oneLine());
    }

    @Test
    void rowMajorOrderSortsLongAndShortRowsAndFindsDuplicatesInLongRows() {
        java.util.Random r = new java.util.Random(3);
        java.util.List<int[]> pos = new java.util.ArrayList<>();
        for (int j = 0; j < 50; j++) pos.add(new int[] {1, j});
        for (int j = 0; j < 5; j++) pos.add(new int[] {0, j});
        java.util.Collections.shuffle(pos, r);
        StringBuilder sb = new StringBuilder("%%MatrixMarket matrix coordinate pattern general\n2 50 " + pos.size() + "\n");
        for (int[] p : pos) sb.append(p[0] + 1).append(' ').append(p[1] + 1).append('\n');
        MatrixMarketData d = MatrixMarketReader.read(sb.toString().getBytes(StandardCharsets.US_ASCII), "long.mtx");
        int[] order = d.rowMajorOrder();
        for (int p = 1; p < order.length; p++) {
            long prev = (long) d.row(order[p - 1]) * 100 + d.col(order[p - 1]);
            long cur = (long) d.row(order[p]) * 100 + d.col(order[p]);
            assertTrue(prev < cur, "order not strictly increasing at " + p);
        }
        sb.append("2 17\n");
        String dup = sb.toString().replace("2 50 " + pos.size(), "2 50 " + (pos.size() + 1));
        int firstLine = 3 + pos.indexOf(pos.stream().filter(p -> p[0] == 1 && p[1] == 16).findFirst().orElseThrow());
        assertError(3 + pos.size(), "duplicate entry (2,17), already listed on line " + firstLine, dup);
    }
}
