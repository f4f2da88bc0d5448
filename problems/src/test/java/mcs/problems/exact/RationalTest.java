package mcs.problems.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RationalTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "-0.125, -1/8", "3e-7, 3/10000000", "3/7, 3/7", "6/14, 3/7", "-6/-14, 3/7", "+2.50, 5/2", ".5, 1/2",
        "5., 5", "1E+3, 1000", "0.000, 0", "-0, 0", "12e2, 1200", "1.5e-1, 3/20", "4/-8, -1/2", "007, 7"
    })
    void parsesExactlyAndPrintsCanonically(String text, String canonical) {
        assertEquals(canonical, Rational.parse(text).toString());
        assertEquals(Rational.parse(canonical), Rational.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NaN", "Inf", "-Infinity", "1/0", "0x1p3", "1e", "e5", "1.2.3", "1/2/3", "--1", "1,5", "3/", "/3", "1e99999999"})
    void rejectsNonLiterals(String text) {
        assertThrows(NumberFormatException.class, () -> Rational.parse(text));
    }

    @Test
    void fieldIdentities() {
        SplittableRandom r = new SplittableRandom(42);
        for (int t = 0; t < 2000; t++) {
            Rational a = Rational.of(r.nextLong(-1000, 1000), r.nextLong(1, 1000));
            Rational b = Rational.of(r.nextLong(-1000, 1000), r.nextLong(1, 1000));
            Rational c = Rational.of(r.nextLong(-1000, 1000), r.nextLong(1, 1000));
            assertEquals(a.add(b), b.add(a));
            assertEquals(a.multiply(b.add(c)), a.multiply(b).add(a.multiply(c)));
            assertEquals(a, a.add(b).subtract(b));
            if (!b.isZero()) assertEquals(a, a.divide(b).multiply(b));
            assertEquals(Integer.signum(a.compareTo(b)), a.subtract(b).signum());
            assertEquals(a, Rational.parse(a.toString()));
        }
    }

    @Test
    void toDoubleIsCorrectlyRounded() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 20000; t++) {
            BigInteger p = new BigInteger(1 + r.nextInt(200), new java.util.Random(r.nextLong()));
            BigInteger q = new BigInteger(1 + r.nextInt(200), new java.util.Random(r.nextLong())).add(BigInteger.ONE);
            if (r.nextBoolean()) p = p.negate();
            Rational x = Rational.of(p, q);
            double d = x.toDouble();
            // Reference: BigDecimal with far more digits than needed, then one rounding via the decimal string.
            double ref = new BigDecimal(p).divide(new BigDecimal(q), new MathContext(800)).doubleValue();
            assertEquals(ref, d, 0.0, x::toString);
        }
        assertEquals(0.1, Rational.parse("0.1").toDouble(), 0.0);
        assertEquals(1.0 / 3, Rational.of(1, 3).toDouble(), 0.0);
        assertEquals(Double.MIN_VALUE, Rational.ofDouble(Double.MIN_VALUE).toDouble(), 0.0);
        assertEquals(-Double.MAX_VALUE, Rational.ofDouble(-Double.MAX_VALUE).toDouble(), 0.0);
    }

    /** Values far below the least subnormal round to zero without the exact decimal division (issue 15: it took seconds). */
    @Test
    void tinyValuesRoundToZeroFastAndTheSubnormalEdgeStaysExact() {
        long t0 = System.nanoTime();
        for (int k = 0; k < 50; k++) {
            assertEquals(0.0, Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(12000).add(BigInteger.valueOf(k))).toDouble(), 0.0);
            assertEquals(-0.0, Rational.of(BigInteger.ONE.negate(), BigInteger.ONE.shiftLeft(5000 + k)).toDouble(), 0.0);
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 1, "50 tiny values took " + (System.nanoTime() - t0) / 1e9 + " s");
        BigInteger half = BigInteger.ONE.shiftLeft(1075);
        assertEquals(0.0, Rational.of(BigInteger.ONE, half).toDouble(), 0.0, "2^-1075 ties to even: 0");
        assertEquals(Double.MIN_VALUE, Rational.of(BigInteger.valueOf(3), half.shiftLeft(1)).toDouble(), 0.0, "1.5·2^-1075 rounds up");
        assertEquals(0.0, Rational.of(BigInteger.ONE, half.add(BigInteger.ONE)).toDouble(), 0.0);
    }

    @Test
    void doublesAreExactRationals() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 5000; t++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) continue;
            assertEquals(d, Rational.ofDouble(d).toDouble(), 0.0);
            assertEquals(0, new BigDecimal(d).compareTo(new BigDecimal(Rational.ofDouble(d).numerator())
                    .divide(new BigDecimal(Rational.ofDouble(d).denominator()))));
        }
    }

    @Test
    void decimalRendering() {
        assertEquals("-0.125", Rational.parse("-1/8").toDecimalString());
        assertEquals("1/3", Rational.of(1, 3).toDecimalString());
        assertEquals("1200", Rational.parse("12e2").toDecimalString());
        assertTrue(Rational.parse("1e-300").toDecimalString().startsWith("0.000"));
    }

    @Test
    void compactArrayKeepsEveryValue() {
        RationalArray a = new RationalArray(6);
        a.setDecimal(0, -125, -3);
        a.set(1, Rational.of(1, 3));
        a.set(2, Rational.of(new BigInteger("123456789012345678901234567890")));
        a.setDecimal(3, 7, 40000);
        a.set(4, Rational.of(-5));
        assertEquals(Rational.parse("-0.125"), a.get(0));
        assertEquals(Rational.of(1, 3), a.get(1));
        assertEquals(new BigInteger("123456789012345678901234567890"), a.get(2).numerator());
        assertEquals(Rational.ofDecimal(7, 40000), a.get(3));
        assertEquals(Rational.of(-5), a.get(4));
        assertEquals(Rational.ZERO, a.get(5));
        a.set(1, Rational.TWO);
        assertEquals(Rational.TWO, a.get(1));
    }
}
