package mcs.verifier.serve.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import mcs.verifier.serve.store.Accounts;

/** What every handler needs: JSON out, who is asking, and the CSRF check of forms. */
public final class Web {
    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    static final String SESSION = "mcs_session";
    static final String CSRF = "mcs_csrf";
    static final String WHO = "mcs.who";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Web() {}

    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The principal found by the service's before-handler (API token or session), if any. */
    public static Optional<Accounts.Principal> who(Context ctx) {
        return Optional.ofNullable(ctx.attribute(WHO));
    }

    /** The principal, or 401 naming the header. */
    public static Accounts.Principal require(Context ctx) {
        return who(ctx).orElseThrow(() -> new ApiError(401, "Authorization",
                "sign in: send 'Authorization: Bearer TOKEN' (a token from 'mcs serve user add'), or sign in on /signin"));
    }

    /** The CSRF value of this browser (a cookie set on first sight), to put in every form. */
    static String csrf(Context ctx) {
        String v = ctx.cookie(CSRF);
        if (v == null || v.length() != 43) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            v = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ctx.cookie(cookie(CSRF, v, -1));
            ctx.attribute(CSRF, v);
        }
        String fresh = ctx.attribute(CSRF);
        return fresh != null ? fresh : v;
    }

    /**
     * A form post must carry the value of its browser's CSRF cookie in the field {@code csrf}
     * (double-submit; the cookie is SameSite=Strict, so another site can neither send nor read it), and an
     * Origin, when the browser sends one, must be this service's own.
     */
    static void checkCsrf(Context ctx, String formValue) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && host != null && !origin.equals("null") && !origin.endsWith("://" + host))
            throw new ApiError(403, "Origin", "cross-site form post refused (Origin " + origin + ")");
        String cookie = ctx.cookie(CSRF);
        if (cookie == null || formValue == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), formValue.getBytes(StandardCharsets.US_ASCII)))
            throw new ApiError(403, "csrf", "the form's CSRF field is missing or does not match this browser's cookie; reload the page and try again");
    }

    static Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, false, true, null, SameSite.STRICT);
    }
}
