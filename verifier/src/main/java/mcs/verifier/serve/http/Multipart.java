package mcs.verifier.serve.http;

import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import mcs.verifier.serve.store.BlobStore;
import mcs.verifier.serve.store.Names;

/**
 * Reads a {@code multipart/form-data} request into an {@link Intake.Upload} and its text fields. File
 * parts go straight into the blob store's {@code tmp/} (hashed and fsynced); the request's total size is
 * capped (413 above it, with nothing kept).
 */
final class Multipart {
    static final String CONFIG = "org.eclipse.jetty.multipartConfig";

    /**
     * The upload, the form's text fields (csrf, claim, record instance, ...), and the form's single-file
     * inputs by field name.
     */
    record Parsed(Intake.Upload upload, Map<String, String> fields, Map<String, BlobStore.Staged> named) {
        /** Drops every staged file that was not kept. */
        void discard(BlobStore blobs) {
            for (BlobStore.Staged s : upload.staged()) blobs.discard(s);
            for (BlobStore.Staged s : named.values()) blobs.discard(s);
        }
    }

    private Multipart() {}

    /**
     * @param fileFields the part names that carry files besides {@code descriptor}, {@code file} and
     *     {@code archive} (a form's single-file inputs), kept in {@link Parsed#upload()}'s files under the
     *     part's name
     * @param textFields the text parts accepted; any other part is a 400 naming it
     */
    static Parsed read(Context ctx, BlobStore blobs, Path tmp, long maxBytes, Set<String> fileFields, Set<String> textFields) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data"))
            throw new ApiError(415, "Content-Type", "send multipart/form-data (parts: descriptor, file..., refs, archive)");
        ctx.req().setAttribute(CONFIG, new MultipartConfigElement(tmp.toString(), maxBytes, maxBytes, 64 * 1024));
        Intake.Upload u = new Intake.Upload();
        Map<String, String> fields = new HashMap<>();
        Map<String, BlobStore.Staged> named = new HashMap<>();
        try {
            long total = 0;
            for (Part p : parts(ctx, maxBytes)) {
                String name = p.getName();
                boolean file = p.getSubmittedFileName() != null;
                if (name.equals("descriptor") || name.equals("file") || name.equals("archive") || fileFields.contains(name)) {
                    if (!file && !name.equals("descriptor")) throw ApiError.badRequest(name, "the part '" + name + "' must be a file");
                    if (file && p.getSubmittedFileName().isEmpty() && p.getSize() == 0) continue; // an empty file input of a form
                    BlobStore.Staged s;
                    try (InputStream in = p.getInputStream()) {
                        s = blobs.stage(in, maxBytes - total);
                    } catch (BlobStore.TooLargeException e) {
                        throw tooLarge(maxBytes);
                    }
                    total += s.size();
                    switch (name) {
                        case "descriptor" -> {
                            if (u.descriptor != null) throw ApiError.badRequest("descriptor", "more than one descriptor");
                            u.descriptor = s;
                            if (file && !p.getSubmittedFileName().isEmpty()) u.descriptorName = p.getSubmittedFileName();
                        }
                        case "archive" -> {
                            if (u.archive != null) throw ApiError.badRequest("archive", "more than one archive");
                            u.archive = s;
                        }
                        case "file" -> {
                            String fn = p.getSubmittedFileName();
                            if (!Names.valid(fn)) {
                                blobs.discard(s);
                                throw ApiError.badRequest("file", "the file name '" + printable(fn) + "' is not acceptable: " + Names.rule());
                            }
                            if (u.files.putIfAbsent(fn, s) != null) {
                                blobs.discard(s);
                                throw ApiError.badRequest("file", "two files named '" + fn + "'");
                            }
                        }
                        default -> {
                            named.put(name, s);
                            fields.put(name + ".filename", p.getSubmittedFileName());
                        }
                    }
                } else if (name.equals("refs") || textFields.contains(name)) {
                    if (file) throw ApiError.badRequest(name, "the part '" + name + "' must be a text field, not a file");
                    if (p.getSize() > 64 * 1024) throw ApiError.badRequest(name, "the field '" + name + "' is longer than 64 KiB");
                    String v;
                    try (InputStream in = p.getInputStream()) {
                        v = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    if (name.equals("refs")) refs(u, v);
                    else fields.put(name, v);
                } else {
                    throw ApiError.badRequest(printable(name), "unknown multipart field '" + printable(name) + "' (expected descriptor, file, refs, archive)");
                }
            }
        } catch (RuntimeException | IOException e) {
            for (BlobStore.Staged s : u.staged()) blobs.discard(s);
            for (BlobStore.Staged s : named.values()) blobs.discard(s);
            throw e;
        }
        return new Parsed(u, fields, named);
    }

    private static Iterable<Part> parts(Context ctx, long maxBytes) throws IOException {
        try {
            return ctx.req().getParts();
        } catch (ServletException | IllegalStateException e) {
            if (isTooLarge(e)) throw tooLarge(maxBytes);
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw ApiError.badRequest("body", "malformed multipart body (" + root.getMessage() + ")");
        } catch (IOException e) {
            if (isTooLarge(e)) throw tooLarge(maxBytes);
            throw ApiError.badRequest("body", "malformed multipart body: " + e.getMessage());
        } catch (RuntimeException e) {
            if (isTooLarge(e)) throw tooLarge(maxBytes);
            throw ApiError.badRequest("body", "malformed multipart body: " + e.getClass().getSimpleName());
        }
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("exceeded") || m.contains("too large") || m.contains("max") && m.contains("size") || t.getClass().getSimpleName().contains("TooLarge")) return true;
        }
        return false;
    }

    static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "body", "the request is larger than the service's limit of " + maxBytes + " bytes (mcs serve --max-upload-mb)");
    }

    private static void refs(Intake.Upload u, String json) {
        Map<?, ?> m;
        try {
            m = Web.JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw ApiError.badRequest("refs", "not a JSON object {\"name\": \"sha256\", ...}");
        }
        for (var e : m.entrySet()) {
            if (!(e.getValue() instanceof String v)) throw ApiError.badRequest("refs", "the value of '" + e.getKey() + "' must be a SHA-256 string");
            u.refs.put(String.valueOf(e.getKey()), v);
        }
    }

    private static String printable(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 32 || c == 127 ? '?' : c);
        return b.length() > 200 ? b.substring(0, 200) + "…" : b.toString();
    }
}
