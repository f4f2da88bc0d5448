package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact permanent: Glynn's formula modulo word-sized primes, rebuilt by the Chinese remainder
 * theorem. It shares no code with the solvers.
 *
 * <p><b>Formula.</b> For an n×n matrix A and sign vectors ε ∈ {±1}ⁿ with ε_n = +1,
 * <pre>  perm(A) = 2^-(n−1) Σ_ε (Π_j ε_j) Π_i (Σ_j ε_j a_ij).</pre>
 * Expanding the product over rows gives Σ_f Π_i a_{i f(i)} ε_{f(i)} over all maps f: [n] → [n]; summed
 * against Π_j ε_j over all 2ⁿ sign vectors, a map survives only if every column is hit an odd number of
 * times, i.e. exactly once (n hits in total), leaving 2ⁿ·perm(A). Replacing ε by −ε multiplies both
 * Π_j ε_j and the row product by (−1)ⁿ, so fixing ε_n = +1 keeps half: 2^(n−1) terms. (This is the
 * Nijenhuis–Wilf halving of Ryser's formula, written with row sums over signed columns.)
 *
 * <p><b>Arithmetic.</b> Entries are reduced mod primes p &lt; 2^62 ({@link ModularPrime}); the sign
 * vectors are visited in Gray-code order, so each step adds or subtracts 2·(one column) to the n row
 * sums and forms their product with n Montgomery multiplications in four independent chains. The
 * factor 2^-(n−1) exists mod p because p is odd. Enough primes are used that their product exceeds twice
 * the bound |perm A| ≤ Π_i Σ_j |a_ij| (each of the n! terms is at most the matching product of |a_ij|,
 * and all of them appear in the expansion of Π_i Σ_j |a_ij|), which makes the reconstruction exact (see
 * {@link ModularEvaluation}).
 *
 * <p><b>Rational input</b> is scaled row by row by the least common multiple d_i of the row's
 * denominators; perm(DA) = Π d_i · perm(A) by multilinearity in rows. <b>Complex input</b> A = R + iI is
 * handled exactly over Z[i] through the two square roots of −1 mod p, with the bound
 * Π_i Σ_j (|r_ij| + |i_ij|) ≥ Π_i Σ_j |a_ij| on both the real and imaginary parts.
 *
 * <p><b>Complexity.</b> O(n·2^(n−1)) multiplications per prime (twice that for complex input), with the
 * fewest primes whose product exceeds 2B for the bound B (each prime exceeds 2^61, so at most
 * ⌈(log₂B + 1)/61⌉); memory O(n²). A 0/1 matrix of order 20 to 26 takes two primes. Chunks of the Gray
 * code run on the common fork-join pool.
 */
public final class ModularPermanent {
    private ModularPermanent() {
    }

    static final ModularEvaluation.SignSum GLYNN = new ModularEvaluation.SignSum() {
        @Override
        public long terms(int n) {
            return 1L << (n - 1);
        }

        @Override
        public long partial(ModularPrime mp, long[][] a, long from, long to) {
            return glynn(mp, a, from, to);
        }

        @Override
        public long normaliser(ModularPrime mp, int n) {
            return mp.inverseMont(BigInteger.TWO.modPow(BigInteger.valueOf(n - 1), mp.modulus()).longValue());
        }
    };

    /** The exact permanent of a square integer matrix; perm of the 0×0 matrix is 1. */
    public static BigInteger permanent(BigInteger[][] a) {
        requireSquare(a);
        if (a.length == 0) return BigInteger.ONE;
        return ModularEvaluation.evaluate(a, null, bound(a, null), GLYNN)[0];
    }

    /** The exact permanent of a square rational matrix. */
    public static Rational permanent(RationalMatrix a) {
        ComplexValue v = permanent(a, null);
        return v.re();
    }

    /**
     * The exact permanent of re + i·im.
     *
     * @param re real part, square
     * @param im imaginary part of the same shape, or null for a real matrix
     */
    public static ComplexValue permanent(RationalMatrix re, RationalMatrix im) {
        if (!re.isSquare()) throw new IllegalArgumentException("matrix must be square, got " + re.rows() + "x" + re.cols());
        int n = re.rows();
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        BigInteger[] d = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger l = BigInteger.ONE;
            for (int j = 0; j < n; j++) {
                l = lcm(l, re.get(i, j).denominator());
                if (im != null) l = lcm(l, im.get(i, j).denominator());
            }
            d[i] = l;
        }
        BigInteger[][] r = scaleRows(re, d);
        BigInteger[][] m = im == null ? null : scaleRows(im, d);
        BigInteger scale = BigInteger.ONE;
        for (BigInteger x : d) scale = scale.multiply(x);
        BigInteger[] v = ModularEvaluation.evaluate(r, m, bound(r, m), GLYNN);
        return new ComplexValue(Rational.of(v[0], scale), im == null ? Rational.ZERO : Rational.of(v[1], scale));
    }

    /** The bound Π_i Σ_j (|re_ij| + |im_ij|) on |perm(re + i·im)|; im may be null. */
    public static BigInteger bound(BigInteger[][] re, BigInteger[][] im) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < re.length; i++) {
            BigInteger row = BigInteger.ZERO;
            for (int j = 0; j < re[i].length; j++) {
                row = row.add(re[i][j].abs());
                if (im != null) row = row.add(im[i][j].abs());
            }
            b = b.multiply(row);
        }
        return b;
    }

    static BigInteger lcm(BigInteger a, BigInteger b) {
        if (b.equals(BigInteger.ONE)) return a;
        return a.divide(a.gcd(b)).multiply(b);
    }

    private static BigInteger[][] scaleRows(RationalMatrix a, BigInteger[] d) {
        int n = a.rows();
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational x = a.get(i, j);
                out[i][j] = x.numerator().multiply(d[i].divide(x.denominator()));
            }
        }
        return out;
    }

    private static void requireSquare(BigInteger[][] a) {
        for (BigInteger[] row : a) {
            if (row.length != a.length) throw new IllegalArgumentException("matrix must be square");
        }
    }

    /** Σ over Gray-code indices [from, to) of (Π ε)·Π_i (row sum i), in Montgomery form. */
    private static long glynn(ModularPrime mp, long[][] a, long from, long to) {
        final int n = a.length;
        final long p = mp.p, pInv = mp.pInv;
        long[][] twiceColumn = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) twiceColumn[j][i] = ModularPrime.add(a[i][j], a[i][j], p);
        long g = from ^ (from >>> 1);
        long[] z = new long[n];
        for (int i = 0; i < n; i++) {
            long s = 0;
            for (int j = 0; j < n; j++) s = ((g >>> j) & 1) != 0 ? ModularPrime.sub(s, a[i][j], p) : ModularPrime.add(s, a[i][j], p);
            z[i] = s;
        }
        boolean negative = (Long.bitCount(g) & 1) != 0;
        long plus = 0, minus = 0;
        long t = from;
        while (true) {
            long prod = product(z, n, p, pInv);
            if (negative) minus = ModularPrime.add(minus, prod, p);
            else plus = ModularPrime.add(plus, prod, p);
            if (++t == to) break;
            int j = Long.numberOfTrailingZeros(t);
            long[] col = twiceColumn[j];
            if (((g >>> j) & 1) == 0) {
                for (int i = 0; i < n; i++) z[i] = ModularPrime.sub(z[i], col[i], p);
            } else {
                for (int i = 0; i < n; i++) z[i] = ModularPrime.add(z[i], col[i], p);
            }
            g ^= 1L << j;
            negative = !negative;
        }
        return ModularPrime.sub(plus, minus, p);
    }

    /** Montgomery product of z[0..n), in four chains so that the multiplications overlap. */
    private static long product(long[] z, int n, long p, long pInv) {
        if (n < 4) {
            long q = z[0];
            for (int i = 1; i < n; i++) q = ModularPrime.mul(q, z[i], p, pInv);
            return q;
        }
        long q0 = z[0], q1 = z[1], q2 = z[2], q3 = z[3];
        int i = 4;
        for (; i + 3 < n; i += 4) {
            q0 = ModularPrime.mul(q0, z[i], p, pInv);
            q1 = ModularPrime.mul(q1, z[i + 1], p, pInv);
            q2 = ModularPrime.mul(q2, z[i + 2], p, pInv);
            q3 = ModularPrime.mul(q3, z[i + 3], p, pInv);
        }
        for (; i < n; i++) q0 = ModularPrime.mul(q0, z[i], p, pInv);
        return ModularPrime.mul(ModularPrime.mul(q0, q1, p, pInv), ModularPrime.mul(q2, q3, p, pInv), p, pInv);
    }
}
