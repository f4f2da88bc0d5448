package mcs.problems.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Reads and writes certificate documents ({@code mcs-certificate/1}, SPEC §3.2).
 *
 * <p>Shapes: the four header fields {@code format}, {@code problem}, {@code instance_sha256} (64
 * lower-case hex digits), {@code verdict}; then by problem and verdict: psd-completion COMPLETABLE →
 * {@code completion} (forms {@code entries} or {@code factor} with {@code shift}); NOT_COMPLETABLE →
 * {@code witness} ({@code entries}, {@code ldl}, or {@code factor} without shift); as an mcs extension a
 * psd-completion completion may also have form {@code chordal} with an {@code order} (a permutation of
 * 1..n) and an optional {@code fill} (entries [i, j, "x"] with i &gt; j, see {@link Body.Chordal});
 * approximate-squaring SOLVED → {@code answer} (as completion); permanent, hafnian, permanent-estimate
 * SOLVED → {@code value} (exact rational or complex text, {@link ComplexValue}), {@code exact}, and
 * {@code error_bound} allowed only when {@code exact} is false (optional then: heuristic estimates
 * carry none). As an mcs addition, verdict UNKNOWN is written and read with the header fields only.
 *
 * <p>Reading is strict and streaming: unknown format or version, unknown or duplicate or missing fields,
 * wrong JSON types, numbers not written as exact strings, indices below 1, {@code i < j} in entries
 * (and {@code i = j} in {@code l}), an {@code order} that is not a permutation, and data of the wrong
 * length are {@link InputException}s with the file and the line of the offending token. Indices are
 * 1-based in JSON and 0-based in memory.
 *
 * <p>Writing is deterministic (fields in SPEC order, values in canonical exact text, {@code \n}, a final
 * newline) and streamed through a {@link JsonGenerator}, one list element per line; O(size of the
 * certificate) time and O(1) extra memory.
 */
public final class CertificateJson {
    private CertificateJson() {}

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    // ---------------------------------------------------------------- writing

    public static void write(Path file, Certificate c) throws IOException {
        AtomicFile.write(file, out -> write(out, c));
    }

    /** Writes the document and a final newline; the stream is flushed, not closed. */
    public static void write(OutputStream out, Certificate c) throws IOException {
        check(c);
        JsonGenerator g = JsonInput.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new CertificatePrinter());
        g.writeStartObject();
        g.writeStringField("format", Certificate.FORMAT);
        g.writeStringField("problem", c.problem().id());
        g.writeStringField("instance_sha256", c.instanceSha256());
        g.writeStringField("verdict", c.verdict().name());
        if (c.verdict() != Verdict.UNKNOWN) {
            switch (c.problem()) {
                case PSD_COMPLETION, APPROXIMATE_SQUARING -> {
                    g.writeFieldName(bodyField(c.problem(), c.verdict()));
                    writeBody(g, c.body());
                }
                default -> {
                    g.writeStringField("value", c.value());
                    g.writeBooleanField("exact", c.exact());
                    if (!c.exact() && c.errorBound() != null) g.writeStringField("error_bound", text(c.errorBound()));
                }
            }
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** Refuses certificates that could not be read back, before anything is written. */
    private static void check(Certificate c) {
        if (c.instanceSha256() == null || !SHA.matcher(c.instanceSha256()).matches()) {
            throw new IllegalArgumentException("instance_sha256 must be 64 lower-case hex digits, got " + c.instanceSha256());
        }
        if (c.verdict() == Verdict.UNKNOWN) return;
        boolean matrixProblem = c.problem() == Problem.PSD_COMPLETION || c.problem() == Problem.APPROXIMATE_SQUARING;
        if (matrixProblem) {
            if (c.problem() == Problem.PSD_COMPLETION ? c.verdict() == Verdict.SOLVED : c.verdict() != Verdict.SOLVED) {
                throw new IllegalArgumentException("verdict " + c.verdict() + " does not belong to " + c.problem().id());
            }
            if (c.body() == null) throw new IllegalArgumentException("a " + c.verdict() + " certificate needs a body");
            boolean witness = c.verdict() == Verdict.NOT_COMPLETABLE;
            if (c.body() instanceof Body.Ldl && !witness) throw new IllegalArgumentException("form ldl is only for witnesses");
            if (c.body() instanceof Body.Chordal && c.verdict() != Verdict.COMPLETABLE) {
                throw new IllegalArgumentException("form chordal is only for psd-completion COMPLETABLE certificates");
            }
            if (c.body() instanceof Body.Factor f && (f.shift() == null) != witness) {
                throw new IllegalArgumentException(witness ? "a factor witness has no shift" : "a factor completion needs a shift");
            }
        } else {
            if (c.verdict() != Verdict.SOLVED) throw new IllegalArgumentException("verdict " + c.verdict() + " does not belong to " + c.problem().id());
            if (c.value() == null) throw new IllegalArgumentException("a SOLVED " + c.problem().id() + " certificate needs a value");
            ComplexValue.parse(c.value());
        }
    }

    private static String bodyField(Problem p, Verdict v) {
        if (p == Problem.APPROXIMATE_SQUARING) return "answer";
        return v == Verdict.COMPLETABLE ? "completion" : "witness";
    }

    private static String text(Rational r) {
        return r.toDecimalString();
    }

    private static void writeBody(JsonGenerator g, Body body) throws IOException {
        g.writeStartObject();
        g.writeStringField("form", body.form());
        if (body instanceof Body.Entries e) {
            g.writeFieldName("entries");
            writeEntries(g, e.entries());
        } else if (body instanceof Body.Factor f) {
            g.writeFieldName("factor");
            writeMatrix(g, f.factor());
            if (f.shift() != null) g.writeStringField("shift", text(f.shift()));
        } else if (body instanceof Body.Ldl l) {
            g.writeFieldName("order");
            g.writeStartArray();
            for (int p : l.order()) g.writeNumber(p + 1);
            g.writeEndArray();
            g.writeFieldName("l");
            writeEntries(g, l.l());
            g.writeFieldName("d");
            g.writeStartArray();
            for (Rational d : l.d()) g.writeString(text(d));
            g.writeEndArray();
        } else if (body instanceof Body.Chordal ch) {
            g.writeFieldName("order");
            g.writeStartArray();
            for (int p : ch.order()) g.writeNumber(p + 1);
            g.writeEndArray();
            if (!ch.fill().isEmpty()) {
                g.writeFieldName("fill");
                writeEntries(g, ch.fill());
            }
        }
        g.writeEndObject();
    }

    private static void writeEntries(JsonGenerator g, List<Entry> entries) throws IOException {
        g.writeStartArray();
        for (Entry e : entries) {
            g.writeStartArray();
            g.writeNumber(e.i() + 1);
            g.writeNumber(e.j() + 1);
            g.writeString(text(e.value()));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeMatrix(JsonGenerator g, RationalMatrix m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rows", m.rows());
        g.writeNumberField("cols", m.cols());
        g.writeFieldName("data");
        g.writeStartArray();
        RationalArray a = m.exactValues();
        char[] buf = new char[DecimalText.MAX_CHARS];
        for (int k = 0; k < a.size(); k++) {
            // Compact decimals (every factor a solver rounds) are written without a Rational per value.
            int len = a.isCompact(k) ? DecimalText.write(a.unscaled(k), a.exponent(k), buf) : -1;
            if (len >= 0) g.writeString(buf, 0, len);
            else g.writeString(text(a.get(k)));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- reading

    /** Reads a certificate file; an unreadable file is an {@link InputException} on line 0. */
    public static Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    public static Certificate read(byte[] content, String name) {
        return read(new ByteArrayInputStream(content), name);
    }

    /** Reads one document from the stream (not closed here). */
    public static Certificate read(InputStream in, String name) {
        try (JsonInput j = new JsonInput(in, name)) {
            return new DocumentReader(j).read();
        }
    }

    /** A body as parsed, before its meaning (completion or witness) is known. */
    private static final class RawBody {
        long line;
        String form;
        long formLine;
        List<Entry> entries;
        RationalMatrix factor;
        Rational shift;
        long shiftLine;
        int[] order;
        long orderLine;
        List<Entry> l;
        List<Entry> fill;
        Rational[] d;
        long dLine;
        final List<String> fields = new ArrayList<>();
        final List<Long> fieldLines = new ArrayList<>();
    }

    private static final class DocumentReader {
        private final JsonInput j;
        private String format;
        private long formatLine;
        private String problem;
        private long problemLine;
        private String sha;
        private long shaLine;
        private String verdict;
        private long verdictLine;
        private String bodyName;
        private RawBody body;
        private String value;
        private long valueLine;
        private Boolean exact;
        private long exactLine;
        private Rational errorBound;
        private long errorBoundLine;

        DocumentReader(JsonInput j) {
            this.j = j;
        }

        Certificate read() {
            j.expectNext(JsonToken.START_OBJECT, "a JSON object");
            while (j.next() == JsonToken.FIELD_NAME) {
                String f = j.currentName();
                switch (f) {
                    case "format" -> {
                        format = j.nextString("\"format\"");
                        formatLine = j.line();
                    }
                    case "problem" -> {
                        problem = j.nextString("\"problem\"");
                        problemLine = j.line();
                    }
                    case "instance_sha256" -> {
                        sha = j.nextString("\"instance_sha256\"");
                        shaLine = j.line();
                    }
                    case "verdict" -> {
                        verdict = j.nextString("\"verdict\"");
                        verdictLine = j.line();
                    }
                    case "completion", "witness", "answer" -> {
                        if (bodyName != null) throw j.error("both \"" + bodyName + "\" and \"" + f + "\" present");
                        bodyName = f;
                        body = readBody();
                    }
                    case "value" -> {
                        value = j.nextString("\"value\"");
                        valueLine = j.line();
                    }
                    case "exact" -> {
                        exact = j.nextBoolean("\"exact\"");
                        exactLine = j.line();
                    }
                    case "error_bound" -> {
                        errorBound = j.nextRational("\"error_bound\"");
                        errorBoundLine = j.line();
                    }
                    default -> throw j.error("unknown field \"" + f + "\"");
                }
            }
            long end = j.line();
            j.expectEnd();
            return assemble(end);
        }

        private InputException at(long line, String message) {
            return new InputException(j.file(), line, message);
        }

        private Certificate assemble(long end) {
            if (format == null) throw at(end, "missing field \"format\"");
            if (!format.equals(Certificate.FORMAT)) {
                throw at(formatLine, format.startsWith("mcs-certificate/")
                        ? "unsupported certificate version '" + format + "' (this program reads " + Certificate.FORMAT + ")"
                        : "unknown format '" + format + "' (expected " + Certificate.FORMAT + ")");
            }
            if (problem == null) throw at(end, "missing field \"problem\"");
            Problem p;
            try {
                p = Problem.fromId(problem);
            } catch (IllegalArgumentException e) {
                throw at(problemLine, e.getMessage());
            }
            if (sha == null) throw at(end, "missing field \"instance_sha256\"");
            if (!SHA.matcher(sha).matches()) throw at(shaLine, "\"instance_sha256\" must be 64 lower-case hex digits, got '" + sha + "'");
            if (verdict == null) throw at(end, "missing field \"verdict\"");
            Verdict v;
            try {
                v = Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                throw at(verdictLine, "unknown verdict '" + verdict + "'");
            }
            boolean matrixProblem = p == Problem.PSD_COMPLETION || p == Problem.APPROXIMATE_SQUARING;
            if (v == Verdict.UNKNOWN) {
                rejectBody("with verdict UNKNOWN");
                rejectValue("with verdict UNKNOWN");
                return new Certificate(p, sha, v, null, null, false, null);
            }
            if (matrixProblem) {
                rejectValue("in a " + p.id() + " certificate");
                String want;
                if (p == Problem.APPROXIMATE_SQUARING) {
                    if (v != Verdict.SOLVED) throw at(verdictLine, "approximate-squaring verdicts are SOLVED or UNKNOWN, got " + v);
                    want = "answer";
                } else {
                    if (v == Verdict.SOLVED) throw at(verdictLine, "psd-completion verdicts are COMPLETABLE, NOT_COMPLETABLE or UNKNOWN, got SOLVED");
                    want = v == Verdict.COMPLETABLE ? "completion" : "witness";
                }
                if (body == null) throw at(end, "missing field \"" + want + "\"");
                if (!bodyName.equals(want)) throw at(body.line, "field \"" + bodyName + "\" does not fit verdict " + v + " (expected \"" + want + "\")");
                if (body.form != null && body.form.equals("chordal") && !want.equals("completion")) {
                    throw at(body.formLine, "form \"chordal\" is only for psd-completion COMPLETABLE certificates");
                }
                Body b = toBody(body, want.equals("witness"));
                return new Certificate(p, sha, v, b, null, true, null);
            }
            rejectBody("in a " + p.id() + " certificate");
            if (v != Verdict.SOLVED) throw at(verdictLine, p.id() + " verdicts are SOLVED or UNKNOWN, got " + v);
            if (value == null) throw at(end, "missing field \"value\"");
            String bad = JsonInput.numberText(value);
            if (bad != null) throw at(valueLine, "\"value\" " + bad);
            try {
                ComplexValue.parse(value);
            } catch (NumberFormatException | ArithmeticException e) {
                throw at(valueLine, "\"value\" '" + value + "' is not an exact number: " + e.getMessage());
            }
            if (exact == null) throw at(end, "missing field \"exact\"");
            if (exact && errorBound != null) throw at(errorBoundLine, "\"error_bound\" is allowed only when \"exact\" is false");
            if (errorBound != null && errorBound.signum() < 0) throw at(errorBoundLine, "\"error_bound\" must not be negative");
            return new Certificate(p, sha, v, null, value, exact, errorBound);
        }

        private void rejectBody(String why) {
            if (body != null) throw at(body.line, "unexpected field \"" + bodyName + "\" " + why);
        }

        private void rejectValue(String why) {
            if (value != null) throw at(valueLine, "unexpected field \"value\" " + why);
            if (exact != null) throw at(exactLine, "unexpected field \"exact\" " + why);
            if (errorBound != null) throw at(errorBoundLine, "unexpected field \"error_bound\" " + why);
        }

        private Body toBody(RawBody r, boolean witness) {
            if (r.form == null) throw at(r.line, "missing field \"form\"");
            List<String> allowed = switch (r.form) {
                case "entries" -> List.of("form", "entries");
                case "factor" -> witness ? List.of("form", "factor") : List.of("form", "factor", "shift");
                case "ldl" -> {
                    if (!witness) throw at(r.formLine, "form \"ldl\" is only for NOT_COMPLETABLE witnesses");
                    yield List.of("form", "order", "l", "d");
                }
                case "chordal" -> r.fields.contains("fill") ? List.of("form", "order", "fill") : List.of("form", "order");
                default -> throw at(r.formLine, "unknown form '" + r.form + "' (known: entries, factor, ldl, chordal)");
            };
            for (int k = 0; k < r.fields.size(); k++) {
                if (!allowed.contains(r.fields.get(k))) throw at(r.fieldLines.get(k), "field \"" + r.fields.get(k) + "\" does not belong to form \"" + r.form + "\"" + (witness ? " in a witness" : ""));
            }
            for (String f : allowed) {
                if (!r.fields.contains(f)) throw at(r.line, "missing field \"" + f + "\" in form \"" + r.form + "\"");
            }
            return switch (r.form) {
                case "entries" -> new Body.Entries(r.entries);
                case "chordal" -> new Body.Chordal(r.order, r.fill == null ? List.of() : r.fill);
                case "factor" -> {
                    if (r.shift != null && r.shift.signum() < 0) throw at(r.shiftLine, "\"shift\" must not be negative");
                    yield new Body.Factor(r.factor, r.shift);
                }
                default -> {
                    int n = r.order.length;
                    if (r.d.length != n) throw at(r.dLine, "\"d\" has " + r.d.length + " entries but \"order\" has " + n);
                    for (Entry e : r.l) {
                        if (e.i() >= n) throw at(r.orderLine, "\"l\" has an entry in row " + (e.i() + 1) + " but the order is " + n);
                    }
                    yield new Body.Ldl(r.order, r.l, r.d);
                }
            };
        }

        private RawBody readBody() {
            RawBody r = new RawBody();
            j.expectNext(JsonToken.START_OBJECT, "a body object");
            r.line = j.line();
            while (j.next() == JsonToken.FIELD_NAME) {
                String f = j.currentName();
                r.fields.add(f);
                r.fieldLines.add(j.line());
                switch (f) {
                    case "form" -> {
                        r.form = j.nextString("\"form\"");
                        r.formLine = j.line();
                    }
                    case "entries" -> r.entries = readEntries(null);
                    case "factor" -> r.factor = readMatrix();
                    case "shift" -> {
                        r.shift = j.nextRational("\"shift\"");
                        r.shiftLine = j.line();
                    }
                    case "order" -> {
                        r.orderLine = j.line();
                        r.order = readOrder();
                    }
                    case "l" -> r.l = readEntries("\"l\"");
                    case "fill" -> r.fill = readEntries("\"fill\"");
                    case "d" -> {
                        r.dLine = j.line();
                        r.d = readRationals("\"d\"");
                    }
                    default -> throw j.error("unknown field \"" + f + "\" in a body");
                }
            }
            return r;
        }

        /** [[i, j, "v"], …] with i ≥ j ≥ 1; i &gt; j when {@code strictName} (the field's name, for errors) is not null. */
        private List<Entry> readEntries(String strictName) {
            j.expectNext(JsonToken.START_ARRAY, "a list of entries [i, j, \"value\"]");
            List<Entry> out = new ArrayList<>();
            JsonToken t;
            while ((t = j.next()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) throw j.error("expected an entry [i, j, \"value\"], got " + j.describe(t));
                int i = j.nextInt("entry row index", 1, Integer.MAX_VALUE);
                int c = j.nextInt("entry column index", 1, Integer.MAX_VALUE);
                if (i < c) throw j.error("entry (" + i + "," + c + ") is above the diagonal: entries need i >= j");
                if (strictName != null && i == c) throw j.error(strictName + " lists only strictly lower entries (i > j), got (" + i + "," + c + ")");
                Rational v = j.nextRational("entry value");
                t = j.next();
                if (t != JsonToken.END_ARRAY) throw j.error("an entry has exactly three elements [i, j, \"value\"]");
                out.add(new Entry(i - 1, c - 1, v));
            }
            return out;
        }

        /** A permutation of 1..n (n = its length); an error names the line of the offending element. */
        private int[] readOrder() {
            j.expectNext(JsonToken.START_ARRAY, "\"order\" as a list of indices");
            int[] values = new int[16];
            long[] lines = new long[16];
            int n = 0;
            JsonToken t;
            while ((t = j.next()) != JsonToken.END_ARRAY) {
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, 2 * n);
                    lines = java.util.Arrays.copyOf(lines, 2 * n);
                }
                values[n] = j.intValue(t, "an index of \"order\"", 1, Integer.MAX_VALUE);
                lines[n++] = j.line();
            }
            int[] order = new int[n];
            boolean[] seen = new boolean[n];
            for (int k = 0; k < n; k++) {
                int p = values[k];
                if (p > n || seen[p - 1]) {
                    throw at(lines[k], "\"order\" is not a permutation of 1.." + n + ": element " + (k + 1) + " is " + p
                            + (p > n ? " (out of range)" : " (repeated)"));
                }
                seen[p - 1] = true;
                order[k] = p - 1;
            }
            return order;
        }

        private Rational[] readRationals(String what) {
            j.expectNext(JsonToken.START_ARRAY, what + " as a list of strings");
            List<Rational> list = new ArrayList<>();
            JsonToken t;
            while ((t = j.next()) != JsonToken.END_ARRAY) list.add(j.rationalValue(t, "an element of " + what));
            return list.toArray(new Rational[0]);
        }

        private RationalMatrix readMatrix() {
            j.expectNext(JsonToken.START_OBJECT, "a matrix {\"rows\", \"cols\", \"data\"}");
            long line = j.line();
            Integer rows = null, cols = null;
            DataList data = null;
            long dataLine = 0;
            while (j.next() == JsonToken.FIELD_NAME) {
                String f = j.currentName();
                switch (f) {
                    case "rows" -> rows = j.nextInt("\"rows\"", 0, Integer.MAX_VALUE);
                    case "cols" -> cols = j.nextInt("\"cols\"", 0, Integer.MAX_VALUE);
                    case "data" -> {
                        j.expectNext(JsonToken.START_ARRAY, "\"data\" as a list of strings");
                        dataLine = j.line();
                        data = new DataList(rows != null && cols != null ? (long) rows * cols : 16);
                        JsonToken t;
                        while ((t = j.next()) != JsonToken.END_ARRAY) data.add(j, t);
                    }
                    default -> throw j.error("unknown field \"" + f + "\" in a matrix");
                }
            }
            if (rows == null) throw at(line, "missing field \"rows\" in a matrix");
            if (cols == null) throw at(line, "missing field \"cols\" in a matrix");
            if (data == null) throw at(line, "missing field \"data\" in a matrix");
            if ((long) rows * cols != data.size()) throw at(dataLine, "\"data\" has " + data.size() + " entries, expected rows·cols = " + ((long) rows * cols));
            return data.matrix(rows, cols);
        }
    }

    /**
     * The elements of a matrix's {@code data} list as they are read, straight into a {@link RationalArray} and its
     * doubles: plain decimals (a solver's rounded factor) take the allocation-free {@link DecimalText#parse};
     * anything else goes through {@link JsonInput#rationalValue}, with its checks and messages. 18 bytes per
     * element (10^7 elements: 180 MB) instead of a {@link Rational} each. The arrays start at most 2^16 long and
     * grow by doubling, so a declared rows·cols allocates nothing before the data are there.
     */
    private static final class DataList {
        private RationalArray exact;
        private double[] approx;
        private int size;

        DataList(long expected) {
            int cap = (int) Math.max(16, Math.min(expected, 1 << 16));
            exact = new RationalArray(cap);
            approx = new double[cap];
        }

        void add(JsonInput j, JsonToken t) {
            if (size == exact.size()) grow(j);
            if (t == JsonToken.VALUE_STRING) {
                char[] c = j.textCharacters();
                if (c != null && DecimalText.parse(c, j.textOffset(), j.textLength(), exact, approx, size)) {
                    size++;
                    return;
                }
            }
            Rational r = j.rationalValue(t, "an element of \"data\"");
            exact.set(size, r);
            approx[size++] = r.toDouble();
        }

        private void grow(JsonInput j) {
            if (size >= Integer.MAX_VALUE - 8) throw j.error("\"data\" has more than " + size + " entries");
            int cap = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
            RationalArray e = new RationalArray(cap);
            for (int k = 0; k < size; k++) {
                if (exact.isCompact(k)) e.setDecimal(k, exact.unscaled(k), exact.exponent(k));
                else e.set(k, exact.get(k));
            }
            exact = e;
            approx = java.util.Arrays.copyOf(approx, cap);
        }

        int size() {
            return size;
        }

        RationalMatrix matrix(int rows, int cols) {
            if (size != exact.size()) {
                RationalArray e = new RationalArray(size);
                for (int k = 0; k < size; k++) {
                    if (exact.isCompact(k)) e.setDecimal(k, exact.unscaled(k), exact.exponent(k));
                    else e.set(k, exact.get(k));
                }
                exact = e;
                approx = java.util.Arrays.copyOf(approx, size);
            }
            return new RationalMatrix(rows, cols, exact, approx);
        }
    }
}
