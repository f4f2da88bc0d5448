package mcs.problems.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form certificates use in {@code instance_sha256}. */
public final class Sha256 {
    private Sha256() {}

    /** A fresh SHA-256 digest (every JVM provides it). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String of(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    /** Digest of a file's bytes, streamed in 1 MiB blocks; an unreadable file is an {@link InputException} on line 0. */
    public static String ofFile(Path file) {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) >= 0) md.update(buf, 0, r);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
        return hex(md.digest());
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
