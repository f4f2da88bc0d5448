package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mcs.verifier.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard 1/3}, {@code 2/3}, {@code 3/3} then {@code mcs arena merge} give exactly the rows and
 * the ranking of an unsharded run (timings aside, which no two runs share), and {@code mcs arena slurm}
 * writes an array script of N tasks that runs those shards.
 */
class ShardMergeTest {
    @TempDir Path dir;

    @Test
    void threeShardsMergedEqualTheUnshardedRun() throws IOException, InterruptedException {
        Fixtures.script(dir, "liar.sh", Fixtures.LIAR);
        Path plan = Fixtures.plan(dir, "{\"format\": \"mcs-plan/1\", \"isolation\": \"none\",\n"
                + " \"solvers\": [{\"name\": \"chordal\", \"solver\": \"chordal\"}, {\"name\": \"local\", \"solver\": \"local-checks\"},\n"
                + "   {\"name\": \"liar\", \"command\": [\"./liar.sh\"]}],\n"
                + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [7], \"seeds\": [1, 2]},\n"
                + "   {\"family\": \"chordal\", \"sizes\": [7], \"seeds\": [1, 2], \"params\": {\"answer\": \"no\"}}],\n"
                + " \"seeds\": [1, 2], \"time_limit_s\": 10, \"memory_limit_mb\": 256, \"scoring\": \"par2\"}");
        cli("arena", "run", plan.toString(), "--out", dir.resolve("whole").toString());
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path d = dir.resolve("shard-" + k);
            cli("arena", "run", plan.toString(), "--out", d.toString(), "--shard", k + "/3");
            assertTrue(ResultsFile.read(d.resolve(ResultsFile.NAME)).size() < 24, "a shard runs a slice");
            shards.add(d.toString());
        }
        List<String> merge = new ArrayList<>(List.of("arena", "merge"));
        merge.addAll(shards);
        merge.addAll(List.of("--out", dir.resolve("merged").toString()));
        cli(merge.toArray(String[]::new));

        Set<String> whole = projection(dir.resolve("whole")), merged = projection(dir.resolve("merged"));
        assertEquals(24, whole.size());
        assertEquals(whole, merged);
        assertEquals(ranking(dir.resolve("whole")), ranking(dir.resolve("merged")));
        assertTrue(Files.readString(dir.resolve("merged").resolve("report.html")).contains("merged from 1/3, 2/3, 3/3"));
        cli("arena", "report", dir.resolve("merged").toString());

        String script = cli("arena", "slurm", plan.toString(), "--shards", "3", "--out", "res");
        assertTrue(script.contains("#SBATCH --array=1-3"), script);
        assertTrue(script.contains("arena run " + plan + " --out res/shard-\"$K\" --shard \"$K\"/3 --resume"), script);
        assertTrue(script.contains("arena merge res/shard-* --out res/merged"), script);
        Path f = dir.resolve("job.sh");
        Files.writeString(f, script);
        assertEquals(0, new ProcessBuilder("bash", "-n", f.toString()).start().waitFor(), "the script is valid bash");
    }

    private static String cli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, String.join(" ", args) + "\n" + e);
        return o.toString();
    }

    /** Every field of every row except the measurements. */
    private static Set<String> projection(Path d) throws IOException {
        Set<String> out = new TreeSet<>();
        for (RunRow r : ResultsFile.read(d.resolve(ResultsFile.NAME))) {
            out.add(String.join("|", r.runId(), r.solver(), r.instance(), Long.toString(r.seed()), r.category().name(), r.verdict(),
                    String.valueOf(r.reason()), r.instanceSha256(), r.termination(), String.valueOf(r.exitCode()), String.valueOf(r.known())));
        }
        return out;
    }

    private static List<String> ranking(Path d) throws IOException {
        List<String> out = new ArrayList<>();
        for (Standing s : Outputs.rebuild(d)) {
            out.add(s.solver() + " " + s.rank() + " " + s.correct() + " " + s.wrong() + " " + s.unknown() + " " + s.timeout() + " " + s.error());
        }
        return out;
    }
}
