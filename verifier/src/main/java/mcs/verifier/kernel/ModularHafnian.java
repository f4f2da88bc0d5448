package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.Arrays;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact hafnian of a symmetric matrix: a sign-vector (Kan/Glynn-type) formula modulo word-sized
 * primes, rebuilt by the Chinese remainder theorem. It shares no code with the solvers.
 *
 * <p><b>Formula.</b> For a symmetric A of even order n = 2k, with Q(δ) = Σ_{i&lt;j} a_ij δ_i δ_j and sign
 * vectors δ ∈ {±1}ⁿ with δ_n = +1,
 * <pre>  haf(A) = (k!·2^(n−1))⁻¹ Σ_δ (Π_i δ_i) Q(δ)^k.</pre>
 * Derivation: Q(δ)^k expands into ordered k-tuples of pairs {i &lt; j}, each contributing the product of
 * its entries times Π_i δ_i^(m_i), m_i the number of chosen pairs at i. Summed against Π_i δ_i over all 2ⁿ
 * sign vectors, a tuple survives (with weight 2ⁿ) only if every m_i is odd; since Σ m_i = 2k = n this means
 * m_i = 1 for all i, i.e. the k pairs form a perfect matching, and each matching arises in k! orders. So
 * the full sum is 2ⁿ·k!·haf(A). Q(−δ) = Q(δ) and Π(−δ) = (−1)ⁿΠδ = Πδ, so fixing δ_n = +1 keeps half.
 * The diagonal never enters; odd order gives 0 (no perfect matching) and order 0 gives 1.
 *
 * <p><b>Arithmetic.</b> In Gray-code order one δ_v flips per step. With c_w = Σ_{u≠w} a_uw δ_u, the flip
 * changes Q by −2δ_v·c_v and every c_w (w ≠ v) by −2δ_v·a_vw, all with the old δ_v: n additions per step,
 * then Q^k by square-and-multiply (≤ 2·log₂ k multiplications). The factor (k!·2^(n−1))⁻¹ exists mod p
 * because the primes exceed 2^61 &gt; k. Work O(n·2^(n−1)) per prime, memory O(n²).
 *
 * <p><b>Bound.</b> For the absolute matrix |A| (|a| + |b| for complex entries a + ib, off the diagonal),
 * |haf A| ≤ haf(|A|) ≤ min((2k−1)!!·max|a_ij|^k, ρ_1·ρ_2⋯ρ_k), where ρ_1 ≥ ρ_2 ≥ … are the off-diagonal
 * absolute row sums in decreasing order. The first: there are (2k−1)!! perfect matchings of k pairs. The
 * second, by induction on principal submatrices C of order 2m: expanding haf(C) = Σ_j c_ij haf(C∖{i,j})
 * along the row i of C whose row sum in |A| is largest gives haf(C) ≤ ρ(i)·max_j haf(C∖{i,j}), and the
 * induction hypothesis bounds each haf(C∖{i,j}) by the product of the m−1 largest row sums among the
 * rows of C other than i, which are no larger than the 2nd … m-th largest of C; so haf(C) is at most the
 * product of the m largest row sums among rows of C, hence at most ρ_1⋯ρ_m.
 *
 * <p><b>Rational input</b> is scaled by the least common multiple L of all denominators:
 * haf(L·A) = L^k·haf(A), each matching having k entries. <b>Complex input</b> is handled exactly over Z[i]
 * as in {@link ModularEvaluation}.
 */
public final class ModularHafnian {
    private ModularHafnian() {
    }

    static final ModularEvaluation.SignSum KAN = new ModularEvaluation.SignSum() {
        @Override
        public long terms(int n) {
            return 1L << (n - 1);
        }

        @Override
        public long partial(ModularPrime mp, long[][] a, long from, long to) {
            return signSum(mp, a, from, to);
        }

        @Override
        public long normaliser(ModularPrime mp, int n) {
            BigInteger p = mp.modulus();
            BigInteger f = BigInteger.TWO.modPow(BigInteger.valueOf(n - 1), p);
            for (int j = 2; j <= n / 2; j++) f = f.multiply(BigInteger.valueOf(j)).mod(p);
            return mp.inverseMont(f.longValue());
        }
    };

    /**
     * The exact hafnian of a symmetric integer matrix.
     *
     * @throws IllegalArgumentException if the matrix is not square and symmetric
     */
    public static BigInteger hafnian(BigInteger[][] a) {
        requireSymmetric(a);
        int n = a.length;
        if (n == 0) return BigInteger.ONE;
        if (n % 2 != 0) return BigInteger.ZERO;
        return ModularEvaluation.evaluate(a, null, bound(a, null), KAN)[0];
    }

    /** The exact hafnian of a symmetric rational matrix. */
    public static Rational hafnian(RationalMatrix a) {
        return hafnian(a, null).re();
    }

    /**
     * The exact hafnian of re + i·im (complex symmetric, not Hermitian: both parts symmetric).
     *
     * @param im imaginary part of the same shape, or null for a real matrix
     * @throws IllegalArgumentException if a part is not square and symmetric
     */
    public static ComplexValue hafnian(RationalMatrix re, RationalMatrix im) {
        if (!re.isSymmetric() || (im != null && !im.isSymmetric())) throw new IllegalArgumentException("hafnian needs a symmetric matrix");
        int n = re.rows();
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        if (n % 2 != 0) return new ComplexValue(Rational.ZERO, Rational.ZERO);
        BigInteger l = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l = ModularPermanent.lcm(l, re.get(i, j).denominator());
                if (im != null) l = ModularPermanent.lcm(l, im.get(i, j).denominator());
            }
        }
        BigInteger[][] r = scale(re, l);
        BigInteger[][] m = im == null ? null : scale(im, l);
        BigInteger[] v = ModularEvaluation.evaluate(r, m, bound(r, m), KAN);
        BigInteger s = l.pow(n / 2);
        return new ComplexValue(Rational.of(v[0], s), im == null ? Rational.ZERO : Rational.of(v[1], s));
    }

    /**
     * The bound min((2k−1)!!·max|a_ij|^k, ρ_1⋯ρ_k) on |haf(re + i·im)| (class comment), with |a| + |b| for
     * the modulus of a + ib and the diagonal left out; im may be null; n = 2k even.
     */
    public static BigInteger bound(BigInteger[][] re, BigInteger[][] im) {
        int n = re.length, k = n / 2;
        BigInteger[] rowSums = new BigInteger[n];
        BigInteger max = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                BigInteger x = re[i][j].abs();
                if (im != null) x = x.add(im[i][j].abs());
                s = s.add(x);
                max = max.max(x);
            }
            rowSums[i] = s;
        }
        Arrays.sort(rowSums);
        BigInteger byRows = BigInteger.ONE;
        for (int t = 0; t < k; t++) byRows = byRows.multiply(rowSums[n - 1 - t]);
        BigInteger byCount = max.pow(k);
        for (int odd = 3; odd < n; odd += 2) byCount = byCount.multiply(BigInteger.valueOf(odd));
        return byRows.min(byCount);
    }

    private static BigInteger[][] scale(RationalMatrix a, BigInteger l) {
        int n = a.rows();
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational x = a.get(i, j);
                out[i][j] = x.numerator().multiply(l.divide(x.denominator()));
            }
        }
        return out;
    }

    private static void requireSymmetric(BigInteger[][] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != a.length) throw new IllegalArgumentException("matrix must be square");
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                if (!a[i][j].equals(a[j][i])) throw new IllegalArgumentException("hafnian needs a symmetric matrix; a(" + (i + 1) + "," + (j + 1) + ") != a(" + (j + 1) + "," + (i + 1) + ")");
            }
        }
    }

    /** Σ over Gray-code indices [from, to) of (Π δ)·Q(δ)^k, in Montgomery form. */
    private static long signSum(ModularPrime mp, long[][] a, long from, long to) {
        final int n = a.length, k = n / 2;
        final long p = mp.p, pInv = mp.pInv;
        long[][] twice = new long[n][n];
        for (int v = 0; v < n; v++) for (int w = 0; w < n; w++) twice[v][w] = v == w ? 0 : ModularPrime.add(a[v][w], a[v][w], p);
        long g = from ^ (from >>> 1);
        long[] c = new long[n];
        long q = 0;
        for (int w = 0; w < n; w++) {
            long cw = 0, upper = 0;
            for (int u = 0; u < n; u++) {
                if (u == w) continue;
                boolean neg = ((g >>> u) & 1) != 0;
                cw = neg ? ModularPrime.sub(cw, a[u][w], p) : ModularPrime.add(cw, a[u][w], p);
                if (u > w) upper = neg ? ModularPrime.sub(upper, a[u][w], p) : ModularPrime.add(upper, a[u][w], p);
            }
            c[w] = cw;
            q = ((g >>> w) & 1) != 0 ? ModularPrime.sub(q, upper, p) : ModularPrime.add(q, upper, p);
        }
        boolean negative = (Long.bitCount(g) & 1) != 0;
        long plus = 0, minus = 0;
        long t = from;
        while (true) {
            long term = power(q, k, mp.one, p, pInv);
            if (negative) minus = ModularPrime.add(minus, term, p);
            else plus = ModularPrime.add(plus, term, p);
            if (++t == to) break;
            int v = Long.numberOfTrailingZeros(t);
            long[] row = twice[v];
            long twoC = ModularPrime.add(c[v], c[v], p);
            if (((g >>> v) & 1) == 0) {
                q = ModularPrime.sub(q, twoC, p);
                for (int w = 0; w < n; w++) c[w] = ModularPrime.sub(c[w], row[w], p);
            } else {
                q = ModularPrime.add(q, twoC, p);
                for (int w = 0; w < n; w++) c[w] = ModularPrime.add(c[w], row[w], p);
            }
            g ^= 1L << v;
            negative = !negative;
        }
        return ModularPrime.sub(plus, minus, p);
    }

    private static long power(long base, int e, long one, long p, long pInv) {
        long r = one;
        while (e > 0) {
            if ((e & 1) != 0) r = ModularPrime.mul(r, base, p, pInv);
            e >>= 1;
            if (e > 0) base = ModularPrime.mul(base, base, p, pInv);
        }
        return r;
    }
}
