package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for the bugs {@link ReaderFuzzTest} and review found, one per bug, with the exact line expected. */
class HostileInputTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static InputException mm(String text, long line, String fragment) {
        InputException e = assertThrows(InputException.class, () -> MatrixMarketReader.read(b(text), "h.mtx"));
        assertEquals("h.mtx", e.file());
        assertEquals(line, e.line(), e.oneLine());
        assertTrue(e.getMessage().contains(fragment), e.oneLine());
        return e;
    }

    private static InputException asInstance(String text, Problem p, long line, String fragment) {
        MatrixMarketData d = MatrixMarketReader.read(b(text), "h.mtx");
        InputException e = assertThrows(InputException.class,
                () -> { if (p == Problem.PSD_COMPLETION) MatrixMarketInstances.toMc1(d); else MatrixMarketInstances.toPerm(d, p); });
        assertEquals(line, e.line(), e.oneLine());
        assertTrue(e.getMessage().contains(fragment), e.oneLine());
        return e;
    }

    @Test
    void controlBytesInsideANumberAreRefused() {
        // Rational.parse trims, so "1/2\0" used to be read as 1/2.
        mm("%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 1/2\0\n", 3, "unexpected byte 0x0");
        mm("%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 12345678901234567890\u000b\n", 3, "unexpected byte 0xb");
    }

    @Test
    void nonzeroNumbersBelowTenToMinusThousandAreRefused() {
        // 1e-99999 was stored as a 41 KB fraction from 8 bytes of file: a small file could exhaust memory.
        mm("%%MatrixMarket matrix array real general\n1 1\n1e-99999\n", 3, "smaller than 1e-1000");
        mm("%%MatrixMarket matrix array real general\n1 1\n99e-1002\n", 3, "smaller than 1e-1000");
        mm("%%MatrixMarket matrix array real general\n1 1\n1/" + "9".repeat(1001) + "\n", 3, "smaller than 1e-1000");
        MatrixMarketData ok = MatrixMarketReader.read(b("%%MatrixMarket matrix array real general\n3 1\n7e-400\n0e-99999\n10e-1001\n"), "h.mtx");
        assertEquals(Rational.parse("7e-400"), ok.re().get(0));
        assertTrue(ok.re().get(1).isZero());
        assertEquals(Rational.parse("1e-1000"), ok.re().get(2));
    }

    @Test
    void overlongNumbersAreRefusedQuickly() {
        String p = "7".repeat(NumberToken.MAX_TOKEN);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> mm("%%MatrixMarket matrix array real general\n1 1\n" + p + "/" + p + "\n", 3, "longer than"));
    }

    @Test
    void leadingZerosDoNotMakeAnIndexOrSizeTooLarge() {
        MatrixMarketData d = MatrixMarketReader.read(b("%%MatrixMarket matrix coordinate real general\n00000000000000000000002 2 1\n000000000000002 0000000000001 5\n"), "h.mtx");
        assertEquals(2, d.rows());
        assertEquals(1, d.row(0));
        assertEquals(0, d.col(0));
    }

    @Test
    void hugeDeclaredRowsWithoutEntriesNeedNoRowArray() {
        // rows + 1 overflowed (NegativeArraySizeException); 10^9 rows allocated gigabytes before any data.
        MatrixMarketData d = MatrixMarketReader.read(b("%%MatrixMarket matrix coordinate real general\n2147483647 1 1\n2147483647 1 3\n"), "h.mtx");
        assertEquals(2147483646, d.row(0));
        assertEquals(0, MatrixMarketReader.read(b("%%MatrixMarket matrix array real general\n2147483647 0\n"), "h.mtx").entries());
        MatrixMarketData sym = MatrixMarketReader.read(b("%%MatrixMarket matrix coordinate real symmetric\n1000000000 1000000000 3\n5 5 1\n3 1 2\n3 3 1\n"), "h.mtx");
        assertEquals(2, sym.row(sym.rowMajorOrder()[0]));
    }

    @Test
    void lyingSizesFailOnTheSizeLineBeforeAllocating() {
        mm("%%MatrixMarket matrix array real general\n100000 100000\n1\n", 2, "too many entries");
        mm("%%MatrixMarket matrix array real general\n40000 40000\n1\n", 4, "truncated");
        mm("%%MatrixMarket matrix coordinate real general\n2 2 2147483647\n1 1 1\n", 2, "positions");
        // MC1 with a diagonal the entries cannot cover: reported without an O(n) array.
        asInstance("%%MatrixMarket matrix coordinate real symmetric\n2147483647 2147483647 1\n1 1 1\n", Problem.PSD_COMPLETION, 2, "(2,2) is not listed");
        // A sparse permanent input whose dense form cannot fit in memory.
        asInstance("%%MatrixMarket matrix coordinate real general\n46000 46000 1\n1 1 1\n", Problem.PERMANENT, 2, "needs about");
        MatrixMarketData omega = MatrixMarketReader.read(b("%%MatrixMarket matrix coordinate pattern symmetric\n2147483647 2147483647 0\n"), "h.mtx");
        InputException e = assertThrows(InputException.class, () -> MatrixMarketInstances.toPattern(omega));
        assertEquals(2, e.line());
    }

    @Test
    void mc2ComparesSizesBeforeBuildingOmega(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.json"), "{\"problem\": \"approximate-squaring\", \"a\": \"A.mtx\", \"omega\": \"o.mtx\"}\n");
        Files.writeString(dir.resolve("A.mtx"), "%%MatrixMarket matrix array real general\n2 1\n1\n2\n");
        Files.writeString(dir.resolve("o.mtx"), "%%MatrixMarket matrix coordinate pattern symmetric\n% c\n1500000000 1500000000 0\n");
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(dir.resolve("d.json"), null));
        assertEquals(dir.resolve("o.mtx").toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("A has 2 rows"), e.oneLine());
        // A coordinate A with a lying size: the dense form is refused on A's size line.
        Files.writeString(dir.resolve("A.mtx"), "%%MatrixMarket matrix coordinate real general\n2000000000 2000000000 1\n1 1 1\n");
        InputException a = assertThrows(InputException.class, () -> InstanceReader.read(dir.resolve("d.json"), null));
        assertEquals(dir.resolve("A.mtx").toString(), a.file());
        assertEquals(2, a.line());
    }

    @Test
    void certificateNumbersWithBlanksOrControlsAreRefused() {
        String sha = "ab".repeat(32);
        String head = "{\"format\": \"mcs-certificate/1\", \"problem\": \"permanent\", \"instance_sha256\": \"" + sha + "\",\n \"verdict\": \"SOLVED\", ";
        InputException v = assertThrows(InputException.class, () -> CertificateJson.read(b(head + "\"value\": \" 12\\u0000\", \"exact\": true}\n"), "c.json"));
        assertEquals(2, v.line(), v.oneLine());
        InputException eb = assertThrows(InputException.class,
                () -> CertificateJson.read(b(head + "\"value\": \"12\", \"exact\": false,\n\"error_bound\": \"1 \"}\n"), "c.json"));
        assertEquals(3, eb.line(), eb.oneLine());
        String ok = head + "\"value\": \"12\", \"exact\": true}\n";
        assertEquals("12", CertificateJson.read(b(ok), "c.json").value());
    }

    @Test
    void deeplyNestedJsonIsAnInputException() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        InputException e = assertThrows(InputException.class, () -> CertificateJson.read(b(deep), "c.json"));
        assertEquals(1, e.line());
        String inBody = "{\"format\": \"mcs-certificate/1\", \"problem\": \"psd-completion\", \"instance_sha256\": \"" + "ab".repeat(32)
                + "\", \"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"entries\", \"entries\": " + deep + "}}";
        InputException f = assertThrows(InputException.class, () -> CertificateJson.read(b(inBody), "c.json"));
        assertEquals(2, f.line());
        InputException g = assertThrows(InputException.class,
                () -> Mc2Descriptor.read(new ByteArrayInputStream(b("{\"problem\":\n" + deep + "}")), Path.of("/tmp/d.json")));
        assertEquals(2, g.line());
    }
}
