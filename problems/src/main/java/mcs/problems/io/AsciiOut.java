package mcs.problems.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * Buffered ASCII output for the writers: integers and exact values go straight into a byte buffer.
 * Exact values are written canonically (see {@link #exact(RationalArray, int)}). Not thread-safe;
 * {@link #flush()} before the underlying stream is closed.
 */
final class AsciiOut {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final byte[] digits = new byte[20];

    AsciiOut(OutputStream out) {
        this.out = out;
    }

    AsciiOut ch(char c) throws IOException {
        if (pos == buf.length) drain();
        buf[pos++] = (byte) c;
        return this;
    }

    AsciiOut str(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > buf.length - pos) {
            drain();
            if (b.length > buf.length) {
                out.write(b);
                return this;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    AsciiOut num(long v) throws IOException {
        if (v < 0) {
            if (v == Long.MIN_VALUE) return str(Long.toString(v));
            ch('-');
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        if (pos + n > buf.length) drain();
        while (n > 0) buf[pos++] = digits[--n];
        return this;
    }

    /** Writes entry k exactly; see {@link #canonical(Rational)}. Compact values are written without BigInteger. */
    AsciiOut exact(RationalArray a, int k) throws IOException {
        if (!a.isCompact(k) || a.unscaled(k) == Long.MIN_VALUE) return str(canonical(a.get(k)));
        long u = a.unscaled(k);
        int e = a.exponent(k);
        if (u == 0) return ch('0');
        while (u % 10 == 0) {
            u /= 10;
            e++;
        }
        if (u < 0) {
            ch('-');
            u = -u;
        }
        int n = 0;
        long v = u;
        do {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        // digits[n-1] is the most significant digit
        if (e >= 0) {
            while (n > 0) ch((char) digits[--n]);
            for (int z = 0; z < e; z++) ch('0');
            return this;
        }
        int point = n + e; // digits before the decimal point
        if (point <= 0) {
            ch('0').ch('.');
            for (int z = 0; z < -point; z++) ch('0');
            while (n > 0) ch((char) digits[--n]);
        } else {
            for (int d = 0; d < point; d++) ch((char) digits[--n]);
            ch('.');
            while (n > 0) ch((char) digits[--n]);
        }
        return this;
    }

    /**
     * Canonical exact text: an integer as {@code p}, a finite decimal as a plain decimal without trailing
     * zeros, any other rational as {@code p/q} (the mcs extension of Matrix Market).
     */
    static String canonical(Rational r) {
        return r.toDecimalString();
    }

    AsciiOut nl() throws IOException {
        return ch('\n');
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }
}
