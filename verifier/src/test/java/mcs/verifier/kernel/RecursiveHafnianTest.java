package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.MatchingSums;
import org.junit.jupiter.api.Test;

/** The kernel's pair-contraction recursion against the naive sums, Kan's formula and closed forms. */
class RecursiveHafnianTest {
    static RationalMatrix randomSymmetric(int n, Random rnd, int kind) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = switch (kind) {
                    case 0 -> Rational.of(rnd.nextInt(7) - 3);
                    case 1 -> Rational.of(rnd.nextInt(19) - 9, 1 + rnd.nextInt(6));
                    default -> Rational.ofDecimal(rnd.nextInt(2001) - 1000, -3);
                };
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    @Test
    void naiveSums() {
        Random rnd = new Random(21);
        for (int n = 0; n <= 11; n++) {
            for (int kind = 0; kind < 3; kind++) {
                RationalMatrix re = randomSymmetric(n, rnd, kind);
                RationalMatrix im = kind == 0 ? null : randomSymmetric(n, rnd, 2 - kind);
                assertEquals(MatchingSums.loopHafnian(re, im), RecursiveHafnian.value(re, im, true), "lhaf n=" + n + " kind=" + kind);
                ComplexValue haf = n % 2 == 0 ? MatchingSums.hafnian(re, im) : new ComplexValue(Rational.ZERO, Rational.ZERO);
                assertEquals(haf, RecursiveHafnian.value(re, im, false), "haf n=" + n + " kind=" + kind);
            }
        }
    }

    @Test
    void agreesWithKanFormula() {
        Random rnd = new Random(5);
        for (int n : new int[] {16, 20}) {
            RationalMatrix a = randomSymmetric(n, rnd, 1);
            assertEquals(ModularHafnian.hafnian(a), RecursiveHafnian.value(a, null, false).re());
        }
    }

    /** Four products of the largest residues: the lazy 128-bit sums must not overflow before the reduction. */
    @Test
    void lazyReductionAtTheLargestResidues() {
        ModularPrime mp = ModularPrime.get(0);
        long x = mp.p - 1;
        long hi = 0, lo = 0, expected = 0;
        for (int k = 0; k < 4; k++) {
            long pl = x * x;
            long sum = lo + pl;
            hi += Math.multiplyHigh(x, x) + (Long.compareUnsigned(sum, pl) < 0 ? 1 : 0);
            lo = sum;
            expected = ModularPrime.add(expected, ModularPrime.mul(x, x, mp.p, mp.pInv), mp.p);
        }
        assertEquals(expected, RecursiveHafnian.reduce(hi, lo, mp.p, mp.pInv));
    }

    @Test
    void closedForms() {
        for (int n = 0; n <= 26; n += (n < 16 ? 1 : 5)) {
            long[][] ones = new long[n][n];
            for (long[] row : ones) java.util.Arrays.fill(row, 1);
            RationalMatrix j = RationalMatrix.ofLongs(ones);
            assertEquals(Rational.of(MatchingSums.involutions(n)), RecursiveHafnian.value(j, null, true).re(), "lhaf(J) n=" + n);
            BigInteger haf = n % 2 == 0 ? MatchingSums.doubleFactorial(n / 2) : BigInteger.ZERO;
            assertEquals(Rational.of(haf), RecursiveHafnian.value(j, null, false).re(), "haf(J) n=" + n);
        }
    }
}
