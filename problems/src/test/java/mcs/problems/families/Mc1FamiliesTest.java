package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.testkit.NaiveCertificates;
import mcs.testkit.NaivePsd;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.cycle.ChordalityInspector;
import org.junit.jupiter.api.Test;

/** Shapes and independently checked known answers of the MC1 families. */
class Mc1FamiliesTest {
    private static Generated gen(String family, int n, long seed, Map<String, String> params) {
        return Families.byName(family).orElseThrow().generate(n, seed, params);
    }

    private static Mc1Instance mc1(Generated g) {
        return (Mc1Instance) g.instance();
    }

    private static void assertNoWitness(Generated g, Rational expectedPairing) {
        assertEquals(Verdict.NOT_COMPLETABLE, g.known().verdict());
        Rational pairing = NaiveCertificates.witnessPairing(mc1(g).matrix(), g.known().certificate());
        assertTrue(pairing.signum() < 0, "⟨W,a⟩ = " + pairing + " < 0");
        if (expectedPairing != null) assertEquals(expectedPairing, pairing);
    }

    private static boolean chordal(Pattern p) {
        return new ChordalityInspector<>(p.graph()).isChordal();
    }

    @Test
    void randomSparseIsConnectedWithTheStatedEdgeCountAndPlantedAnswers() {
        for (long seed = 1; seed <= 4; seed++) {
            Generated yes = gen("random-sparse", 14, seed, Map.of("degree", "4"));
            Pattern p = mc1(yes).matrix().pattern();
            assertEquals(28, p.edges());
            assertTrue(new ConnectivityInspector<>(p.graph()).isConnected());
            assertEquals(Verdict.COMPLETABLE, yes.known().verdict());
            NaiveCertificates.assertFactorCompletion(mc1(yes).matrix(), yes.known().certificate());

            Generated no = gen("random-sparse", 14, seed, Map.of("degree", "4", "answer", "no", "margin", "1/4"));
            assertEquals(p, mc1(no).matrix().pattern());
            assertNoWitness(no, Rational.of(-1, 4));
        }
        // degree larger than n−1 gives the complete graph
        assertEquals(15, mc1(gen("random-sparse", 6, 9, Map.of("degree", "50"))).matrix().pattern().edges());
    }

    @Test
    void chordalShapesAreChordalAndAnswersHold() {
        for (long seed = 1; seed <= 3; seed++) {
            Generated kt = gen("chordal", 11, seed, Map.of("k", "2"));
            Pattern p = mc1(kt).matrix().pattern();
            assertTrue(chordal(p));
            assertEquals(3 + 2 * (11 - 3), p.edges(), "a 2-tree on n vertices has 2n − 3 edges");
            NaiveCertificates.assertFactorCompletion(mc1(kt).matrix(), kt.known().certificate());

            Generated band = gen("chordal", 9, seed, Map.of("shape", "band", "k", "3"));
            Pattern b = mc1(band).matrix().pattern();
            assertTrue(chordal(b));
            for (int i = 0; i < 9; i++) for (int j = 0; j < 9; j++) assertEquals(Math.abs(i - j) <= 3, b.contains(i, j));
            NaiveCertificates.assertFactorCompletion(mc1(band).matrix(), band.known().certificate());

            for (String shape : List.of("ktree", "band")) {
                Generated no = gen("chordal", 10, seed, Map.of("shape", shape, "answer", "no"));
                assertNoWitness(no, Rational.of(-1, 10));
                // the witness lives on one clique of size k+1 = 4 and that block of the data is not PSD
                List<Entry> w = ((Body.Entries) no.known().certificate()).entries();
                Set<Integer> clique = new HashSet<>();
                for (Entry e : w) clique.add(e.i());
                assertEquals(4, clique.size());
                Integer[] c = clique.toArray(new Integer[0]);
                Rational[][] block = new Rational[4][4];
                for (int s = 0; s < 4; s++) for (int t = 0; t < 4; t++) block[s][t] = mc1(no).matrix().get(c[s], c[t]);
                assertFalse(NaivePsd.byElimination(block), "the planted clique block is not PSD");
            }
        }
    }

    @Test
    void cycleLabelsAgreeWithBruteForceBarrettJohnsonLoewy() {
        for (String answer : List.of("yes", "no", "random")) {
            for (int n = 3; n <= 9; n += 2) {
                for (long seed = 0; seed < 4; seed++) {
                    Generated g = gen("cycle", n, seed, Map.of("answer", answer));
                    PartialSymmetricMatrix a = mc1(g).matrix();
                    assertEquals(n, a.pattern().edges());
                    if (n >= 4) assertFalse(chordal(a.pattern()), "cycle of length " + n + " is not chordal");
                    double[] theta = new double[n];
                    int digits = 3 + (int) Math.ceil(2 * Math.log10(n));
                    for (int e = 0; e < n; e++) {
                        Rational v = a.get(e, (e + 1) % n);
                        assertTrue(BigInteger.TEN.pow(digits).mod(v.denominator()).signum() == 0, "a_e has at most " + digits + " decimals");
                        assertTrue(v.abs().compareTo(Rational.ONE) <= 0);
                        assertEquals(Rational.ONE, a.diagonal(e));
                        theta[e] = Math.acos(v.toDouble());
                    }
                    double slack = bruteForceSlack(theta);
                    assertTrue(Math.abs(slack) >= 0.99e-6, "slack " + slack + " respects the safety gap");
                    Verdict expected = slack > 0 ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE;
                    assertEquals(expected, g.known().verdict());
                    if (!answer.equals("random")) assertEquals(answer.equals("yes") ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, expected);
                    assertNull(g.known().certificate());
                }
            }
        }
    }

    @Test
    void largeCycleLabelsAgreeWithAnIndependentLinearTimeCheck() {
        for (String answer : List.of("yes", "no")) {
            for (long seed = 0; seed < 3; seed++) {
                Generated g = gen("cycle", 400, seed, Map.of("answer", answer));
                PartialSymmetricMatrix a = mc1(g).matrix();
                double cost = 0, flip = Double.POSITIVE_INFINITY;
                int obtuse = 0;
                for (int e = 0; e < 400; e++) {
                    double th = Math.acos(a.get(e, (e + 1) % 400).toDouble());
                    if (th > Math.PI / 2) obtuse++;
                    cost += Math.min(th, Math.PI - th);
                    flip = Math.min(flip, Math.abs(Math.PI - 2 * th));
                }
                double slack = cost + (obtuse % 2 == 0 ? flip : 0) - Math.PI;
                assertTrue(Math.abs(slack) > 0.9e-6);
                assertEquals(answer.equals("yes") ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, g.known().verdict());
                assertEquals(answer.equals("yes"), slack > 0, "slack " + slack);
            }
        }
    }

    /** min over odd F ⊆ E of (|F| − 1)π − (Σ_F θ − Σ_{E∖F} θ): nonnegative iff completable; all 2^n subsets. */
    private static double bruteForceSlack(double[] theta) {
        int n = theta.length;
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) % 2 == 0) continue;
            double lhs = 0;
            for (int e = 0; e < n; e++) lhs += ((mask >> e) & 1) == 1 ? theta[e] : -theta[e];
            best = Math.min(best, (Integer.bitCount(mask) - 1) * Math.PI - lhs);
        }
        return best;
    }

    @Test
    void gridIsTheNonChordalSquareGridWithUnitDiagonal() {
        for (long seed = 1; seed <= 3; seed++) {
            Generated yes = gen("grid", 16, seed, Map.of());
            PartialSymmetricMatrix a = mc1(yes).matrix();
            assertEquals(2 * 4 * 3, a.pattern().edges());
            assertFalse(chordal(a.pattern()));
            for (int i = 0; i < 16; i++) {
                assertEquals(Rational.ONE, a.diagonal(i));
                int r = i / 4, c = i % 4;
                for (int j = 0; j < 16; j++) {
                    boolean adjacent = Math.abs(r - j / 4) + Math.abs(c - j % 4) == 1;
                    assertEquals(adjacent || i == j, a.pattern().contains(i, j));
                }
            }
            NaiveCertificates.assertFactorCompletion(a, yes.known().certificate());

            Generated no = gen("grid", 9, seed, Map.of("answer", "no"));
            assertNoWitness(no, Rational.of(-12, 25));
        }
        assertNoWitness(gen("grid", 4, 5, Map.of("answer", "no", "c", "-71/100")), Rational.of(-11, 2500));
    }

    @Test
    void denseSpecifiesEverythingAndIsPsdExactlyWhenClaimed() {
        for (long seed = 1; seed <= 4; seed++) {
            Generated yes = gen("dense", 6, seed, Map.of());
            PartialSymmetricMatrix a = mc1(yes).matrix();
            assertEquals(21, a.m());
            NaiveCertificates.assertFactorCompletion(a, yes.known().certificate());
            assertTrue(NaivePsd.byElimination(NaiveCertificates.zeroFilled(a, List.of())));

            Generated no = gen("dense", 6, seed, Map.of("answer", "no"));
            assertNoWitness(no, Rational.of(-1, 10));
            assertFalse(NaivePsd.byElimination(NaiveCertificates.zeroFilled(mc1(no).matrix(), List.of())));
        }
    }
}
