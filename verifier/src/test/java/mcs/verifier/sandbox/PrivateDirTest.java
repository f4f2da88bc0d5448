package mcs.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge's copy of CERT_OUT after a run (O_NOFOLLOW semantics, one link, within the cap) and the deletion
 * of the private directory, which must never follow a link out of it. No bubblewrap needed: these hold for
 * every isolation.
 */
class PrivateDirTest {
    @TempDir Path tmp;

    private PrivateDir fresh() throws IOException {
        return PrivateDir.create(tmp.resolve("scratch"), "t");
    }

    @Test
    void aRegularFileWithinTheCapIsCopied() throws IOException {
        PrivateDir d = fresh();
        Files.writeString(d.certOut(), "{\"x\": 1}\n");
        PrivateDir.Certificate c = d.copyCertificate(100);
        assertArrayEquals("{\"x\": 1}\n".getBytes(StandardCharsets.UTF_8), c.bytes());
        assertNull(c.problem());
        assertFalse(c.overCap());
    }

    @Test
    void noFileIsNoCertificateAndNoProblem() throws IOException {
        PrivateDir.Certificate c = fresh().copyCertificate(100);
        assertNull(c.bytes());
        assertNull(c.problem());
    }

    @Test
    void aFileOverTheCapIsNotRead() throws IOException {
        PrivateDir d = fresh();
        Files.write(d.certOut(), new byte[101]);
        PrivateDir.Certificate c = d.copyCertificate(100);
        assertNull(c.bytes());
        assertTrue(c.overCap());
        assertTrue(c.problem().contains("101 bytes, over the cap of 100"), c.problem());
    }

    @Test
    void aSymlinkAHardLinkOrADirectoryIsRefused() throws IOException {
        Path record = Files.writeString(tmp.resolve("record.cert.json"), "{\"valid\": true}\n");
        PrivateDir s = fresh();
        Files.createSymbolicLink(s.certOut(), record);
        assertTrue(s.copyCertificate(1000).problem().contains("symbolic link"));
        PrivateDir h = fresh();
        Files.createLink(h.certOut(), record);
        assertTrue(h.copyCertificate(1000).problem().contains("2 hard links"));
        PrivateDir d = fresh();
        Files.createDirectory(d.certOut());
        assertTrue(d.copyCertificate(1000).problem().contains("not a regular file"));
        for (PrivateDir p : new PrivateDir[] {s, h, d}) assertNull(p.copyCertificate(1000).bytes());
    }

    @Test
    void aReplacedPrivateDirectoryIsNotTrustedAndItsReplacementNotFollowed() throws IOException {
        Path record = Files.createDirectories(tmp.resolve("record"));
        Files.writeString(record.resolve("cert.json"), "{\"valid\": true}\n");
        PrivateDir d = fresh();
        Files.move(d.dir, tmp.resolve("moved-away"));
        Files.createSymbolicLink(d.dir, record);
        assertTrue(d.copyCertificate(1000).problem().contains("replaced its private directory"));
        d.delete();
        assertFalse(Files.exists(d.dir, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is removed");
        assertTrue(Files.exists(record.resolve("cert.json")), "what it pointed to is not");
    }

    @Test
    void deletingNeverFollowsLinksAndTakesBackUnwritableFolders() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        PrivateDir d = fresh();
        Files.createSymbolicLink(d.dir.resolve("link"), outside);
        Path locked = Files.createDirectories(d.tmp().resolve("a/b"));
        Files.writeString(locked.resolve("f"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("r-x------"));
        d.delete();
        assertFalse(Files.exists(d.dir));
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    }
}
