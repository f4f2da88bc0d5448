package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModularArithmeticTest {
    @Test
    void primesAreDistinctPrimesCongruentOneModFourInRange() {
        long previous = Long.MAX_VALUE;
        for (int k = 0; k < 12; k++) {
            ModularPrime mp = ModularPrime.get(k);
            assertTrue(BigInteger.valueOf(mp.p).isProbablePrime(64), "p = " + mp.p);
            assertEquals(1, mp.p % 4);
            assertTrue(mp.p > (1L << 61) && mp.p < (1L << 62) && mp.p < previous);
            BigInteger s = BigInteger.valueOf(mp.sqrtMinusOne);
            assertEquals(mp.modulus().subtract(BigInteger.ONE), s.multiply(s).mod(mp.modulus()));
            previous = mp.p;
        }
    }

    @Test
    void millerRabinAgreesWithBigInteger() {
        Random rnd = new Random(5L);
        for (int t = 0; t < 2000; t++) {
            long n = t < 1000 ? t : (rnd.nextLong() >>> 1) | 1;
            assertEquals(BigInteger.valueOf(n).isProbablePrime(80), ModularPrime.isPrime(n), "n = " + n);
        }
        // Strong pseudoprimes to several small bases must still be caught.
        assertEquals(false, ModularPrime.isPrime(3_215_031_751L));
        assertEquals(false, ModularPrime.isPrime(3_825_123_056_546_413_051L));
    }

    @Test
    void montgomeryProductMatchesBigInteger() {
        Random rnd = new Random(6L);
        ModularPrime mp = ModularPrime.get(3);
        BigInteger p = mp.modulus();
        BigInteger rInv = BigInteger.ONE.shiftLeft(64).modInverse(p);
        for (int t = 0; t < 5000; t++) {
            long a = t == 0 ? mp.p - 1 : Math.floorMod(rnd.nextLong(), mp.p);
            long b = t == 0 ? mp.p - 1 : Math.floorMod(rnd.nextLong(), mp.p);
            BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(rInv).mod(p);
            assertEquals(expected.longValue(), mp.mul(a, b));
            assertEquals(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(p).longValue(), mp.fromMont(mp.mul(mp.toMont(a), mp.toMont(b))));
            assertEquals(BigInteger.valueOf(a + b).mod(p).longValue(), mp.add(a, b));
            assertEquals(BigInteger.valueOf(a - b).mod(p).longValue(), mp.sub(a, b));
        }
    }

    @Test
    void crtReturnsTheSymmetricRepresentative() {
        Random rnd = new Random(7L);
        int primes = 4;
        BigInteger m = BigInteger.ONE;
        for (int k = 0; k < primes; k++) m = m.multiply(ModularPrime.get(k).modulus());
        BigInteger half = m.shiftRight(1);
        BigInteger[] cases = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), half, half.negate(),
            new BigInteger(200, rnd), new BigInteger(200, rnd).negate()};
        for (BigInteger x : cases) {
            long[] r = new long[primes];
            for (int k = 0; k < primes; k++) r[k] = x.mod(ModularPrime.get(k).modulus()).longValue();
            assertEquals(x, ModularEvaluation.crt(r));
        }
    }

    @Test
    void primeCountCoversTwiceTheBound() {
        for (int bits : new int[] {0, 1, 60, 61, 62, 120, 121, 122, 500}) {
            BigInteger bound = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            int t = ModularEvaluation.primesFor(bound);
            BigInteger m = BigInteger.ONE;
            for (int k = 0; k < t; k++) m = m.multiply(ModularPrime.get(k).modulus());
            assertTrue(m.compareTo(bound.shiftLeft(1)) > 0, "bits " + bits);
            assertTrue(m.divide(ModularPrime.get(t - 1).modulus()).compareTo(bound.shiftLeft(1)) <= 0 || t == 1, "minimal at bits " + bits);
        }
    }
}
