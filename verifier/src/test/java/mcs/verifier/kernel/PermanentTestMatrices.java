package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/** Seeded random matrices and textbook reference algorithms (permutation sums, plain Ryser) for the tests. */
final class PermanentTestMatrices {
    private PermanentTestMatrices() {
    }

    static Rational[][] randomIntegers(Random rnd, int n, int lo, int hi) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(lo + rnd.nextInt(hi - lo + 1));
        return a;
    }

    static Rational[][] randomRationals(Random rnd, int n) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rnd.nextInt(41) - 20, 1 + rnd.nextInt(12));
        return a;
    }

    static Rational[][] symmetrize(Rational[][] a) {
        int n = a.length;
        Rational[][] s = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] = i >= j ? a[i][j] : a[j][i];
        return s;
    }

    static BigInteger[][] toBig(long[][] a) {
        BigInteger[][] b = new BigInteger[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigInteger[a[i].length];
            for (int j = 0; j < a[i].length; j++) b[i][j] = BigInteger.valueOf(a[i][j]);
        }
        return b;
    }

    static RationalMatrix matrix(Rational[][] a) {
        return RationalMatrix.of(a);
    }

    /** Σ_σ Π_i a_{iσ(i)} over all n! permutations, in exact complex rationals (im may be null). */
    static ComplexValue bruteForcePermanent(Rational[][] re, Rational[][] im) {
        Rational[] acc = {Rational.ZERO, Rational.ZERO};
        permute(re, im, 0, new boolean[re.length], Rational.ONE, Rational.ZERO, acc);
        return new ComplexValue(acc[0], acc[1]);
    }

    private static void permute(Rational[][] re, Rational[][] im, int row, boolean[] used, Rational pr, Rational pi, Rational[] acc) {
        int n = re.length;
        if (row == n) {
            acc[0] = acc[0].add(pr);
            acc[1] = acc[1].add(pi);
            return;
        }
        for (int j = 0; j < n; j++) {
            if (used[j]) continue;
            Rational ar = re[row][j], ai = im == null ? Rational.ZERO : im[row][j];
            used[j] = true;
            permute(re, im, row + 1, used, pr.multiply(ar).subtract(pi.multiply(ai)), pr.multiply(ai).add(pi.multiply(ar)), acc);
            used[j] = false;
        }
    }

    /** Sum over perfect matchings of products of entries, by pairing the first free index recursively. */
    static ComplexValue bruteForceHafnian(Rational[][] re, Rational[][] im) {
        Rational[] acc = {Rational.ZERO, Rational.ZERO};
        match(re, im, new boolean[re.length], Rational.ONE, Rational.ZERO, acc);
        return new ComplexValue(acc[0], acc[1]);
    }

    private static void match(Rational[][] re, Rational[][] im, boolean[] used, Rational pr, Rational pi, Rational[] acc) {
        int n = re.length;
        int i = 0;
        while (i < n && used[i]) i++;
        if (i == n) {
            acc[0] = acc[0].add(pr);
            acc[1] = acc[1].add(pi);
            return;
        }
        used[i] = true;
        for (int j = i + 1; j < n; j++) {
            if (used[j]) continue;
            Rational ar = re[i][j], ai = im == null ? Rational.ZERO : im[i][j];
            used[j] = true;
            match(re, im, used, pr.multiply(ar).subtract(pi.multiply(ai)), pr.multiply(ai).add(pi.multiply(ar)), acc);
            used[j] = false;
        }
        used[i] = false;
    }

    /** Ryser's formula perm(A) = (−1)ⁿ Σ_S (−1)^|S| Π_i Σ_{j∈S} a_ij in BigInteger, row sums rebuilt per subset. */
    static BigInteger ryser(BigInteger[][] a) {
        int n = a.length;
        BigInteger total = BigInteger.ZERO;
        for (int s = 1; s < (1 << n); s++) {
            BigInteger prod = BigInteger.ONE;
            for (int i = 0; i < n && prod.signum() != 0; i++) {
                BigInteger row = BigInteger.ZERO;
                for (int j = 0; j < n; j++) if ((s >>> j & 1) != 0) row = row.add(a[i][j]);
                prod = prod.multiply(row);
            }
            total = ((n - Integer.bitCount(s)) % 2 == 0) ? total.add(prod) : total.subtract(prod);
        }
        return total;
    }
}
