package mcs.verifier.serve.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mcs.verifier.serve.store.Accounts;

/** The pages' frame and escaping: plain HTML, one small script file, no JavaScript build chain. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#222}main{margin:1.5em 2em;max-width:80em}"
            + "nav{background:#1f3a5f;padding:.6em 2em;display:flex;gap:1.4em;align-items:center}nav a,nav span{color:#fff;text-decoration:none}"
            + "nav form{margin-left:auto}nav button{background:none;border:1px solid #fff;color:#fff;border-radius:3px;cursor:pointer}"
            + "table{border-collapse:collapse;margin:.6em 0 1.4em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
            + "th{background:#eee}.ACCEPTED,.CORRECT{color:#060;font-weight:bold}.REJECTED,.WRONG{color:#b00;font-weight:bold}"
            + ".UNVERIFIED,.limit,.failed{color:#a60;font-weight:bold}.queued,.running{color:#555;font-style:italic}"
            + "fieldset{margin:1em 0;border:1px solid #bbb}label{display:block;margin:.4em 0}code{font-size:90%}.error{color:#b00}";

    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String time(long ms) {
        return TIME.format(Instant.ofEpochMilli(ms));
    }

    /** A whole page: the navigation (with who is signed in and a sign-out form), then {@code body}. */
    static String page(Context ctx, String title, String body, String bodyAttributes) {
        String user = Web.who(ctx).map(Accounts.Principal::user).map(Accounts.User::name).orElse(null);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append(" · mcs</title><style>").append(STYLE)
                .append("</style><script src=\"/static/mcs.js\" defer></script></head><body").append(bodyAttributes == null ? "" : " " + bodyAttributes).append(">\n");
        b.append("<nav><a href=\"/\"><b>mcs</b></a><a href=\"/instances\">Instances</a><a href=\"/submit\">Submit</a><a href=\"/leaderboards\">Leaderboards</a>");
        if (user != null) {
            b.append("<a href=\"/my\">My submissions</a><span id=\"user\">signed in as ").append(esc(user)).append("</span>")
                    .append("<form method=\"post\" action=\"/signout\">").append(csrfField(ctx)).append("<button type=\"submit\">Sign out</button></form>");
        } else {
            b.append("<a id=\"signin\" href=\"/signin\">Sign in</a>");
        }
        b.append("</nav>\n<main>\n<h1>").append(esc(title)).append("</h1>\n").append(body).append("\n</main></body></html>\n");
        return b.toString();
    }

    static String csrfField(Context ctx) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(Web.csrf(ctx)) + "\">";
    }

    static String abbreviate(String v, int max) {
        if (v == null) return "";
        return v.length() <= max ? v : v.substring(0, max / 2) + "…" + v.substring(v.length() - max / 4);
    }
}
