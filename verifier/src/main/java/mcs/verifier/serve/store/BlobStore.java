package mcs.verifier.serve.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Content-addressed files: {@code ROOT/ab/abcdef…} named by the lower-case hex SHA-256 of their bytes.
 * A file is written to {@code ROOT/tmp/}, fsynced, renamed into place atomically and its folder fsynced, so
 * that a name that exists always holds all its bytes, after a crash too. The only way in from a request is
 * a SHA-256 that matches {@link #SHA256}: no request-supplied name ever becomes a path.
 */
public final class BlobStore {
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Path tmp;

    /** A stored file. */
    public record Blob(String sha256, long size) {}

    /** More bytes than allowed were sent. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        public final long limit;

        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }
    }

    public BlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    public Path root() {
        return root;
    }

    /** Streams {@code in} into the store; at most {@code maxBytes} (else {@link TooLargeException}, nothing kept). */
    public Blob put(InputStream in, long maxBytes) throws IOException {
        return finish(stage(in, maxBytes));
    }

    /** A file written and fsynced under tmp/, with its hash, not yet in place. */
    public record Staged(Path file, String sha256, long size) {}

    /** Writes {@code in} to a fresh file under tmp/ and fsyncs it; the caller {@link #finish}es or {@link #discard}s it. */
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Path t = tmp.resolve(UUID.randomUUID() + ".part");
        MessageDigest md = sha256();
        long size = 0;
        try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(ch);
                DigestInputStream din = new DigestInputStream(in, md)) {
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = din.read(buf)) >= 0; ) {
                size += r;
                if (size > maxBytes) throw new TooLargeException(maxBytes);
                out.write(buf, 0, r);
            }
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(t);
            throw e;
        }
        return new Staged(t, HexFormat.of().formatHex(md.digest()), size);
    }

    /** Renames a staged file into place (or drops it when the same bytes are already stored). */
    public Blob finish(Staged s) throws IOException {
        Path target = path(s.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(s.file());
            return new Blob(s.sha256(), s.size());
        }
        try {
            Files.move(s.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(s.file());
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob store's tmp/ and its folders must be on one file system", e);
        }
        fsyncDir(target.getParent());
        return new Blob(s.sha256(), s.size());
    }

    public void discard(Staged s) {
        try {
            Files.deleteIfExists(s.file());
        } catch (IOException ignored) {
            // A leftover under tmp/ holds no name; it is removed at the next start.
        }
    }

    /** Removes leftovers of writes that never finished (a crash between write and rename). */
    public int cleanTmp(long olderThanMs) throws IOException {
        int n = 0;
        long cut = System.currentTimeMillis() - olderThanMs;
        try (var s = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.getLastModifiedTime(p).toMillis() < cut) {
                    Files.deleteIfExists(p);
                    n++;
                }
            }
        }
        return n;
    }

    /** The file of a blob, or empty when none is stored under that hash (or it is not a SHA-256). */
    public Optional<Path> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) return Optional.empty();
        Path p = path(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(find(sha256).orElseThrow(() -> new NoSuchFileException("blob " + sha256)));
    }

    /** Re-hashes a stored blob: true when its bytes still have its name. */
    public boolean verify(String sha256) throws IOException {
        Optional<Path> p = find(sha256);
        if (p.isEmpty()) return false;
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p.get()), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest()).equals(sha256);
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for fsync; the rename itself is still atomic there.
            if (!(e instanceof java.nio.file.AccessDeniedException)) throw e;
        }
    }
}
