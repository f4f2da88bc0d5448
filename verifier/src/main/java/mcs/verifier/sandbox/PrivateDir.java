package mcs.verifier.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The one writable directory of a run: created fresh by the judge, it holds CERT_OUT ({@code cert.json})
 * and TMPDIR ({@code tmp/}); the run's working directory and HOME. After the run has ended the judge copies
 * the certificate out ({@link #copyCertificate}) and deletes the directory ({@link #delete}), in both cases
 * without following any link the run may have planted.
 */
final class PrivateDir {
    static final String CERT = "cert.json";
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    final Path dir;
    private final Object key;

    private PrivateDir(Path dir, Object key) {
        this.dir = dir;
        this.key = key;
    }

    /** A fresh directory (owner-only) under {@code parent}, with an empty {@code tmp/}. */
    static PrivateDir create(Path parent, String label) throws IOException {
        Files.createDirectories(parent);
        Path d = Files.createTempDirectory(parent, "run-" + label.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        Files.createDirectory(d.resolve("tmp"));
        Object key = Files.readAttributes(d, BasicFileAttributes.class, NOFOLLOW).fileKey();
        return new PrivateDir(d, key);
    }

    Path certOut() {
        return dir.resolve(CERT);
    }

    Path tmp() {
        return dir.resolve("tmp");
    }

    /** What the judge found at CERT_OUT after the run. */
    record Certificate(byte[] bytes, long size, boolean overCap, String problem) {
        static Certificate none() {
            return new Certificate(null, 0, false, null);
        }
    }

    /**
     * Copies CERT_OUT into memory, refusing anything but a regular file with one link inside the directory
     * the judge created: the last component is opened with O_NOFOLLOW (a symlink to a record file is not
     * followed), a hard link to a file elsewhere is seen by its link count, and the directory itself must
     * still be the one created (a run without a sandbox could have replaced it by a link). At most
     * {@code cap} bytes are read; a larger file is reported as over the cap, not read.
     */
    Certificate copyCertificate(long cap) {
        try {
            BasicFileAttributes d = Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW);
            if (!d.isDirectory() || !Objects.equals(d.fileKey(), key)) {
                return new Certificate(null, 0, false, "the run replaced its private directory");
            }
            Path p = certOut();
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
            } catch (NoSuchFileException e) {
                return Certificate.none();
            }
            if (a.isSymbolicLink()) return new Certificate(null, 0, false, "CERT_OUT is a symbolic link, not a file");
            if (!a.isRegularFile()) return new Certificate(null, 0, false, "CERT_OUT is not a regular file");
            Object links = Files.getAttribute(p, "unix:nlink", NOFOLLOW);
            if (links instanceof Integer k && k > 1) return new Certificate(null, 0, false, "CERT_OUT has " + k + " hard links (a link to another file)");
            if (a.size() > cap) return new Certificate(null, a.size(), true, "the certificate has " + a.size() + " bytes, over the cap of " + cap);
            try (SeekableByteChannel ch = Files.newByteChannel(p, java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(cap + 1, Math.max(a.size() + 1, 1)));
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // fill up to the size seen, plus one byte to notice growth
                }
                if (buf.position() > cap) return new Certificate(null, buf.position(), true, "the certificate grew past the cap of " + cap + " bytes");
                byte[] out = new byte[buf.position()];
                buf.flip().get(out);
                return new Certificate(out, out.length, false, null);
            }
        } catch (IOException | RuntimeException e) {
            return new Certificate(null, 0, false, "CERT_OUT cannot be read: " + e.getMessage());
        }
    }

    /** Bytes and entries under the directory, stopping at {@code maxEntries}; links are counted, never followed. */
    long[] usage(long maxEntries) {
        long[] u = {0, 0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    u[0] += a.size();
                    return ++u[1] >= maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return ++u[1] >= maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a file vanished while counting: the next sample counts again
        }
        return u;
    }

    /**
     * Deletes the directory and everything in it. Links are deleted, never followed (walkFileTree does not
     * follow them by default); directories the run made unwritable are made writable first.
     */
    void delete() {
        try {
            BasicFileAttributes d = Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW);
            if (!d.isDirectory() || !Objects.equals(d.fileKey(), key)) {
                Files.deleteIfExists(dir); // a link or file put in its place: remove that, nothing it points to
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path p, BasicFileAttributes a) throws IOException {
                    // A run may have made a folder unreadable or unwritable; the judge owns it and takes it back.
                    if (!Files.isReadable(p) || !Files.isWritable(p) || !Files.isExecutable(p)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path p, IOException e) throws IOException {
                    Files.deleteIfExists(p);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover scratch directory under the judge's temp folder is harmless
        }
    }
}
