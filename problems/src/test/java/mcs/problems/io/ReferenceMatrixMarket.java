package mcs.problems.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import mcs.problems.exact.Rational;

/**
 * An independent, deliberately naive statement of the Matrix Market rules documented on
 * {@link MatrixMarketReader}: strings, regular expressions and {@link BigDecimal} instead of the
 * reader's byte scanning. The fuzzer demands that both agree on accept/reject, on the line of the first
 * error, and on every accepted value. Only for small inputs (it keeps everything as strings).
 */
final class ReferenceMatrixMarket {
    private ReferenceMatrixMarket() {}

    /** Either {@code errorLine > 0} (rejected) or the stored entries. */
    record Result(long errorLine, String header, int rows, int cols, List<Object[]> entries) {
        boolean rejected() {
            return errorLine > 0;
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?");
    private static final Pattern FRACTION = Pattern.compile("[+-]?[0-9]+/[+-]?[0-9]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static Result reject(long line) {
        return new Result(line, null, 0, 0, null);
    }

    static Result check(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) lines.remove(lines.size() - 1);
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            if (l.endsWith("\r")) lines.set(k, l.substring(0, l.length() - 1));
        }
        if (text.isEmpty()) return reject(1);
        String[] b = tokens(lines.get(0));
        if (b.length != 5 || !b[0].equalsIgnoreCase("%%MatrixMarket") || !b[1].equalsIgnoreCase("matrix")) return reject(1);
        String format = b[2].toLowerCase(Locale.ROOT), field = b[3].toLowerCase(Locale.ROOT), sym = b[4].toLowerCase(Locale.ROOT);
        if (!List.of("coordinate", "array").contains(format)) return reject(1);
        if (!List.of("real", "integer", "complex", "pattern").contains(field)) return reject(1);
        if (!List.of("general", "symmetric", "skew-symmetric", "hermitian").contains(sym)) return reject(1);
        if (field.equals("pattern") && (format.equals("array") || sym.equals("skew-symmetric") || sym.equals("hermitian"))) return reject(1);
        if (sym.equals("hermitian") && !field.equals("complex")) return reject(1);
        int at = 1;
        while (at < lines.size() && (tokens(lines.get(at)).length == 0 || lines.get(at).startsWith("%"))) at++;
        if (at == lines.size()) return reject(at + 1L);
        long sizeLine = at + 1L;
        String[] s = tokens(lines.get(at));
        boolean coo = format.equals("coordinate");
        if (s.length != (coo ? 3 : 2)) return reject(sizeLine);
        for (String t : s) if (!DIGITS.matcher(t).matches()) return reject(sizeLine);
        BigInteger r = new BigInteger(s[0]), c = new BigInteger(s[1]);
        BigInteger maxInt = BigInteger.valueOf(Integer.MAX_VALUE);
        if (r.compareTo(maxInt) > 0 || c.compareTo(maxInt) > 0) return reject(sizeLine);
        int rows = r.intValue(), cols = c.intValue();
        boolean general = sym.equals("general");
        if (!general && rows != cols) return reject(sizeLine);
        long positions = general ? (long) rows * cols : (long) rows * (rows + 1L) / 2;
        BigInteger declared;
        if (coo) {
            declared = new BigInteger(s[2]);
            if (declared.compareTo(BigInteger.valueOf(positions)) > 0) return reject(sizeLine);
        } else {
            declared = BigInteger.valueOf(sym.equals("skew-symmetric") ? Math.max(0, (long) rows * (rows - 1) / 2) : positions);
        }
        if (declared.compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) return reject(sizeLine);
        int want = declared.intValue();
        int parts = field.equals("pattern") ? 0 : field.equals("complex") ? 2 : 1;
        List<Object[]> entries = new ArrayList<>();
        Map<Long, Long> seen = new HashMap<>();
        long firstDuplicate = 0;
        int ai = sym.equals("skew-symmetric") ? 1 : 0, aj = 0;
        for (int k = 0; k < want; k++) {
            int li = at + 1 + k;
            if (li >= lines.size()) return reject(li + 1L);
            String[] t = tokens(lines.get(li));
            if (t.length == 0) return reject(li + 1L);
            int idx = coo ? 2 : 0;
            if (t.length != idx + parts) return reject(li + 1L);
            int i, j;
            if (coo) {
                long iv = index(t[0], rows), jv = index(t[1], cols);
                if (iv < 0 || jv < 0) return reject(li + 1L);
                i = (int) iv;
                j = (int) jv;
                if (!general && i < j) return reject(li + 1L);
            } else {
                i = ai;
                j = aj;
                if (++ai == rows) {
                    aj++;
                    ai = general ? 0 : aj + (sym.equals("skew-symmetric") ? 1 : 0);
                }
            }
            Object[] e = new Object[] {i, j, null, null, null, null};
            for (int p = 0; p < parts; p++) {
                Object[] v = value(t[idx + p], field.equals("integer"));
                if (v == null) return reject(li + 1L);
                e[2 + 2 * p] = v[0];
                e[3 + 2 * p] = v[1];
            }
            if (i == j && sym.equals("skew-symmetric") && coo) {
                for (int p = 0; p < parts; p++) if (!((Rational) e[2 + 2 * p]).isZero()) return reject(li + 1L);
            }
            if (i == j && sym.equals("hermitian") && !((Rational) e[4]).isZero()) return reject(li + 1L);
            if (coo && seen.putIfAbsent((long) i * (1L << 32) + j, li + 1L) != null && firstDuplicate == 0) firstDuplicate = li + 1L;
            entries.add(e);
        }
        for (int li = at + 1 + want; li < lines.size(); li++) if (tokens(lines.get(li)).length != 0) return reject(li + 1L);
        if (firstDuplicate > 0) return reject(firstDuplicate);
        return new Result(0, format + " " + field + " " + sym, rows, cols, entries);
    }

    private static String[] tokens(String line) {
        String t = line.replaceAll("^[ \t]+", "");
        return t.isEmpty() ? new String[0] : t.split("[ \t]+");
    }

    /** 0-based index, or −1 when not in 1..limit. */
    private static long index(String t, int limit) {
        if (!DIGITS.matcher(t).matches()) return -1;
        BigInteger v = new BigInteger(t);
        if (v.signum() <= 0 || v.compareTo(BigInteger.valueOf(limit)) > 0) return -1;
        return v.longValue() - 1;
    }

    /** {exact Rational, Double} or null when the token is not acceptable. */
    private static Object[] value(String t, boolean integerOnly) {
        Rational exact;
        double approx;
        if (t.length() > NumberToken.MAX_TOKEN) return null;
        if (integerOnly) {
            if (!INTEGER.matcher(t).matches()) return null;
            BigDecimal d = new BigDecimal(t);
            exact = Rational.of(d);
            approx = d.doubleValue();
        } else if (FRACTION.matcher(t).matches()) {
            String[] pq = t.split("/");
            BigInteger p = new BigInteger(pq[0]), q = new BigInteger(pq[1]);
            if (q.signum() == 0) return null;
            exact = Rational.of(p, q);
            approx = new BigDecimal(p).divide(new BigDecimal(q), new java.math.MathContext(40)).doubleValue();
            if (approx != exact.toDouble()) approx = exact.toDouble(); // 40 digits can double-round; the core's value is correctly rounded
        } else {
            var m = DECIMAL.matcher(t);
            if (!m.matches()) return null;
            String mant = m.group(2);
            int frac = mant.indexOf('.') < 0 ? 0 : mant.length() - mant.indexOf('.') - 1;
            BigInteger exp = m.group(3) == null ? BigInteger.ZERO : new BigInteger(m.group(3));
            if (exp.abs().compareTo(BigInteger.valueOf(10L * Rational.MAX_DECIMAL_EXPONENT)) > 0) return null;
            long e10 = exp.longValue() - frac;
            if (Math.abs(e10) > Rational.MAX_DECIMAL_EXPONENT) return null;
            BigDecimal d = new BigDecimal(m.group(1) + mant.replace(".", "")).scaleByPowerOfTen((int) e10);
            exact = Rational.of(d);
            approx = d.doubleValue();
        }
        if (Double.isInfinite(approx)) return null;
        if (!exact.isZero() && exact.abs().compareTo(Rational.parse("1e-1000")) < 0) return null;
        return new Object[] {exact, approx};
    }
}
