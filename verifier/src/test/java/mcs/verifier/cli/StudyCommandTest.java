package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcs study}: the outputs (JSON fields of the issue, Markdown table, self-contained HTML), the
 * judging (a liar's WRONG answers flagged, exit 3), the early stop after a level of timeouts, and bad input
 * (exit 2, nothing written). The exponents of our own solvers are in {@link StudySolversTest}.
 */
class StudyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    static Path script(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, body, StandardCharsets.UTF_8);
        assertTrue(f.toFile().setExecutable(true));
        return f;
    }

    /** A shell-script solver around {@code mcs solve} (the test's class path stands in for the installed jar). */
    static Path solveScript(Path dir, String solver) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return script(dir, "my-solver.sh", "#!/bin/sh\n# a researcher's solver: here it just calls mcs solve\nexec '" + java + "' -Xss16m -cp '"
                + System.getProperty("java.class.path") + "' mcs.verifier.cli.Main solve \"$1\" --solver " + solver + " --certificate \"$2\" --json\n");
    }

    /** Every level's plan, as the study wrote it, passes the arena's own validation (as `mcs arena run` would read it). */
    static void assertPlansPassPlanCheck(Path out) throws IOException {
        int seen = 0;
        try (var levels = Files.list(out.resolve("arena"))) {
            for (Path level : levels.toList()) {
                mcs.verifier.arena.PlanCheck.check(mcs.verifier.arena.Plan.parse(Files.readString(level.resolve("plan.json")), out.toAbsolutePath(), level.toString()));
                seen++;
            }
        }
        assertTrue(seen > 0, "no arena level under " + out);
    }

    static JsonNode json(Path out) throws IOException {
        return JSON.readTree(out.resolve("study.json").toFile());
    }

    @Test
    void outputsCarryTheFieldsTheIssueFixesAndTheHtmlIsSelfContained() throws IOException {
        Path out = dir.resolve("ipm");
        Cli r = Cli.run("study", "epsilon", "--solver", "ipm", "--family", "gap-planted", "--n", "10", "--eps", "0.1,0.001,0.01", "--seeds", "1..2",
                "--timeout", "60", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.toString());
        assertPlansPassPlanCheck(out);
        JsonNode j = json(out);
        assertEquals(JSON.readTree(r.out()), j, "--json prints study.json");
        assertEquals("mcs-study/1", j.path("format").asText());
        assertEquals("epsilon", j.path("kind").asText());
        assertTrue(j.path("exponent").isNumber(), j.toString());
        assertTrue(j.path("exponent_ci").isArray() && j.path("exponent_ci").size() == 2, j.toString());
        assertTrue(j.path("exponent_ci").get(0).asDouble() <= j.path("exponent").asDouble() + 1e-9
                && j.path("exponent").asDouble() <= j.path("exponent_ci").get(1).asDouble() + 1e-9, "the estimate lies in its interval");
        // both sides of the promise: 3 levels × 2 seeds × {yes, no}
        assertEquals(12, j.path("points").size());
        List<String> eps = new ArrayList<>();
        for (JsonNode p : j.path("points")) {
            for (String f : List.of("eps", "n", "m", "seed", "category", "wall_s")) assertTrue(p.has(f), "point has " + f + ": " + p);
            assertEquals(10, p.path("n").asInt());
            assertEquals("CORRECT", p.path("category").asText(), p.toString());
            if (!eps.contains(p.path("eps_exact").asText())) eps.add(p.path("eps_exact").asText());
            JsonNode t = p.path("t_star");
            double lo = Double.parseDouble(t.get(0).asText()), e = p.path("eps").asDouble();
            assertEquals(p.path("known").asText().equals("COMPLETABLE") ? e : -e, lo, 1e-6 * e, "t* ≈ ±ε: " + p);
        }
        assertEquals(List.of("0.1", "0.01", "0.001"), eps, "levels run from the largest ε down");
        for (String e : eps) assertEquals(1.0, j.path("correct_fraction").path(e).asDouble(), 0);
        assertTrue(j.path("exponent_by_known_answer").has("COMPLETABLE") && j.path("exponent_by_known_answer").has("NOT_COMPLETABLE"));
        assertTrue(j.path("command").asText().startsWith("mcs study epsilon --solver ipm"), j.path("command").asText());
        assertTrue(j.path("environment").path("load_average_start").isArray());

        String md = Files.readString(out.resolve("study.md"));
        assertTrue(md.contains("| level | ε | n | m | runs | correct | wrong | unknown | error | timeout | memout |"), md);
        assertTrue(md.contains("| 3 | 0.001 | 10 |"), md);
        assertTrue(md.contains("evidence, not proof"), md);
        assertTrue(md.contains("α = "), md);

        String html = Files.readString(out.resolve("study.html"));
        assertTrue(html.contains("id=\"exponent\"") && html.contains("α = "), "the exponent is on the page");
        assertTrue(html.contains("evidence, not proof"));
        assertEquals(2, count(html, "<svg"), "two inline plots");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing is fetched");
        assertFalse(html.contains("<script src"), "no external script");
        // the headline's number is the JSON's exponent
        Matcher m = Pattern.compile("α = (-?[0-9.]+)").matcher(html);
        assertTrue(m.find());
        assertEquals(j.path("exponent").asDouble(), Double.parseDouble(m.group(1)), 5e-4);
        for (int level = 1; level <= 3; level++) assertTrue(Files.isRegularFile(out.resolve("arena/level-" + level + "/report.html")));
        // every instance file states the promise and the gap
        for (Path f : Files.list(out.resolve("instances")).toList()) {
            String head = Files.readString(f);
            assertTrue(head.contains("% promise = lambda_min >= ") && head.contains("% t* bounds = ["), f.toString());
        }

        Cli s = Cli.run("study", "summary", out.toString());
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("| epsilon | ipm | gap-planted | 3 |"), s.out());
    }

    private static int count(String s, String needle) {
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) c++;
        return c;
    }

    @Test
    void aLiarsWrongAnswersAreFlaggedAndExitIsThree() throws IOException {
        Path liar = script(dir, "liar.sh", "#!/bin/sh\n"
                + "sha=$(sha256sum \"$1\" | cut -d' ' -f1)\n"
                + "printf '{\"format\":\"mcs-certificate/1\",\"problem\":\"psd-completion\",\"instance_sha256\":\"%s\",\"verdict\":\"COMPLETABLE\","
                + "\"completion\":{\"form\":\"entries\",\"entries\":[]}}\\n' \"$sha\" > \"$2\"\n"
                + "echo '{\"problem\":\"psd-completion\",\"solver\":\"liar\",\"verdict\":\"COMPLETABLE\"}'\n");
        Path out = dir.resolve("liar");
        // the default isolation: the liar runs in the sandbox, as any untrusted command does
        mcs.testkit.RequiredTool.require("bwrap", mcs.verifier.sandbox.Sandbox.available(mcs.verifier.sandbox.Isolation.BWRAP), "apt-get install bubblewrap");
        Cli r = Cli.run("study", "epsilon", "--command", liar.toString(), "--family", "gap-cycles", "--n", "7", "--eps", "0.2,0.02", "--seeds", "1",
                "--timeout", "10", "--out", out.toString());
        assertEquals(ExitCodes.REJECTED, r.code(), r.toString());
        assertEquals("bwrap", JSON.readTree(out.resolve("arena/level-1/plan.json").toFile()).path("isolation").asText(), "a command is sandboxed by default");
        JsonNode j = json(out);
        int wrong = 0, correct = 0, flagged = 0;
        for (JsonNode p : j.path("points")) {
            if (p.path("known").asText().equals("NOT_COMPLETABLE")) {
                assertEquals("WRONG", p.path("category").asText(), p.toString());
                wrong++;
            } else {
                // zero fill of a signed-cycle cactus is not a PSD completion in general: CORRECT or WRONG, never anything else
                assertTrue(List.of("CORRECT", "WRONG").contains(p.path("category").asText()), p.toString());
                if (p.path("category").asText().equals("CORRECT")) correct++;
            }
            if (p.path("category").asText().equals("WRONG")) flagged++;
        }
        assertEquals(2, wrong, "both NO instances are WRONG");
        assertEquals(flagged, j.path("wrong").asInt());
        assertTrue(j.path("correct_fraction").path("0.2").asDouble() <= 0.5);
        assertTrue(r.out().contains("WRONG answers: "), r.out());
        assertTrue(Files.readString(out.resolve("study.html")).contains("id=\"wrong-count\""));
        assertTrue(Files.readString(out.resolve("study.md")).contains("## WRONG answers"));
        assertEquals("liar.sh", j.path("solver").path("name").asText());
        assertTrue(correct <= 2);
    }

    @Test
    void aLevelWhereEveryRunTimesOutEndsTheStudy() throws IOException {
        Path sleeper = script(dir, "sleeper.sh", "#!/bin/sh\nsleep 30\n");
        Path out = dir.resolve("sleep");
        Cli r = Cli.run("study", "size", "--command", sleeper.toString(), "--family", "gap-cycles", "--sizes", "8,16,32", "--eps", "0.1", "--seeds", "1",
                "-P", "answer=yes", "--timeout", "0.5", "--isolation", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode j = json(out);
        assertEquals(1, j.path("points").size(), "only the first level ran");
        assertEquals("TIMEOUT", j.path("points").get(0).path("category").asText());
        assertTrue(j.path("exponent").isNull());
        assertTrue(j.path("correct_fraction").path("16").isNull() && j.path("correct_fraction").path("32").isNull());
        assertEquals(0.0, j.path("correct_fraction").path("8").asDouble(), 0);
        assertTrue(j.path("levels").get(2).path("skipped").asBoolean());
        assertTrue(Files.readString(out.resolve("study.html")).contains("skipped"));
    }

    @Test
    void badInputIsExitTwoWithOneLineAndNothingWritten() {
        Path out = dir.resolve("not-yet").resolve("never");
        String o = out.toString();
        String[][] cases = {
            {"study", "epsilon", "--solver", "ipm", "--family", "no-such", "--n", "8", "--eps", "0.1,0.01", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "random-sparse", "--n", "8", "--eps", "0.1,0.01", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-cycles", "--n", "8", "--eps", "0.1,1.5", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-cycles", "--n", "8", "--eps", "0.1", "--out", o},
            {"study", "epsilon", "--solver", "no-such-solver", "--family", "gap-cycles", "--n", "8", "--eps", "0.1,0.01", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--command", "x", "--family", "gap-cycles", "--n", "8", "--eps", "0.1,0.01", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-gamma2", "--n", "5000", "--eps", "0.1,0.01", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-chordal", "--n", "8", "--eps", "0.1,0.01", "-P", "k=99", "--out", o},
            {"study", "size", "--solver", "ipm", "--family", "gap-cycles", "--sizes", "8,16", "--out", o},
            {"study", "size", "--solver", "ipm", "--family", "random-sparse", "--sizes", "8,16", "--eps", "0.1", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-cycles", "--n", "8", "--eps", "0.1,0.01", "--seeds", "3..1", "--out", o},
            {"study", "epsilon", "--solver", "ipm", "--family", "gap-cycles", "--n", "8", "--eps", "0.1,0.01", "--timeout", "-1", "--out", o},
        };
        for (String[] args : cases) {
            Cli r = Cli.run(args);
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("mcs: error: ") || r.err().contains("Usage:") || r.err().startsWith("Error:") || r.err().contains("mutually exclusive"), r.toString());
            assertFalse(Files.exists(out.getParent()), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void aPreviousStudyIsNotOverwritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("old"));
        Files.writeString(out.resolve("study.json"), "{}");
        Cli r = Cli.run("study", "epsilon", "--solver", "ipm", "--family", "gap-cycles", "--n", "5", "--eps", "0.1,0.01", "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains("holds a previous study"), r.toString());
        assertFalse(Files.exists(out.resolve("instances")));
    }

    @Test
    void aShellScriptSolverGetsItsExponentOnThePage() throws IOException {
        Path script = solveScript(dir, "ipm");
        Path out = dir.resolve("script");
        // the script runs mcs from the test's class path, which a sandbox does not show: an explicit opt-out
        Cli r = Cli.run("study", "epsilon", "--command", script.toString(), "--family", "gap-cycles", "--n", "9", "--eps", "0.1,0.01,0.001", "--seeds", "1..2",
                "-P", "answer=yes", "--isolation", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertPlansPassPlanCheck(out);
        JsonNode j = json(out);
        assertEquals(0.0, j.path("time_limit_s").asDouble(-1), "--timeout defaults to 0, none");
        assertEquals(1e6, JSON.readTree(out.resolve("arena/level-1/plan.json").toFile()).path("time_limit_s").asDouble(), "none: the arena's plan gets its long limit");
        for (JsonNode p : j.path("points")) assertEquals("CORRECT", p.path("category").asText(), p.toString());
        assertNotNull(j.path("exponent_ci").get(1), j.toString());
        String html = Files.readString(out.resolve("study.html"));
        assertTrue(html.contains("α = " + String.format(java.util.Locale.ROOT, "%.3f", j.path("exponent").asDouble())), "the page shows the exponent");
    }
}
