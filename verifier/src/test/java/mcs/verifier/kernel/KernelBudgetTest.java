package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.io.Sha256;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size guards before allocation (issue 15): a certificate that would make the kernel exceed its memory or
 * time budget gets UNVERIFIED (check {@code budget}) or a cheap REJECTED, never an OutOfMemoryError, and the
 * sparse path that replaces the dense one above {@link KernelOptions#denseMaxN()} agrees with it.
 */
class KernelBudgetTest {
    @TempDir Path dir;

    /** n unit diagonal entries and nothing else. */
    private static Mc1Instance identity(int n) {
        RationalArray v = new RationalArray(n);
        for (int i = 0; i < n; i++) v.set(i, Rational.ONE);
        int[] ptr = new int[n + 1], col = new int[n];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = i + 1;
            col[i] = i;
        }
        return new Mc1Instance(new PartialSymmetricMatrix(new Pattern(n, ptr, col), v, new double[n]));
    }

    /**
     * The attack: a dense {@code entries} completion claimed for n = 10⁶. The old kernel allocated the
     * n(n+1)/2 triangle and died with OutOfMemoryError; now the kernel, in a JVM limited to 1 GB of heap,
     * answers in under 5 seconds (the time of the check; reading the 14 MB instance comes before).
     */
    @Test
    void anEntriesCertificateForOrderAMillionIsJudgedInAOneGigabyteHeapInUnderFiveSeconds() throws IOException, InterruptedException {
        int n = 1_000_000;
        Path inst = dir.resolve("million.mtx");
        try (BufferedWriter w = Files.newBufferedWriter(inst, StandardCharsets.US_ASCII)) {
            w.write("%%MatrixMarket matrix coordinate real symmetric\n" + n + " " + n + " " + n + "\n");
            for (int i = 1; i <= n; i++) w.write(i + " " + i + " 1\n");
        }
        String sha = Sha256.ofFile(inst);
        // X_21 = 2 with a unit diagonal: the 2×2 minor 1 − 4 < 0, so X is not PSD.
        Path cert = dir.resolve("dense-claim.json");
        StringBuilder entries = new StringBuilder("[2,1,\"2\"]");
        for (int i = 3; i <= 2000; i++) entries.append(",[").append(i).append(",").append(i - 1).append(",\"1/10\"]");
        Files.writeString(cert, "{\"format\":\"mcs-certificate/1\",\"problem\":\"psd-completion\",\"instance_sha256\":\"" + sha
                + "\",\"verdict\":\"COMPLETABLE\",\"completion\":{\"form\":\"entries\",\"entries\":[" + entries + "]}}\n");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), OneGigabyteJudge.class.getName(), inst.toString(), cert.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        assertTrue(f[0].equals("REJECTED") || f[0].equals("UNVERIFIED"), out);
        assertEquals("REJECTED", f[0], "sparse elimination decides this one: " + out);
        assertTrue(Double.parseDouble(f[1]) < 5, "the check took " + f[1] + " s: " + out);
    }

    /** Reads the instance and the certificate, then prints the outcome and the seconds the kernel took. Run with -Xmx1g. */
    public static final class OneGigabyteJudge {
        public static void main(String[] args) {
            var li = mcs.problems.io.InstanceReader.read(Path.of(args[0]), null);
            Certificate c = mcs.problems.io.CertificateJson.read(Path.of(args[1]));
            long t0 = System.nanoTime();
            Judgement j = Kernel.check(li.instance(), li.sha256(), c, KernelOptions.defaults());
            System.out.println(j.reason());
            System.out.println(j.outcome() + " " + (System.nanoTime() - t0) / 1e9);
        }
    }

    @Test
    void indicesClaimedForOrderAMillionOnASmallInstanceAreRejectedAtOnce() {
        Certificate c = Certificate.completion(null, new Body.Entries(List.of(new Entry(999_999, 0, Rational.ONE))));
        Judgement j = Kernel.check(identity(3), null, c, KernelOptions.defaults());
        assertEquals(Outcome.REJECTED, j.outcome());
        assertEquals("index", j.check());
    }

    /** Above denseMaxN the completion is decided by sparse elimination, with the dense path's verdict. */
    @Test
    void theSparsePathAgreesWithTheDensePath() {
        Random rnd = new Random(15);
        KernelOptions dense = KernelOptions.defaults(), sparse = KernelOptions.defaults().withDenseMaxN(1);
        int accepted = 0, rejected = 0;
        for (int t = 0; t < 300; t++) {
            int n = 2 + rnd.nextInt(6);
            Rational[][] a = new Rational[n][];
            for (int i = 0; i < n; i++) {
                a[i] = new Rational[i + 1];
                a[i][i] = Rational.of(1 + rnd.nextInt(3));
                for (int j = 0; j < i; j++) a[i][j] = rnd.nextInt(3) == 0 ? null : Rational.of(rnd.nextInt(5) - 2, 2);
            }
            PartialSymmetricMatrix m = PartialSymmetricMatrix.ofLowerTriangle(a);
            List<Entry> fill = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (a[i][j] == null) fill.add(new Entry(i, j, Rational.of(rnd.nextInt(3) - 1, 3)));
            Certificate c = Certificate.completion(null, new Body.Entries(fill));
            Mc1Instance inst = new Mc1Instance(m);
            Judgement jd = Kernel.check(inst, null, c, dense), js = Kernel.check(inst, null, c, sparse);
            assertEquals(jd.outcome(), js.outcome(), jd + " vs " + js);
            assertTrue(js.reason().contains("sparse") || js.outcome() == Outcome.REJECTED && js.check().equals("support"), js.reason());
            if (jd.isAccepted()) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 20 && rejected > 20, accepted + " accepted, " + rejected + " rejected");
    }

    @Test
    void anLdlWitnessWithAHugeColumnIsUnverifiedBeforeItsProductsAreFormed() {
        int n = 5001;
        List<Entry> l = new ArrayList<>();
        for (int i = 1; i < n; i++) l.add(new Entry(i, 0, Rational.ONE));
        Rational[] d = new Rational[n];
        java.util.Arrays.fill(d, Rational.ONE);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Certificate c = Certificate.witness(null, new Body.Ldl(order, l, d));
        Judgement j = Kernel.check(identity(n), null, c, KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.toString());
        assertEquals("budget", j.check());
        assertTrue(j.reason().contains("PᵀLDLᵀP"), j.reason());
    }

    @Test
    void aFactorWitnessWithADenseColumnIsUnverifiedBeforeItsPairsAreFormed() {
        int n = 7000;
        Rational[] v = new Rational[n];
        java.util.Arrays.fill(v, Rational.ONE);
        Certificate c = Certificate.witness(null, new Body.Factor(RationalMatrix.of(n, 1, v), null));
        Judgement j = Kernel.check(identity(n), null, c, KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.toString());
        assertEquals("budget", j.check());
    }

    /** 23 distinct 12000-bit denominators: their lcm would pass 2^18 bits and every product would be huge. */
    @Test
    void manyDistinctHugeDenominatorsAreUnverified() {
        int n = 23;
        Rational[] f = new Rational[n];
        for (int i = 0; i < n; i++) f[i] = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(12000).add(BigInteger.valueOf(2L * i + 1)));
        Certificate c = Certificate.completion(null, new Body.Factor(RationalMatrix.of(n, 1, f), Rational.ONE));
        Judgement j = Kernel.check(identity(n), null, c, KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.toString());
        assertTrue(j.reason().contains("common denominator"), j.reason());
    }

    /** One 100000-bit entry in an order-300 completion: exact elimination would hold ~10^11 bits. */
    @Test
    void anEliminationBeyondTheBitBudgetIsUnverified() {
        int n = 300;
        Certificate c = Certificate.completion(null, new Body.Entries(List.of(new Entry(1, 0, Rational.parse("1e30000")))));
        Judgement j = Kernel.check(identity(n), null, c, KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.toString());
        assertTrue(j.reason().contains("exact elimination of order 300"), j.reason());
    }

    @Test
    void aCheckBeyondTheTimeBudgetIsUnverified() {
        int n = 200;
        List<Entry> fill = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) fill.add(new Entry(i, j, Rational.of(rnd.nextInt(3) - 1, 1000 + rnd.nextInt(1000))));
        Certificate c = Certificate.completion(null, new Body.Entries(fill));
        Judgement j = Kernel.check(identity(n), null, c, KernelOptions.defaults().withTimeBudgetSeconds(1e-9));
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.toString());
        assertEquals("budget", j.check());
        assertTrue(j.reason().contains("time budget"), j.reason());
    }
}
