package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.verifier.serve.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests that must be refused with a clean 4xx — a JSON error naming the field, no stack trace — and
 * leave nothing stored (no row, no blob, nothing under the blob store's tmp/): no token, a revoked token,
 * another user's files, the rate limit and the quota, oversized uploads, malformed JSON, path traversal in
 * file names, SQL metacharacters in every text field, and form posts without CSRF. Run on both stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceSecurityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_UPLOAD = 256 * 1024;
    /** The class's folder (a @TempDir field is not set before @BeforeAll). */
    Path dir;
    TestService s;
    /** This test's first account, and its name (each test has accounts of its own on the one service). */
    String alice, aliceName;
    int users;

    abstract StoreLocation store() throws IOException;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("mcs-security-test");
        // No workers: what is stored stays as the request left it.
        s = new TestService(TestService.config(dir.resolve("data"), store(), 0, MAX_UPLOAD, 1000, 1000));
    }

    @BeforeEach
    void account() {
        aliceName = user("alice");
        alice = s.token(aliceName);
    }

    String user(String base) {
        return base + "-" + (++users);
    }

    @AfterAll
    void stop() {
        if (s != null) s.close();
        mcs.verifier.serve.work.Scratch.delete(dir);
    }

    /** The response is a clean JSON error with this status, naming this field, and nothing was stored. */
    void refused(TestService.Res r, int status, String field, List<Long> before) throws IOException {
        assertEquals(status, r.status(), r.toString());
        JsonNode e = JSON.readTree(r.body()).path("error");
        assertEquals(status, e.path("status").asInt(), r.body());
        assertEquals(field, e.path("field").asText(null), r.body());
        assertFalse(e.path("message").asText("").isEmpty());
        for (String trace : List.of("Exception", "\tat ", "at mcs.", "at java.", "at io.javalin")) assertFalse(r.body().contains(trace), r.body());
        assertEquals(before, s.stored(), "nothing stored (rows of submissions, jobs, files, blobs, claims; blob files)");
        try {
            assertTrue(s.tmpFilesGone(), "the refused request left upload scratch files behind");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }

    @Test
    void acceptedSampleIsStoredAndQueued() throws Exception {
        List<Long> before = s.stored();
        TestService.Res r = s.post("/api/v1/submissions", alice, TestService.sample(), Map.of());
        assertEquals(202, r.status(), r.toString());
        String id = JSON.readTree(r.body()).path("id").asText();
        assertTrue(id.matches("s[a-z2-7]{16}"), id);
        List<Long> after = s.stored();
        assertEquals(before.get(0) + 1, after.get(0));
        assertEquals(before.get(1) + 1, after.get(1));
        assertEquals(before.get(2) + 8, after.get(2), "the descriptor's 8 files");
        assertEquals("queued", JSON.readTree(s.get("/api/v1/submissions/" + id, null).body()).path("state").asText(), "anyone may read a submission's state");
    }

    @Test
    void noTokenAndBadTokensAreRefused() throws Exception {
        List<Long> before = s.stored();
        refused(s.post("/api/v1/submissions", null, TestService.sample(), Map.of()), 401, "Authorization", before);
        refused(s.post("/api/v1/submissions", "mcs_aaaaaaaaaaaaaaaa_" + "A".repeat(43), TestService.sample(), Map.of()), 401, "Authorization", before);
        refused(s.post("/api/v1/submissions", "' OR '1'='1", TestService.sample(), Map.of()), 401, "Authorization", before);
        refused(s.get("/api/v1/me", null), 401, "Authorization", before);
        assertEquals(200, s.get("/api/v1/me", alice).status());
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        assertEquals(200, s.get("/api/v1/me", alice).status(), "verified once, so cached");
        // revoked by another process on the same store, as 'mcs serve user revoke' does while the service runs
        try (var db = mcs.verifier.serve.store.Database.open(store(), 2)) {
            assertEquals(1, new mcs.verifier.serve.store.Accounts(db, System::currentTimeMillis).revoke(aliceName));
        }
        List<Long> before = s.stored();
        refused(s.post("/api/v1/submissions", alice, TestService.sample(), Map.of()), 401, "Authorization", before);
        refused(s.get("/api/v1/me", alice), 401, "Authorization", before);
    }

    @Test
    void anotherUsersFilesAndListAreNotTheirs() throws Exception {
        String bob = s.token(user("bob"));
        TestService.Res r = s.post("/api/v1/submissions", alice, TestService.sample(), Map.of());
        String id = JSON.readTree(r.body()).path("id").asText();
        String cert = s.service.app().submissions().files(id).get("cycle4-c0.71.cert.json");
        assertEquals(200, s.get("/api/v1/blobs/" + cert, alice).status(), "the owner reads her certificate");
        List<Long> before = s.stored();
        refused(s.get("/api/v1/blobs/" + cert, bob), 404, "sha256", before);
        refused(s.get("/api/v1/blobs/" + cert, null), 404, "sha256", before);
        refused(s.get("/api/v1/blobs/../../../etc/passwd", alice), 404, "path", before);
        refused(s.get("/api/v1/blobs/" + "..%2F..%2Fetc%2Fpasswd", alice), 400, "sha256", before);
        assertTrue(JSON.readTree(s.get("/api/v1/submissions", bob).body()).path("submissions").isEmpty(), "bob's list holds none of alice's");
        assertEquals(1, JSON.readTree(s.get("/api/v1/submissions", alice).body()).path("submissions").size(), "alice's list holds hers");
        // bob cannot take alice's certificate into a submission of his own by its hash either
        TestService.Form f = new TestService.Form().part("descriptor", "submission.json", descriptor("cycle4-c0.71.mtx", "c.json", "NOT_COMPLETABLE"))
                .file("file", "cycle4-c0.71.mtx", TestService.SAMPLE.resolve("cycle4-c0.71.mtx")).text("refs", "{\"c.json\":\"" + cert + "\"}");
        refused(s.post("/api/v1/submissions", bob, f, Map.of()), 400, "refs", before);
    }

    @Test
    void theRateLimitAndTheQuotaAnswer429() throws Exception {
        s.service.app().accounts().setLimits(aliceName, 2, null, null);
        assertEquals(202, s.post("/api/v1/submissions", alice, TestService.sample(), Map.of()).status());
        assertEquals(202, s.post("/api/v1/submissions", alice, TestService.sample(), Map.of()).status());
        List<Long> before = s.stored();
        TestService.Res r = s.post("/api/v1/submissions", alice, TestService.sample(), Map.of());
        refused(r, 429, "Authorization", before);
        assertTrue(Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow()) > 0);
        String carolName = user("carol");
        String carol = s.token(carolName);
        s.service.app().accounts().setLimits(carolName, null, 1, null);
        assertEquals(202, s.post("/api/v1/submissions", carol, TestService.sample(), Map.of()).status());
        before = s.stored();
        refused(s.post("/api/v1/submissions", carol, TestService.sample(), Map.of()), 429, "Authorization", before);
    }

    @Test
    void oversizedUploadsGet413() throws Exception {
        List<Long> before = s.stored();
        byte[] big = new byte[(int) MAX_UPLOAD + 1000];
        TestService.Form f = TestService.sample().part("file", "big.mtx", big);
        refused(s.post("/api/v1/submissions", alice, f, Map.of()), 413, "body", before);
        // without a Content-Length (chunked), the limit is found while reading
        HttpRequest req = HttpRequest.newBuilder(s.uri("/api/v1/submissions")).header("Authorization", "Bearer " + alice).header("Content-Type", f.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(f.bytes()))).build();
        HttpResponse<String> r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
        refused(new TestService.Res(r.statusCode(), r.body(), r.headers()), 413, "body", before);
    }

    @Test
    void malformedJsonIsRefusedNamingTheDescriptorAndLine() throws Exception {
        List<Long> before = s.stored();
        TestService.Res r = s.post("/api/v1/submissions", alice, new TestService.Form().part("descriptor", "submission.json",
                "{\"format\": \"mcs-submission/1\",\n  \"claims\": [ {\"id\": \"x\",, } ]\n}".getBytes(StandardCharsets.UTF_8)), Map.of());
        refused(r, 400, "descriptor", before);
        String msg = JSON.readTree(r.body()).path("error").path("message").asText();
        assertTrue(msg.startsWith("submission.json:2"), msg);
        refused(s.post("/api/v1/submissions", alice, new TestService.Form().part("descriptor", "submission.json", "[1, 2".getBytes(StandardCharsets.UTF_8)), Map.of()),
                400, "descriptor", before);
        refused(s.post("/api/v1/submissions", alice, TestService.sample().text("refs", "{not json"), Map.of()), 400, "refs", before);
        refused(s.post("/api/v1/submissions", alice, new TestService.Form().text("nonsense", "1"), Map.of()), 400, "nonsense", before);
        HttpRequest req = HttpRequest.newBuilder(s.uri("/api/v1/submissions")).header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"format\":")).build();
        HttpResponse<String> raw = s.http.send(req, HttpResponse.BodyHandlers.ofString());
        refused(new TestService.Res(raw.statusCode(), raw.body(), raw.headers()), 415, "Content-Type", before);
    }

    @Test
    void pathTraversalInFileNamesIsRefused() throws Exception {
        List<Long> before = s.stored();
        for (String name : List.of("../../etc/passwd", "/etc/passwd", "a/../../x.mtx", ".hidden", "a\\..\\b.mtx", "..", "a//b.mtx", "")) {
            TestService.Form f = TestService.sample().part("file", name, "data".getBytes(StandardCharsets.UTF_8));
            refused(s.post("/api/v1/submissions", alice, f, Map.of()), 400, "file", before);
        }
        // a NUL in a part's header is refused by the multipart parser itself
        refused(s.post("/api/v1/submissions", alice, TestService.sample().part("file", "x\u0000.mtx", new byte[1]), Map.of()), 400, "body", before);
        // the descriptor itself names a path outside its folder
        TestService.Form f = new TestService.Form().part("descriptor", "submission.json", descriptor("../../../etc/passwd", "c.json", "COMPLETABLE"))
                .file("file", "c.json", TestService.SAMPLE.resolve("spec-3x3-yes.cert.json"));
        refused(s.post("/api/v1/submissions", alice, f, Map.of()), 400, "descriptor", before);
        f = new TestService.Form().part("descriptor", "../submission.json", descriptor("a.mtx", "c.json", "COMPLETABLE"));
        refused(s.post("/api/v1/submissions", alice, f, Map.of()), 400, "descriptor", before);
        // a file named by the descriptor but not sent
        f = new TestService.Form().part("descriptor", "submission.json", descriptor("a.mtx", "c.json", "COMPLETABLE"));
        refused(s.post("/api/v1/submissions", alice, f, Map.of()), 400, "file", before);
        assertFalse(Files.exists(dir.resolve("etc")), "nothing written outside");
    }

    @Test
    void sqlMetacharactersAreRefusedOrKeptAsText() throws Exception {
        String evil = "x'; DROP TABLE submissions; --";
        List<Long> before = s.stored();
        // fields whose grammar has no room for them: a clean 400 naming the field, nothing stored
        refused(s.post("/api/v1/submissions", alice, TestService.sample(), Map.of("Idempotency-Key", evil)), 400, "Idempotency-Key", before);
        refused(s.post("/api/v1/submissions", alice, TestService.sample().part("file", evil, new byte[1]), Map.of()), 400, "file", before);
        refused(s.post("/api/v1/submissions", alice, TestService.sample().text("refs", "{\"" + evil + "\":\"" + "0".repeat(64) + "\"}"), Map.of()), 400, "refs", before);
        refused(s.post("/api/v1/submissions", alice, TestService.sample().text("refs", "{\"a.mtx\":\"" + evil + "\"}"), Map.of()), 400, "refs", before);
        refused(s.get("/api/v1/submissions/" + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8).replace("+", "%20"), null), 404, "id", before);
        refused(s.get("/api/v1/submissions/sabc?wait=" + java.net.URLEncoder.encode("1;" + evil, StandardCharsets.UTF_8), null), 400, "wait", before);
        refused(s.get("/api/v1/instances/" + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8).replace("+", "%20"), null), 404, "id", before);
        refused(s.get("/api/v1/leaderboards/" + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8).replace("+", "%20") + "/tiny", null), 404, "tier", before);
        // free text (a title, a claim's id and value): kept verbatim, as text, by parameterised SQL
        String title = "Robert'); DROP TABLE users; -- <script>alert(1)</script>";
        String desc = "{\"format\":\"mcs-submission/1\",\"submitter\":{\"name\":\"O'Brien\\\"; --\"},\"title\":" + JSON.writeValueAsString(title) + ","
                + "\"claims\":[{\"id\":\"1' OR '1'='1\",\"instance\":\"spec-3x3-yes.mtx\",\"certificate\":\"spec-3x3-yes.cert.json\",\"claim\":\"COMPLETABLE'; --\"}]}";
        TestService.Form f = new TestService.Form().part("descriptor", "submission.json", desc.getBytes(StandardCharsets.UTF_8))
                .file("file", "spec-3x3-yes.mtx", TestService.SAMPLE.resolve("spec-3x3-yes.mtx")).file("file", "spec-3x3-yes.cert.json", TestService.SAMPLE.resolve("spec-3x3-yes.cert.json"));
        TestService.Res r = s.post("/api/v1/submissions", alice, f, Map.of());
        assertEquals(202, r.status(), r.toString());
        String id = JSON.readTree(r.body()).path("id").asText();
        assertEquals(title, JSON.readTree(s.get("/api/v1/submissions/" + id, null).body()).path("title").asText());
        String page = s.get("/submissions/" + id, null).body();
        assertFalse(page.contains("<script>alert(1)</script>"), "escaped on the page");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(before.get(0) + 1, s.stored().get(0), "every table is still there, with one more submission");
    }

    @Test
    void formPostsNeedTheirCsrfField() throws Exception {
        // a browser session (sign in with the token), then a form post without, and with a wrong, CSRF value
        HttpRequest signin = HttpRequest.newBuilder(s.uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "mcs_csrf=" + "c".repeat(43)).POST(HttpRequest.BodyPublishers.ofString("csrf=" + "c".repeat(43) + "&token=" + alice)).build();
        HttpResponse<String> in = s.http.send(signin, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String session = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mcs_session=")).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        String cookie = session.substring(0, session.indexOf(';')) + "; mcs_csrf=" + "c".repeat(43);
        List<Long> before = s.stored();
        for (String csrf : List.of("", "d".repeat(43))) {
            TestService.Form f = TestService.sample();
            if (!csrf.isEmpty()) f.text("csrf", csrf);
            HttpRequest req = HttpRequest.newBuilder(s.uri("/submit/descriptor")).header("Content-Type", f.contentType()).header("Cookie", cookie).POST(f.body()).build();
            HttpResponse<String> r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
            refused(new TestService.Res(r.statusCode(), r.body(), r.headers()), 403, "csrf", before);
        }
        TestService.Form ok = TestService.sample().text("csrf", "c".repeat(43));
        HttpRequest cross = HttpRequest.newBuilder(s.uri("/submit/descriptor")).header("Content-Type", ok.contentType()).header("Cookie", cookie)
                .header("Origin", "http://evil.example").POST(ok.body()).build();
        HttpResponse<String> r = s.http.send(cross, HttpResponse.BodyHandlers.ofString());
        refused(new TestService.Res(r.statusCode(), r.body(), r.headers()), 403, "Origin", before);
        TestService.Form good = TestService.sample().text("csrf", "c".repeat(43));
        HttpRequest same = HttpRequest.newBuilder(s.uri("/submit/descriptor")).header("Content-Type", good.contentType()).header("Cookie", cookie).POST(good.body()).build();
        r = s.http.send(same, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("/submissions/s"));
    }

    @Test
    void theClaimFormTakesAnInstanceOfTheRecordByItsId() throws Exception {
        String cookie = signIn();
        TestService.Form f = new TestService.Form().text("csrf", "c".repeat(43)).text("record_instance", "spec-3x3-yes").text("claim", "COMPLETABLE")
                .file("certificate", "mine.json", TestService.SAMPLE.resolve("spec-3x3-yes.cert.json"));
        HttpRequest req = HttpRequest.newBuilder(s.uri("/submit/claim")).header("Content-Type", f.contentType()).header("Cookie", cookie).POST(f.body()).build();
        HttpResponse<String> r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String id = r.headers().firstValue("Location").orElseThrow().substring("/submissions/".length());
        Map<String, String> files = s.service.app().submissions().files(id);
        assertEquals(s.service.app().record().byId("spec-3x3-yes").orElseThrow().sha256(), files.get("spec-3x3-yes.mtx"), "the record's file, by its hash");
        assertEquals(Set.of("spec-3x3-yes.mtx", "certificate.json"), files.keySet());
        // neither an instance nor a record id: a 400 naming the field, nothing kept
        List<Long> before = s.stored();
        TestService.Form g = new TestService.Form().text("csrf", "c".repeat(43)).text("claim", "COMPLETABLE")
                .file("certificate", "mine.json", TestService.SAMPLE.resolve("spec-3x3-yes.cert.json"));
        req = HttpRequest.newBuilder(s.uri("/submit/claim")).header("Content-Type", g.contentType()).header("Cookie", cookie).POST(g.body()).build();
        r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
        refused(new TestService.Res(r.statusCode(), r.body(), r.headers()), 400, "instance", before);
    }

    /** Signs in with this test's token; returns the Cookie header of the session (with the CSRF cookie "ccc…"). */
    String signIn() throws Exception {
        HttpRequest signin = HttpRequest.newBuilder(s.uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "mcs_csrf=" + "c".repeat(43)).POST(HttpRequest.BodyPublishers.ofString("csrf=" + "c".repeat(43) + "&token=" + alice)).build();
        HttpResponse<String> in = s.http.send(signin, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String session = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mcs_session=")).findFirst().orElseThrow();
        return session.substring(0, session.indexOf(';')) + "; mcs_csrf=" + "c".repeat(43);
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() throws Exception {
        List<Long> before = s.stored();
        refused(s.get("/no/such/page", null), 404, "path", before);
        refused(s.get("/api/v1/submissions/snotthere", null), 404, "id", before);
        TestService.Res h = s.get("/health", null);
        assertEquals(200, h.status(), h.body());
        assertEquals("ok", JSON.readTree(h.body()).path("status").asText());
    }

    static byte[] descriptor(String instance, String cert, String claim) throws IOException {
        return JSON.writeValueAsBytes(Map.of("format", "mcs-submission/1", "submitter", Map.of("name", "x"),
                "claims", List.of(Map.of("id", "c1", "instance", instance, "certificate", cert, "claim", claim))));
    }
}
