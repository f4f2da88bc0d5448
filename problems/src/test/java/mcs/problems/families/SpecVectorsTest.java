package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.testkit.NaiveCertificates;
import mcs.testkit.NaivePsd;
import org.junit.jupiter.api.Test;

/** The SPEC §6 vectors reproduced by the near-boundary and gamma2 families. */
class SpecVectorsTest {
    private static Generated gen(String family, int n, String key, String value) {
        return Families.byName(family).orElseThrow().generate(n, 0, Map.of(key, value));
    }

    private static PartialSymmetricMatrix data(Generated g) {
        return ((Mc1Instance) g.instance()).matrix();
    }

    private static Rational r(String s) {
        return Rational.parse(s);
    }

    @Test
    void nearBoundaryYesCasesHaveAZeroChordCompletion() {
        for (String c : List.of("3/5", "7/10", "-7/10", "0")) {
            Generated g = gen("near-boundary", 4, "c", c);
            PartialSymmetricMatrix a = data(g);
            assertEquals(4, a.pattern().edges());
            assertFalse(a.pattern().contains(0, 2) || a.pattern().contains(1, 3), "chords are unknown");
            assertEquals(r(c), a.get(0, 1));
            assertEquals(r(c), a.get(1, 2));
            assertEquals(r(c), a.get(2, 3));
            assertEquals(r(c).negate(), a.get(0, 3));
            assertEquals(Verdict.COMPLETABLE, g.known().verdict());
            Body.Entries fill = (Body.Entries) g.known().certificate();
            assertTrue(NaivePsd.byElimination(NaiveCertificates.zeroFilled(a, fill.entries())), "zero chords complete c = " + c);
        }
    }

    @Test
    void nearBoundaryNoCasesReproduceTheSpecWitnesses() {
        assertWitness("4/5", "7/10", "-12/25");
        assertWitness("71/100", "141/200", "-11/2500");
        assertWitness("-4/5", "-7/10", "-12/25");
        // just above the boundary 1/√2 ≈ 0.70710678: the rule needs more digits but stays exact
        Generated g = gen("near-boundary", 4, "c", "0.7072");
        Rational pairing = NaiveCertificates.witnessPairing(((Mc1Instance) g.instance()).matrix(), g.known().certificate());
        assertTrue(pairing.signum() < 0);
    }

    private static void assertWitness(String c, String t, String pairing) {
        Generated g = gen("near-boundary", 4, "c", c);
        assertEquals(Verdict.NOT_COMPLETABLE, g.known().verdict());
        Rational tv = r(t);
        // W = I + t·S with S12 = S23 = S34 = −1, S14 = +1 (0-based lower entries)
        List<Entry> expected = List.of(new Entry(0, 0, Rational.ONE), new Entry(1, 0, tv.negate()), new Entry(1, 1, Rational.ONE),
                new Entry(2, 1, tv.negate()), new Entry(2, 2, Rational.ONE), new Entry(3, 0, tv), new Entry(3, 2, tv.negate()),
                new Entry(3, 3, Rational.ONE));
        assertEquals(expected, ((Body.Entries) g.known().certificate()).entries());
        assertEquals(r(pairing), NaiveCertificates.witnessPairing(((Mc1Instance) g.instance()).matrix(), g.known().certificate()));
    }

    @Test
    void hadamardNEquals4TOneIsNoWithTheSpecWitness() {
        Generated g = gen("gamma2", 4, "t", "1");
        PartialSymmetricMatrix a = data(g);
        assertFalse(a.pattern().contains(0, 1) || a.pattern().contains(2, 3), "within-block pairs are unknown");
        assertEquals(Rational.ONE, a.get(0, 2));
        assertEquals(Rational.ONE, a.get(0, 3));
        assertEquals(Rational.ONE, a.get(1, 2));
        assertEquals(Rational.MINUS_ONE, a.get(1, 3));
        assertEquals(Verdict.NOT_COMPLETABLE, g.known().verdict());
        Rational q = r("3/4"), h = r("-1/2");
        // W = [[¾I, −H/2], [−H/2, ¾I]]
        List<Entry> expected = List.of(new Entry(0, 0, q), new Entry(1, 1, q), new Entry(2, 0, h), new Entry(2, 1, h), new Entry(2, 2, q),
                new Entry(3, 0, h), new Entry(3, 1, h.negate()), new Entry(3, 3, q));
        assertEquals(expected, ((Body.Entries) g.known().certificate()).entries());
        assertEquals(Rational.MINUS_ONE, NaiveCertificates.witnessPairing(((Mc1Instance) g.instance()).matrix(), g.known().certificate()));
    }

    @Test
    void hadamardHalfScaleIsYesWithZeroFill() {
        for (String[] c : new String[][] {{"4", "1/2"}, {"8", "1/2"}, {"8", "-1/2"}, {"16", "1/3"}, {"2", "1"}}) {
            Generated g = gen("gamma2", Integer.parseInt(c[0]), "t", c[1]);
            assertEquals(Verdict.COMPLETABLE, g.known().verdict(), "n = " + c[0] + ", t = " + c[1]);
            PartialSymmetricMatrix a = data(g);
            assertTrue(NaivePsd.byElimination(NaiveCertificates.zeroFilled(a, ((Body.Entries) g.known().certificate()).entries())));
        }
    }

    @Test
    void hadamardNoWitnessGeneralises() {
        for (String[] c : new String[][] {{"8", "3/5"}, {"16", "1/2"}, {"16", "-0.36"}, {"2", "1.01"}, {"32", "0.26"}}) {
            Generated g = gen("gamma2", Integer.parseInt(c[0]), "t", c[1]);
            int h = Integer.parseInt(c[0]) / 2;
            Rational t = r(c[1]);
            assertTrue(t.square().multiply(h).compareTo(Rational.ONE) > 0);
            assertEquals(Verdict.NOT_COMPLETABLE, g.known().verdict());
            assertTrue(NaiveCertificates.witnessPairing(((Mc1Instance) g.instance()).matrix(), g.known().certificate()).signum() < 0);
            assertNull(g.known().value());
        }
    }

    @Test
    void sylvesterHadamardRowsAreOrthogonal() {
        int[][] h = Gamma2Family.hadamard(8);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                int s = 0;
                for (int k = 0; k < 8; k++) s += h[i][k] * h[j][k];
                assertEquals(i == j ? 8 : 0, s);
                assertEquals(h[i][j], h[j][i]);
            }
        }
    }
}
