package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", at unit-test size: {@code mcs study epsilon} and {@code mcs study size} on ipm, mmw,
 * dual-descent, burer-monteiro and a command-line solver (a shell script around {@code mcs solve}) each give an exponent
 * with a 95% interval, and no answer is WRONG.
 */
class StudySolversTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ipm", "mmw", "dual-descent", "burer-monteiro", "command"})
    void alphaAndBetaWithIntervals(String solver) throws IOException {
        List<String> target = solver.equals("command") ? List.of("--command", StudyCommandTest.solveScript(dir, "ipm").toString(), "--isolation", "none") : List.of("--solver", solver);
        for (String kind : List.of("epsilon", "size")) {
            Path out = dir.resolve(solver + "-" + kind);
            List<String> args = new ArrayList<>(List.of("study", kind));
            args.addAll(target);
            // the command starts a JVM per run: one seed keeps it short
            args.addAll(List.of("--family", "gap-planted", "--seeds", solver.equals("command") ? "1" : "1..2", "--timeout", "60", "--out", out.toString()));
            if (kind.equals("epsilon")) args.addAll(List.of("--n", "10", "--eps", "0.2,0.1,0.05"));
            else args.addAll(List.of("--sizes", "6,10,14", "--eps", "0.1"));
            // burer-monteiro certifies only YES: its study is on the YES side
            if (solver.equals("burer-monteiro")) args.addAll(List.of("-P", "answer=yes", "-O", "time-share=1"));
            Cli r = Cli.run(args.toArray(new String[0]));
            assertEquals(0, r.code(), solver + " " + kind + ": " + r);
            JsonNode j = StudyCommandTest.json(out);
            assertEquals(0, j.path("wrong").asInt());
            assertTrue(j.path("exponent").isNumber(), solver + " " + kind + ": " + r.out());
            assertTrue(j.path("exponent_ci").isArray() && j.path("exponent_ci").size() == 2, solver + " " + kind + ": " + r.out());
            assertEquals(kind.equals("epsilon") ? "1/eps" : "n*m", j.path("exponent_of").asText());
            if (solver.equals("dual-descent") || solver.equals("mmw")) {
                // the promise reached the SPI solver through the arena's worker: it certified YES instances too
                boolean yes = false;
                for (JsonNode p : j.path("points")) yes |= p.path("known").asText().equals("COMPLETABLE") && p.path("category").asText().equals("CORRECT");
                assertTrue(yes, solver + " " + kind + ": a CORRECT YES answer under the promise: " + r.out());
            }
        }
    }
}
