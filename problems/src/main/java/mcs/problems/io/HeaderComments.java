package mcs.problems.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mcs.problems.instance.Promise;

/**
 * The comment block of a Matrix Market file (the {@code %} lines between the banner and the size line),
 * read separately from the data: mcs writes provenance, the known answer, the gap t* and the ε-promise
 * there ({@code key = value}). Reading stops at the first other line, so the cost does not grow with the
 * data.
 */
public final class HeaderComments {
    /** One comment line: its text after {@code %}, stripped, and its 1-based line number. */
    public record Line(String text, long number) {}

    private HeaderComments() {}

    /** The comment lines after the banner, in order; empty for a file without any. */
    public static List<Line> read(Path file) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = r.readLine();
            long no = 1;
            if (line == null || !line.startsWith("%%")) return out;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                if (!line.startsWith("%")) break;
                out.add(new Line(line.substring(1).strip(), no));
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return out;
    }

    /** The ε-promise the header states ({@code % promise = lambda_min >= E}), if any. */
    public static Optional<Promise> promise(Path file) {
        for (Line l : read(file)) {
            try {
                Promise p = Promise.parseHeaderComment(l.text());
                if (p != null) return Optional.of(p);
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), l.number(), e.getMessage());
            }
        }
        return Optional.empty();
    }
}
