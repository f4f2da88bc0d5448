package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import mcs.verifier.search.plugin.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private static Path repo() {
        return Cli.examples().getParent().getParent();
    }

    @Test
    void theSampleSubmissionRejectsExactlyTheWrongClaimWithItsReason() throws IOException {
        Path descriptor = repo().resolve("docs/examples/submission-claims/submission.json");
        Cli c = Cli.run("submit", "check", descriptor.toString(), "--out", tmp.toString(), "--json");
        assertEquals(ExitCodes.REJECTED, c.code(), c.toString());
        JsonNode report = JSON.readTree(tmp.resolve("submission-report.json").toFile());
        assertEquals("REJECTED", report.get("verdict").asText());
        List<String> rejected = new ArrayList<>();
        for (JsonNode claim : report.get("claims")) {
            if (claim.get("verdict").asText().equals("REJECTED")) {
                rejected.add(claim.get("id").asText());
                assertEquals("inner-product", claim.get("check").asText());
                assertTrue(claim.get("reason").asText().contains("3/125"), claim.toString());
            } else {
                assertEquals("ACCEPTED", claim.get("verdict").asText(), claim.toString());
            }
        }
        assertEquals(List.of("cycle-0.71-no"), rejected);
        assertEquals(4, report.get("claims").size());
        String html = Files.readString(tmp.resolve("submission-report.html"));
        assertTrue(html.contains("<table id=\"claims\">") && html.contains("class=\"REJECTED\">REJECTED"), html);
    }

    @Test
    void aValidCertificateOfAnotherAnswerIsRejectedAsAClaim() throws IOException {
        Path d = repo().resolve("docs/examples/submission-claims");
        Path desc = tmp.resolve("s.json");
        Files.writeString(desc, """
                {"format": "mcs-submission/1", "submitter": {"name": "t"},
                 "claims": [{"instance": "%s", "certificate": "%s", "claim": "451"},
                            {"instance": "%s", "certificate": "%s", "claim": "450/1"}]}
                """.formatted(d.resolve("perm-3x3.mtx"), d.resolve("perm-3x3.cert.json"), d.resolve("perm-3x3.mtx"), d.resolve("perm-3x3.cert.json")));
        Cli c = Cli.run("submit", "check", desc.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.REJECTED, c.code(), c.toString());
        assertTrue(c.out().contains("REJECTED   claim-1") && c.out().contains("proves 450, not the claimed 451"), c.toString());
        assertTrue(c.out().contains("ACCEPTED   claim-2"), c.toString());
    }

    @Test
    void aBadDescriptorNamesItsLineAndWritesNothing() throws IOException {
        Path desc = tmp.resolve("bad.json");
        Files.writeString(desc, "{\n  \"format\": \"mcs-submission/1\",\n  \"submitter\": {\"name\": \"x\"},\n  \"claimz\": []\n}\n");
        Cli c = Cli.run("submit", "check", desc.toString());
        assertEquals(ExitCodes.INVALID_INPUT, c.code(), c.toString());
        assertTrue(c.err().contains("bad.json:4") && c.err().contains("unknown field \"claimz\""), c.toString());
        assertFalse(Files.exists(tmp.resolve("submission-report.json")));
        Files.writeString(desc, "{\"format\": \"mcs-submission/1\", \"submitter\": {\"name\": \"x\"}}");
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("submit", "check", desc.toString()).code());
    }

    /** The plug-in answers COMPLETABLE whenever all fully specified 2×2 and 3×3 blocks are PSD: wrong on 4-cycles. */
    @Test
    void aSolverWrongOnFourCyclesIsRejectedWithAShrunkFourByFourCounterexample() throws IOException {
        Path jar = PluginJar.build(tmp);
        Path desc = tmp.resolve("solver.json");
        Files.writeString(desc, """
                {"format": "mcs-submission/1", "submitter": {"name": "t"}, "title": "small blocks suffice",
                 "solver": {"name": "wrong-small-blocks", "jar": "test-plugin.jar", "spi_name": "wrong-small-blocks"},
                 "checks": {"tiers": ["examples"], "time_limit_s": 20, "search_s": 20, "seed": 1}}
                """);
        // Not a sandbox test (the red-team suite is): the jar's runs are child JVMs without bubblewrap here.
        Cli c = Cli.run("submit", "check", desc.toString(), "--record", Cli.examples().getParent().toString(), "--json", "--isolation", "none");
        assertEquals(ExitCodes.REJECTED, c.code(), c.toString());
        JsonNode report = JSON.readTree(tmp.resolve("submission-report.json").toFile());
        assertEquals("none", report.get("isolation").asText(), "the report names the opt-out");
        JsonNode solver = report.get("solver");
        assertEquals("REJECTED", solver.get("verdict").asText(), solver.toString());
        boolean arenaWrong = false, shrunk4 = false;
        for (JsonNode f : solver.get("findings")) {
            arenaWrong |= f.asText().startsWith("arena: examples/cycle4-c0.7");
            shrunk4 |= f.asText().startsWith("agrees:wrong-small-blocks: counterexample shrunk to n = 4,");
        }
        assertTrue(arenaWrong, solver.toString());
        assertTrue(shrunk4, solver.toString());
        for (JsonNode s : solver.get("details").get("search"))
            if (s.has("counterexample")) assertTrue(Files.isRegularFile(Path.of(s.get("counterexample").asText())), s.toString());
    }

    /** An external command that always claims COMPLETABLE, without a certificate. */
    @Test
    void aLyingCommandIsRejectedByTheArenaAndTheSearch() throws IOException {
        Path liar = tmp.resolve("liar.sh");
        Files.writeString(liar, "#!/bin/sh\necho '{\"problem\":\"psd-completion\",\"verdict\":\"COMPLETABLE\"}'\n");
        Files.setPosixFilePermissions(liar, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path desc = tmp.resolve("liar.json");
        Files.writeString(desc, """
                {"format": "mcs-submission/1", "submitter": {"name": "t"},
                 "solver": {"name": "liar", "command": ["liar.sh"]},
                 "checks": {"tiers": ["examples"], "time_limit_s": 5, "search_s": 5, "seed": 1}}
                """);
        Cli c = Cli.run("submit", "check", desc.toString(), "--record", Cli.examples().getParent().toString(), "--isolation", "none");
        assertEquals(ExitCodes.REJECTED, c.code(), c.toString());
        assertTrue(c.out().contains("solver liar (isolation none)"), c.toString());
        assertTrue(c.out().contains("arena: examples/spec-3x3-no.mtx"), c.toString());
        assertTrue(c.out().contains("soundness:liar: counterexample"), c.toString());
    }

    /** checks.study: α and β with their intervals in the report object, and the statement that they are evidence, not proof. */
    @Test
    void anEpsilonStudyPutsAlphaAndBetaWithIntervalsInTheReport() throws IOException {
        StudyCommandTest.solveScript(tmp, "ipm");
        Path desc = tmp.resolve("study.json");
        Files.writeString(desc, """
                {"format": "mcs-submission/1", "submitter": {"name": "t"},
                 "solver": {"name": "mine", "command": ["my-solver.sh"]},
                 "checks": {"tiers": ["none"], "time_limit_s": 60, "search_s": 1, "seed": 1,
                            "study": {"family": "gap-cycles", "n": 7, "eps": ["0.1", 0.01, "0.001"], "sizes": [5, 9, 13], "size_eps": "0.1",
                                      "seeds": [1], "params": {"answer": "yes"}}}}
                """);
        Path out = tmp.resolve("report");
        // the script runs mcs from the test's class path, which a sandbox does not show: an explicit opt-out, recorded
        Cli c = Cli.run("submit", "check", desc.toString(), "--out", out.toString(), "--json", "--record", Cli.examples().getParent().toString(),
                "--isolation", "none");
        assertEquals(0, c.code(), c.toString());
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.out());
        JsonNode e = report.path("solver").path("exponents");
        assertEquals("none", report.path("solver").path("details").path("study").path("isolation").asText(), report.path("solver").toString());
        for (String k : new String[] {"alpha", "beta"}) {
            assertTrue(e.path(k).path("exponent").isNumber(), e.toString());
            assertEquals(2, e.path(k).path("exponent_ci").size(), e.toString());
        }
        assertEquals("1/eps", e.path("alpha").path("of").asText());
        assertEquals("n*m", e.path("beta").path("of").asText());
        assertTrue(e.path("statement").asText().contains("evidence, not proof"));
        String html = Files.readString(out.resolve("submission-report.html"));
        assertTrue(html.contains("id=\"study-statement\"") && html.contains("evidence, not proof") && html.contains("α (time in 1/ε)"), html);
        assertTrue(Files.isRegularFile(out.resolve("solver-examination/study-epsilon/study.html")));
        assertTrue(Files.isRegularFile(out.resolve("solver-examination/study-size/study.html")));
    }

    @Test
    void aBadStudyRequestNamesItsLine() throws IOException {
        Path desc = tmp.resolve("bad-study.json");
        Files.writeString(desc, """
                {"format": "mcs-submission/1", "submitter": {"name": "t"},
                 "solver": {"name": "mine", "command": ["my-solver.sh"]},
                 "checks": {"study": {"family": "random-sparse"}}}
                """);
        Cli c = Cli.run("submit", "check", desc.toString(), "--out", tmp.resolve("never").toString());
        assertEquals(ExitCodes.INVALID_INPUT, c.code(), c.toString());
        assertTrue(c.err().contains(desc + ":3") && c.err().contains("has no ε parameter"), c.toString());
        assertFalse(Files.exists(tmp.resolve("never")));
    }
}
