package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.Pattern;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.api.Test;

class Mc2RandomFamilyTest {
    private static Mc2Instance gen(long seed, Map<String, String> params) {
        return (Mc2Instance) Families.byName("mc2-random").orElseThrow().generate(10, seed, params).instance();
    }

    @Test
    void shapesOfOmegaAndA() {
        Mc2Instance r = gen(1, Map.of("degree", "4"));
        assertEquals(10, r.a().cols());
        assertEquals(20, r.omega().edges());
        assertTrue(r.omegaHasDiagonal());
        assertTrue(new ConnectivityInspector<>(r.omega().graph()).isConnected());

        Mc2Instance b = gen(1, Map.of("omega", "banded", "degree", "4", "k", "3", "diagonal", "false"));
        assertEquals(3, b.a().cols());
        assertFalse(b.omegaHasDiagonal());
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) assertEquals(Math.abs(i - j) <= 2, b.omega().contains(i, j));

        Mc2Instance c = gen(2, Map.of("omega", "clustered", "degree", "3"));
        Pattern p = c.omega();
        assertTrue(new ConnectivityInspector<>(p.graph()).isConnected());
        // clusters of 4, 4, 2 vertices (6 + 6 + 1 edges) plus 2 chaining edges
        assertEquals(15, p.edges());

        Mc2Instance d = gen(3, Map.of("entries", "decimal"));
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                Rational x = d.a().get(i, j);
                assertTrue(BigInteger.TEN.mod(x.denominator()).signum() == 0 && x.abs().compareTo(Rational.ONE) <= 0);
                Rational y = r.a().get(i, j);
                assertTrue(y.isInteger() && y.abs().compareTo(Rational.of(4)) <= 0);
            }
        }
    }

    @Test
    void knownAnswerIsTheTrivialFactorA() {
        Generated g = Families.byName("mc2-random").orElseThrow().generate(7, 5, Map.of());
        assertEquals(Verdict.SOLVED, g.known().verdict());
        Body.Factor f = (Body.Factor) g.known().certificate();
        assertSame(((Mc2Instance) g.instance()).a(), f.factor());
        assertEquals(Rational.ZERO, f.shift());
    }
}
