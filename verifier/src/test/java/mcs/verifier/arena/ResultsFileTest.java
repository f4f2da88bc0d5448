package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import mcs.problems.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.jsonl: round trip, a truncated tail after a kill, and malformed lines. */
class ResultsFileTest {
    @TempDir Path dir;

    private static RunRow row(String id, Category c) {
        return new RunRow(id, "s", "i.mtx", 3, c, "COMPLETABLE", "why, \"quoted\"", 0.25, 0.125, 12.5, "abc", "done", 0, "COMPLETABLE");
    }

    @Test
    void roundTripsRowsAndToleratesATruncatedLastLine() throws IOException {
        Path f = dir.resolve(ResultsFile.NAME);
        try (ResultsFile w = ResultsFile.append(f)) {
            w.write(row("r1", Category.CORRECT));
            w.write(row("r2", Category.ERROR));
        }
        Files.writeString(f, "{\"run_id\":\"r3\",\"sol", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<RunRow> rows = ResultsFile.read(f);
        assertEquals(List.of(row("r1", Category.CORRECT), row("r2", Category.ERROR)), rows);
        try (ResultsFile w = ResultsFile.append(f)) {
            w.write(row("r3", Category.WRONG));
        }
        assertEquals(3, Files.readAllLines(f).size(), "the half line was cut before appending");
        assertEquals(Category.WRONG, ResultsFile.read(f).get(2).category());
        ResultsFile.rewrite(f, ResultsFile.read(f), r -> !r.category().failed());
        assertEquals(List.of("r1", "r3"), ResultsFile.read(f).stream().map(RunRow::runId).toList());
    }

    @Test
    void aCompleteLastRowWithoutItsNewlineIsKept() throws IOException {
        Path f = dir.resolve(ResultsFile.NAME);
        try (ResultsFile w = ResultsFile.append(f)) {
            w.write(row("r1", Category.CORRECT));
            w.write(row("r2", Category.CORRECT));
        }
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 1));
        ResultsFile.repairTail(f);
        assertEquals(text, Files.readString(f));
    }

    @Test
    void aMalformedLineInTheMiddleIsAnInputError() throws IOException {
        Path f = dir.resolve(ResultsFile.NAME);
        Files.writeString(f, "{\"run_id\":\"r1\"\nnot json\n");
        InputException e = assertThrows(InputException.class, () -> ResultsFile.read(f));
        assertEquals(1, e.line());
    }
}
