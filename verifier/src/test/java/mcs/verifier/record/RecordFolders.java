package mcs.verifier.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's proofs-data folder, and throw-away copies of it to tamper with. */
public final class RecordFolders {
    private RecordFolders() {}

    static Path repository() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("proofs-data").resolve(IndexCsv.FILE).toFile().isFile()) p = p.getParent();
        if (p == null) throw new IllegalStateException("proofs-data/index.csv not found above " + Path.of("").toAbsolutePath());
        return p.resolve("proofs-data");
    }

    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    /** Flips the low bit of the byte at {@code position mod size}; returns the old byte. */
    static byte flip(Path file, long position) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int at = (int) Math.floorMod(position, (long) b.length);
        byte old = b[at];
        b[at] ^= 1;
        Files.write(file, b);
        return old;
    }
}
