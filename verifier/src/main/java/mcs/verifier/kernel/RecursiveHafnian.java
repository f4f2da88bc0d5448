package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.stream.IntStream;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact hafnian and loop hafnian of a (complex) rational symmetric matrix in O(n²·2^(n/2)) word
 * operations per prime: Björklund's pair-contraction recursion ("Counting perfect matchings as fast as Ryser",
 * SODA 2012, algorithm 2), extended here to loops, modulo the primes of {@link ModularPrime} and rebuilt by the
 * Chinese remainder theorem. It shares no code with the solvers, whose hafnians use other formulas.
 *
 * <p><b>Recursion.</b> The vertices are paired (0, 1), (2, 3), … (the red edges). The state is a set of
 * remaining pairs, a polynomial b_jk(x) for every two remaining vertices, for loop hafnians a polynomial D_j(x)
 * per remaining vertex, and a polynomial g(x); initially b_jk = a_jk, D_j = a_jj, g = 1, all truncated at degree
 * L = n/2. The first remaining pair (u, w) is either <em>excluded</em> (dropped; the sign flips) or
 * <em>included</em>: g ← g·(1 + x·(b_uw + D_u·D_w)), b_jk ← b_jk + x·(b_ju·b_wk + b_jw·b_uk),
 * D_j ← D_j + x·(b_ju·D_w + b_jw·D_u). With no pair left the leaf returns sign·[x^L] g. The result is the sum
 * over the 2^L leaves.
 *
 * <p><b>Why.</b> After the included pairs have been contracted, b_jk is the generating function (x counting red
 * edges) of the alternating walks j → … → k whose inner steps cross contracted pairs, and D_j that of the
 * alternating walks from j to a vertex with its loop; contracting (u, w) closes, at that pair, the walks from w
 * back to u into alternating cycles (b_uw) and joins two loop-ended walks into a path (D_u·D_w). So [x^L] g
 * counts, with sign, the collections of closed cycles and loop-ended paths built from the included set S of pairs
 * whose red edges are used L times in all, a pair possibly several times. Summed with sign (−1)^(L−|S|) over all
 * S, a collection that uses only the pairs of a set T is counted Σ_{S ⊇ T}(−1)^(L−|S|) times, which is 0 unless T
 * is all pairs; then L uses over L pairs means each pair once, the walks are simple, and the collections are
 * exactly the decompositions of the perfect matchings (partial matchings with loops) into alternating cycles
 * (and paths), each found once, at the last contracted pair of each cycle or path. Hence the sum is haf(A) (lhaf).
 * An odd-order loop hafnian gets a vertex with loop weight 1 and no edges.
 *
 * <p><b>Exactness.</b> Rational entries are scaled to integers: edges by the LCM d of the denominators (haf(dA)
 * = d^(n/2)·haf(A)), or for loop hafnians edges by d² and loops by d (every term gains d^n). Complex entries are
 * handled through i ↦ ±s, s² ≡ −1 (mod p), as in {@link ModularEvaluation}. The bound on |Re| and |Im| of the
 * value: for hafnians {@link ModularHafnian}'s, for loop hafnians Π_i max(1, ρ_i) with ρ_i the row sum of
 * |Re| + |Im| including the loop (expand lhaf(C) along a row: lhaf(C) ≤ ρ_i·max over the minors with one or two
 * vertices fewer; dropping vertices drops factors ≥ 1). Nothing is rounded.
 *
 * <p><b>Work.</b> A node with s remaining vertices costs about s²L²/2 multiplications; the nodes with one pair
 * left return x-coefficient sums directly. In all about {@link #work}(n) product-equivalents per prime and part. The
 * first levels are split into tasks on the common fork-join pool; sums mod p do not depend on the order.
 */
public final class RecursiveHafnian {
    /** Recursion levels replayed per task (2^SPLIT tasks). */
    private static final int SPLIT = 6;

    private RecursiveHafnian() {
    }

    /**
     * Estimated cost per prime and part for order n, in Montgomery-product equivalents: 30·(L + 1)²·2^L for a
     * hafnian (L = ⌈n/2⌉), twice that for a loop hafnian (measured: the nodes near the leaves, which dominate,
     * spend about 30 products' time per (L + 1)² of polynomial work).
     */
    public static double work(int n, boolean loop) {
        int l = (n + 1) / 2;
        return Math.max(1, Math.pow(2, l) * (l + 1) * (l + 1) * (loop ? 60 : 30));
    }

    /** The exact hafnian (loop = false) or loop hafnian of re + i·im (both symmetric; im may be null). */
    public static ComplexValue value(RationalMatrix re, RationalMatrix im, boolean loop) {
        if (!re.isSymmetric() || (im != null && !im.isSymmetric())) throw new IllegalArgumentException("a (loop) hafnian needs a symmetric matrix");
        Scaled s = scale(re, im, loop);
        int n = s.re.length;
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        if (!loop && n % 2 == 1) return new ComplexValue(Rational.ZERO, Rational.ZERO);
        int primes = ModularEvaluation.primesFor(s.bound);
        long[] xs = new long[primes], ys = new long[primes];
        for (int k = 0; k < primes; k++) {
            ModularPrime mp = ModularPrime.get(k);
            long plus = mp.fromMont(evaluate(mp, reduce(mp, s, 1), loop));
            if (s.im == null) {
                xs[k] = plus;
                continue;
            }
            long minus = mp.fromMont(evaluate(mp, reduce(mp, s, -1), loop));
            BigInteger p = mp.modulus();
            BigInteger a = BigInteger.valueOf(plus), b = BigInteger.valueOf(minus);
            xs[k] = a.add(b).multiply(BigInteger.TWO.modInverse(p)).mod(p).longValueExact();
            ys[k] = a.subtract(b).multiply(BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1).modInverse(p)).mod(p).longValueExact();
        }
        Rational x = Rational.of(ModularEvaluation.crt(xs), s.divisor);
        Rational y = s.im == null ? Rational.ZERO : Rational.of(ModularEvaluation.crt(ys), s.divisor);
        return new ComplexValue(x, y);
    }

    /** Integer form: the matrix (padded to even order for loops), the divisor of the integer result, the bound. */
    record Scaled(BigInteger[][] re, BigInteger[][] im, BigInteger divisor, BigInteger bound) {
    }

    static Scaled scale(RationalMatrix re, RationalMatrix im, boolean loop) {
        int n0 = re.rows();
        int n = loop && n0 % 2 == 1 ? n0 + 1 : n0;
        BigInteger d = BigInteger.ONE;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n0; j++) {
                if (i == j && !loop) continue;
                d = ModularPermanent.lcm(d, re.get(i, j).denominator());
                if (im != null) d = ModularPermanent.lcm(d, im.get(i, j).denominator());
            }
        }
        BigInteger[][] r = new BigInteger[n][n];
        BigInteger[][] m = im == null ? null : new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = i < n0 && j < n0;
                BigInteger f = i == j ? (loop ? d : BigInteger.ZERO) : (loop ? d.multiply(d) : d);
                r[i][j] = inside ? times(re.get(i, j), f) : (i == j ? BigInteger.ONE : BigInteger.ZERO);
                if (m != null) m[i][j] = inside ? times(im.get(i, j), f) : BigInteger.ZERO;
            }
        }
        BigInteger bound;
        if (loop) {
            bound = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger row = BigInteger.ZERO;
                for (int j = 0; j < n; j++) row = row.add(r[i][j].abs()).add(m == null ? BigInteger.ZERO : m[i][j].abs());
                bound = bound.multiply(row.max(BigInteger.ONE));
            }
        } else {
            bound = ModularHafnian.bound(r, m);
        }
        return new Scaled(r, m, d.pow(loop ? n0 : n0 / 2), bound);
    }

    private static BigInteger times(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }

    private static long[][] reduce(ModularPrime mp, Scaled s, int sign) {
        int n = s.re.length;
        long sMont = mp.toMont(sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne);
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long v = mp.toMont(s.re[i][j]);
                if (s.im != null) v = mp.add(v, mp.mul(sMont, mp.toMont(s.im[i][j])));
                out[i][j] = v;
            }
        }
        return out;
    }

    /** The (loop) hafnian of a symmetric matrix of Montgomery residues of even order, in Montgomery form. */
    static long evaluate(ModularPrime mp, long[][] a, boolean loop) {
        int n = a.length;
        int l = n / 2;
        int split = Math.min(SPLIT, Math.max(0, l - 1));
        long[] parts = new long[1 << split];
        IntStream tasks = IntStream.range(0, parts.length);
        if (parts.length > 1) tasks = tasks.parallel();
        tasks.forEach(t -> parts[t] = new Walk(mp, a, loop).task(t, split));
        long sum = 0;
        for (long x : parts) sum = mp.add(sum, x);
        return sum;
    }

    /** The recursion's buffers, one set per depth; one Walk per task. */
    private static final class Walk {
        final ModularPrime mp;
        final int l, w;
        final boolean loop;
        final long[][] b, d, g;

        Walk(ModularPrime mp, long[][] a, boolean loop) {
            this.mp = mp;
            int n = a.length;
            this.l = n / 2;
            this.w = l + 1;
            this.loop = loop;
            b = new long[l + 1][];
            d = new long[l + 1][];
            g = new long[l + 1][];
            for (int depth = 0; depth <= l; depth++) {
                int s = n - 2 * depth;
                b[depth] = new long[Math.max(1, s * (s - 1) / 2) * w];
                d[depth] = loop ? new long[Math.max(1, s) * w] : null;
                g[depth] = new long[w];
            }
            for (int j = 1; j < n; j++) for (int k = 0; k < j; k++) b[0][(j * (j - 1) / 2 + k) * w] = a[j][k];
            if (loop) for (int j = 0; j < n; j++) d[0][j * w] = a[j][j];
            g[0][0] = mp.one;
        }

        /** Replays the include/exclude choices of the first {@code split} pairs given by the bits of t, then recurses. */
        long task(int t, int split) {
            boolean negative = false;
            for (int depth = 0; depth < split; depth++) {
                boolean include = ((t >>> depth) & 1) != 0;
                if (include) contract(depth);
                else exclude(depth);
                negative ^= !include;
            }
            long v = solve(split);
            return negative ? mp.sub(0, v) : v;
        }

        /** Σ over the leaves below depth (sign +), Montgomery form. */
        private long solve(int depth) {
            int s = 2 * (l - depth);
            if (s == 0) return g[depth][l];
            if (s == 2) {
                // include − exclude = [x^L] g·x·c with c = b_10 + D_0·D_1
                long[] gg = g[depth];
                long[] bb = b[depth];
                long sum = 0;
                if (!loop) {
                    for (int k = 0; k < l; k++) sum = mp.add(sum, mp.mul(gg[l - 1 - k], bb[k]));
                    return sum;
                }
                long[] dd = d[depth];
                for (int k = 0; k < l; k++) {
                    long c = bb[k];
                    for (int i = 0; i <= k; i++) c = mp.add(c, mp.mul(dd[i], dd[w + k - i]));
                    sum = mp.add(sum, mp.mul(gg[l - 1 - k], c));
                }
                return sum;
            }
            exclude(depth);
            long h = solve(depth + 1);
            contract(depth);
            return mp.sub(solve(depth + 1), h);
        }

        /** State at depth + 1 without the first pair. */
        private void exclude(int depth) {
            int s = 2 * (l - depth);
            long[] src = b[depth], dst = b[depth + 1];
            for (int j = 2; j < s; j++) {
                for (int k = 2; k < j; k++) System.arraycopy(src, (j * (j - 1) / 2 + k) * w, dst, ((j - 2) * (j - 3) / 2 + k - 2) * w, w);
            }
            if (loop) System.arraycopy(d[depth], 2 * w, d[depth + 1], 0, (s - 2) * w);
            System.arraycopy(g[depth], 0, g[depth + 1], 0, w);
        }

        /** State at depth + 1 with the first pair (local vertices 0, 1) contracted. */
        private void contract(int depth) {
            int s = 2 * (l - depth);
            long[] src = b[depth], dst = b[depth + 1];
            long[] gs = g[depth], gd = g[depth + 1];
            // g ← g·(1 + x·c), c = b_10 (+ D_0·D_1)
            long[] c = new long[w];
            System.arraycopy(src, 0, c, 0, w);
            long[] ds = loop ? d[depth] : null;
            if (loop) addProduct(c, ds, 0, ds, w, 0);
            System.arraycopy(gs, 0, gd, 0, w);
            addProduct(gd, gs, 0, c, 0, 1);
            for (int j = 2; j < s; j++) {
                int j0 = (j * (j - 1) / 2) * w, j1 = (j * (j - 1) / 2 + 1) * w;
                for (int k = 2; k < j; k++) {
                    int k0 = (k * (k - 1) / 2) * w, k1 = (k * (k - 1) / 2 + 1) * w;
                    int at = ((j - 2) * (j - 3) / 2 + k - 2) * w;
                    System.arraycopy(src, (j * (j - 1) / 2 + k) * w, dst, at, w);
                    addProduct(dst, at, src, j0, src, k1, 1);
                    addProduct(dst, at, src, j1, src, k0, 1);
                }
            }
            if (loop) {
                long[] dd = d[depth + 1];
                for (int j = 2; j < s; j++) {
                    int j0 = (j * (j - 1) / 2) * w, j1 = (j * (j - 1) / 2 + 1) * w;
                    int at = (j - 2) * w;
                    System.arraycopy(ds, j * w, dd, at, w);
                    addProduct(dd, at, src, j0, ds, w, 1);
                    addProduct(dd, at, src, j1, ds, 0, 1);
                }
            }
        }

        /** out[0..] += x^shift·(a·b) truncated at degree L; a and b start at offsets in their arrays. */
        private void addProduct(long[] out, long[] a, int ao, long[] bArr, int bo, int shift) {
            addProduct(out, 0, a, ao, bArr, bo, shift);
        }

        private void addProduct(long[] out, int oo, long[] a, int ao, long[] bArr, int bo, int shift) {
            final long p = mp.p, pInv = mp.pInv;
            for (int t = shift; t <= l; t++) {
                // Σ_{i ≤ t−shift} a_i·b_{t−shift−i}: products of residues below 2^62 are below 2^124, so four of them
                // sum below 2^126 (hi < 2^62) in (hi, lo); then one signed REDC
                int top = t - shift;
                long acc = out[oo + t];
                int i = 0;
                while (i <= top) {
                    long hi = 0, lo = 0;
                    int end = Math.min(top, i + 3);
                    for (; i <= end; i++) {
                        long x = a[ao + i], y = bArr[bo + top - i];
                        long pl = x * y;
                        long sum = lo + pl;
                        hi += Math.multiplyHigh(x, y) + (Long.compareUnsigned(sum, pl) < 0 ? 1 : 0);
                        lo = sum;
                    }
                    acc = ModularPrime.add(acc, reduce(hi, lo, p, pInv), p);
                }
                out[oo + t] = acc;
            }
        }
    }

    /**
     * (hi·2^64 + lo)·2^-64 mod p in [0, p) for 0 ≤ hi &lt; 2^62 (signed REDC as in {@link ModularPrime#mul}: the
     * quotient hi − ⌊m·p/2^64⌋ lies in (hi − p/2, hi + p/2) ⊂ (−2^61, 2^63), so it does not overflow, and hi &lt; 2p
     * because p &gt; 2^61).
     */
    static long reduce(long hi, long lo, long p, long pInv) {
        long r = hi - Math.multiplyHigh(lo * pInv, p);
        while (r >= p) r -= p;
        return r < 0 ? r + p : r;
    }
}
