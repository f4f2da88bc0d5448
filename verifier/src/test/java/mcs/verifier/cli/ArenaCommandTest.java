package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mcs arena` usage errors: exit code 2 and one line naming the file (and line when known). */
class ArenaCommandTest {
    @TempDir Path dir;

    private Path plan(String json) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, json);
        return f;
    }

    private static final String OK = "{\"format\": \"mcs-plan/1\",\n \"solvers\": [{\"name\": \"a\", \"solver\": \"chordal\"}],\n"
            + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [5]}],\n \"time_limit_s\": 5}";

    @Test
    void badPlansAndOptionsAreUsageErrors() throws IOException {
        Path p = plan(OK.replace("\"chordal\", \"sizes\"", "\"no-such-family\", \"sizes\""));
        Cli r = Cli.run("arena", "run", p.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().startsWith("mcs: error: " + p) && r.err().contains("unknown family 'no-such-family'"), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());

        p = plan(OK.replace("\"time_limit_s\": 5", "\"time_limit_s\": \"soon\""));
        r = Cli.run("arena", "run", p.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains(p + ":4"), r.toString());

        r = Cli.run("arena", "run", plan(OK).toString(), "--out", dir.resolve("o").toString(), "--shard", "4/3");
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("--shard K/N needs 1 <= K <= N"), r.toString());

        r = Cli.run("arena", "report", dir.resolve("nothing-here").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("not an arena results folder"), r.toString());

        r = Cli.run("arena", "slurm", plan(OK).toString(), "--shards", "0");
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
    }

    /** Issue 14: a plan is checked when read; a misspelt name is one line naming the file, the line and what exists. */
    @Test
    void namesThatDoNotResolveAreRefusedBeforeAnyRun() throws IOException {
        Path p = plan(OK.replace("\"solver\": \"chordal\"", "\"solver\": \"chordl\""));
        Path out = dir.resolve("o1");
        Cli r = Cli.run("arena", "run", p.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().startsWith("mcs: error: " + p + ":2: unknown solver 'chordl'"), r.toString());
        assertTrue(r.err().contains("available: auto, ") && r.err().contains("chordal") && r.err().contains("local-checks"), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(!Files.exists(out.resolve("results.jsonl")), "nothing ran");

        p = plan(OK.replace("\"sizes\": [5]}", "\"sizes\": [5],\n   \"params\": {\"anser\": \"no\"}}"));
        r = Cli.run("arena", "run", p.toString(), "--out", dir.resolve("o2").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().startsWith("mcs: error: " + p + ":4: family chordal has no parameter 'anser'"), r.toString());

        p = plan(OK.replace("[{\"family\": \"chordal\", \"sizes\": [5]}]", "[\"instances/\",\n   \"missing-folder/\"]"));
        Files.createDirectories(dir.resolve("instances"));
        Files.writeString(dir.resolve("instances/a.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 1\n");
        r = Cli.run("arena", "run", p.toString(), "--out", dir.resolve("o3").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().startsWith("mcs: error: " + p + ":4: instance set 'missing-folder/' matches no file"), r.toString());

        p = plan(OK.replace("{\"name\": \"a\", \"solver\": \"chordal\"}", "{\"name\": \"a\", \"solver\": \"chordal\"},\n   {\"name\": \"b\", \"command\": [\"./nope.sh\"]}"));
        r = Cli.run("arena", "run", p.toString(), "--out", dir.resolve("o4").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().startsWith("mcs: error: " + p + ":3: program './nope.sh' of 'b' does not exist"), r.toString());

        r = Cli.run("arena", "slurm", plan(OK.replace("\"solver\": \"chordal\"", "\"solver\": \"chordl\"")).toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
    }

    /** {@code auto} in a plan means what it means for {@code mcs solve}: the accepting solvers in auto order. */
    @Test
    void autoRunsTheAutoOrder() throws IOException {
        Path p = plan("{\"format\": \"mcs-plan/1\",\n \"solvers\": [{\"name\": \"default\", \"solver\": \"auto\"}],\n"
                + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [6], \"seeds\": [1, 2]},\n"
                + "   {\"family\": \"cycle\", \"sizes\": [5], \"seeds\": [1], \"params\": {\"answer\": \"no\"}}],\n \"time_limit_s\": 30}");
        Path out = dir.resolve("auto");
        Cli r = Cli.run("arena", "run", p.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        String rows = Files.readString(out.resolve("results.jsonl"));
        assertEquals(3, rows.lines().count(), rows);
        assertTrue(rows.lines().allMatch(l -> l.contains("\"category\":\"CORRECT\"")), rows);
    }

    @Test
    void slurmScriptNamesTheArrayAndTheResources() throws IOException {
        Cli r = Cli.run("arena", "slurm", plan(OK).toString(), "--shards", "4", "--out", "/scratch/res", "--partition", "short");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("#!/bin/bash\n"));
        assertTrue(r.out().contains("#SBATCH --array=1-4\n"));
        assertTrue(r.out().contains("#SBATCH --partition=short\n"));
        assertTrue(r.out().contains("#SBATCH --mem=3072M\n"), "one lane: 2048 MiB limit + 1 GiB for the arena");
        assertTrue(r.out().contains("# mcs arena: 1 runs of"), r.out());
    }
}
