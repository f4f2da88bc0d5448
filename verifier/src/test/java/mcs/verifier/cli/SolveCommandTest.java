package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SolveCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    static JsonNode json(Cli c) throws Exception {
        return M.readTree(c.out());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "spec-3x3-yes.mtx, COMPLETABLE",
        "spec-3x3-no.mtx, NOT_COMPLETABLE",
        "zero-diagonal.mtx, NOT_COMPLETABLE",
        // local-checks cannot decide the 4-cycles: it must say so, not guess.
        "cycle4-c0.6.mtx, UNKNOWN",
        "cycle4-c0.7.mtx, UNKNOWN",
        "cycle4-c0.71.mtx, UNKNOWN",
        "cycle4-c0.8.mtx, UNKNOWN",
    })
    void mc1VectorsOfSpecSection6(String file, String verdict) throws Exception {
        Cli c = Cli.run("solve", Cli.example(file), "--solver", "local-checks", "--json");
        assertEquals(0, c.code(), c::toString);
        JsonNode j = json(c);
        assertEquals(verdict, j.get("verdict").asText(), c::toString);
        assertEquals("psd-completion", j.get("problem").asText());
        assertEquals("local-checks", j.get("solver").asText());
        if (!verdict.equals("UNKNOWN")) assertEquals("ACCEPTED", j.get("verification").get("verdict").asText(), c::toString);
        for (String f : new String[] {"problem", "solver", "verdict", "value", "exact", "certificate", "seconds", "n", "m"}) {
            assertTrue(j.has(f), "missing field " + f);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"perm-2x2.mtx, 10", "perm-3x3.mtx, 450", "perm-4x4.mtx, -1471", "perm-hadamard-4.mtx, 8"})
    void permanentsAreExact(String file, String value) throws Exception {
        for (String solver : new String[] {"auto", "brute-force", "ryser-exact"}) {
            Cli c = Cli.run("solve", Cli.example(file), "--solver", solver, "--json");
            assertEquals(0, c.code(), c::toString);
            JsonNode j = json(c);
            assertEquals("SOLVED", j.get("verdict").asText());
            assertEquals(value, j.get("value").asText());
            assertTrue(j.get("exact").asBoolean());
            assertEquals("ACCEPTED", j.get("verification").get("verdict").asText(), c::toString);
        }
    }

    @Test
    void mc2TrivialAnswerIsVerified() throws Exception {
        Cli c = Cli.run("solve", Cli.example("mc2-spec.json"), "--json");
        assertEquals(0, c.code(), c::toString);
        assertEquals("SOLVED", json(c).get("verdict").asText());
        assertEquals("ACCEPTED", json(c).get("verification").get("verdict").asText());
    }

    @Test
    void certificateRoundTripThroughVerify(@TempDir Path dir) {
        Path cert = dir.resolve("no.json");
        Cli s = Cli.run("solve", Cli.example("spec-3x3-no.mtx"), "--certificate", cert.toString());
        assertEquals(0, s.code(), s::toString);
        assertTrue(s.out().contains("NOT_COMPLETABLE"), s::toString);
        assertTrue(Files.exists(cert));
        Cli v = Cli.run("verify", Cli.example("spec-3x3-no.mtx"), cert.toString(), "--json");
        assertEquals(0, v.code(), v::toString);
        // The same certificate does not prove anything about another instance (hash mismatch).
        Cli w = Cli.run("verify", Cli.example("spec-3x3-yes.mtx"), cert.toString());
        assertEquals(3, w.code(), w::toString);
        assertTrue(w.out().contains("REJECTED"), w::toString);
    }

    @Test
    void textOutputNamesVerdictAndKernel() {
        Cli c = Cli.run("solve", Cli.example("spec-3x3-yes.mtx"));
        assertEquals(0, c.code(), c::toString);
        assertTrue(c.out().contains("COMPLETABLE"));
        assertTrue(c.out().contains("ACCEPTED"));
        assertEquals("", c.err());
    }

    @Test
    void unknownSolverIsAUsageError() {
        Cli c = Cli.run("solve", Cli.example("spec-3x3-yes.mtx"), "--solver", "no-such-solver");
        assertEquals(2, c.code(), c::toString);
        assertTrue(c.err().contains("no-such-solver"));
        assertEquals(1, c.err().strip().lines().count(), c::toString);
    }

    @Test
    void solverThatDoesNotAcceptTheInstanceSaysSo() {
        Cli c = Cli.run("solve", Cli.example("perm-2x2.mtx"), "--solver", "local-checks");
        assertEquals(2, c.code(), c::toString);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(2, Cli.run("solve", Cli.example("perm-2x2.mtx"), "--timeout", "-1").code());
        assertEquals(2, Cli.run("solve", Cli.example("perm-2x2.mtx"), "--epsilon", "2").code());
        assertEquals(2, Cli.run("solve", Cli.example("perm-2x2.mtx"), "--problem", "nonsense").code());
        assertEquals(2, Cli.run("solve").code());
        assertEquals(2, Cli.run("frobnicate").code());
    }

    @Test
    void missingFileIsInvalidInput(@TempDir Path dir) {
        Cli c = Cli.run("solve", dir.resolve("absent.mtx").toString());
        assertEquals(2, c.code(), c::toString);
        assertTrue(c.err().contains("absent.mtx"), c::toString);
    }

    @Test
    void helpAndVersionSucceed() {
        for (String[] args : new String[][] {{"--help"}, {"--version"}, {"solve", "--help"}, {"verify", "--help"},
                {"generate", "--help"}, {"solvers", "--help"}, {"demo", "--help"}}) {
            Cli c = Cli.run(args);
            assertEquals(0, c.code(), c::toString);
            assertFalse(c.out().isBlank());
        }
    }

    /** Tests run from the repository's working tree, so the build recorded its commit. */
    @Test
    void versionNamesTheCommit() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes()).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor() == 0, "not a git checkout: " + head);
        Cli c = Cli.run("--version");
        assertTrue(c.out().matches("(?s)mcs .* \\(commit [0-9a-f]{7,}(-dirty)?\\)\n.*"), c::toString);
        assertTrue(c.out().contains("(commit " + head), "HEAD " + head + " vs " + c.out());
    }

    @Test
    void completionScriptIsGenerated() {
        Cli c = Cli.run("generate-completion");
        assertEquals(0, c.code(), c::toString);
        assertTrue(c.out().contains("complete"), "bash completion script expected");
    }

    @Test
    void solversAreListed() throws Exception {
        Cli c = Cli.run("solvers", "--json");
        assertEquals(0, c.code(), c::toString);
        String all = c.out();
        for (String name : new String[] {"local-checks", "brute-force", "ryser-exact", "trivial-factor"}) {
            assertTrue(all.contains("\"" + name + "\""), name);
        }
        assertTrue(json(c).isArray());
    }
}
