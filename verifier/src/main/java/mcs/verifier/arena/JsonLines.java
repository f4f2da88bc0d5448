package mcs.verifier.arena;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value of a JSON text, keyed by its JSON Pointer ({@code /solvers/1/solver}), so that a
 * plan's errors name the line of the very value at fault. Text that does not parse yields the lines read
 * up to the error (the parse error itself is reported by the tree reader).
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {}

    static Map<String, Long> of(String text) {
        Map<String, Long> out = new HashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>(); // {pointer, isArray, nextIndex or field name}
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.peek()[2] = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String here = pointerOfNext(stack);
                out.putIfAbsent(here, (long) p.currentTokenLocation().getLineNr());
                if (t == JsonToken.START_OBJECT) stack.push(new Object[] {here, false, null});
                else if (t == JsonToken.START_ARRAY) stack.push(new Object[] {here, true, 0});
            }
        } catch (IOException e) {
            // partial map: the caller reports the parse error with its own location
        }
        return out;
    }

    /** The pointer of the value about to be read, advancing the enclosing array's index. */
    private static String pointerOfNext(Deque<Object[]> stack) {
        Object[] top = stack.peek();
        if (top == null) return "";
        if ((Boolean) top[1]) {
            int i = (Integer) top[2];
            top[2] = i + 1;
            return top[0] + "/" + i;
        }
        return top[0] + "/" + escape((String) top[2]);
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
