package mcs.problems.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;

/**
 * The JSON descriptor of a hafnian, loop hafnian or permanent whose rows and columns repeat (the mcs extension
 * of SPEC §3.1 that issue 17 fixes):
 * <pre>
 *   {"problem": "hafnian" | "loop-hafnian", "matrix": "A.mtx", "repeats": [r1, …, rn]}
 *   {"problem": "permanent", "matrix": "A.mtx", "row_repeats": [r1, …], "col_repeats": [c1, …]}
 * </pre>
 * Paths are relative to the descriptor's folder. {@code repeats} is optional (default: every r_i = 1); for a
 * permanent, {@code repeats} means rows and columns alike and {@code row_repeats}/{@code col_repeats} may be
 * given separately instead (an absent one is all ones). A repeat of 0 deletes the row and column.
 *
 * <p>Refused, each with the file and line: unknown fields, a field given twice, {@code repeats} together with
 * {@code row_repeats}/{@code col_repeats}, {@code row_repeats} for a hafnian, a repeat that is not an integer,
 * negative, or larger than {@link RepeatedInstance#MAX_TOTAL}, a vector whose length is not the matrix order,
 * an odd total for a hafnian, row and column totals that differ; in the matrix file: everything
 * {@link MatrixMarketReader} refuses (NaN, Inf, …), a non-square matrix, an asymmetric matrix for a hafnian.
 *
 * <p>The result is a plain {@link PermInstance} when no repeat differs from 1 (so every ordinary solver
 * applies), else a {@link RepeatedInstance}. Its identity is the descriptor's SHA-256, as for MC2.
 *
 * @param repeatsLine line of the {@code repeats} (or {@code row_repeats}) array, for messages
 * @param colLine line of {@code col_repeats}
 */
public record RepeatDescriptor(Path file, Problem problem, long problemLine, Path matrix, int[] rows, long repeatsLine, int[] cols, long colLine) {

    /** The problem a descriptor names, with the line of its value; the rest of the document is only skimmed. */
    public record Named(Problem problem, long line) {}

    /** Reads just the {@code "problem"} field of a JSON descriptor. */
    public static Named peekProblem(Path descriptor) {
        String name = descriptor.toString();
        try (InputStream in = Files.newInputStream(descriptor); JsonInput j = new JsonInput(in, name)) {
            j.expectNext(JsonToken.START_OBJECT, "a JSON object");
            while (j.next() == JsonToken.FIELD_NAME) {
                if (j.currentName().equals("problem")) {
                    String p = j.nextString("\"problem\"");
                    long line = j.line();
                    try {
                        return new Named(Problem.fromId(p), line);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(name, line, e.getMessage());
                    }
                }
                j.next();
                j.skipCurrentValue();
            }
            throw new InputException(name, j.line(), "missing field \"problem\"");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    /** Parses a descriptor (does not read the matrix). */
    public static RepeatDescriptor read(Path descriptor) {
        String name = descriptor.toString();
        try (InputStream in = Files.newInputStream(descriptor)) {
            return read(in, descriptor);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    static RepeatDescriptor read(InputStream in, Path descriptor) {
        String name = descriptor.toString();
        try (JsonInput j = new JsonInput(in, name)) {
            j.expectNext(JsonToken.START_OBJECT, "a JSON object");
            String problem = null, matrix = null;
            long problemLine = 0, matrixLine = 0, repLine = 0, rowLine = 0, colLine = 0;
            int[] rep = null, row = null, col = null;
            while (j.next() == JsonToken.FIELD_NAME) {
                String field = j.currentName();
                switch (field) {
                    case "problem" -> {
                        problem = j.nextString("\"problem\"");
                        problemLine = j.line();
                    }
                    case "matrix" -> {
                        matrix = j.nextString("\"matrix\"");
                        matrixLine = j.line();
                    }
                    case "repeats" -> {
                        j.expectNext(JsonToken.START_ARRAY, "\"repeats\" as an array of integers");
                        repLine = j.line();
                        rep = repeats(j, "repeats");
                    }
                    case "row_repeats" -> {
                        j.expectNext(JsonToken.START_ARRAY, "\"row_repeats\" as an array of integers");
                        rowLine = j.line();
                        row = repeats(j, "row_repeats");
                    }
                    case "col_repeats" -> {
                        j.expectNext(JsonToken.START_ARRAY, "\"col_repeats\" as an array of integers");
                        colLine = j.line();
                        col = repeats(j, "col_repeats");
                    }
                    default -> throw j.error("unknown field \"" + field + "\" (known: problem, matrix, repeats, row_repeats, col_repeats)");
                }
            }
            long endLine = j.line();
            j.expectEnd();
            if (problem == null) throw new InputException(name, endLine, "missing field \"problem\"");
            Problem p;
            try {
                p = Problem.fromId(problem);
            } catch (IllegalArgumentException e) {
                throw new InputException(name, problemLine, e.getMessage());
            }
            if (p != Problem.HAFNIAN && p != Problem.LOOP_HAFNIAN && p != Problem.PERMANENT) {
                throw new InputException(name, problemLine, "a descriptor with \"matrix\" describes hafnian, loop-hafnian or permanent, not " + problem);
            }
            if (matrix == null) throw new InputException(name, endLine, "missing field \"matrix\"");
            if (rep != null && (row != null || col != null)) {
                throw new InputException(name, row != null ? rowLine : colLine, "give either \"repeats\" or \"row_repeats\"/\"col_repeats\", not both");
            }
            if (p != Problem.PERMANENT && (row != null || col != null)) {
                throw new InputException(name, row != null ? rowLine : colLine, p.id() + " repeats rows and columns alike: use \"repeats\"");
            }
            Path m = JsonInput.path(descriptor.toAbsolutePath().getParent(), matrix, name, matrixLine);
            if (rep != null) return new RepeatDescriptor(descriptor, p, problemLine, m, rep, repLine, rep, repLine);
            return new RepeatDescriptor(descriptor, p, problemLine, m, row, rowLine, col, colLine);
        }
    }

    private static int[] repeats(JsonInput j, String what) {
        List<Integer> out = new ArrayList<>();
        JsonToken t;
        while ((t = j.next()) != JsonToken.END_ARRAY) {
            String item = what + "[" + (out.size() + 1) + "]";
            if (t != JsonToken.VALUE_NUMBER_INT) throw j.error("expected " + item + " as an integer, got " + j.describe(t));
            int v = j.intValue(t, item, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (v < 0) throw j.error(item + " = " + v + " is negative; a repeat is a count >= 0");
            if (v > RepeatedInstance.MAX_TOTAL) throw j.error(item + " = " + v + " exceeds " + RepeatedInstance.MAX_TOTAL);
            out.add(v);
            if (out.size() > RepeatedInstance.MAX_TOTAL) throw j.error(what + " has more than " + RepeatedInstance.MAX_TOTAL + " elements");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Loads the instance: the matrix is any square Matrix Market matrix ({@code integer}, {@code real},
     * {@code complex}, {@code pattern}; symmetric storage expanded), symmetric for hafnians (any order: the
     * total decides parity). Errors in the matrix name the matrix file; errors of the repeats name the
     * descriptor's line. O(n²).
     */
    public Instance load() {
        String name = file.toString();
        MatrixMarketData d = MatrixMarketReader.read(matrix);
        PermInstance base = MatrixMarketInstances.toPerm(d, problem, false);
        int n = base.n();
        int[] r = rows == null ? ones(n) : rows, c = cols == null ? ones(n) : cols;
        if (r.length != n) throw new InputException(name, repeatsLine, lengthMessage(rows == cols ? "repeats" : "row_repeats", r.length, n, d));
        if (c.length != n) throw new InputException(name, colLine, lengthMessage("col_repeats", c.length, n, d));
        long tr = 0, tc = 0;
        boolean ones = true;
        for (int i = 0; i < n; i++) {
            tr += r[i];
            tc += c[i];
            ones &= r[i] == 1 && c[i] == 1;
        }
        if (tr != tc) throw new InputException(name, colLine, "the row repeats sum to " + tr + " but the column repeats to " + tc + "; the expanded matrix must be square");
        if (tr > RepeatedInstance.MAX_TOTAL) throw new InputException(name, repeatsLine, "the repeats sum to " + tr + ", more than " + RepeatedInstance.MAX_TOTAL);
        if (problem == Problem.HAFNIAN && tr % 2 != 0) {
            throw new InputException(name, repeatsLine, "a hafnian needs an even total order; the repeats sum to " + tr);
        }
        if (ones) {
            if (problem == Problem.HAFNIAN && n % 2 != 0) throw new InputException(name, repeatsLine, "hafnian needs even order, got " + n);
            return base;
        }
        return new RepeatedInstance(base, r, c);
    }

    private static String lengthMessage(String field, int got, int n, MatrixMarketData d) {
        return "\"" + field + "\" has " + got + " elements but the matrix " + d.file() + " has order " + n;
    }

    private static int[] ones(int n) {
        int[] o = new int[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /**
     * The descriptor text for an instance written next to its matrix file {@code matrixRelative}: {@code
     * repeats} for hafnians, {@code row_repeats}/{@code col_repeats} for permanents (omitted for a plain
     * instance); deterministic, with a final newline.
     */
    static byte[] json(Instance instance, String matrixRelative) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = JsonInput.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("problem", instance.problem().id());
            g.writeStringField("matrix", matrixRelative);
            if (instance instanceof RepeatedInstance r) {
                if (r.problem() == Problem.PERMANENT) {
                    array(g, "row_repeats", r.rowRepeats());
                    array(g, "col_repeats", r.colRepeats());
                } else {
                    array(g, "repeats", r.rowRepeats());
                }
            }
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void array(JsonGenerator g, String field, int[] v) throws IOException {
        g.writeArrayFieldStart(field);
        for (int x : v) g.writeNumber(x);
        g.writeEndArray();
    }
}
