package mcs.verifier.serve.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the service, and what runs before and around them: security headers, who is asking
 * (an API token in {@code Authorization: Bearer}, or a session cookie for the pages), the upload size
 * check, the per-token rate limit of submissions, the request log, and errors as JSON (or, for a browser
 * page, as HTML carrying the same message) — never a stack trace.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger("mcs.verifier.serve.http");

    /** Every route: method and path (the OpenAPI file lists the API's; a test compares them). */
    public static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/health"},
            new String[] {"GET", "/api/v1/instances"},
            new String[] {"GET", "/api/v1/instances/{id}"},
            new String[] {"POST", "/api/v1/submissions"},
            new String[] {"GET", "/api/v1/submissions"},
            new String[] {"GET", "/api/v1/submissions/{id}"},
            new String[] {"GET", "/api/v1/leaderboards"},
            new String[] {"GET", "/api/v1/leaderboards/{problem}/{tier}"},
            new String[] {"GET", "/api/v1/blobs/{sha256}"},
            new String[] {"GET", "/api/v1/me"});

    private Routes() {}

    public static void install(JavalinConfig cfg, App app, AtomicBoolean ready, long maxUpload) {
        Api api = new Api(app);
        Pages pages = new Pages(app);
        var r = cfg.routes;
        cfg.requestLogger.http((ctx, ms) -> LOG.atInfo().addKeyValue("method", ctx.method().toString()).addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.status().getCode()).addKeyValue("ms", Math.round(ms))
                .addKeyValue("user", Web.who(ctx).map(p -> p.user().name()).orElse(null)).log("request"));
        r.before(ctx -> before(ctx, app, maxUpload));
        r.get("/health", ctx -> health(ctx, app, ready.get()));
        r.get("/static/mcs.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(Pages.script()));
        r.get("/api/v1/instances", api::instances);
        r.get("/api/v1/instances/{id}", api::instance);
        r.post("/api/v1/submissions", api::submit);
        r.get("/api/v1/submissions", api::mine);
        r.get("/api/v1/submissions/{id}", api::submission);
        r.get("/api/v1/leaderboards", api::leaderboards);
        r.get("/api/v1/leaderboards/{problem}/{tier}", api::leaderboard);
        r.get("/api/v1/blobs/{sha256}", api::blob);
        r.get("/api/v1/me", api::me);
        r.get("/", pages::home);
        r.get("/instances", pages::instances);
        r.get("/signin", pages::signinForm);
        r.post("/signin", pages::signin);
        r.post("/signout", pages::signout);
        r.get("/submit", pages::submitForms);
        r.post("/submit/descriptor", pages::submitDescriptor);
        r.post("/submit/claim", pages::submitClaim);
        r.post("/submit/solver", pages::submitSolver);
        r.get("/submissions/{id}", pages::submission);
        r.get("/submissions/{id}/arena-report", pages::arenaReport);
        r.get("/my", pages::mine);
        r.get("/leaderboards", pages::leaderboards);
        r.get("/leaderboards/{problem}/{tier}", pages::leaderboard);
        r.exception(ApiError.class, (e, ctx) -> error(ctx, e));
        r.exception(StoreException.class, (e, ctx) -> {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("store unavailable");
            error(ctx, new ApiError(503, "store", "the store is unavailable for the moment; retry shortly (nothing was stored)", 2));
        });
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, switch (e.getStatus()) {
            case 413 -> Multipart.tooLarge(maxUpload);
            case 404 -> new ApiError(404, "path", "no such page or endpoint: " + ctx.method() + " " + Html.abbreviate(ctx.path(), 80));
            case 405 -> new ApiError(405, "method", ctx.method() + " is not allowed on " + Html.abbreviate(ctx.path(), 80));
            default -> new ApiError(e.getStatus(), "request", String.valueOf(e.getMessage()));
        }));
        r.exception(Exception.class, (e, ctx) -> {
            if (Multipart.isTooLarge(e)) {
                error(ctx, Multipart.tooLarge(maxUpload));
                return;
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.atError().addKeyValue("incident", incident).addKeyValue("path", ctx.path()).setCause(e).log("internal error");
            error(ctx, new ApiError(500, null, "internal error (incident " + incident + " in the service's log); nothing was stored"));
        });
        r.error(404, ctx -> {
            if (ctx.result() == null) error(ctx, new ApiError(404, "path", "no such page or endpoint: " + ctx.method() + " " + Html.abbreviate(ctx.path(), 80)));
        });
        r.error(405, ctx -> {
            if (ctx.result() == null) error(ctx, new ApiError(405, "method", ctx.method() + " is not allowed on " + Html.abbreviate(ctx.path(), 80)));
        });
    }

    private static void before(Context ctx, App app, long maxUpload) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.startsWith("Bearer ")) throw new ApiError(401, "Authorization", "use 'Authorization: Bearer TOKEN'");
            String ip = ctx.ip();
            Accounts.Principal p = app.accounts().authenticate(auth.substring(7).trim()).orElse(null);
            if (p == null) {
                if (app.authFailures().acquire("auth:" + ip, 30) > 0)
                    throw new ApiError(429, "Authorization", "too many requests with a bad token from this address; wait a minute", 60);
                throw new ApiError(401, "Authorization", "this token is unknown, revoked or mistyped");
            }
            ctx.attribute(Web.WHO, p);
        } else {
            String session = ctx.cookie(Web.SESSION);
            if (session != null) app.accounts().session(session).ifPresent(p -> ctx.attribute(Web.WHO, p));
        }
        if (ctx.method() == HandlerType.POST) {
            String len = ctx.header("Content-Length");
            if (len != null) {
                long n;
                try {
                    n = Long.parseLong(len.trim());
                } catch (NumberFormatException e) {
                    throw new ApiError(400, "Content-Length", "not a number");
                }
                if (n > maxUpload) throw Multipart.tooLarge(maxUpload);
            }
            String path = ctx.path();
            if (path.equals("/api/v1/submissions") || path.startsWith("/submit/")) {
                Accounts.Principal who = Web.require(ctx);
                int per = app.intake().rate(who.user());
                int wait = app.rates().acquire("token:" + who.tokenId(), per);
                if (wait > 0) throw new ApiError(429, "Authorization", "rate limit of " + per + " submissions a minute reached for this token; retry in " + wait + " s", wait);
            }
        }
    }

    private static void health(Context ctx, App app, boolean ready) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean alive = app.db().alive();
        m.put("status", !ready ? "not ready" : alive ? "ok" : "store unavailable");
        m.put("store", app.db().display());
        if (alive) {
            try {
                m.put("jobs", app.queue().counts());
            } catch (StoreException e) {
                m.put("jobs", null);
            }
        }
        Web.json(ctx, ready && alive ? 200 : 503, m);
    }

    static void error(Context ctx, ApiError e) {
        if (e.retryAfter > 0) ctx.header("Retry-After", Integer.toString(e.retryAfter));
        if (wantsHtml(ctx)) {
            String body = "<p class=\"error\" id=\"error\" data-status=\"" + e.status + "\" data-field=\"" + Html.esc(e.field) + "\">" + Html.esc(e.getMessage())
                    + (e.field == null ? "" : " (field <code>" + Html.esc(e.field) + "</code>)") + "</p><p><a href=\"javascript:history.back()\">Back</a></p>";
            ctx.status(e.status).html(Html.page(ctx, "Error " + e.status, body, null));
        } else {
            Web.json(ctx, e.status, e.body());
        }
    }

    static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return !ctx.path().startsWith("/api/") && !ctx.path().equals("/health") && accept != null && accept.contains("text/html");
    }
}
