package mcs.problems.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Layout of certificate JSON: objects one field per line, indented by two spaces; the long lists
 * ({@code entries}, {@code l}, {@code data}) one element per line, so that the line of a bad element is
 * meaningful; every other array on one line without spaces. Stateful: one instance per document.
 */
final class CertificatePrinter implements PrettyPrinter {
    private static final Set<String> LONG_LISTS = Set.of("entries", "l", "data");
    private final ArrayDeque<Boolean> arrays = new ArrayDeque<>();
    private int depth;

    private void newline(JsonGenerator g, int level) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < level; i++) g.writeRaw("  ");
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        depth--;
        if (nrOfEntries > 0) newline(g, depth);
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g, depth);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        JsonStreamContext parent = g.getOutputContext().getParent();
        boolean broken = parent != null && parent.inObject() && LONG_LISTS.contains(parent.getCurrentName());
        arrays.push(broken);
        if (broken) depth++;
        g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (Boolean.TRUE.equals(arrays.peek())) newline(g, depth);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        if (Boolean.TRUE.equals(arrays.peek())) newline(g, depth);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        boolean broken = arrays.pop();
        if (broken) {
            depth--;
            if (nrOfValues > 0) newline(g, depth);
        }
        g.writeRaw(']');
    }
}
