package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import mcs.verifier.sandbox.ProcessGroups;

/**
 * The first "done when" of the arena issue, at unit-test size (the full 100 instances × 2 seeds at 2 s
 * is bench/arena/competition.sh): two of our solvers, a liar that always claims COMPLETABLE and a
 * sleeper. The liar ranks last with every wrong answer listed; the sleeper is killed at the limit and
 * nothing it started survives.
 */
class CompetitionTest {
    @TempDir Path dir;

    @Test
    void liarRanksLastAndSleeperLeavesNothingBehind() throws IOException, InterruptedException {
        int marker = 7000 + (int) (ProcessHandle.current().pid() % 1000);
        Fixtures.script(dir, "liar.sh", Fixtures.LIAR);
        Fixtures.script(dir, "sleeper.sh", Fixtures.sleeper(marker));
        Path plan = Fixtures.plan(dir, "{\"format\": \"mcs-plan/1\", \"isolation\": \"none\",\n"
                + " \"solvers\": [{\"name\": \"chordal\", \"solver\": \"chordal\"}, {\"name\": \"local\", \"solver\": \"local-checks\"},\n"
                + "   {\"name\": \"liar\", \"command\": [\"./liar.sh\"]}, {\"name\": \"sleeper\", \"command\": [\"./sleeper.sh\"]}],\n"
                + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [8], \"seeds\": [1, 2, 3]},\n"
                + "   {\"family\": \"chordal\", \"sizes\": [8], \"seeds\": [1, 2, 3], \"params\": {\"answer\": \"no\"}}],\n"
                + " \"seeds\": [1, 2], \"time_limit_s\": 1, \"memory_limit_mb\": 512, \"grace_s\": 0.5, \"jobs\": 2, \"scoring\": \"errors-first\"}");
        Path out = dir.resolve("out");
        Arena.Summary s = Arena.run(Plan.read(plan), out, Arena.Options.plain());
        assertEquals(6 * 2 * 4, s.planned());
        List<Standing> ranking = s.ranking();
        assertEquals("liar", ranking.get(3).solver());
        assertEquals(4, ranking.get(3).rank());
        assertTrue(ranking.get(4).virtual());

        List<RunRow> rows = ResultsFile.read(out.resolve(ResultsFile.NAME));
        assertEquals(48, rows.size());
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        int wrong = 0;
        for (RunRow r : rows) {
            switch (r.solver()) {
                case "chordal" -> assertEquals(Category.CORRECT, r.category(), r.toString());
                case "liar" -> {
                    if ("NOT_COMPLETABLE".equals(r.known())) assertEquals(Category.WRONG, r.category(), r.toString());
                    if (r.category() == Category.WRONG) {
                        wrong++;
                        assertTrue(report.contains(r.runId()), "every wrong answer is listed in the report: " + r.runId());
                        assertTrue(r.reason() != null && !r.reason().isBlank());
                    }
                }
                case "sleeper" -> {
                    assertEquals(Category.TIMEOUT, r.category(), r.toString());
                    assertTrue(r.wallS() >= 0.99 && r.wallS() < 1.0 + 0.5 + 1.5, "killed at the limit: " + r.wallS());
                }
                default -> assertTrue(r.category() == Category.CORRECT || r.category() == Category.UNKNOWN, r.toString());
            }
        }
        assertEquals(ranking.get(3).wrong(), wrong);
        assertTrue(wrong >= 6, "the liar is wrong at least on the six NO pairs");
        String json = Files.readString(out.resolve("ranking.json"));
        assertTrue(json.indexOf("\"liar\"") > json.indexOf("\"sleeper\""), "ranking.json is in rank order");

        assertEquals(List.of(), Fixtures.processesMatching("sleep " + marker), "no sleeper process survives");
        assertEquals(List.of(), Fixtures.processesMatching(dir.toString()), "no competitor process survives");
        assertEquals(0, ProcessGroups.live().size());
        long deadline = System.currentTimeMillis() + 3000;
        while (ProcessHandle.current().descendants().findAny().isPresent() && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertEquals(List.of(), ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                "no worker JVM, reaper or competitor is left");
    }
}
