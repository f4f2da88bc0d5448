package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/** The allocation-free decimal path against the general one ({@link Rational#toDecimalString}, {@link Rational#parse}). */
class DecimalTextTest {
    private static String written(long u, int e) {
        char[] buf = new char[DecimalText.MAX_CHARS];
        int len = DecimalText.write(u, e, buf);
        return len < 0 ? null : new String(buf, 0, len);
    }

    @Test
    void writeEqualsTheCanonicalText() {
        long[] us = {0, 1, -1, 7, 10, -10, 100, 123456789, -9000, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000_000_000L, 5};
        int[] es = {0, 1, -1, 2, -2, -3, -7, -18, -19, -25, 5, 17, 300, -300, 301, -301};
        for (long u : us) {
            for (int e : es) {
                String got = written(u, e);
                if (got == null) {
                    assertTrue(Math.abs(e) > DecimalText.MAX_EXPONENT - 19 || u == Long.MIN_VALUE, u + "e" + e + " refused");
                    continue;
                }
                assertEquals(Rational.ofDecimal(u, e).toDecimalString(), got, u + "e" + e);
            }
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 20_000; k++) {
            long u = rng.nextLong() >> rng.nextInt(64);
            int e = rng.nextInt(-40, 41);
            assertEquals(Rational.ofDecimal(u, e).toDecimalString(), written(u, e), u + "e" + e);
        }
    }

    @Test
    void parseAgreesWithRationalParseOrDeclines() {
        String[] tokens = {"0", "-0", "+0", "1", "-1", "+12", "0.5", ".5", "5.", "-.25", "1e5", "1E+5", "1e-5", "-2.5e-3", "00012.3400",
            "123456789012345678", "1234567890123456789", "0.000000000000000000001234", "1e300", "1e301", "1e-300", "1e-301", "1/2",
            "1e", "e5", ".", "-", "1.2.3", "1e5.5", "0x10", "1_000", "12345678901234567890e-5", "9.999999999999999999", "1e-99999"};
        for (String t : tokens) {
            char[] c = ("xx" + t + "yy").toCharArray();
            RationalArray a = new RationalArray(1);
            double[] d = new double[1];
            boolean fast = DecimalText.parse(c, 2, t.length(), a, d, 0);
            Rational want;
            try {
                want = Rational.parse(t);
            } catch (NumberFormatException e) {
                assertFalse(fast, "'" + t + "' is not a number but the fast path took it");
                continue;
            }
            if (!fast) continue;
            assertTrue(a.isCompact(0), t);
            assertEquals(want, a.get(0), "value of '" + t + "'");
            assertEquals(want.toDouble(), d[0], "double of '" + t + "'");
        }
        // The fast path must take the plain decimals a solver writes.
        RationalArray a = new RationalArray(1);
        assertTrue(DecimalText.parse("-0.0123457".toCharArray(), 0, 10, a, new double[1], 0));
        assertEquals(Rational.parse("-0.0123457"), a.get(0));
    }

    /** A factor certificate whose data mix fast decimals, fractions and huge decimals reads back to the same values and bytes. */
    @Test
    void factorDataRoundTripThroughBothPaths() throws IOException {
        int rows = 300, cols = 7;
        Rational[] v = new Rational[rows * cols];
        SplittableRandom rng = new SplittableRandom(9);
        for (int k = 0; k < v.length; k++) {
            v[k] = switch (k % 5) {
                case 0 -> Rational.ofDecimal(rng.nextLong(-99_999_999, 100_000_000), -8);
                case 1 -> Rational.of(java.math.BigInteger.valueOf(rng.nextInt(1, 1000)), java.math.BigInteger.valueOf(3));
                case 2 -> Rational.ofDecimal(java.math.BigInteger.TEN.pow(25).add(java.math.BigInteger.valueOf(k)), -30);
                case 3 -> Rational.ZERO;
                default -> Rational.of(rng.nextInt(-5, 6));
            };
        }
        RationalMatrix f = RationalMatrix.of(rows, cols, v);
        Certificate c = Certificate.completion(CertificateJsonTest.SHA, new Body.Factor(f, Rational.parse("0.001")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        byte[] b = out.toByteArray();
        Certificate back = CertificateJson.read(b, "f.json");
        RationalMatrix g = ((Body.Factor) back.body()).factor();
        for (int k = 0; k < v.length; k++) {
            assertEquals(v[k], g.exactValues().get(k), "entry " + k);
            assertEquals(v[k].toDouble(), g.approxValues()[k], "double of entry " + k);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        CertificateJson.write(again, back);
        assertArrayEquals(b, again.toByteArray());
        String text = new String(b, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"1/3\"") || text.contains("/3\""), "fractions are written as p/q");
    }
}
