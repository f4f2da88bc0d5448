package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed-input case of SPEC §3.1 through the command line: exit code 2, one line on stderr
 * naming the file and the offending line, nothing on stdout, and no certificate written.
 */
class BadInputTest {
    private static final String H = "%%MatrixMarket matrix coordinate real symmetric\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("malformed header", "%%MatrixMarket matrix coordinate\n2 2 3\n1 1 1\n2 1 0\n2 2 1\n", 1),
                Arguments.of("unknown field", "%%MatrixMarket matrix coordinate rational symmetric\n2 2 3\n1 1 1\n2 1 0\n2 2 1\n", 1),
                Arguments.of("not a banner", "MatrixMarket matrix coordinate real symmetric\n2 2 3\n1 1 1\n2 1 0\n2 2 1\n", 1),
                Arguments.of("bad size line", H + "2 two 3\n1 1 1\n2 1 0\n2 2 1\n", 2),
                Arguments.of("index out of range", H + "% comment\n2 2 3\n1 1 1\n3 1 0.5\n2 2 1\n", 5),
                Arguments.of("index zero", H + "2 2 3\n1 1 1\n2 0 0.5\n2 2 1\n", 4),
                Arguments.of("duplicate entry", H + "3 3 5\n1 1 1\n2 1 0.5\n2 2 1\n2 1 0.5\n3 3 1\n", 6),
                Arguments.of("upper triangle entry", H + "2 2 3\n1 1 1\n1 2 0.5\n2 2 1\n", 4),
                Arguments.of("missing diagonal", H + "3 3 4\n1 1 1\n2 1 0.5\n2 2 1\n3 2 0.5\n", 2),
                Arguments.of("NaN", H + "2 2 3\n1 1 1\n2 1 NaN\n2 2 1\n", 4),
                Arguments.of("Inf", H + "2 2 3\n1 1 1\n2 1 0.5\n2 2 Inf\n", 5),
                Arguments.of("garbage number", H + "2 2 3\n1 1 1\n2 1 0.5x\n2 2 1\n", 4),
                Arguments.of("missing value", H + "2 2 3\n1 1 1\n2 1\n2 2 1\n", 4),
                Arguments.of("truncated file", H + "3 3 5\n1 1 1\n2 1 0.5\n2 2 1\n", 6),
                Arguments.of("more entries than declared", H + "2 2 3\n1 1 1\n2 1 0.5\n2 2 1\n1 1 2\n", 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithFileAndLine(String what, String content, int line, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.mtx");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        Path cert = dir.resolve("cert.json");
        for (String[] args : new String[][] {
            {"solve", f.toString(), "--certificate", cert.toString()},
            {"solve", f.toString(), "--json", "--certificate", cert.toString()}
        }) {
            Cli c = Cli.run(args);
            assertEquals(2, c.code(), () -> what + "\n" + c);
            assertEquals("", c.out(), () -> what + ": nothing on stdout\n" + c);
            String err = c.err().strip();
            assertEquals(1, err.lines().count(), () -> what + ": one line\n" + c);
            assertTrue(err.contains(f + ":" + line + ":"), () -> what + ": expected " + f + ":" + line + " in\n" + c);
            assertFalse(Files.exists(cert), what + ": nothing written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifyRejectsTheSameInput(String what, String content, int line, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.mtx");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        Path cert = dir.resolve("cert.json");
        Files.writeString(cert, "{}");
        Cli c = Cli.run("verify", f.toString(), cert.toString());
        assertEquals(2, c.code(), () -> what + "\n" + c);
        assertTrue(c.err().contains(f + ":" + line + ":"), () -> what + "\n" + c);
    }
}
