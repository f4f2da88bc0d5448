package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact loop hafnian of a symmetric matrix (the diagonal holds the loop weights): a sign-vector
 * formula modulo word primes, rebuilt by CRT through {@link ModularEvaluation}. It shares no code with the
 * solvers.
 *
 * <p><b>Definition.</b> lhaf(A) = Σ over partitions of [n] into singletons S and pairs M of
 * Π_{i∈S} a_ii · Π_{{i,j}∈M} a_ij; any order n (lhaf of 0×0 is 1).
 *
 * <p><b>Formula.</b> With q₂(δ) = Σ_{i&lt;j} a_ij δ_i δ_j, q₁(δ) = Σ_i a_ii δ_i and
 * F = Σ_{2m+s=n} q₂^m q₁^s/(m!·s!), the degree-n part of exp(q₂ + q₁),
 * <pre>  lhaf(A) = 2^-(n−1) Σ_{δ∈{±1}ⁿ, δ_n=+1} (Π_i δ_i) F(δ).</pre>
 * Derivation: Σ_δ (Π δ) δ^α is 2ⁿ if every exponent α_i is odd and 0 otherwise; a monomial of degree n
 * with all exponents odd is x_1⋯x_n, so the full sum is 2ⁿ times the coefficient of x_1⋯x_n in F. In
 * q₂^m/m!·q₁^s/s! that coefficient is Σ over m disjoint pairs and s singletons covering [n] (each
 * unordered choice met m!·s! times in the expansion): exactly lhaf(A). F(−δ) = (−1)ⁿF(δ) because
 * s ≡ n (mod 2), and Π(−δ) = (−1)ⁿ Πδ, so fixing δ_n = +1 keeps half of the sum.
 *
 * <p><b>Arithmetic.</b> Gray-code order as in {@link ModularHafnian}: flipping δ_v changes q₂ by −2δ_v c_v
 * (c_v = Σ_{u≠v} a_uv δ_u), every c_w by −2δ_v a_vw and q₁ by −2δ_v a_vv. F is evaluated per step with
 * O(n) multiplications from the powers of q₂ and q₁ and precomputed inverse factorials (they exist mod
 * p &gt; 2^61 &gt; n). Work O(n·2^(n−1)) per prime, memory O(n²).
 *
 * <p><b>Bound.</b> With R_i = max(1, Σ_j |a_ij|) (diagonal included; |a| + |b| for a + ib),
 * |lhaf A| ≤ lhaf(|A|) ≤ Π_i R_i. Induction on principal submatrices C: expanding along a row i of C,
 * lhaf(C) = a_ii lhaf(C∖i) + Σ_{j≠i} a_ij lhaf(C∖{i,j}) ≤ (Σ_{j∈C} |a_ij|)·Π_{C∖i} R ≤ Π_C R, using
 * lhaf(C∖{i,j}) ≤ Π_{C∖{i,j}} R ≤ Π_{C∖i} R since R_j ≥ 1.
 */
public final class ModularLoopHafnian {
    private ModularLoopHafnian() {
    }

    static final ModularEvaluation.SignSum LOOP = new ModularEvaluation.SignSum() {
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
            return mp.inverseMont(BigInteger.TWO.modPow(BigInteger.valueOf(n - 1), mp.modulus()).longValue());
        }
    };

    /**
     * The exact loop hafnian of re + i·im (both parts symmetric).
     *
     * @param im imaginary part of the same shape, or null for a real matrix
     * @throws IllegalArgumentException if a part is not square and symmetric
     */
    public static ComplexValue loopHafnian(RationalMatrix re, RationalMatrix im) {
        if (!re.isSymmetric() || (im != null && !im.isSymmetric())) throw new IllegalArgumentException("loop hafnian needs a symmetric matrix");
        int n = re.rows();
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        BigInteger l = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l = ModularPermanent.lcm(l, re.get(i, j).denominator());
                if (im != null) l = ModularPermanent.lcm(l, im.get(i, j).denominator());
            }
        }
        // A uniform factor would weigh pairs and loops differently; see scale().
        BigInteger[][] r = scale(re, l);
        BigInteger[][] m = im == null ? null : scale(im, l);
        BigInteger[] v = ModularEvaluation.evaluate(r, m, bound(r, m), LOOP);
        BigInteger s = l.pow(n);
        return new ComplexValue(Rational.of(v[0], s), im == null ? Rational.ZERO : Rational.of(v[1], s));
    }

    /** The exact loop hafnian of a real symmetric rational matrix. */
    public static Rational loopHafnian(RationalMatrix a) {
        return loopHafnian(a, null).re();
    }

    /** Π_i max(1, Σ_j |a_ij|) (diagonal included), with |re| + |im| for complex entries. */
    static BigInteger bound(BigInteger[][] re, BigInteger[][] im) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < re.length; i++) {
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < re.length; j++) {
                s = s.add(re[i][j].abs());
                if (im != null) s = s.add(im[i][j].abs());
            }
            b = b.multiply(s.max(BigInteger.ONE));
        }
        return b;
    }

    /**
     * Entries scaled so that every vertex of a partition contributes one factor L: pairs by L² (two vertices),
     * loops by L (one vertex); the loop hafnian of the result is L^n·lhaf(A).
     */
    private static BigInteger[][] scale(RationalMatrix a, BigInteger l) {
        int n = a.rows();
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational x = a.get(i, j);
                BigInteger f = i == j ? l : l.multiply(l);
                out[i][j] = x.numerator().multiply(f.divide(x.denominator()));
            }
        }
        return out;
    }

    /** Σ over Gray-code indices [from, to) of (Π δ)·F(δ), in Montgomery form. */
    private static long signSum(ModularPrime mp, long[][] a, long from, long to) {
        final int n = a.length;
        final long p = mp.p;
        long[] invFact = new long[n + 1];
        long f = mp.one;
        for (int k = 1; k <= n; k++) f = mp.mul(f, mp.toMont(k));
        invFact[n] = mp.inverseMont(mp.fromMont(f));
        for (int k = n; k >= 1; k--) invFact[k - 1] = mp.mul(invFact[k], mp.toMont(k));
        long[][] twice = new long[n][n];
        for (int v = 0; v < n; v++) for (int w = 0; w < n; w++) twice[v][w] = v == w ? 0 : ModularPrime.add(a[v][w], a[v][w], p);
        long g = from ^ (from >>> 1);
        long[] c = new long[n];
        long q2 = 0, q1 = 0;
        for (int w = 0; w < n; w++) {
            long cw = 0, upper = 0;
            for (int u = 0; u < n; u++) {
                if (u == w) continue;
                boolean neg = ((g >>> u) & 1) != 0;
                cw = neg ? ModularPrime.sub(cw, a[u][w], p) : ModularPrime.add(cw, a[u][w], p);
                if (u > w) upper = neg ? ModularPrime.sub(upper, a[u][w], p) : ModularPrime.add(upper, a[u][w], p);
            }
            c[w] = cw;
            boolean negW = ((g >>> w) & 1) != 0;
            q2 = negW ? ModularPrime.sub(q2, upper, p) : ModularPrime.add(q2, upper, p);
            q1 = negW ? ModularPrime.sub(q1, a[w][w], p) : ModularPrime.add(q1, a[w][w], p);
        }
        boolean negative = (Long.bitCount(g) & 1) != 0;
        long[] pow1 = new long[n + 1];
        long plus = 0, minus = 0;
        long t = from;
        while (true) {
            long term = degreeN(mp, q2, q1, n, invFact, pow1);
            if (negative) minus = ModularPrime.add(minus, term, p);
            else plus = ModularPrime.add(plus, term, p);
            if (++t == to) break;
            int v = Long.numberOfTrailingZeros(t);
            long[] row = twice[v];
            long twoC = ModularPrime.add(c[v], c[v], p);
            long twoD = ModularPrime.add(a[v][v], a[v][v], p);
            if (((g >>> v) & 1) == 0) {
                q2 = ModularPrime.sub(q2, twoC, p);
                q1 = ModularPrime.sub(q1, twoD, p);
                for (int w = 0; w < n; w++) c[w] = ModularPrime.sub(c[w], row[w], p);
            } else {
                q2 = ModularPrime.add(q2, twoC, p);
                q1 = ModularPrime.add(q1, twoD, p);
                for (int w = 0; w < n; w++) c[w] = ModularPrime.add(c[w], row[w], p);
            }
            g ^= 1L << v;
            negative = !negative;
        }
        return ModularPrime.sub(plus, minus, p);
    }

    /** F = Σ_{2m+s=n} q₂^m q₁^s/(m!·s!) in Montgomery form; pow1 is scratch of length n + 1. */
    static long degreeN(ModularPrime mp, long q2, long q1, int n, long[] invFact, long[] pow1) {
        pow1[0] = mp.one;
        for (int s = 1; s <= n; s++) pow1[s] = mp.mul(pow1[s - 1], q1);
        long sum = 0, p2 = mp.one;
        for (int m = 0; 2 * m <= n; m++) {
            int s = n - 2 * m;
            long term = mp.mul(mp.mul(p2, pow1[s]), mp.mul(invFact[m], invFact[s]));
            sum = mp.add(sum, term);
            p2 = mp.mul(p2, q2);
        }
        return sum;
    }
}
