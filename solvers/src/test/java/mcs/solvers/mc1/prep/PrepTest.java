package mcs.solvers.mc1.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import org.junit.jupiter.api.Test;

/** Diagonal rules, component split with certificate lifting, unit scaling. */
class PrepTest {
    static Rational q(String s) {
        return Rational.parse(s);
    }

    static PartialSymmetricMatrix lower(String[][] rows) {
        Rational[][] a = new Rational[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            a[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) a[i][j] = rows[i][j] == null ? null : q(rows[i][j]);
        }
        return PartialSymmetricMatrix.ofLowerTriangle(a);
    }

    static Rational inner(PartialSymmetricMatrix a, List<Entry> w) {
        Rational s = Rational.ZERO;
        for (Entry e : w) s = s.add(e.value().multiply(a.get(e.i(), e.j())).multiply(e.i() == e.j() ? 1 : 2));
        return s;
    }

    @Test
    void specZeroDiagonalVector() {
        PartialSymmetricMatrix a = lower(new String[][] {{"0"}, {"1/2", "1"}});
        DiagonalRules.Result r = DiagonalRules.apply(a);
        assertNotNull(r.witness());
        assertTrue(inner(a, r.witness().entries()).signum() < 0);
    }

    @Test
    void negativeDiagonalAndDroppableRows() {
        DiagonalRules.Result neg = DiagonalRules.apply(lower(new String[][] {{"1"}, {"1", "-2"}}));
        assertEquals(List.of(new Entry(1, 1, Rational.ONE)), neg.witness().entries());
        DiagonalRules.Result drop = DiagonalRules.apply(lower(new String[][] {{"0"}, {"0", "1"}, {null, null, "0"}}));
        assertNull(drop.witness());
        assertArrayEquals(new boolean[] {true, false, true}, drop.droppable());
        assertEquals(2, drop.dropped());
    }

    @Test
    void componentWitnessLiftsToTheWhole() {
        // Components {0, 2} (not PSD: 2x2 block [[1,2],[2,1]]) and {1, 3}.
        PartialSymmetricMatrix a = lower(new String[][] {{"1"}, {null, "1"}, {"2", null, "1"}, {null, "1/3", null, "1"}});
        ComponentSplit split = ComponentSplit.of(a.pattern());
        assertEquals(2, split.count());
        int c = split.componentOf(2);
        assertArrayEquals(new int[] {0, 2}, split.members(c));
        PartialSymmetricMatrix sub = split.restrict(a, c);
        assertEquals(2, sub.n());
        assertEquals(q("2"), sub.get(1, 0));
        List<Entry> local = List.of(new Entry(0, 0, Rational.ONE), new Entry(1, 0, Rational.MINUS_ONE), new Entry(1, 1, Rational.ONE));
        assertEquals(q("-2"), inner(sub, local));
        List<Entry> global = split.lift(c, local);
        assertEquals(q("-2"), inner(a, global), "zero extension keeps <W,a>");
        assertEquals(new Entry(2, 0, Rational.MINUS_ONE), global.get(1));
    }

    @Test
    void unitScalingMapsDirectionsBack() {
        PartialSymmetricMatrix a = lower(new String[][] {{"4"}, {"3", "1"}});
        UnitScaling s = UnitScaling.of(a);
        assertEquals(0.5, s.factor(0));
        assertEquals(1.5, s.scaled(a, a.pattern().entryIndex(1, 0), 1, 0));
        // Scaled block [[1, 3/2], [3/2, 1]] has u = (1, −1) with uᵀbu = −1; v = D^{-1/2}u = (1/2, −1).
        Rational[] v = UnitScaling.rationalDirection(s.unscale(new int[] {0, 1}, new double[] {1, -1}));
        Rational quad = v[0].square().multiply(4).add(v[0].multiply(v[1]).multiply(6)).add(v[1].square());
        assertEquals(q("-1"), quad);
    }
}
