package mcs.verifier.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mcs.problems.io.AtomicFile;
import mcs.problems.io.InputException;

/**
 * {@code index.csv} of the record: one row per library item, RFC 4180 quoting (fields with a comma,
 * quote or line break are quoted, quotes doubled). Columns, in this order: {@link #HEADER}.
 */
public final class IndexCsv {
    public static final String FILE = "index.csv";
    public static final List<String> HEADER = List.of(
            "id", "tier", "problem", "family", "n", "m", "known_answer", "certificate_kind", "instance", "certificate", "provenance", "notes");

    private IndexCsv() {}

    /**
     * One library item. Paths are relative to the record folder.
     *
     * @param knownAnswer COMPLETABLE / NOT_COMPLETABLE / SOLVED, the exact value for permanents and
     *     hafnians, or {@code INVALID} for a file that must be rejected as input
     * @param certificateKind the body form ({@code entries}, {@code factor}, {@code ldl}, {@code chordal}),
     *     {@code value}, or {@code none} for an invalid instance
     * @param certificate the certificate file, empty for an invalid instance
     * @param notes for an invalid instance: a fragment the rejection message must contain
     */
    public record Row(String id, String tier, String problem, String family, int n, long m, String knownAnswer,
            String certificateKind, String instance, String certificate, String provenance, String notes) {
        List<String> fields() {
            return List.of(id, tier, problem, family, Integer.toString(n), Long.toString(m), knownAnswer, certificateKind, instance, certificate, provenance, notes);
        }
    }

    public static void write(Path file, List<Row> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (Row r : rows) line(sb, r.fields());
        AtomicFile.write(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) sb.append(',');
            String f = fields.get(k);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            else sb.append(f);
        }
        sb.append('\n');
    }

    /** @throws InputException naming the line of a malformed row */
    public static List<Row> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        int[] pos = {0};
        int line = 1;
        boolean header = true;
        while (pos[0] < text.length()) {
            int startLine = line;
            List<String> f = new ArrayList<>();
            line += parseRecord(text, pos, f, file, startLine);
            if (header) {
                if (!f.equals(HEADER)) throw new InputException(file.toString(), startLine, "header must be " + String.join(",", HEADER));
                header = false;
                continue;
            }
            if (f.size() == 1 && f.get(0).isEmpty()) continue;
            if (f.size() != HEADER.size()) throw new InputException(file.toString(), startLine, "expected " + HEADER.size() + " fields, found " + f.size());
            try {
                rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)), f.get(6), f.get(7), f.get(8), f.get(9), f.get(10), f.get(11)));
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), startLine, "n and m must be integers");
            }
        }
        if (header) throw new InputException(file.toString(), 1, "empty index");
        return rows;
    }

    /** Parses one record starting at pos[0]; returns the number of line breaks consumed. */
    private static int parseRecord(String s, int[] pos, List<String> out, Path file, int line) {
        int breaks = 0;
        StringBuilder cur = new StringBuilder();
        int i = pos[0];
        boolean quoted = false, wasQuoted = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                if (c == '\n') breaks++;
                cur.append(c);
                i++;
                continue;
            }
            if (c == '"' && cur.length() == 0 && !wasQuoted) {
                quoted = wasQuoted = true;
                i++;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\n' || c == '\r') {
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                breaks++;
                break;
            } else {
                if (wasQuoted) throw new InputException(file.toString(), line + breaks, "text after a closing quote");
                cur.append(c);
                i++;
            }
        }
        if (quoted) throw new InputException(file.toString(), line + breaks, "unterminated quoted field");
        out.add(cur.toString());
        pos[0] = i;
        return breaks;
    }
}
