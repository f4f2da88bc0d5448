package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import org.junit.jupiter.api.Test;

class CompactTest {
    @Test
    void storesEveryValueExactlyAndDecimalsCompactly() {
        Rational[] v = {Rational.of(1, 16), Rational.of(-3, 10), Rational.of(1, 3), Rational.of(7), Rational.ZERO,
                Rational.of(BigInteger.ONE, BigInteger.TWO.pow(70)), Rational.of(BigInteger.TEN.pow(30).add(BigInteger.ONE), BigInteger.valueOf(4)),
                Rational.parse("-0.0000000123"), Rational.of(BigInteger.ONE.shiftLeft(80))};
        RationalArray a = Compact.array(v);
        for (int k = 0; k < v.length; k++) assertEquals(v[k], a.get(k), "entry " + k);
        assertTrue(a.isCompact(0) && a.isCompact(1) && a.isCompact(7), "short decimals are compact");
        double[] d = Compact.approx(v);
        for (int k = 0; k < v.length; k++) assertEquals(v[k].toDouble(), d[k]);
    }
}
