package mcs.solvers.perm.glynn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/**
 * The two-word split reproduces the exponent-98 integers exactly, and its words are small enough that every
 * signed column sum of either word is exact in a double.
 */
class DoubleWordColumnsTest {
    @Test
    void wordsRecombineExactlyAndTheirColumnSumsFitADouble() {
        Random rnd = new Random(5L);
        for (int n : new int[] {1, 2, 7, 30, 62}) {
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.ofDouble((rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(9) - 4));
            PermInstance inst = PermInstance.permanent(RationalMatrix.of(a));
            DoubleWordColumns dw = DoubleWordColumns.of(inst);
            assertNotNull(dw, "n=" + n);
            FixedPointColumns.Quantised z = FixedPointColumns.quantise(inst, DoubleWordColumns.EXPONENT);
            assertEquals(z.unit(), dw.unit());
            for (int j = 0; j < n; j++) {
                double hiAbs = 0, loAbs = 0;
                for (int i = 0; i < n; i++) {
                    BigInteger hi = new BigDecimal(dw.hi()[i][j]).toBigIntegerExact();
                    BigInteger lo = new BigDecimal(Math.scalb(dw.lo()[i][j], DoubleWordColumns.SPLIT)).toBigIntegerExact();
                    assertEquals(z.re()[i][j], hi.shiftLeft(DoubleWordColumns.SPLIT).add(lo), "q = h*2^47 + l at " + i + "," + j);
                    assertTrue(lo.abs().compareTo(BigInteger.ONE.shiftLeft(DoubleWordColumns.SPLIT - 1)) <= 0);
                    hiAbs += Math.abs(dw.hi()[i][j]);
                    loAbs += Math.abs(dw.lo()[i][j]);
                }
                assertTrue(hiAbs < 0x1p52, "high words of column " + j);
                assertTrue(Math.scalb(loAbs, DoubleWordColumns.SPLIT) < 0x1p52, "low words of column " + j);
            }
        }
    }

    @Test
    void absentWhenNotExactOrComplexOrZero() {
        Rational[][] tiny = {{Rational.ONE, Rational.ofDouble(Math.scalb(0.7853981633974483, -80))}, {Rational.ONE, Rational.ONE}};
        assertNull(DoubleWordColumns.of(PermInstance.permanent(RationalMatrix.of(tiny))));
        Rational[][] zeroRow = {{Rational.ZERO, Rational.ZERO}, {Rational.ONE, Rational.ONE}};
        assertNull(DoubleWordColumns.of(PermInstance.permanent(RationalMatrix.of(zeroRow))));
        RationalMatrix one = RationalMatrix.ofLongs(new long[][] {{1}});
        assertNull(DoubleWordColumns.of(new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX, one, one)));
    }
}
