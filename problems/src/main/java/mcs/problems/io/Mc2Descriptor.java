package mcs.problems.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * The JSON descriptor of SPEC §3.1, {@code {"problem": "approximate-squaring", "a": "A.mtx", "omega":
 * "omega.mtx"}}, with paths relative to the descriptor's folder. Reading is strict: exactly these three
 * string fields, a known problem name, no trailing content.
 *
 * @param problem the problem the descriptor names
 * @param problemLine the line of the {@code "problem"} value, for messages
 */
public record Mc2Descriptor(Path file, Problem problem, long problemLine, Path a, Path omega) {

    /** Parses a descriptor (does not read the matrices). */
    public static Mc2Descriptor read(Path descriptor) {
        String name = descriptor.toString();
        try (InputStream in = Files.newInputStream(descriptor)) {
            return read(in, descriptor);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    static Mc2Descriptor read(InputStream in, Path descriptor) {
        String name = descriptor.toString();
        try (JsonInput j = new JsonInput(in, name)) {
            j.expectNext(JsonToken.START_OBJECT, "a JSON object");
            String problem = null, a = null, omega = null;
            long problemLine = 0, aLine = 0, omegaLine = 0;
            while (j.next() == JsonToken.FIELD_NAME) {
                String field = j.currentName();
                switch (field) {
                    case "problem" -> {
                        problem = j.nextString("\"problem\"");
                        problemLine = j.line();
                    }
                    case "a" -> {
                        a = j.nextString("\"a\"");
                        aLine = j.line();
                    }
                    case "omega" -> {
                        omega = j.nextString("\"omega\"");
                        omegaLine = j.line();
                    }
                    default -> throw j.error("unknown field \"" + field + "\" (known: problem, a, omega)");
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
            if (p != Problem.APPROXIMATE_SQUARING) {
                throw new InputException(name, problemLine, "a JSON descriptor describes only approximate-squaring, not " + problem);
            }
            if (a == null) throw new InputException(name, endLine, "missing field \"a\"");
            if (omega == null) throw new InputException(name, endLine, "missing field \"omega\"");
            Path dir = descriptor.toAbsolutePath().getParent();
            return new Mc2Descriptor(descriptor, p, problemLine, JsonInput.path(dir, a, name, aLine), JsonInput.path(dir, omega, name, omegaLine));
        }
    }

    /**
     * Loads the instance: A is any {@code real} or {@code integer} matrix (array or coordinate; symmetric
     * storage is expanded), Ω a {@code coordinate pattern symmetric} n×n file. Errors in those files name
     * those files. O(n·k + n + m).
     */
    public Mc2Instance load() {
        MatrixMarketData ad = MatrixMarketReader.read(a);
        MatrixMarketHeader.Field f = ad.header().field();
        if (f != MatrixMarketHeader.Field.REAL && f != MatrixMarketHeader.Field.INTEGER) {
            throw new InputException(ad.file(), 1, "A must be a real or integer matrix, got '" + ad.header().bannerLine() + "'");
        }
        RationalMatrix am = MatrixMarketInstances.denseReal(ad);
        MatrixMarketData od = MatrixMarketReader.read(omega);
        MatrixMarketHeader oh = od.header();
        // Compare sizes before building Ω: its O(n) arrays must not follow a lying size line.
        if (oh.format() == MatrixMarketHeader.Format.COORDINATE && oh.field() == MatrixMarketHeader.Field.PATTERN && od.rows() != am.rows()) {
            throw new InputException(od.file(), od.sizeLine(), "Ω is " + od.rows() + "x" + od.cols() + " but A has " + am.rows() + " rows");
        }
        Pattern p = MatrixMarketInstances.toPattern(od);
        boolean whole = MatrixMarketInstances.listsWholeDiagonal(od);
        if (!whole) {
            // The instance records the diagonal with one flag; a partly listed diagonal would be read as
            // free, and the judge would accept answers that are wrong on the listed diagonal positions.
            for (int k = 0; k < od.entries(); k++) {
                if (od.row(k) == od.col(k)) {
                    throw od.errorAt(k, "Ω lists some diagonal positions but not all; list the whole diagonal (constrained) or none of it (free)");
                }
            }
        }
        return new Mc2Instance(am, p, whole);
    }

    /** Writes {@code {"problem": "approximate-squaring", "a": …, "omega": …}} and a newline, deterministically. */
    static byte[] json(String aRelative, String omegaRelative) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = JsonInput.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("problem", Problem.APPROXIMATE_SQUARING.id());
            g.writeStringField("a", aRelative);
            g.writeStringField("omega", omegaRelative);
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }
}
