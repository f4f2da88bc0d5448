package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import org.junit.jupiter.api.Test;

/**
 * Audit: the target values the kernel checks against are read from compact decimal storage without
 * building Rationals ({@link CommonDenominator#of(RationalArray)}); they must be exactly the stored values,
 * for positive and negative exponents, zero, long extremes and spilled (p/q) entries, and the common
 * denominator must be positive (a negative one would flip every sign).
 */
class AuditCommonDenominatorTest {
    @Test
    void compactDecimalsScaleExactly() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int size = 1 + rnd.nextInt(12);
            RationalArray arr = new RationalArray(size);
            for (int k = 0; k < size; k++) {
                switch (rnd.nextInt(5)) {
                    case 0 -> arr.setDecimal(k, rnd.nextLong(), rnd.nextInt(41) - 20);
                    case 1 -> arr.setDecimal(k, rnd.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE, rnd.nextInt(7) - 3);
                    case 2 -> arr.setDecimal(k, 0, rnd.nextInt(9) - 4);
                    case 3 -> arr.set(k, Rational.of(BigInteger.valueOf(rnd.nextInt(2001) - 1000), BigInteger.valueOf(1 + rnd.nextInt(97))));
                    default -> arr.set(k, Rational.of(BigInteger.TWO.pow(70 + rnd.nextInt(10)).negate()));
                }
            }
            CommonDenominator cd = CommonDenominator.of(arr);
            assertTrue(cd.den.signum() > 0);
            Rational[] plain = new Rational[size];
            for (int k = 0; k < size; k++) {
                plain[k] = arr.get(k);
                assertEquals(arr.get(k), cd.value(k), "entry " + k);
                assertEquals(arr.get(k), Rational.of(cd.num[k], cd.den), "entry " + k);
            }
            CommonDenominator viaRationals = CommonDenominator.of(plain);
            for (int k = 0; k < size; k++) assertEquals(arr.get(k), viaRationals.value(k));
        }
    }
}
