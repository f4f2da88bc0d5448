package mcs.problems.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.PermInstance;
import org.junit.jupiter.api.Test;

/**
 * Instances, patterns and certificate bodies are immutable whoever holds them: a solver or plug-in that is
 * handed one cannot change what the kernel reads (issue 15, "a sealed kernel").
 */
class ImmutabilityTest {
    private static PartialSymmetricMatrix spec3x3() {
        Rational h = Rational.HALF;
        return PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{Rational.ONE}, {h, Rational.ONE}, {null, h, Rational.ONE}});
    }

    @Test
    void theExactValuesOfAMatrixCannotBeWritten() {
        PartialSymmetricMatrix a = spec3x3();
        assertThrows(IllegalStateException.class, () -> a.exactValues().set(0, Rational.ZERO));
        assertThrows(IllegalStateException.class, () -> a.exactValues().setDecimal(0, 0, 0));
        assertEquals(Rational.ONE, a.value(0));
    }

    @Test
    void theArraysAMatrixWasBuiltFromAreFrozenOrCopied() {
        Pattern p = Pattern.of(2, new int[][] {{1, 0}});
        RationalArray exact = new RationalArray(3);
        double[] approx = {1, 0.5, 1};
        for (int k = 0; k < 3; k++) exact.set(k, Rational.ofDouble(approx[k]));
        PartialSymmetricMatrix a = new PartialSymmetricMatrix(p, exact, approx);
        assertThrows(IllegalStateException.class, () -> exact.set(1, Rational.TWO), "the builder's reference is frozen too");
        approx[1] = 99;
        assertEquals(0.5, a.approx(1));
        a.approxValues()[1] = 77;
        assertEquals(0.5, a.approx(1), "approxValues() hands out a copy");
        RationalArray writable = a.exactValues().copy();
        writable.set(1, Rational.TWO);
        assertEquals(Rational.HALF, a.value(1));
    }

    @Test
    void aPatternCopiesItsArraysInAndItsAdjacencyOut() {
        int[] ptr = {0, 1, 3};
        int[] col = {0, 0, 1};
        Pattern p = new Pattern(2, ptr, col);
        col[1] = 1;
        ptr[1] = 2;
        assertEquals(3, p.m());
        assertEquals(0, p.col(1));
        int[][] adj = p.adjacency();
        adj[1][0] = 0;
        adj[0][1] = 0;
        assertArrayEquals(new int[] {1}, p.neighbours(0));
        assertEquals(1, p.degree(0));
        assertArrayEquals(new int[] {1, 0}, p.adjacency()[1]);
        assertArrayEquals(new int[] {0, 1, 2}, p.adjacency()[0]);
    }

    @Test
    void aRationalMatrixIsImmutable() {
        RationalMatrix m = RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}});
        assertThrows(IllegalStateException.class, () -> m.exactValues().set(0, Rational.ZERO));
        m.approxValues()[0] = 9;
        assertEquals(1.0, m.approx(0, 0));
    }

    @Test
    void certificateBodiesCopyTheirArraysInAndOut() {
        int[] order = {0, 1};
        Rational[] d = {Rational.ONE, Rational.ONE};
        Body.Ldl ldl = new Body.Ldl(order, List.of(new Entry(1, 0, Rational.HALF)), d);
        order[0] = 1;
        d[0] = Rational.MINUS_ONE;
        ldl.order()[1] = 0;
        ldl.d()[1] = Rational.MINUS_ONE;
        assertArrayEquals(new int[] {0, 1}, ldl.order());
        assertArrayEquals(new Rational[] {Rational.ONE, Rational.ONE}, ldl.d());
        Body.Chordal ch = new Body.Chordal(new int[] {1, 0});
        ch.order()[0] = 0;
        assertArrayEquals(new int[] {1, 0}, ch.order());
    }

    /** A BigInteger whose value changes after it was looked at: a Rational must not keep such an object. */
    static final class Shifty extends BigInteger {
        private int calls;

        Shifty() {
            super("3");
        }

        @Override
        public int signum() {
            return ++calls > 3 ? -1 : 1;
        }
    }

    @Test
    void aRationalKeepsNoSubclassOfBigInteger() {
        Rational r = Rational.of(new Shifty(), BigInteger.TWO);
        assertEquals(BigInteger.class, r.numerator().getClass());
        for (int k = 0; k < 10; k++) assertEquals(1, r.signum());
        assertEquals(Rational.of(3, 2), r);
        assertEquals(BigInteger.class, Rational.of(new Shifty()).numerator().getClass());
    }

    @Test
    void deepCopiesShareNoArray() {
        Mc1Instance mc1 = new Mc1Instance(spec3x3());
        Mc1Instance c = mc1.deepCopy();
        assertNotSame(mc1.matrix(), c.matrix());
        assertNotSame(mc1.matrix().pattern(), c.matrix().pattern());
        assertNotSame(mc1.matrix().exactValues(), c.matrix().exactValues());
        assertEquals(mc1.matrix().pattern(), c.matrix().pattern());
        for (int k = 0; k < mc1.m(); k++) assertEquals(mc1.matrix().value(k), c.matrix().value(k));
        Mc2Instance mc2 = new Mc2Instance(RationalMatrix.ofLongs(new long[][] {{1, 0}, {0, 1}}), Pattern.dense(2), true);
        Mc2Instance c2 = mc2.deepCopy();
        assertNotSame(mc2.a(), c2.a());
        assertNotSame(mc2.omega(), c2.omega());
        assertEquals(mc2.omega(), c2.omega());
        PermInstance perm = PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}));
        PermInstance c3 = perm.deepCopy();
        assertNotSame(perm.re(), c3.re());
        assertEquals(perm.re().get(1, 0), c3.re().get(1, 0));
    }
}
