package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mcs.verifier.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of an arena in the middle, then {@code --resume}: the finished rows stay as they were
 * (nothing is rerun), the half-written last line is dropped, every run appears exactly once, and the
 * competitor that was running when the arena died does not survive it (the reaper ends its group).
 */
class ResumeTest {
    @TempDir Path dir;

    @Test
    void killNineThenResumeFinishesWithoutRerunsOrDuplicates() throws IOException, InterruptedException {
        int marker = 9000 + (int) (ProcessHandle.current().pid() % 1000);
        Fixtures.script(dir, "slow.sh", Fixtures.slowUnknown(marker));
        Path plan = Fixtures.plan(dir, "{\"format\": \"mcs-plan/1\", \"isolation\": \"none\",\n"
                + " \"solvers\": [{\"name\": \"chordal\", \"solver\": \"chordal\"}, {\"name\": \"slow\", \"command\": [\"./slow.sh\"]}],\n"
                + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [6], \"seeds\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}],\n"
                + " \"seeds\": [1], \"time_limit_s\": 5, \"memory_limit_mb\": 256}");
        Path out = dir.resolve("out");
        Path results = out.resolve(ResultsFile.NAME);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process arena = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "arena", "run", plan.toString(),
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("arena.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        // Kill while a competitor runs (its sleep child is alive), after a few rows were written.
        while ((lines(results) < 5 || Fixtures.processesMatching("sleep " + marker).isEmpty()) && System.currentTimeMillis() < deadline && arena.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(arena.isAlive(), "the arena is still running when killed: " + Files.readString(dir.resolve("arena.log")));
        arena.destroyForcibly();
        assertTrue(arena.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, arena.exitValue(), "killed by SIGKILL");
        // A kill can land in the middle of a write: simulate the worst case, a half-written last line.
        Files.writeString(results, "{\"run_id\":\"00ff\",\"solver\":\"slo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> before = completeLines(results);
        assertTrue(before.size() >= 5 && before.size() < 20, "killed in the middle: " + before.size());

        long waitOrphans = System.currentTimeMillis() + 5000;
        while (!Fixtures.processesMatching(dir.toString()).isEmpty() && System.currentTimeMillis() < waitOrphans) Thread.sleep(50);
        while (!Fixtures.processesMatching("sleep " + marker).isEmpty() && System.currentTimeMillis() < waitOrphans) Thread.sleep(50);
        assertEquals(List.of(), Fixtures.processesMatching(dir.toString()), "no worker or competitor outlives a killed arena");
        assertEquals(List.of(), Fixtures.processesMatching("sleep " + marker), "the reaper ended the running competitor's group");

        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(new String[] {"arena", "run", plan.toString(), "--out", out.toString(), "--resume"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains("20 runs in this plan, " + before.size() + " already finished, " + (20 - before.size()) + " run now"), o.toString());
        List<String> after = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertEquals(20, after.size());
        assertEquals(before, after.subList(0, before.size()), "finished rows are kept byte for byte, not rerun");
        List<String> ids = new ArrayList<>();
        for (RunRow r : ResultsFile.read(results)) ids.add(r.runId());
        assertEquals(20, new HashSet<>(ids).size(), "no duplicate rows");

        int again = Main.execute(new String[] {"arena", "run", plan.toString(), "--out", out.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(2, again, "a second run into a finished folder needs --resume");
    }

    @Test
    void retryFailedRerunsExactlyTheErrors() throws IOException {
        // Fails (no JSON verdict) until a file "ok" exists beside the plan; it says UNKNOWN afterwards.
        Fixtures.script(dir, "flaky.sh", "#!/bin/sh\nd=$(dirname \"$0\")\n[ -f \"$d/ok\" ] || { echo boom >&2; exit 1; }\n"
                + "echo '{\"verdict\": \"UNKNOWN\"}'\n");
        Fixtures.script(dir, "liar.sh", Fixtures.LIAR);
        Path plan = Fixtures.plan(dir, "{\"format\": \"mcs-plan/1\", \"isolation\": \"none\", \"solvers\": [{\"name\": \"flaky\", \"command\": [\"./flaky.sh\"]},"
                + " {\"name\": \"liar\", \"command\": [\"./liar.sh\"]}],"
                + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [5], \"seeds\": [1, 2, 3]}], \"seeds\": [1], \"time_limit_s\": 5}");
        Path out = dir.resolve("out");
        Arena.run(Plan.read(plan), out, Arena.Options.plain());
        List<RunRow> first = ResultsFile.read(out.resolve(ResultsFile.NAME));
        assertEquals(3, first.stream().filter(r -> r.category() == Category.ERROR).count());
        assertTrue(first.stream().filter(r -> r.category() == Category.ERROR).allMatch(r -> r.reason().contains("boom")));
        Files.writeString(dir.resolve("ok"), "");
        Arena.Summary s = Arena.run(Plan.read(plan), out, new Arena.Options(false, true, 1, 1, null, false));
        assertEquals(3, s.ran(), "only the three ERROR runs ran again");
        List<RunRow> second = ResultsFile.read(out.resolve(ResultsFile.NAME));
        assertEquals(6, second.size());
        assertEquals(6, Files.readAllLines(out.resolve(ResultsFile.NAME)).size(), "the failed rows were replaced, not duplicated");
        assertEquals(3, second.stream().filter(r -> r.solver().equals("flaky") && r.category() == Category.UNKNOWN).count());
        for (RunRow r : first) if (r.solver().equals("liar")) assertTrue(second.contains(r), "other rows stay as they were");
    }

    private static long lines(Path f) throws IOException {
        return Files.exists(f) ? completeLines(f).size() : 0;
    }

    private static List<String> completeLines(Path f) throws IOException {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        int end = s.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(s.substring(0, end).split("\n"));
    }
}
