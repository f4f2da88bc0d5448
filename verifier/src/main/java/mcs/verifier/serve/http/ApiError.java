package mcs.verifier.serve.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request: answered with its HTTP status and the JSON body
 * {@code {"error": {"status": S, "field": F, "message": M}}}, where {@code field} names the request part at
 * fault (a form or multipart field, a header, a path parameter, or {@code body}). Never a stack trace.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int status;
    public final String field;
    /** Seconds to wait before retrying (429, 503), or 0. */
    public final int retryAfter;

    public ApiError(int status, String field, String message) {
        this(status, field, message, 0);
    }

    public ApiError(int status, String field, String message, int retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public Map<String, Object> body() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("field", field);
        e.put("message", getMessage());
        return Map.of("error", e);
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }
}
