package mcs.verifier.search;

import static mcs.verifier.search.gen.Gen.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import mcs.problems.instance.Mc1Instance;
import mcs.verifier.search.gen.Gen;
import mcs.verifier.search.gen.GenerationException;
import mcs.verifier.search.gen.Mc1Gens;
import mcs.verifier.search.property.Cliques;
import org.junit.jupiter.api.Test;

/** Generator combinators and the edge cases the MC1 generator promises. */
class GenTest {
    @Test
    void combinatorsAreDeterministicAndHonourTheirContracts() {
        Gen<Integer> g = Gen.between(0, 9).flatMap(a -> Gen.between(0, 9).map(b -> 10 * a + b)).filter(x -> x % 2 == 0, 100);
        for (long s = 0; s < 50; s++) {
            int x = g.generate(new SplittableRandom(s), 1);
            assertEquals(x, g.generate(new SplittableRandom(s), 1));
            assertTrue(x % 2 == 0 && x >= 0 && x <= 99);
        }
        Gen<Integer> never = Gen.between(1, 3).filter(x -> x > 5, 7);
        GenerationException e = assertThrows(GenerationException.class, () -> never.generate(new SplittableRandom(1), 1));
        assertTrue(e.getMessage().contains("8 draws"));
        Gen<String> w = Gen.oneOf(weight(0, Gen.constant("never")), weight(3, Gen.constant("a")), weight(1, Gen.constant("b")));
        int a = 0;
        for (long s = 0; s < 4000; s++) if (w.generate(new SplittableRandom(s), 1).equals("a")) a++;
        assertTrue(a > 2800 && a < 3200, "weight 3 of 4 gave " + a + " of 4000");
        assertEquals(7, Gen.sized(Gen::constant).resize(7).generate(new SplittableRandom(1), 99));
    }

    @Test
    void edgeCasesCoverTheAdvertisedShapes() {
        Gen<Mc1Instance> g = Mc1Gens.edgeCases();
        Set<String> seen = new HashSet<>();
        for (long s = 0; s < 400; s++) {
            Mc1Instance m = g.generate(new SplittableRandom(s), 5);
            assertEquals(5, m.n());
            var p = m.matrix().pattern();
            seen.add(Cliques.chordal(p) ? "chordal" : "non-chordal");
            if (new org.jgrapht.alg.connectivity.ConnectivityInspector<>(p.graph()).connectedSets().size() > 1) seen.add("disconnected");
            for (int k = 0; k < m.m(); k++) {
                var v = m.matrix().value(k);
                if (v.isZero()) seen.add(p.col(k) == rowOf(p, k) ? "zero-diagonal" : "zero");
                if (v.abs().equals(mcs.problems.exact.Rational.ONE) && p.col(k) != rowOf(p, k)) seen.add("unit-off-diagonal");
            }
            boolean cycle = p.edges() == 5;
            for (int i = 0; i < 5; i++) cycle &= p.degree(i) == 2;
            if (cycle && new org.jgrapht.alg.connectivity.ConnectivityInspector<>(p.graph()).isConnected()) seen.add("chordless-5-cycle");
        }
        assertEquals(Set.of("chordal", "non-chordal", "disconnected", "zero", "zero-diagonal", "unit-off-diagonal", "chordless-5-cycle"), seen);
    }

    private static int rowOf(mcs.problems.matrix.Pattern p, int k) {
        return p.row(k);
    }
}
