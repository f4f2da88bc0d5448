package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.Matrices;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.Test;

/**
 * Audit of MC2 answers (SPEC §2.3) near the boundary: B = AAᵀ (the trivial answer) perturbed by ±10⁻¹²
 * or ±10⁻³⁰ on or off Ω, with the diagonal constrained or free; factor answers F = A perturbed, with and
 * without a shift. The verdict must match the naive semantics ({@link mcs.testkit.NaiveCertificates#valid}: dense exact
 * target recomputation, every principal minor).
 */
class AuditMc2Test {
    private static final Rational E12 = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(12));
    private static final Rational E30 = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30));

    @Test
    void answersAgreeWithTheNaiveSemantics() {
        Random rnd = new Random(2026);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 1200; trial++) {
            int n = 2 + rnd.nextInt(4), k = 1 + rnd.nextInt(3);
            Rational[][] av = new Rational[n][k];
            for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) av[i][c] = ExactPsdTest.small(rnd);
            RationalMatrix a = RationalMatrix.of(av);
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (rnd.nextBoolean()) pairs.add(new int[] {i, j});
            boolean diag = rnd.nextBoolean();
            Pattern omega = Pattern.of(n, pairs.toArray(new int[0][]));
            Mc2Instance inst = new Mc2Instance(a, omega, diag);
            Rational[][] g = Matrices.gram(a);
            Rational eps = rnd.nextBoolean() ? E12 : E30;
            if (rnd.nextBoolean()) eps = eps.negate();
            Certificate c;
            if (rnd.nextBoolean()) {
                // entries: B off Ω (diagonal included when free), one position perturbed (maybe).
                List<Entry> es = new ArrayList<>();
                int pi = rnd.nextInt(n), pj = rnd.nextInt(pi + 1);
                boolean perturb = rnd.nextInt(3) != 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        boolean constrained = i == j ? diag : omega.contains(i, j);
                        if (constrained) continue;
                        Rational v = g[i][j];
                        if (perturb && i == pi && j == pj) v = v.add(eps);
                        if (!v.isZero() || rnd.nextBoolean()) es.add(new Entry(i, j, v));
                    }
                }
                c = Certificate.squaring(null, new Body.Entries(es));
            } else {
                Rational[][] fv = new Rational[n][k];
                for (int i = 0; i < n; i++) fv[i] = av[i].clone();
                if (rnd.nextInt(3) != 0) {
                    int i = rnd.nextInt(n), col = rnd.nextInt(k);
                    fv[i][col] = fv[i][col].add(eps);
                }
                Rational delta = switch (rnd.nextInt(3)) {
                    case 0 -> Rational.ZERO;
                    case 1 -> eps.abs();
                    default -> eps.abs().multiply(Rational.of(3));
                };
                c = Certificate.squaring(null, new Body.Factor(RationalMatrix.of(fv), delta));
            }
            boolean valid = NaiveCertificates.valid(inst, c);
            Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults());
            assertEquals(valid ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(), "trial " + trial + ": " + j.reason());
            if (valid) accepted++;
            else rejected++;
        }
        assertTrue(accepted > 200 && rejected > 200, accepted + " / " + rejected);
    }
}
