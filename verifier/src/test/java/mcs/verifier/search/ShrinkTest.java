package mcs.verifier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.verifier.search.shrink.SternBrocot;
import mcs.verifier.search.shrink.Shrinker;
import org.junit.jupiter.api.Test;

/** Stern–Brocot search and greedy shrinking on properties whose minimal counterexamples are known. */
class ShrinkTest {
    static Rational q(String s) {
        return Rational.parse(s);
    }

    @Test
    void simplestRationalInAnInterval() {
        assertEquals(q("1/2"), SternBrocot.simplestBetween(q("1/3"), q("1/2")));
        assertEquals(q("1/3"), SternBrocot.simplestBetween(q("0.3"), q("0.35")));
        assertEquals(q("-3/4"), SternBrocot.simplestBetween(q("-0.76"), q("-0.74")));
        assertEquals(q("3"), SternBrocot.simplestBetween(q("2.5"), q("3.7")));
        assertEquals(q("0"), SternBrocot.simplestBetween(q("-1/7"), q("1/9")));
        assertEquals(q("355/113"), SternBrocot.simplestBetween(q("3.1415926"), q("3.1415930")));
        assertEquals(q("7/10"), SternBrocot.simplestBetween(q("7/10"), q("7/10")));
    }

    /** "Fails when some off-diagonal entry exceeds 0.7071": shrinks to the 2×2 matrix with that entry simplest, i.e. 1. */
    @Test
    void shrinksToTheKnownMinimum() {
        Property p = new Property() {
            public String name() {
                return "test:small-entries";
            }

            public Problem problem() {
                return Problem.PSD_COMPLETION;
            }

            public String description() {
                return "every off-diagonal entry is at most 0.7071";
            }

            public PropertyResult check(Instance inst, Oracle o) {
                PartialSymmetricMatrix a = ((Mc1Instance) inst).matrix();
                for (int k = 0; k < a.m(); k++) {
                    if (a.pattern().col(k) != a.pattern().row(k) && a.value(k).compareTo(q("0.7071")) > 0) {
                        return new PropertyResult(PropertyResult.Outcome.FAIL, "entry " + a.value(k), 1, List.of(), Map.of(), null);
                    }
                }
                return PropertyResult.pass(0, List.of());
            }
        };
        Rational[][] a = new Rational[5][5];
        for (int i = 0; i < 5; i++) {
            a[i][i] = q("3/7");
            for (int j = 0; j < i; j++) a[i][j] = q((i + j) + "/9");
        }
        Mc1Instance start = new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
        Shrinker.Shrunk s = new Shrinker(p, null, 10_000, Long.MAX_VALUE).shrink(start, p.check(start, null));
        Mc1Instance end = (Mc1Instance) s.instance();
        assertTrue(s.localMinimum());
        assertEquals(2, end.n(), s.steps().toString());
        assertEquals(3, end.m());
        // diagonal entries go to 0, the failing entry to the simplest value above 0.7071: 1
        assertEquals(Rational.ONE, end.matrix().get(1, 0));
        assertEquals(Rational.ZERO, end.matrix().get(0, 0));
        assertEquals(Rational.ZERO, end.matrix().get(1, 1));
    }
}
