package mcs.problems.io;

import mcs.problems.exact.NumberSyntax;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * Decimal numbers u·10^e (u a long) as text and back without a {@link Rational} per value: the hot path of
 * certificate files whose factor holds 10^7 decimals. Both directions agree exactly with the general path:
 * {@link #write} produces {@link Rational#toDecimalString()} of the value, and {@link #parse} accepts only
 * tokens that {@link Rational#parse} reads to the same value (anything else is left to it). O(length).
 */
final class DecimalText {
    /** Longest exponent the fast path handles: well inside the double range and {@link Rational#MAX_DECIMAL_EXPONENT}. */
    static final int MAX_EXPONENT = 300;

    /** Characters a value can need: sign, 19 digits, point, up to 300 zeros. */
    static final int MAX_CHARS = 2 + 19 + 1 + MAX_EXPONENT + 1;

    private DecimalText() {}

    /**
     * Writes the canonical decimal text of u·10^e into {@code out} from 0 and returns its length; −1 when
     * |e| &gt; {@value #MAX_EXPONENT} or u = Long.MIN_VALUE (use the general path then).
     */
    static int write(long u, int e, char[] out) {
        if (u == 0) {
            out[0] = '0';
            return 1;
        }
        if (u == Long.MIN_VALUE || Math.abs(e) > MAX_EXPONENT) return -1;
        while (u % 10 == 0) {
            u /= 10;
            e++;
        }
        if (e > MAX_EXPONENT) return -1;
        int len = 0;
        if (u < 0) {
            out[len++] = '-';
            u = -u;
        }
        char[] digits = new char[19];
        int nd = 0;
        for (long v = u; v > 0; v /= 10) digits[nd++] = (char) ('0' + v % 10);
        if (e >= 0) {
            for (int k = nd - 1; k >= 0; k--) out[len++] = digits[k];
            for (int k = 0; k < e; k++) out[len++] = '0';
            return len;
        }
        int frac = -e;
        if (frac >= nd) {
            out[len++] = '0';
            out[len++] = '.';
            for (int k = 0; k < frac - nd; k++) out[len++] = '0';
            for (int k = nd - 1; k >= 0; k--) out[len++] = digits[k];
            return len;
        }
        for (int k = nd - 1; k >= 0; k--) {
            out[len++] = digits[k];
            if (k == frac) out[len++] = '.';
        }
        return len;
    }

    /**
     * Stores token {@code c[s..s+len)} at index k of {@code exact} (and its nearest double) when it is a plain
     * decimal [+-](digits[.digits]|.digits)([eE][+-]digits) with at most 18 significant digits and a value
     * exponent within ±{@value #MAX_EXPONENT}; returns false, storing nothing, for anything else.
     */
    static boolean parse(char[] c, int s, int len, RationalArray exact, double[] approx, int k) {
        int i = s, end = s + len;
        boolean neg = false;
        if (i < end && (c[i] == '+' || c[i] == '-')) {
            neg = c[i] == '-';
            i++;
        }
        long u = 0;
        int sig = 0, frac = 0;
        boolean digit = false, point = false;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                digit = true;
                if (point) frac++;
                if (u == 0 && ch == '0') continue;
                if (++sig > 18) return false;
                u = u * 10 + (ch - '0');
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!digit) return false;
        int exp = 0;
        if (i < end) {
            char ch = c[i];
            if (ch != 'e' && ch != 'E') return false;
            i++;
            boolean eneg = false;
            if (i < end && (c[i] == '+' || c[i] == '-')) {
                eneg = c[i] == '-';
                i++;
            }
            if (i >= end) return false;
            for (; i < end; i++) {
                ch = c[i];
                if (ch < '0' || ch > '9' || exp > 10 * MAX_EXPONENT) return false;
                exp = exp * 10 + (ch - '0');
            }
            if (eneg) exp = -exp;
        }
        int e10 = exp - frac;
        if (u != 0 && Math.abs(e10) > MAX_EXPONENT) return false;
        long v = neg ? -u : u;
        int e = u == 0 ? 0 : e10;
        double d = NumberSyntax.fastDouble(v, e);
        if (Double.isNaN(d)) d = Double.parseDouble(new String(c, s, len));
        exact.setDecimal(k, v, e);
        approx[k] = d;
        return true;
    }
}
