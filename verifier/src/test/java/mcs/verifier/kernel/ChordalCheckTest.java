package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.testkit.NaivePsd;
import org.junit.jupiter.api.Test;

/** The {@code chordal} YES hint: accepted when valid; each defect rejected by the named check. */
class ChordalCheckTest {
    static final KernelOptions OPTS = KernelOptions.defaults();

    static Mc1Instance lower(String[][] rows) {
        Rational[][] a = new Rational[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            a[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) a[i][j] = rows[i][j] == null ? null : Rational.parse(rows[i][j]);
        }
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
    }

    static Judgement check(Mc1Instance inst, int... order) {
        return Kernel.check(inst, null, Certificate.completion(null, new Body.Chordal(order)), OPTS);
    }

    /** SPEC §6: the path 1–2–3 with a12 = a23 = 1/2. */
    static Mc1Instance path(String a23) {
        return lower(new String[][] {{"1"}, {"1/2", "1"}, {null, a23, "1"}});
    }

    @Test
    void specPathIsAcceptedInEveryPerfectOrder() {
        for (int[] order : new int[][] {{0, 1, 2}, {2, 1, 0}, {0, 2, 1}, {2, 0, 1}}) {
            Judgement j = check(path("1/2"), order);
            assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
            assertEquals(Method.EXACT, j.method());
            assertEquals("3", j.bounds().get("lambda_max_upper"));
            assertEquals("0", j.bounds().get("lambda_min_lower"));
        }
    }

    @Test
    void nonPerfectOrderIsRejectedNamingTheVertex() {
        // Eliminating the middle vertex 2 first: its later neighbours 1 and 3 are not adjacent.
        Judgement j = check(path("1/2"), 1, 0, 2);
        assertEquals(Outcome.REJECTED, j.outcome());
        assertEquals("perfect-elimination", j.check());
        assertEquals(2, j.location().get("vertex"));
        assertTrue(j.reason().contains("vertex 2"), j.reason());
    }

    @Test
    void cycleHasNoPerfectOrder() {
        Mc1Instance c4 = lower(new String[][] {{"1"}, {"0", "1"}, {null, "0", "1"}, {"0", null, "0", "1"}});
        for (int[] order : new int[][] {{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}}) {
            assertEquals("perfect-elimination", check(c4, order).check());
        }
    }

    @Test
    void nonPermutationAndWrongLengthAreRejected() {
        assertEquals("order", check(path("1/2"), 0, 0, 2).check());
        assertEquals("order", check(path("1/2"), 0, 1, 3).check());
        assertEquals("dimensions", check(path("1/2"), 0, 1).check());
    }

    @Test
    void nonPsdBlockIsRejectedNamingTheBlock() {
        Judgement j = check(path("2"), 0, 1, 2);
        assertEquals(Outcome.REJECTED, j.outcome());
        assertEquals("block-psd", j.check());
        assertEquals("{2,3}", j.location().get("block"));
    }

    @Test
    void singularAndZeroRowBlocksAreDecidedExactly() {
        // [[0],[0,1],[.,1,1]]: zero row, and the singular PSD block [[1,1],[1,1]].
        Mc1Instance inst = lower(new String[][] {{"0"}, {"0", "1"}, {null, "1", "1"}});
        assertEquals(Outcome.ACCEPTED, check(inst, 0, 1, 2).outcome());
        // [[1,1],[1,1 − 10^-30]] is not PSD.
        Mc1Instance bad = lower(new String[][] {{"1"}, {"1", "0.999999999999999999999999999999"}});
        assertEquals("block-psd", check(bad, 0, 1).check());
    }

    @Test
    void chordalFormIsNotAnMc2Answer() {
        Judgement j = CompletionCheck.check(Target.of(path("1/2")), new Body.Chordal(new int[] {0, 1, 2}), OPTS);
        assertEquals("form", j.check());
    }

    @Test
    void longEliminationAgreesWithBigIntegerElimination() {
        SplittableRandom rng = new SplittableRandom(77);
        int psd = 0, not = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + rng.nextInt(7);
            int r = rng.nextInt(k + 1);
            long[][] g = new long[k][r];
            for (long[] row : g) for (int c = 0; c < r; c++) row[c] = rng.nextInt(7) - 3;
            long[][] m = new long[k][];
            BigInteger[][] b = new BigInteger[k][];
            for (int i = 0; i < k; i++) {
                m[i] = new long[i + 1];
                b[i] = new BigInteger[i + 1];
                for (int j = 0; j <= i; j++) {
                    long s = 0;
                    for (int c = 0; c < r; c++) s += g[i][c] * g[j][c];
                    if (trial % 3 == 0 && rng.nextInt(4) == 0) s += rng.nextInt(3) - 1;
                    m[i][j] = s;
                    b[i][j] = BigInteger.valueOf(s);
                }
            }
            boolean expected = ExactPsd.decideIntegers(b).psd();
            assertEquals(expected, LongExactPsd.failingIndex(m, k) < 0, "trial " + trial);
            if (expected) psd++;
            else not++;
        }
        assertTrue(psd > 300 && not > 300, psd + " / " + not);
    }

    @Test
    void longEliminationSignalsOverflow() {
        long big = 1L << 40;
        long[][] m = {{big}, {big - 1, big}, {1, 2, big}};
        assertThrows(ArithmeticException.class, () -> LongExactPsd.failingIndex(m, 3));
    }

    /**
     * Every elimination order of small random graphs with random data: the kernel accepts exactly when the
     * order is a PEO by definition (all later neighbours pairwise adjacent) and every block C(v) is PSD by
     * its principal minors (brute force, independent of the elimination code).
     */
    @Test
    void agreesWithBruteForceOnEveryOrderOfSmallGraphs() {
        SplittableRandom rng = new SplittableRandom(404);
        int accepted = 0, notPeo = 0, notPsd = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + rng.nextInt(3);
            Rational[][] a = new Rational[n][];
            for (int i = 0; i < n; i++) {
                a[i] = new Rational[i + 1];
                a[i][i] = Rational.of(1 + rng.nextInt(4));
                for (int j = 0; j < i; j++) if (rng.nextInt(3) > 0) a[i][j] = Rational.of(rng.nextInt(5) - 2, 2);
            }
            Mc1Instance inst = new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            do {
                boolean peo = true, psd = true;
                for (int t = 0; t < n; t++) {
                    java.util.List<Integer> c = new java.util.ArrayList<>();
                    c.add(perm[t]);
                    for (int u = t + 1; u < n; u++) if (inst.matrix().get(perm[t], perm[u]) != null) c.add(perm[u]);
                    for (int x : c) for (int y : c) if (inst.matrix().get(x, y) == null) peo = false;
                    if (peo && !psdByMinors(inst.matrix(), c)) psd = false;
                }
                Judgement j = check(inst, perm.clone());
                if (!peo) {
                    assertEquals("perfect-elimination", j.check(), "trial " + trial);
                    notPeo++;
                } else if (!psd) {
                    assertEquals("block-psd", j.check(), "trial " + trial);
                    notPsd++;
                } else {
                    assertEquals(Outcome.ACCEPTED, j.outcome(), "trial " + trial + ": " + j.reason());
                    accepted++;
                }
            } while (nextPermutation(perm));
        }
        assertTrue(accepted > 100 && notPeo > 100 && notPsd > 100, accepted + " / " + notPeo + " / " + notPsd);
    }

    /** The block of m on the vertices c, PSD by the sign of every principal minor (the test oracle). */
    private static boolean psdByMinors(PartialSymmetricMatrix m, java.util.List<Integer> c) {
        Rational[][] block = new Rational[c.size()][c.size()];
        for (int r = 0; r < c.size(); r++) for (int q = 0; q < c.size(); q++) block[r][q] = m.get(c.get(r), c.get(q));
        return NaivePsd.byMinors(block);
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
        return true;
    }
}
