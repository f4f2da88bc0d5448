package mcs.verifier.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mcs.problems.io.AtomicFile;
import mcs.problems.io.InputException;
import mcs.problems.io.Sha256;

/**
 * The {@code SHA256SUMS} file of a record folder, in the format of GNU {@code sha256sum} (so
 * {@code sha256sum -c SHA256SUMS} works too): one line {@code <64 hex>  <path>} per file, paths relative to
 * the folder with {@code /} separators, sorted. It lists every regular file below the folder except
 * itself and hidden files. Its last line, {@code # self-check: <hex>}, is the SHA-256 of the lines above it
 * (a comment to {@code sha256sum}), so a changed byte in the sums file itself is reported as such rather
 * than as a mismatch of the file whose line it changed.
 */
public final class Checksums {
    public static final String FILE = "SHA256SUMS";
    static final String SELF = "# self-check: ";

    private Checksums() {}

    /** One discrepancy between the folder and its sums file; {@code file} is relative to the folder. */
    public record Problem(String file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /** Every file the sums must cover, relative and sorted. O(files). */
    public static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> !r.equals(FILE) && !hidden(r))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) if (part.startsWith(".")) return true;
        return false;
    }

    /** Rewrites {@code root/SHA256SUMS} from the files present. */
    public static void write(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : files(root)) sb.append(Sha256.ofFile(root.resolve(f))).append("  ").append(f).append('\n');
        String self = Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.append(SELF).append(self).append('\n');
        AtomicFile.write(root.resolve(FILE), out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a sums file strictly.
     *
     * @throws InputException naming the line of a malformed or duplicate entry
     */
    public static Map<String, String> read(Path sums) {
        Map<String, String> m = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(sums.toString(), 0, "cannot read: " + e.getMessage());
        }
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*'))
                throw new InputException(sums.toString(), k + 1, "expected '<64 lower-case hex digits>  <path>'");
            String file = line.substring(66);
            if (m.put(file, line.substring(0, 64)) != null) throw new InputException(sums.toString(), k + 1, "duplicate entry for " + file);
        }
        return m;
    }

    /**
     * Compares the folder with its sums file: every listed file must exist with that hash, and every file
     * present must be listed. O(total bytes).
     *
     * @return the discrepancies, in path order; empty when the folder is intact
     */
    public static List<Problem> verify(Path root) {
        Path sums = root.resolve(FILE);
        if (!Files.isRegularFile(sums)) return List.of(new Problem(FILE, "missing"));
        String selfProblem = selfCheck(sums);
        if (selfProblem != null) return List.of(new Problem(FILE, selfProblem));
        Map<String, String> listed = read(sums);
        List<Problem> problems = new ArrayList<>();
        TreeMap<String, String> present = new TreeMap<>();
        for (String f : files(root)) present.put(f, f);
        for (var e : listed.entrySet()) {
            Path p = root.resolve(e.getKey());
            if (!Files.isRegularFile(p)) problems.add(new Problem(e.getKey(), "listed in " + FILE + " but missing"));
            else if (!Sha256.ofFile(p).equals(e.getValue())) problems.add(new Problem(e.getKey(), "checksum mismatch (the file was changed after " + FILE + " was written)"));
        }
        for (String f : present.keySet()) if (!listed.containsKey(f)) problems.add(new Problem(f, "not listed in " + FILE + " (review it, then run 'mcs record rehash')"));
        problems.sort((a, b) -> a.file().compareTo(b.file()));
        return problems;
    }

    private static String selfCheck(Path sums) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(sums);
        } catch (IOException e) {
            return "cannot read: " + e.getMessage();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(SELF);
        if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n')) return "has no '" + SELF.strip() + "' line (rewrite it with 'mcs record rehash')";
        String claimed = text.substring(at + SELF.length()).strip();
        String actual = Sha256.of(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        if (!claimed.equals(actual)) return "changed: its self-check line does not match the lines above it";
        return null;
    }
}
