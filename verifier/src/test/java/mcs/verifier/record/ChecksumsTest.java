package mcs.verifier.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @TempDir Path tmp;

    @Test
    void theRecordIsIntactAndEveryFlippedByteIsNamed() throws IOException {
        Path root = RecordFolders.copy(RecordFolders.repository(), tmp.resolve("record"));
        assertEquals(List.of(), Checksums.verify(root));
        List<String> files = new ArrayList<>(Checksums.files(root));
        files.add(Checksums.FILE);
        SplittableRandom rnd = new SplittableRandom(20261127);
        for (String f : files) {
            Path p = root.resolve(f);
            byte[] before = Files.readAllBytes(p);
            RecordFolders.flip(p, rnd.nextLong(Long.MAX_VALUE));
            List<Checksums.Problem> problems = Checksums.verify(root);
            assertEquals(1, problems.size(), f + ": " + problems);
            assertEquals(f, problems.get(0).file(), problems.toString());
            Files.write(p, before);
        }
        assertEquals(List.of(), Checksums.verify(root));
    }

    @Test
    void missingAndUnlistedFilesAreNamed() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "a");
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("d/b.txt"), "b");
        Checksums.write(tmp);
        assertEquals(List.of(), Checksums.verify(tmp));
        Files.delete(tmp.resolve("a.txt"));
        Files.writeString(tmp.resolve("d/c.txt"), "c");
        List<Checksums.Problem> p = Checksums.verify(tmp);
        assertEquals(2, p.size(), p.toString());
        assertEquals("a.txt", p.get(0).file());
        assertTrue(p.get(0).reason().contains("missing"));
        assertEquals("d/c.txt", p.get(1).file());
        assertTrue(p.get(1).reason().contains("not listed"));
    }

    @Test
    void theSumsFileIsCompatibleWithSha256sum() throws IOException {
        Files.writeString(tmp.resolve("x"), "hello\n");
        Checksums.write(tmp);
        List<String> lines = Files.readAllLines(tmp.resolve(Checksums.FILE), StandardCharsets.UTF_8);
        // sha256sum of "hello\n", as printed by coreutils
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  x", lines.get(0));
        assertTrue(lines.get(1).startsWith("# self-check: "));
    }
}
