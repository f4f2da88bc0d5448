package mcs.verifier.submit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.io.InputException;

/**
 * A JSON document read into plain maps, lists, strings, numbers and booleans, remembering the line of every
 * value by its JSON pointer, so that a semantic error ("missing field", "unknown claim") can name its line.
 * Duplicate keys and trailing content are errors.
 */
final class LocatedJson {
    final Object root;
    private final Map<String, Long> lines = new HashMap<>();
    final String file;

    private LocatedJson(String file, JsonParser p) throws IOException {
        this.file = file;
        if (p.nextToken() == null) throw new InputException(file, 1, "empty file");
        root = value(p, "");
        if (p.nextToken() != null) throw new InputException(file, p.currentLocation().getLineNr(), "content after the JSON value");
    }

    static LocatedJson read(Path file) {
        JsonFactory f = JsonFactory.builder().build();
        try (JsonParser p = f.createParser(file.toFile())) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return new LocatedJson(file.toString(), p);
        } catch (JsonParseException e) {
            throw new InputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private Object value(JsonParser p, String pointer) throws IOException {
        lines.put(pointer, (long) p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p, pointer + "/" + k));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p, pointer + "/" + l.size()));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new InputException(file, p.currentTokenLocation().getLineNr(), "unexpected " + t);
        }
    }

    /** The line of the value at a JSON pointer, or of its nearest ancestor that exists. */
    long line(String pointer) {
        String p = pointer;
        while (!lines.containsKey(p) && !p.isEmpty()) p = p.substring(0, p.lastIndexOf('/'));
        return lines.getOrDefault(p, 1L);
    }

    InputException error(String pointer, String message) {
        return new InputException(file, line(pointer), message);
    }
}
