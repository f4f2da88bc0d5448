package mcs.problems.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import mcs.problems.exact.Rational;

/**
 * A thin strict cursor over Jackson's streaming parser: every failure, syntactic or semantic, becomes an
 * {@link InputException} with the file and the 1-based line of the offending token. Duplicate keys are
 * refused. Closing closes the parser, not the stream.
 */
final class JsonInput implements AutoCloseable {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser p;
    private final String file;

    JsonInput(InputStream in, String file) {
        this.file = file;
        try {
            this.p = FACTORY.createParser(in);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    String file() {
        return file;
    }

    /** Line of the current token (1-based). */
    long line() {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    InputException error(String message) {
        return new InputException(file, line(), message);
    }

    JsonToken next() {
        try {
            JsonToken t = p.nextToken();
            return t;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(file, loc == null ? line() : Math.max(loc.getLineNr(), 0), "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, line(), "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    /** Skips the value whose first token is current (an array or object with all its content; a scalar is already consumed). */
    void skipCurrentValue() {
        try {
            p.skipChildren();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(file, loc == null ? line() : Math.max(loc.getLineNr(), 0), "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, line(), "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }

    JsonToken current() {
        return p.currentToken();
    }

    String currentName() {
        try {
            return p.currentName();
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    /** Advances and demands token t, describing {@code what} in the message otherwise. */
    void expectNext(JsonToken t, String what) {
        JsonToken got = next();
        if (got != t) throw error("expected " + what + ", got " + describe(got));
    }

    /** Demands the end of input after the top-level value. */
    void expectEnd() {
        JsonToken t = next();
        if (t != null) throw error("unexpected content after the JSON document");
    }

    String describe(JsonToken t) {
        if (t == null) return "end of input";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case FIELD_NAME -> "a field name";
            default -> t.toString();
        };
    }

    /** The next value as a string. */
    String nextString(String what) {
        expectNext(JsonToken.VALUE_STRING, what + " as a string");
        return text();
    }

    /**
     * The current string token's characters without allocating a String (valid until the next token), or null
     * when they are not plain ASCII printable characters or the token is longer than {@link NumberToken#MAX_TOKEN}:
     * such tokens take the general path with its checks.
     */
    char[] textCharacters() {
        try {
            char[] c = p.getTextCharacters();
            int off = p.getTextOffset(), len = p.getTextLength();
            if (len > NumberToken.MAX_TOKEN) return null;
            for (int i = off; i < off + len; i++) if (c[i] <= ' ' || c[i] >= 0x7F) return null;
            return c;
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    int textOffset() {
        try {
            return p.getTextOffset();
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    int textLength() {
        try {
            return p.getTextLength();
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    String text() {
        try {
            return p.getText();
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    /** The next value as a JSON integer in [min, max]. */
    int nextInt(String what, int min, int max) {
        JsonToken t = next();
        return intValue(t, what, min, max);
    }

    int intValue(JsonToken t, String what, int min, int max) {
        if (t != JsonToken.VALUE_NUMBER_INT) throw error("expected " + what + " as an integer, got " + describe(t));
        try {
            java.math.BigInteger v = p.getBigIntegerValue();
            if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0 || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw error(what + " " + v + " out of range " + min + ".." + max);
            }
            return v.intValue();
        } catch (IOException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
    }

    boolean nextBoolean(String what) {
        JsonToken t = next();
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        throw error("expected " + what + " as a boolean, got " + describe(t));
    }

    /** The next value as an exact number written as a string (decimal or p/q). */
    Rational nextRational(String what) {
        JsonToken t = next();
        return rationalValue(t, what);
    }

    Rational rationalValue(JsonToken t, String what) {
        if (t != JsonToken.VALUE_STRING) throw error("expected " + what + " as a string holding an exact number, got " + describe(t));
        String s = text();
        String bad = numberText(s);
        if (bad != null) throw error(what + " " + bad);
        try {
            return Rational.parse(s);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(what + " '" + s + "' is not an exact number: " + e.getMessage());
        }
    }

    /** A path named in a descriptor at {@code line}, relative to the descriptor's folder {@code dir}; empty or invalid -> one-line error. */
    static java.nio.file.Path path(java.nio.file.Path dir, String rel, String name, long line) {
        if (rel.isEmpty()) throw new InputException(name, line, "empty path");
        try {
            return dir.resolve(rel).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(name, line, "invalid path '" + rel + "': " + e.getReason());
        }
    }

    /**
     * Null when {@code s} may be handed to {@link Rational#parse}, else why not: that parser trims
     * whitespace and control characters (so {@code " 1/2\u0000"} would pass as 1/2) and takes time
     * quadratic in the length, so both are refused here. Limit: {@link NumberToken#MAX_TOKEN} characters.
     */
    static String numberText(String s) {
        if (s.length() > NumberToken.MAX_TOKEN) return "is a number of " + s.length() + " characters, longer than the " + NumberToken.MAX_TOKEN + " allowed";
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F) return "'" + s + "' is not an exact number: unexpected character U+" + String.format("%04X", (int) c);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            p.close();
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }
}
