package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of every reader. The rule checked on each mutated file: the reader either
 * throws exactly one {@link InputException} naming the file with a line in 0..lines+1, or accepts a file
 * that is still valid — for Matrix Market judged by {@link ReferenceMatrixMarket} (which must agree on the
 * verdict, the error line and every value), for JSON by a rewrite/re-read round trip that must be a fixed
 * point. A case that takes longer than {@link #SLOW} fails as a hang. Seeds are fixed so failures repeat.
 */
class ReaderFuzzTest {
    private static final long SEED = 20261127L;
    private static final Duration SLOW = Duration.ofMillis(1500);
    private static final String SHA = "0123456789abcdef".repeat(4);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String show(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 600), StandardCharsets.ISO_8859_1);
        return s.replace("\r", "\\r").replace("\0", "\\0").replace("\t", "\\t") + (b.length > 600 ? "…(" + b.length + " bytes)" : "");
    }

    /** Lines counting {@code \n}, {@code \r\n} and a lone {@code \r} each as a break (Jackson's count, an upper bound for Matrix Market). */
    private static long lineCount(byte[] b) {
        long n = 1;
        for (int i = 0; i < b.length; i++) if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) n++;
        return n;
    }

    /** Runs one case: an {@link InputException} is returned, success returns null, anything else fails. */
    private static InputException attempt(String what, byte[] input, String file, Runnable r) {
        long t0 = System.nanoTime();
        try {
            r.run();
            return null;
        } catch (InputException e) {
            assertEquals(file, e.file(), () -> what + ": wrong file in " + e.oneLine());
            assertTrue(e.line() >= 0 && e.line() <= lineCount(input) + 1, () -> what + ": line out of range in " + e.oneLine() + "\n" + show(input));
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what);
            return e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + "\ninput: " + show(input), t);
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > SLOW.toMillis()) fail(what + ": took " + ms + " ms\ninput: " + show(input));
        }
    }

    static List<Path> mmResources() throws IOException {
        Path dir = MatrixMarketReaderTest.resource("arr_real_general.mtx").getParent();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".mtx")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ Matrix Market

    @Test
    void matrixMarketAgreesWithTheReferenceOnMutatedFiles() throws IOException {
        List<Path> files = mmResources();
        assertTrue(files.size() >= 30);
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : files) seeds.add(Files.readAllBytes(p));
        int[] accepted = {0}, rejected = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            FuzzMutator m = new FuzzMutator(SEED, false);
            for (int c = 0; c < 2000; c++) {
                byte[] base = seeds.get(c % seeds.size());
                byte[] in = m.mutate(base);
                String what = "case " + c + " (" + files.get(c % seeds.size()).getFileName() + ", mutations " + m.describe() + ")";
                if (checkMatrixMarket(what, in)) accepted[0]++;
                else rejected[0]++;
            }
        });
        // The mutations must exercise both outcomes, or the test proves little.
        assertTrue(accepted[0] > 150 && rejected[0] > 600, accepted[0] + " accepted, " + rejected[0] + " rejected");
    }

    /** Checks one file against the reference; true when accepted. */
    static boolean checkMatrixMarket(String what, byte[] in) {
        ReferenceMatrixMarket.Result ref = ReferenceMatrixMarket.check(in);
        MatrixMarketData[] got = new MatrixMarketData[1];
        InputException e = attempt(what, in, "fuzz.mtx", () -> got[0] = MatrixMarketReader.read(in, "fuzz.mtx"));
        if (e != null) {
            assertTrue(ref.rejected(), () -> what + ": reader rejects a valid file: " + e.oneLine() + "\n" + show(in));
            assertEquals(ref.errorLine(), e.line(), () -> what + ": " + e.oneLine() + "\n" + show(in));
            return false;
        }
        assertTrue(!ref.rejected(), () -> what + ": reader accepts a file that is invalid on line " + ref.errorLine() + "\n" + show(in));
        MatrixMarketData d = got[0];
        assertEquals(ref.header(), d.header().bannerLine().substring(MatrixMarketHeader.BANNER.length() + 8), what);
        assertEquals(ref.rows(), d.rows(), what);
        assertEquals(ref.cols(), d.cols(), what);
        assertEquals(ref.entries().size(), d.entries(), what);
        for (int k = 0; k < d.entries(); k++) {
            Object[] r = ref.entries().get(k);
            assertEquals(r[0], d.row(k), what);
            assertEquals(r[1], d.col(k), what);
            if (r[2] != null) {
                assertEquals(r[2], d.re().get(k), what);
                assertEquals((double) r[3], d.reApprox()[k], 0.0, what);
            }
            if (r[4] != null) {
                assertEquals(r[4], d.im().get(k), what);
                assertEquals((double) r[5], d.imApprox()[k], 0.0, what);
            }
        }
        if ((long) d.rows() * d.cols() <= 1 << 16) roundTrip(what, in, d);
        return true;
    }

    /** An accepted file read as an instance, written, and read again must give the same bytes. */
    private static void roundTrip(String what, byte[] in, MatrixMarketData d) {
        Instance[] inst = new Instance[1];
        if (attempt(what + " (instance)", in, "fuzz.mtx", () -> inst[0] = instance(d, null)) != null) return;
        byte[] once = write(inst[0]);
        Instance again = instance(MatrixMarketReader.read(once, "again.mtx"), inst[0].problem());
        assertArrayEquals(once, write(again), what + ": rewrite is not a fixed point");
    }

    private static Instance instance(MatrixMarketData d, Problem p) {
        Problem q = p != null ? p : InstanceReader.infer(d);
        return q == Problem.PSD_COMPLETION ? MatrixMarketInstances.toMc1(d) : MatrixMarketInstances.toPerm(d, q);
    }

    private static byte[] write(Instance i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (i instanceof Mc1Instance m) MatrixMarketWriter.writeMc1(out, m, List.of());
            else MatrixMarketWriter.writePerm(out, (PermInstance) i, List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ certificates

    static List<Certificate> certificates() {
        Rational h = Rational.parse("1/2"), t = Rational.parse("-3.25"), big = Rational.parse("12345678901234567890123/7");
        RationalMatrix f = RationalMatrix.of(2, 3, new Rational[] {h, t, Rational.ONE, Rational.ZERO, big, h});
        List<Entry> entries = List.of(new Entry(1, 0, h), new Entry(2, 2, t), new Entry(3, 1, big));
        Body.Ldl ldl = new Body.Ldl(new int[] {2, 0, 1}, List.of(new Entry(1, 0, h), new Entry(2, 1, t)), new Rational[] {Rational.ONE, h, Rational.ZERO});
        return List.of(
                Certificate.completion(SHA, new Body.Entries(entries)),
                Certificate.completion(SHA, new Body.Factor(f, h)),
                Certificate.witness(SHA, new Body.Entries(entries)),
                Certificate.witness(SHA, ldl),
                Certificate.witness(SHA, new Body.Factor(f, null)),
                Certificate.squaring(SHA, new Body.Entries(entries)),
                Certificate.squaring(SHA, new Body.Factor(f, Rational.ZERO)),
                Certificate.exactValue(Problem.PERMANENT, SHA, "120"),
                Certificate.exactValue(Problem.HAFNIAN, SHA, "3/2-5i"),
                Certificate.approximateValue(Problem.PERMANENT_ESTIMATE, SHA, "1.5e10", Rational.parse("1e3")),
                Certificate.approximateValue(Problem.PERMANENT_ESTIMATE, SHA, "7", null),
                new Certificate(Problem.PSD_COMPLETION, SHA, mcs.problems.cert.Verdict.UNKNOWN, null, null, false, null));
    }

    static byte[] json(Certificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CertificateJson.write(out, c);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @Test
    void certificatesSurviveMutation() {
        List<byte[]> seeds = certificates().stream().map(ReaderFuzzTest::json).toList();
        int[] accepted = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            FuzzMutator m = new FuzzMutator(SEED + 1, true);
            for (int c = 0; c < 1500; c++) {
                byte[] in = m.mutate(seeds.get(c % seeds.size()));
                String what = "certificate case " + c + " (form " + (c % seeds.size()) + ", mutations " + m.describe() + ")";
                Certificate[] got = new Certificate[1];
                if (attempt(what, in, "fuzz.json", () -> got[0] = CertificateJson.read(in, "fuzz.json")) != null) continue;
                accepted[0]++;
                byte[] once = json(got[0]);
                assertArrayEquals(once, json(CertificateJson.read(once, "again.json")), what + ": rewrite is not a fixed point");
            }
        });
        assertTrue(accepted[0] > 30, accepted[0] + " accepted");
    }

    // ------------------------------------------------------------------ MC2 descriptors and their matrices

    @Test
    void descriptorsSurviveMutation() {
        byte[] seed = bytes("{\"problem\": \"approximate-squaring\", \"a\": \"A.mtx\", \"omega\": \"omega.mtx\"}\n");
        byte[] pretty = bytes("{\n  \"problem\" : \"approximate-squaring\",\n  \"a\" : \"A.mtx\",\n  \"omega\" : \"omega.mtx\"\n}\n");
        ObjectMapper mapper = new ObjectMapper();
        Path where = Path.of("/tmp/fuzz/d.json");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            FuzzMutator m = new FuzzMutator(SEED + 2, true);
            for (int c = 0; c < 1000; c++) {
                byte[] in = m.mutate(c % 2 == 0 ? seed : pretty);
                String what = "descriptor case " + c + " (mutations " + m.describe() + ")";
                Mc2Descriptor[] got = new Mc2Descriptor[1];
                if (attempt(what, in, where.toString(), () -> got[0] = Mc2Descriptor.read(new ByteArrayInputStream(in), where)) != null) continue;
                // Accepted: an independent JSON parser must see exactly the three string fields.
                JsonNode n = mapper.readTree(in);
                assertEquals(3, n.size(), what);
                assertEquals("approximate-squaring", n.get("problem").textValue(), what);
                assertEquals(where.getParent().resolve(n.get("a").textValue()).normalize(), got[0].a(), what);
                assertEquals(where.getParent().resolve(n.get("omega").textValue()).normalize(), got[0].omega(), what);
            }
        });
    }

    @Test
    void mc2MatricesSurviveMutation(@TempDir Path dir) throws IOException {
        Path src = MatrixMarketReaderTest.resource("spec_mc2.json").getParent();
        byte[] a = Files.readAllBytes(src.resolve("spec_mc2_a.mtx")), omega = Files.readAllBytes(src.resolve("spec_mc2_omega.mtx"));
        Path desc = dir.resolve("d.json"), aFile = dir.resolve("A.mtx"), oFile = dir.resolve("omega.mtx");
        Files.write(desc, bytes("{\"problem\": \"approximate-squaring\", \"a\": \"A.mtx\", \"omega\": \"omega.mtx\"}\n"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            FuzzMutator m = new FuzzMutator(SEED + 3, false);
            for (int c = 0; c < 250; c++) {
                boolean mutateA = c % 2 == 0;
                byte[] in = m.mutate(mutateA ? a : omega);
                Files.write(aFile, mutateA ? in : a);
                Files.write(oFile, mutateA ? omega : in);
                String what = "mc2 case " + c + " (" + (mutateA ? "A" : "omega") + ", mutations " + m.describe() + ")";
                long t0 = System.nanoTime();
                try {
                    InstanceReader.read(desc, null);
                } catch (InputException e) {
                    boolean named = e.file().equals(aFile.toString()) || e.file().equals(oFile.toString());
                    assertTrue(named, () -> what + ": " + e.oneLine());
                    assertTrue(e.line() >= 0 && e.line() <= lineCount(in) + 1, () -> what + ": " + e.oneLine());
                } catch (Throwable t) {
                    throw new AssertionError(what + ": " + t + "\ninput: " + show(in), t);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < SLOW.toMillis(), () -> what + ": took " + ms + " ms");
            }
        });
    }
}
