package mcs.verifier.arena;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mcs.problems.io.InputException;

/**
 * {@code DIR/results.jsonl}: one JSON object per finished run, appended and flushed as each run ends, so
 * a killed arena loses at most the line it was writing. Reading tolerates a truncated last line (and
 * {@link #repairTail} cuts it off before appending again); any other malformed line is an input error.
 */
public final class ResultsFile implements AutoCloseable {
    public static final String NAME = "results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;

    private ResultsFile(OutputStream out) {
        this.out = out;
    }

    /** Opens for appending, after cutting a truncated last line. */
    public static ResultsFile append(Path file) throws IOException {
        repairTail(file);
        return new ResultsFile(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    public synchronized void write(RunRow row) throws IOException {
        out.write((JSON.writeValueAsString(row.toMap()) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Rows in file order; for a run ID that occurs twice, the later row wins (in the earlier one's place). */
    public static List<RunRow> read(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean complete = Files.size(file) == 0 || endsWithNewline(file);
        Map<String, RunRow> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                RunRow r = RunRow.fromMap(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
                rows.put(r.runId(), r);
            } catch (IOException | RuntimeException e) {
                if (i == lines.size() - 1 && !complete) break;
                throw new InputException(file.toString(), i + 1, "not a results row: " + e.getMessage());
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** Keeps only the rows {@code keep} accepts (used by {@code --retry-failed}); atomic replace. */
    public static void rewrite(Path file, List<RunRow> rows, Predicate<RunRow> keep) throws IOException {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        StringBuilder b = new StringBuilder();
        for (RunRow r : rows) if (keep.test(r)) b.append(JSON.writeValueAsString(r.toMap())).append('\n');
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Repairs the end of the file a killed arena may have left: a last line that is a complete row but
     * lacks its newline gets one; a half-written line is cut off.
     */
    public static void repairTail(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0 || endsWithNewline(file)) return;
        byte[] all = Files.readAllBytes(file);
        int keep = all.length;
        while (keep > 0 && all[keep - 1] != '\n') keep--;
        String last = new String(all, keep, all.length - keep, StandardCharsets.UTF_8);
        try {
            RunRow.fromMap(JSON.readValue(last, new TypeReference<Map<String, Object>>() {}));
            Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
            return;
        } catch (IOException | RuntimeException e) {
            // half a row: dropped below
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) return true;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, size - 1);
            return b.get(0) == '\n';
        }
    }
}
