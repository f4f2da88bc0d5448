package mcs.problems.io;

import static mcs.problems.io.MatrixMarketReaderTest.q;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

class CertificateJsonTest {
    static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    static byte[] bytes(Certificate c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        return out.toByteArray();
    }

    static Certificate roundTrip(Certificate c) throws IOException {
        byte[] b = bytes(c);
        Certificate back = CertificateJson.read(b, "c.json");
        assertArrayEquals(b, bytes(back), "re-written bytes differ");
        return back;
    }

    static RationalMatrix matrix(int r, int c, String... v) {
        Rational[] a = new Rational[v.length];
        for (int k = 0; k < v.length; k++) a[k] = q(v[k]);
        return RationalMatrix.of(r, c, a);
    }

    static void assertSameMatrix(RationalMatrix a, RationalMatrix b) {
        assertEquals(a.rows(), b.rows());
        assertEquals(a.cols(), b.cols());
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) assertEquals(a.get(i, j), b.get(i, j));
    }

    @Test
    void entriesCompletionLayoutAndRoundTrip() throws IOException {
        // SPEC §6: a13 = 1/4 completes the 3x3 example.
        Certificate c = Certificate.completion(SHA, new Body.Entries(List.of(new Entry(2, 0, q("1/4")))));
        String text = new String(bytes(c), StandardCharsets.UTF_8);
        assertEquals("{\n  \"format\": \"mcs-certificate/1\",\n  \"problem\": \"psd-completion\",\n  \"instance_sha256\": \"" + SHA
                + "\",\n  \"verdict\": \"COMPLETABLE\",\n  \"completion\": {\n    \"form\": \"entries\",\n    \"entries\": [\n      [3,1,\"0.25\"]\n    ]\n  }\n}\n", text);
        Certificate back = roundTrip(c);
        assertEquals(c, back);
    }

    @Test
    void witnessFormsRoundTrip() throws IOException {
        // SPEC §6 NO witness W = [[0,0,0],[0,1,-1],[0,-1,1]] on Ω.
        Certificate e = Certificate.witness(SHA, new Body.Entries(List.of(new Entry(1, 1, q("1")), new Entry(2, 1, q("-1")), new Entry(2, 2, q("1")))));
        assertEquals(e, roundTrip(e));
        Body.Ldl ldl = new Body.Ldl(new int[] {2, 0, 1}, List.of(new Entry(1, 0, q("-1")), new Entry(2, 0, q("1/3"))), new Rational[] {q("1"), q("0"), q("7/2")});
        Certificate l = roundTrip(Certificate.witness(SHA, ldl));
        Body.Ldl lb = (Body.Ldl) l.body();
        assertArrayEquals(ldl.order(), lb.order());
        assertEquals(ldl.l(), lb.l());
        assertArrayEquals(ldl.d(), lb.d());
        Certificate f = roundTrip(Certificate.witness(SHA, new Body.Factor(matrix(3, 1, "0", "1", "-1"), null)));
        Body.Factor fb = (Body.Factor) f.body();
        assertNull(fb.shift());
        assertSameMatrix(matrix(3, 1, "0", "1", "-1"), fb.factor());
    }

    @Test
    void factorCompletionAndMc2AnswerRoundTrip() throws IOException {
        RationalMatrix a = matrix(3, 3, "1", "0", "1", "1", "1", "0", "0", "1", "1");
        Certificate mc2 = roundTrip(Certificate.squaring(SHA, new Body.Factor(a, Rational.ZERO)));
        assertEquals(Problem.APPROXIMATE_SQUARING, mc2.problem());
        assertEquals(Verdict.SOLVED, mc2.verdict());
        assertSameMatrix(a, ((Body.Factor) mc2.body()).factor());
        assertEquals(Rational.ZERO, ((Body.Factor) mc2.body()).shift());
        Certificate yes = roundTrip(Certificate.completion(SHA, new Body.Factor(matrix(2, 1, "0.5", "-1/3"), q("1e-3"))));
        assertEquals(q("1/1000"), ((Body.Factor) yes.body()).shift());
        Certificate ans = roundTrip(Certificate.squaring(SHA, new Body.Entries(List.of(new Entry(2, 0, q("0.5"))))));
        assertEquals(List.of(new Entry(2, 0, q("1/2"))), ((Body.Entries) ans.body()).entries());
    }

    @Test
    void permanentValuesRoundTrip() throws IOException {
        Certificate ex = roundTrip(Certificate.exactValue(Problem.PERMANENT, SHA, "-1471"));
        assertEquals("-1471", ex.value());
        assertTrue(ex.exact());
        Certificate ap = roundTrip(Certificate.approximateValue(Problem.HAFNIAN, SHA, "3/2+1/7i", q("0.001")));
        assertEquals(q("1/1000"), ap.errorBound());
        Certificate est = roundTrip(Certificate.approximateValue(Problem.PERMANENT_ESTIMATE, SHA, "10.5", null));
        assertNull(est.errorBound());
        Certificate unk = roundTrip(new Certificate(Problem.PSD_COMPLETION, SHA, Verdict.UNKNOWN, null, null, false, null));
        assertEquals(Verdict.UNKNOWN, unk.verdict());
    }

    static final String HEAD = "{\n\"format\": \"mcs-certificate/1\",\n\"problem\": \"psd-completion\",\n\"instance_sha256\": \"" + SHA + "\",\n";

    static void assertBad(long line, String fragment, String json) {
        InputException e = assertThrows(InputException.class, () -> CertificateJson.read(json.getBytes(StandardCharsets.UTF_8), "cert.json"));
        assertEquals("cert.json", e.file());
        assertEquals(line, e.line(), e.oneLine());
        assertTrue(e.getMessage().contains(fragment), e.oneLine());
    }

    @Test
    void strictReaderErrors() {
        String yes = "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"entries\", \"entries\": [\n";
        assertBad(2, "unsupported certificate version", HEAD.replace("mcs-certificate/1", "mcs-certificate/2") + "\"verdict\": \"UNKNOWN\"}");
        assertBad(2, "unknown format", HEAD.replace("mcs-certificate/1", "mcs-result/1") + "\"verdict\": \"UNKNOWN\"}");
        assertBad(5, "missing field \"verdict\"", HEAD.substring(0, HEAD.length() - 2) + "\n}");
        assertBad(5, "missing field \"completion\"", HEAD + "\"verdict\": \"COMPLETABLE\"}");
        assertBad(8, "above the diagonal", HEAD + yes + "[2, 1, \"1\"],\n[1, 2, \"1\"]]}}");
        assertBad(7, "out of range 1..", HEAD + yes + "[0, 0, \"1\"]]}}");
        assertBad(7, "not an exact number", HEAD + yes + "[2, 1, \"abc\"]]}}");
        assertBad(7, "not an exact number", HEAD + yes + "[2, 1, \"NaN\"]]}}");
        assertBad(7, "as a string holding an exact number", HEAD + yes + "[2, 1, 0.5]]}}");
        assertBad(7, "exactly three elements", HEAD + yes + "[2, 1, \"1\", 4]]}}");
        assertBad(7, "expected entry row index as an integer", HEAD + yes + "[\"2\", 1, \"1\"]]}}");
        assertBad(5, "unknown field \"extra\"", HEAD + "\"extra\": 1}");
        assertBad(5, "expected \"verdict\" as a string", HEAD + "\"verdict\": 3}");
        assertBad(5, "unknown verdict", HEAD + "\"verdict\": \"YES\"}");
        assertBad(6, "does not fit verdict", HEAD + "\"verdict\": \"NOT_COMPLETABLE\",\n\"completion\": {\"form\": \"entries\", \"entries\": []}}");
        assertBad(6, "only for NOT_COMPLETABLE", HEAD + yes.replace("\"entries\", \"entries\": [\n", "\"ldl\"}}"));
        assertBad(6, "does not belong to form \"factor\" in a witness", HEAD + "\"verdict\": \"NOT_COMPLETABLE\",\n\"witness\": {\"form\": \"factor\", \"factor\": {\"rows\": 1, \"cols\": 1, \"data\": [\"1\"]}, \"shift\": \"0\"}}");
        assertBad(6, "missing field \"shift\"", HEAD + "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"factor\", \"factor\": {\"rows\": 1, \"cols\": 1, \"data\": [\"1\"]}}}");
        assertBad(7, "\"data\" has 1 entries, expected rows·cols = 2", HEAD + "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"factor\", \"factor\": {\"rows\": 2, \"cols\": 1,\n\"data\": [\"1\"]}, \"shift\": \"0\"}}");
        assertBad(7, "not a permutation", HEAD + "\"verdict\": \"NOT_COMPLETABLE\",\n\"witness\": {\"form\": \"ldl\",\n\"order\": [1, 1], \"l\": [], \"d\": [\"1\", \"1\"]}}");
        assertBad(7, "strictly lower", HEAD + "\"verdict\": \"NOT_COMPLETABLE\",\n\"witness\": {\"form\": \"ldl\", \"order\": [1, 2],\n\"l\": [[1, 1, \"2\"]], \"d\": [\"1\", \"1\"]}}");
        assertBad(4, "must be 64 lower-case hex", HEAD.replace(SHA, SHA.toUpperCase()) + "\"verdict\": \"UNKNOWN\"}");
        assertBad(6, "invalid JSON", HEAD + "\"verdict\": \"UNKNOWN\"\n\"x\": 1}");
        assertBad(5, "Duplicate field", HEAD + "\"problem\": \"psd-completion\", \"verdict\": \"UNKNOWN\"}");
        String perm = "{\"format\": \"mcs-certificate/1\", \"problem\": \"permanent\", \"instance_sha256\": \"" + SHA + "\",\n\"verdict\": \"SOLVED\",\n";
        assertBad(3, "not an exact number", perm + "\"value\": \"1..5\", \"exact\": true}");
        assertBad(3, "allowed only when \"exact\" is false", perm + "\"value\": \"1\", \"exact\": true, \"error_bound\": \"0\"}");
        assertBad(3, "missing field \"exact\"", perm + "\"value\": \"1\"}");
        assertBad(3, "expected \"exact\" as a boolean", perm + "\"value\": \"1\", \"exact\": \"true\"}");
    }

    @Test
    void writerRefusesCertificatesItCouldNotReadBack() {
        assertThrows(IllegalArgumentException.class, () -> bytes(Certificate.completion("ABC", new Body.Entries(List.of()))));
        assertThrows(IllegalArgumentException.class, () -> bytes(Certificate.completion(SHA, new Body.Factor(matrix(1, 1, "1"), null))));
        assertThrows(IllegalArgumentException.class, () -> bytes(Certificate.exactValue(Problem.PERMANENT, SHA, null)));
        assertThrows(IllegalArgumentException.class, () -> bytes(new Certificate(Problem.PERMANENT, SHA, Verdict.COMPLETABLE, null, "1", true, null)));
    }

    @Test
    void ldlAndFactorLayoutIsOneElementPerLine() throws IOException {
        Body.Ldl ldl = new Body.Ldl(new int[] {1, 0}, List.of(new Entry(1, 0, q("-1/2"))), new Rational[] {q("2"), q("0")});
        String text = new String(bytes(Certificate.witness(SHA, ldl)), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"witness\": {\n    \"form\": \"ldl\",\n    \"order\": [2,1],\n    \"l\": [\n      [2,1,\"-0.5\"]\n    ],\n    \"d\": [\"2\",\"0\"]\n  }\n}\n"), text);
        String f = new String(bytes(Certificate.completion(SHA, new Body.Factor(matrix(2, 1, "0.5", "1"), q("0")))), StandardCharsets.UTF_8);
        assertTrue(f.contains("\"factor\": {\n      \"rows\": 2,\n      \"cols\": 1,\n      \"data\": [\n        \"0.5\",\n        \"1\"\n      ]\n    },\n    \"shift\": \"0\"\n"), f);
    }

    @Test
    void chordalHintRoundTripAndStrictness() throws IOException {
        Certificate c = Certificate.completion(SHA, new Body.Chordal(new int[] {2, 0, 1}));
        String text = new String(bytes(c), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"completion\": {\n    \"form\": \"chordal\",\n    \"order\": [3,1,2]\n  }\n}\n"), text);
        Body.Chordal back = (Body.Chordal) roundTrip(c).body();
        assertEquals(List.of(2, 0, 1), java.util.Arrays.stream(back.order()).boxed().toList());
        String yes = "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"chordal\",\n\"order\": [1,\n3,\n3]}}";
        assertBad(9, "element 3 is 3 (repeated)", HEAD + yes);
        assertBad(6, "missing field \"order\"", HEAD + "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"chordal\"}}");
        assertBad(7, "does not belong to form \"chordal\"", HEAD + "\"verdict\": \"COMPLETABLE\",\n\"completion\": {\"form\": \"chordal\",\n\"d\": [\"1\"], \"order\": [1]}}");
        assertBad(6, "only for psd-completion COMPLETABLE", HEAD + "\"verdict\": \"NOT_COMPLETABLE\",\n\"witness\": {\"form\": \"chordal\", \"order\": [1]}}");
        assertThrows(IllegalArgumentException.class, () -> bytes(Certificate.witness(SHA, new Body.Chordal(new int[] {0}))));
        assertThrows(IllegalArgumentException.class, () -> bytes(Certificate.squaring(SHA, new Body.Chordal(new int[] {0}))));
    }
}
