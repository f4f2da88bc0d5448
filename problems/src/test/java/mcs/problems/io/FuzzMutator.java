package mcs.problems.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random mutations of a text file, byte-level and token-level, aimed at the places a strict
 * reader goes wrong: sizes at type limits, numbers at the edges of the double and exponent ranges, broken
 * line structure, stray bytes (NUL, BOM, CR, tabs), and for JSON deep nesting, duplicate keys and numbers
 * in place of strings. {@link #describe()} names the mutations applied, for failure messages.
 */
final class FuzzMutator {
    static final String[] SPECIAL = {
        "99999999999999999999", "2147483647", "2147483648", "2147483639", "-1", "0", "-0", "1", "1e999999", "1e-999999",
        "1e400", "-1e400", "1e-400", "4.9e-324", "2e-324", "1.7976931348623157e308", "1.8e308", "1e308", "NaN", "-Inf",
        "inf", "Infinity", "1/0", "0/0", "1/3", "-7/-2", "+", "-", ".", "1e", "1e+", "e5", "0x10", "1_000", "1.5", "3e2",
        "000000000000000000000001", "-2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "1" + "0".repeat(400), "0." + "0".repeat(400) + "1", "12345678901234567890123e-10", "0e1000001", "0e-100000",
        "1e100001", "123456789012345678901234567890/7", "1/" + "9".repeat(320), "\u00bd", "\"x\"", "null", "true", "[]", "{}",
        "[[[[[[[[[[1]]]]]]]]]]", "1.0", "2e0", "\"1\"", "\"-1\"", "\"1e999999\"", "\"1/0\"", "1e-5", "\"\"", "%", "%%MatrixMarket",
    };

    private final SplittableRandom rnd;
    private final boolean json;
    private final StringBuilder log = new StringBuilder();

    FuzzMutator(long seed, boolean json) {
        this.rnd = new SplittableRandom(seed);
        this.json = json;
    }

    String describe() {
        return log.toString();
    }

    /** Applies 1 to 3 random mutations. */
    byte[] mutate(byte[] in) {
        log.setLength(0);
        byte[] b = in;
        int times = 1 + rnd.nextInt(3);
        for (int t = 0; t < times; t++) b = once(b);
        return b;
    }

    private byte[] once(byte[] b) {
        int kind = rnd.nextInt(json ? 24 : 20);
        log.append(kind).append(' ');
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<String> lines = lines(s);
        switch (kind) {
            case 0 -> { // byte flip
                if (b.length == 0) return b;
                byte[] c = b.clone();
                c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
                return c;
            }
            case 1 -> { // delete a byte range
                if (b.length == 0) return b;
                int at = rnd.nextInt(b.length), len = Math.min(b.length - at, 1 + rnd.nextInt(10));
                return (s.substring(0, at) + s.substring(at + len)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 2 -> { // delete a line
                if (lines.isEmpty()) return b;
                lines.remove(rnd.nextInt(lines.size()));
                return join(lines);
            }
            case 3 -> { // duplicate a line
                if (lines.isEmpty()) return b;
                int at = rnd.nextInt(lines.size());
                lines.add(at, lines.get(at));
                return join(lines);
            }
            case 4 -> { // swap two lines
                if (lines.size() < 2) return b;
                int x = rnd.nextInt(lines.size()), y = rnd.nextInt(lines.size());
                String t = lines.get(x);
                lines.set(x, lines.get(y));
                lines.set(y, t);
                return join(lines);
            }
            case 5 -> { // swap two tokens
                List<int[]> tok = tokens(s);
                if (tok.size() < 2) return b;
                int[] x = tok.get(rnd.nextInt(tok.size())), y = tok.get(rnd.nextInt(tok.size()));
                if (x[0] > y[0]) {
                    int[] t = x;
                    x = y;
                    y = t;
                }
                if (x[0] == y[0]) return b;
                return (s.substring(0, x[0]) + s.substring(y[0], y[1]) + s.substring(x[1], y[0]) + s.substring(x[0], x[1]) + s.substring(y[1])).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 6, 7, 8 -> { // replace a token by a special value (the most productive mutation)
                List<int[]> tok = tokens(s);
                if (tok.isEmpty()) return b;
                int[] x = tok.get(rnd.nextInt(tok.size()));
                String v = SPECIAL[rnd.nextInt(SPECIAL.length)];
                return (s.substring(0, x[0]) + v + s.substring(x[1])).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 9 -> { // truncate
                return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
            }
            case 10 -> { // empty, or only the first line
                return rnd.nextBoolean() || lines.isEmpty() ? new byte[0] : (lines.get(0) + (rnd.nextBoolean() ? "\n" : "")).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 11 -> { // CRLF everywhere, or a lone CR
                if (rnd.nextBoolean()) return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                return insert(s, "\r");
            }
            case 12 -> { // spaces to tabs or runs, leading blanks
                return switch (rnd.nextInt(3)) {
                    case 0 -> s.replace(' ', '\t').getBytes(StandardCharsets.ISO_8859_1);
                    case 1 -> s.replace(" ", "   ").getBytes(StandardCharsets.ISO_8859_1);
                    default -> s.replace("\n", "\n \t").getBytes(StandardCharsets.ISO_8859_1);
                };
            }
            case 13 -> {
                return insert(s, "\0");
            }
            case 14 -> { // UTF-8 byte order mark
                byte[] c = new byte[b.length + 3];
                c[0] = (byte) 0xEF;
                c[1] = (byte) 0xBB;
                c[2] = (byte) 0xBF;
                System.arraycopy(b, 0, c, 3, b.length);
                return c;
            }
            case 15 -> { // a long line (kept moderate: the fuzzer must stay fast)
                String fill = switch (rnd.nextInt(3)) {
                    case 0 -> "9".repeat(1000 + rnd.nextInt(3000));
                    case 1 -> " ".repeat(50_000);
                    default -> "1 ".repeat(20_000);
                };
                return insert(s, fill);
            }
            case 16 -> { // a comment or blank line somewhere
                if (lines.isEmpty()) return b;
                lines.add(rnd.nextInt(lines.size() + 1), rnd.nextBoolean() ? "% comment" : rnd.nextBoolean() ? "" : " \t ");
                return join(lines);
            }
            case 17 -> { // garbage or blank lines at the end
                return (s + (rnd.nextBoolean() ? "\n\n  \n" : "1 1 1\n")).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 18 -> { // change the case of the first line, or drop the final newline
                if (lines.isEmpty()) return b;
                if (rnd.nextBoolean()) lines.set(0, lines.get(0).toUpperCase(java.util.Locale.ROOT));
                else return s.endsWith("\n") ? s.substring(0, s.length() - 1).getBytes(StandardCharsets.ISO_8859_1) : b;
                return join(lines);
            }
            case 19 -> { // duplicate or drop a token
                List<int[]> tok = tokens(s);
                if (tok.isEmpty()) return b;
                int[] x = tok.get(rnd.nextInt(tok.size()));
                String mid = rnd.nextBoolean() ? "" : s.substring(x[0], x[1]) + " " + s.substring(x[0], x[1]);
                return (s.substring(0, x[0]) + mid + s.substring(x[1])).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 20 -> { // JSON: deep nesting in place of a value
                int depth = rnd.nextBoolean() ? 50 : 5000;
                return replaceValue(s, "[".repeat(depth) + "1" + "]".repeat(depth));
            }
            case 21 -> { // JSON: a duplicate key
                int at = s.indexOf("\"", 1 + rnd.nextInt(Math.max(1, s.length())));
                if (at < 0) return b;
                int end = s.indexOf('\n', at);
                if (end < 0) return b;
                return (s.substring(0, end + 1) + s.substring(s.lastIndexOf('\n', at) + 1, end + 1) + s.substring(end + 1)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 22 -> { // JSON: a string value turned into a number (quotes dropped)
                int at = s.indexOf(": \"", rnd.nextInt(Math.max(1, s.length())));
                if (at < 0) at = s.indexOf(", \"", rnd.nextInt(Math.max(1, s.length())));
                if (at < 0) return b;
                int close = s.indexOf('"', at + 3);
                if (close < 0) return b;
                return (s.substring(0, at + 2) + s.substring(at + 3, close) + s.substring(close + 1)).getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> { // JSON: a value replaced by a special one
                return replaceValue(s, SPECIAL[rnd.nextInt(SPECIAL.length)]);
            }
        }
    }

    /** Replaces the JSON scalar value after a random ':' or ','. */
    private byte[] replaceValue(String s, String v) {
        int at = -1;
        for (int tries = 0; tries < 10 && at < 0; tries++) {
            int from = rnd.nextInt(Math.max(1, s.length()));
            int c = s.indexOf(':', from), d = s.indexOf(',', from);
            at = c < 0 ? d : d < 0 ? c : Math.min(c, d);
        }
        if (at < 0) return s.getBytes(StandardCharsets.ISO_8859_1);
        int start = at + 1;
        while (start < s.length() && s.charAt(start) == ' ') start++;
        int end = start;
        if (end < s.length() && s.charAt(end) == '"') end = s.indexOf('"', end + 1) + 1;
        else while (end < s.length() && ",]}\n".indexOf(s.charAt(end)) < 0) end++;
        if (end <= 0) return s.getBytes(StandardCharsets.ISO_8859_1);
        return (s.substring(0, start) + v + s.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] insert(String s, String what) {
        int at = s.isEmpty() ? 0 : rnd.nextInt(s.length() + 1);
        return (s.substring(0, at) + what + s.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (s.endsWith("\n")) out.remove(out.size() - 1);
        if (s.isEmpty()) out.clear();
        return out;
    }

    private static byte[] join(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) out.writeBytes((l + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** [start, end) of every maximal run of characters other than blanks, line breaks and JSON punctuation. */
    private List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        String stop = json ? " \t\r\n,:[]{}\"" : " \t\r\n";
        int i = 0;
        while (i < s.length()) {
            if (stop.indexOf(s.charAt(i)) >= 0) {
                i++;
                continue;
            }
            int st = i;
            while (i < s.length() && stop.indexOf(s.charAt(i)) < 0) i++;
            out.add(new int[] {st, i});
        }
        return out;
    }
}
