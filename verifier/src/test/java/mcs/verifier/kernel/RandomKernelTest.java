package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.Matrices;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.Test;

/** The kernel on random small instances agrees with the naive semantics; a few structural cases. */
class RandomKernelTest {
    static final KernelOptions OPTS = KernelOptions.defaults();

    /** A random partial matrix taken from a Gram matrix (so that YES instances are common). */
    static Mc1Instance randomInstance(Random rnd, int n) {
        Rational[][] g = ExactPsdTest.gram(rnd, n, 1 + rnd.nextInt(n));
        if (rnd.nextInt(4) == 0) {
            int i = rnd.nextInt(n);
            g[i][i] = g[i][i].subtract(Rational.of(1 + rnd.nextInt(3), 2));
        }
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = g[i][i];
            for (int j = 0; j < i; j++) if (rnd.nextInt(3) != 0) a[i][j] = g[i][j];
        }
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
    }

    @Test
    void completionsAreAcceptedExactlyWhenPsd() {
        Random rnd = new Random(99);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1500; trial++) {
            int n = 2 + rnd.nextInt(4);
            Mc1Instance inst = randomInstance(rnd, n);
            Pattern p = inst.matrix().pattern();
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (!p.contains(i, j) && rnd.nextInt(4) != 0) es.add(new Entry(i, j, ExactPsdTest.small(rnd)));
                }
            }
            Certificate c = Certificate.completion(null, new Body.Entries(es));
            boolean valid = NaiveCertificates.valid(inst, c);
            Judgement j = Kernel.check(inst, null, c, OPTS);
            assertEquals(valid ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), j.reason());
            if (valid) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 100 && rejected > 100, accepted + " " + rejected);
    }

    @Test
    void witnessesAreAcceptedExactlyWhenValid() {
        Random rnd = new Random(5);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1500; trial++) {
            int n = 2 + rnd.nextInt(4);
            Mc1Instance inst = randomInstance(rnd, n);
            Pattern p = inst.matrix().pattern();
            // W = a Gram matrix restricted to Ω (often not PSD any more) or a diagonal one.
            Rational[][] g = ExactPsdTest.gram(rnd, n, 1 + rnd.nextInt(n));
            List<Entry> es = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    if ((p.contains(i, j) || rnd.nextInt(8) == 0) && !g[i][j].isZero()) es.add(new Entry(i, j, g[i][j]));
                }
            }
            Certificate c = Certificate.witness(null, new Body.Entries(es));
            boolean valid = NaiveCertificates.valid(inst, c);
            Judgement j = Kernel.check(inst, null, c, OPTS);
            assertEquals(valid ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), j.reason());
            if (valid) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 20 && rejected > 100, accepted + " " + rejected);
    }

    @Test
    void factorWitnessWithCancellationBetweenColumns() {
        // Ω = diagonal ∪ {(2,1)}; V rows v1 = (1, 1), v2 = 0, v3 = (1, −1): both columns touch (3,1) but
        // (VVᵀ)_31 = 0, so W = diag(2, 0, 2) is supported on Ω and ⟨W, a⟩ = 2·(1/4) + 2·(−1) < 0.
        Mc1Instance inst = Vectors.mc1("1/4", "0 1", "? ? -1");
        RationalMatrix v = RationalMatrix.ofLongs(new long[][] {{1, 1}, {0, 0}, {1, -1}});
        Judgement ok = Kernel.check(inst, null, Certificate.witness(null, new Body.Factor(v, null)), OPTS);
        assertEquals(Outcome.ACCEPTED, ok.outcome(), ok.reason());
        assertEquals("-3/2", ok.bounds().get("inner_product"));
        RationalMatrix bad = RationalMatrix.ofLongs(new long[][] {{1, 1}, {0, 0}, {1, -2}});
        Judgement no = Kernel.check(inst, null, Certificate.witness(null, new Body.Factor(bad, null)), OPTS);
        assertEquals("support", no.check());
        assertEquals(Map.of("i", 3, "j", 1), no.location());
    }

    @Test
    void ldlNamesTheFirstOffPatternProduct() {
        // Ω = diagonal ∪ {(2,1)}: L with l_31 = 1 puts W_31 = d_1 ≠ 0 off Ω.
        Mc1Instance inst = Vectors.mc1("1", "2 1", "? ? 1");
        Body.Ldl l = new Body.Ldl(new int[] {0, 1, 2}, Matrices.entries(3, 1, "1"), new Rational[] {Rational.ONE, Rational.ZERO, Rational.ZERO});
        Judgement j = Kernel.check(inst, null, Certificate.witness(null, l), OPTS);
        assertEquals("support", j.check());
        assertEquals(Map.of("i", 3, "j", 1), j.location());
    }

    @Test
    void factorCompletionAtModerateScaleAcceptsAndRejects() {
        // n = 3000 path-plus-random pattern, X target = FFᵀ + I exactly, certificate (F, δ = 1) has Δ = 0.
        Random rnd = new Random(17);
        int n = 3000, r = 4;
        Rational[] f = new Rational[n * r];
        for (int k = 0; k < f.length; k++) f[k] = Rational.ofDecimal(rnd.nextInt(2001) - 1000, -3);
        RationalMatrix fm = RationalMatrix.of(n, r, f);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < n; i++) pairs.add(new int[] {i, i - 1});
        for (int t = 0; t < 3 * n; t++) {
            int i = rnd.nextInt(n), j = rnd.nextInt(n);
            if (i != j) pairs.add(new int[] {i, j});
        }
        Pattern p = Pattern.of(n, pairs.toArray(new int[0][]));
        Rational[] vals = new Rational[p.m()];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                Rational s = i == j ? Rational.ONE : Rational.ZERO;
                for (int c = 0; c < r; c++) s = s.add(f[i * r + c].multiply(f[j * r + c]));
                vals[k] = s;
            }
        }
        Mc1Instance inst = new Mc1Instance(PartialSymmetricMatrix.of(p, vals));
        Judgement ok = Kernel.check(inst, null, Certificate.completion(null, new Body.Factor(fm, Rational.ONE)), OPTS);
        assertEquals(Outcome.ACCEPTED, ok.outcome(), ok.reason());
        assertEquals("1", ok.bounds().get("lambda_min_lower"));
        // Claiming δ = 1.001 makes every diagonal Δ_ii = −0.001: ‖Δ‖_F² = n·10⁻⁶ = 0.003 ≤ δ², still valid;
        // δ = 0 gives ‖Δ‖_F² = n > 0: rejected.
        assertEquals(Outcome.ACCEPTED, Kernel.check(inst, null, Certificate.completion(null, new Body.Factor(fm, Rational.parse("1.001"))), OPTS).outcome());
        Judgement no = Kernel.check(inst, null, Certificate.completion(null, new Body.Factor(fm, Rational.ZERO)), OPTS);
        assertEquals("weyl-bound", no.check());
        assertEquals(Outcome.REJECTED, no.outcome());
    }
}
