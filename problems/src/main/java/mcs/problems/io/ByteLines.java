package mcs.problems.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a byte stream without decoding: the current line is {@code bytes()[start() .. end())}, a line
 * break being {@code \n} or {@code \r\n}. Most lines are returned in place inside the 1 MiB read buffer;
 * a line that straddles two reads is copied. Lines longer than {@link #MAX_LINE} bytes are refused so a
 * corrupt file cannot exhaust memory. Also splits the current line into tokens at spaces and tabs.
 */
final class ByteLines {
    static final int MAX_LINE = 1 << 26;
    private static final int BUFFER = 1 << 20;
    static final int MAX_TOKENS = 8;

    private final InputStream in;
    private final String file;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private byte[] spill = new byte[256];
    private byte[] lineBytes;
    private int ls;
    private int le;
    private long lineNo;
    private long consumed;

    final int[] ts = new int[MAX_TOKENS + 1];
    final int[] te = new int[MAX_TOKENS + 1];
    int tokens;

    ByteLines(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Advances to the next line; false at the end of the input (a final line without break counts). */
    boolean next() {
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    setLine(buf, pos, i);
                    consumed += i + 1 - pos;
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < lim) {
                    setLine(buf, pos, lim);
                    consumed += lim - pos;
                    pos = lim;
                    return true;
                }
                return false;
            }
            if (pos > 0 || lim == buf.length) compactOrGrow();
            fill();
        }
    }

    private void compactOrGrow() {
        int rest = lim - pos;
        if (pos == 0) {
            if (buf.length >= MAX_LINE) throw new InputException(file, lineNo + 1, "line longer than " + MAX_LINE + " bytes");
            byte[] b = new byte[buf.length * 2];
            System.arraycopy(buf, 0, b, 0, rest);
            buf = b;
        } else {
            System.arraycopy(buf, pos, buf, 0, rest);
        }
        pos = 0;
        lim = rest;
    }

    private void fill() {
        try {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) eof = true;
            else lim += r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setLine(byte[] b, int s, int e) {
        if (e > s && b[e - 1] == '\r') e--;
        lineBytes = b;
        ls = s;
        le = e;
        lineNo++;
        tokens = -1;
    }

    byte[] bytes() {
        return lineBytes;
    }

    int start() {
        return ls;
    }

    int end() {
        return le;
    }

    /** 1-based number of the current line (0 before the first). */
    long lineNo() {
        return lineNo;
    }

    /** Bytes consumed so far, line breaks included. */
    long consumed() {
        return consumed;
    }

    String text() {
        return new String(lineBytes, ls, le - ls, StandardCharsets.ISO_8859_1);
    }

    String token(int t) {
        return new String(lineBytes, ts[t], te[t] - ts[t], StandardCharsets.ISO_8859_1);
    }

    /** Splits the current line; at most {@code MAX_TOKENS + 1} are recorded (enough to tell "too many"). */
    int tokenize() {
        byte[] b = lineBytes;
        int n = 0;
        int i = ls;
        while (i < le && n <= MAX_TOKENS) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int s = i;
            while (i < le && b[i] != ' ' && b[i] != '\t') i++;
            ts[n] = s;
            te[n++] = i;
        }
        tokens = n;
        return n;
    }

    boolean isBlank() {
        for (int i = ls; i < le; i++) if (lineBytes[i] != ' ' && lineBytes[i] != '\t') return false;
        return true;
    }
}
