package mcs.problems.io;

import java.nio.charset.StandardCharsets;
import mcs.problems.exact.NumberSyntax;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * Parses one numeric token of a data line into a {@link RationalArray} slot and a double slot. Hot path:
 * up to 18 significant digits go to {@link RationalArray#setDecimal} and {@link NumberSyntax#fastDouble}
 * without allocating; longer mantissas and {@code p/q} fall back to {@link Rational#parse} and
 * {@link Double#parseDouble}. Not thread-safe (one instance per reader).
 */
final class NumberToken {
    /**
     * Longest accepted token. Parsing p/q costs time quadratic in its length (BigInteger conversion and
     * gcd), so an unbounded token in a 64 MiB line would stall the reader; 10^5 characters still allow any
     * rational a real instance holds.
     */
    static final int MAX_TOKEN = 100_000;

    /** Nonzero magnitudes below 10^-TINY_EXPONENT are refused (see {@link #tooSmall}). */
    static final int TINY_EXPONENT = 1000;
    static final Rational TINY = Rational.ofDecimal(1, -TINY_EXPONENT);

    private long unscaled;
    private int exp10;

    /**
     * Stores token {@code b[s..e)} at index k.
     *
     * @param integerOnly the field is {@code integer}: only {@code [+-]digits}
     * @return null on success, else the reason the token is not acceptable
     */
    String store(byte[] b, int s, int e, boolean integerOnly, RationalArray exact, double[] approx, int k) {
        if (e - s > MAX_TOKEN) return "number of " + (e - s) + " characters is longer than the " + MAX_TOKEN + " allowed";
        if (fast(b, s, e, integerOnly)) {
            double d = NumberSyntax.fastDouble(unscaled, exp10);
            if (Double.isNaN(d)) d = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            // Range first: a huge exponent would otherwise be expanded into a BigInteger before being refused.
            if (Double.isInfinite(d)) return tooLarge(b, s, e);
            if (d == 0 && unscaled != 0 && Long.toString(Math.abs(unscaled)).length() + exp10 <= -TINY_EXPONENT) return tooSmall(b, s, e);
            exact.setDecimal(k, unscaled, exp10);
            approx[k] = d;
            return null;
        }
        for (int i = s; i < e; i++) {
            // Rational.parse trims control characters, which would let "1\0" through as 1.
            if ((b[i] & 0xFF) <= ' ' || (b[i] & 0xFF) >= 0x7F) return "bad number '" + new String(b, s, e - s, StandardCharsets.ISO_8859_1) + "': unexpected byte 0x" + Integer.toHexString(b[i] & 0xFF);
        }
        String tok = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        String bad = checkSyntax(tok, integerOnly);
        if (bad != null) return bad;
        Rational r;
        try {
            r = Rational.parse(tok);
        } catch (NumberFormatException | ArithmeticException ex) {
            return "bad number '" + tok + "': " + ex.getMessage();
        }
        double d = tok.indexOf('/') >= 0 ? r.toDouble() : Double.parseDouble(tok);
        if (Double.isInfinite(d)) return tooLarge(b, s, e);
        if (d == 0 && !r.isZero() && r.abs().compareTo(TINY) < 0) return tooSmall(b, s, e);
        exact.set(k, r);
        approx[k] = d;
        return null;
    }

    /** True when the exact value of the token is zero; the token must have been stored successfully before. */
    static boolean isZero(RationalArray exact, int k) {
        return exact.isCompact(k) ? exact.unscaled(k) == 0 : exact.get(k).isZero();
    }

    /**
     * Refused because the exact value would be a huge fraction: 1e-99999 is 8 bytes of file per 41 KB of
     * denominator, so a small file could exhaust memory. Values down to 1e-1000 (far below the double
     * range) stay exact.
     */
    private static String tooSmall(byte[] b, int s, int e) {
        return "number '" + new String(b, s, e - s, StandardCharsets.ISO_8859_1) + "' is nonzero but smaller than 1e-" + TINY_EXPONENT + " in magnitude";
    }

    private static String tooLarge(byte[] b, int s, int e) {
        return "number '" + new String(b, s, e - s, StandardCharsets.ISO_8859_1) + "' is beyond the double range (|x| > 1.8e308)";
    }

    private static String checkSyntax(String tok, boolean integerOnly) {
        String t = tok.startsWith("+") || tok.startsWith("-") ? tok.substring(1) : tok;
        String low = t.toLowerCase(java.util.Locale.ROOT);
        if (low.startsWith("nan") || low.startsWith("inf")) return "'" + tok + "' is not a finite number (NaN and Inf are not allowed)";
        if (integerOnly) {
            if (t.isEmpty()) return "'" + tok + "' is not an integer";
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') return "'" + tok + "' is not an integer (the field is 'integer')";
            }
        }
        return null;
    }

    /** Recognises [+-](digits[.digits]|.digits)([eE][+-]digits) with ≤ 18 significant digits. */
    private boolean fast(byte[] b, int s, int e, boolean integerOnly) {
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '+' || b[i] == '-')) {
            neg = b[i] == '-';
            i++;
        }
        long u = 0;
        int sig = 0, frac = 0;
        boolean digit = false, point = false;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                digit = true;
                if (point) frac++;
                if (u == 0 && c == '0') continue;
                if (++sig > 18) return false;
                u = u * 10 + (c - '0');
            } else if (c == '.' && !point && !integerOnly) {
                point = true;
            } else {
                break;
            }
        }
        if (!digit) return false;
        int exp = 0;
        if (i < e) {
            if (integerOnly) return false;
            int c = b[i];
            if (c != 'e' && c != 'E') return false;
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                eneg = b[i] == '-';
                i++;
            }
            if (i >= e) return false;
            for (; i < e; i++) {
                c = b[i];
                if (c < '0' || c > '9' || exp > Rational.MAX_DECIMAL_EXPONENT) return false;
                exp = exp * 10 + (c - '0');
            }
            if (eneg) exp = -exp;
        }
        int e10 = exp - frac;
        if (Math.abs(e10) > Rational.MAX_DECIMAL_EXPONENT) return false;
        unscaled = neg ? -u : u;
        exp10 = u == 0 ? 0 : e10;
        return true;
    }
}
