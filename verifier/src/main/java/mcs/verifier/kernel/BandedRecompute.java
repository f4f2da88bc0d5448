package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact permanent, hafnian and loop hafnian of a <em>banded</em> matrix (a_ij = 0 whenever
 * |i − j| &gt; w), by a dynamic programme over a window of w (hafnian) or 2w + 1 (permanent) positions, in
 * exact Gaussian-integer arithmetic. It shares no code with the solvers and lets the kernel check banded
 * answers far beyond the order its sign-vector recomputations reach (the 0-1 tridiagonal permanent at
 * n = 40, banded hafnians at n = 200).
 *
 * <p><b>Permanent.</b> Rows are taken in order; before row i the state is the set of used columns among
 * i − w … i + w − 1 (columns left of i − w must all be used: no later row reaches them; columns right of
 * i + w − 1 are unused: no earlier row reached them; positions outside 0 … n−1 count as used on the left and
 * are never chosen on the right). Row i takes an unused column c ∈ [i − w, i + w] with a_ic ≠ 0; then
 * column i − w must be used, and the window moves right. Every permutation with nonzero product is counted
 * exactly once, with its product: the DP is the sum over those permutations, i.e. the permanent. At the end
 * the columns n − w … n − 1 must be used.
 *
 * <p><b>Hafnian.</b> Vertices in order; the state is the set of i … i + w − 1 already matched to earlier
 * vertices. Vertex i, if unmatched, is matched to an unmatched j ∈ (i, i + w] with a_ij ≠ 0 (or, for the loop
 * hafnian, takes its loop a_ii); every perfect matching (with loops) is built exactly once, its partner
 * choices being forced by the order. The state must be empty at the end.
 *
 * <p>Rational input is scaled as in {@link ModularPermanent} (rows by their denominators' LCM) and
 * {@link ModularHafnian} (uniformly; pairs by L² and loops by L for loop hafnians). Cost n·2^(2w+1)·(2w+1)
 * (permanent) or n·2^w·w (hafnian) big-integer operations on numbers of O(n·log) bits.
 */
final class BandedRecompute {
    private BandedRecompute() {
    }

    /** max |i − j| over nonzero entries (real or imaginary part); 0 for a diagonal or empty matrix. */
    static int bandwidth(PermInstance p) {
        int n = p.n(), w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(i - j) > w && (!p.re().get(i, j).isZero() || (p.im() != null && !p.im().get(i, j).isZero()))) w = Math.abs(i - j);
            }
        }
        return w;
    }

    /** Steps of the DP (states × choices × n), saturating. */
    static double work(Problem base, int n, int w) {
        return base == Problem.PERMANENT ? n * Math.scalb(2 * w + 1.0, 2 * w + 1) : n * Math.scalb(Math.max(1, w) + 1.0, w);
    }

    /** The exact value, for a permanent, hafnian or loop hafnian {@code base} problem. */
    static ComplexValue value(PermInstance p, Problem base) {
        int n = p.n(), w = bandwidth(p);
        RationalMatrix re = p.re(), im = p.im();
        BigInteger[][] r = new BigInteger[n][n], s = im == null ? null : new BigInteger[n][n];
        BigInteger divisor = BigInteger.ONE;
        if (base == Problem.PERMANENT) {
            for (int i = 0; i < n; i++) {
                BigInteger d = BigInteger.ONE;
                for (int j = 0; j < n; j++) {
                    d = ModularPermanent.lcm(d, re.get(i, j).denominator());
                    if (im != null) d = ModularPermanent.lcm(d, im.get(i, j).denominator());
                }
                for (int j = 0; j < n; j++) {
                    r[i][j] = times(re.get(i, j), d);
                    if (s != null) s[i][j] = times(im.get(i, j), d);
                }
                divisor = divisor.multiply(d);
            }
        } else {
            BigInteger l = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    l = ModularPermanent.lcm(l, re.get(i, j).denominator());
                    if (im != null) l = ModularPermanent.lcm(l, im.get(i, j).denominator());
                }
            }
            boolean loop = base == Problem.LOOP_HAFNIAN;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    BigInteger f = loop && i != j ? l.multiply(l) : l;
                    r[i][j] = times(re.get(i, j), f);
                    if (s != null) s[i][j] = times(im.get(i, j), f);
                }
            }
            divisor = loop ? l.pow(n) : l.pow(n / 2);
        }
        BigInteger[] v = base == Problem.PERMANENT ? permanent(r, s, w) : hafnian(r, s, w, base == Problem.LOOP_HAFNIAN);
        return new ComplexValue(Rational.of(v[0], divisor), Rational.of(v[1], divisor));
    }

    private static BigInteger times(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }

    private static BigInteger[] permanent(BigInteger[][] r, BigInteger[][] s, int w) {
        int n = r.length, width = 2 * w + 1;
        if (n == 0) return new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
        // Bit k of a state: column i − w + k, k = 0 … 2w (bit 2w only transiently within row i).
        BigInteger[][] cur = new BigInteger[1 << width][];
        int start = 0;
        for (int k = 0; k < w; k++) if (-w + k < 0) start |= 1 << k; // columns left of 0 count as used
        cur[start] = new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
        for (int i = 0; i < n; i++) {
            BigInteger[][] next = new BigInteger[1 << width][];
            for (int st = 0; st < cur.length; st++) {
                if (cur[st] == null) continue;
                for (int k = 0; k < width; k++) {
                    int c = i - w + k;
                    if (c < 0 || c >= n || (st & (1 << k)) != 0) continue;
                    if (r[i][c].signum() == 0 && (s == null || s[i][c].signum() == 0)) continue;
                    int t = st | (1 << k);
                    if ((t & 1) == 0) continue; // column i − w would stay unused for ever
                    add(next, t >> 1, mul(cur[st], r[i][c], s == null ? BigInteger.ZERO : s[i][c]));
                }
            }
            cur = next;
        }
        // After row n−1 the state covers columns n − w … n + w − 1: the first w must be used, the rest not.
        // (Columns left of 0, when n < w, are the virtual used ones set at the start and shifted along.)
        BigInteger[] v = cur[(1 << w) - 1];
        return v == null ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO} : v;
    }

    private static BigInteger[] hafnian(BigInteger[][] r, BigInteger[][] s, int w, boolean loop) {
        int n = r.length;
        int width = Math.max(1, w) + 1;
        BigInteger[][] cur = new BigInteger[1 << width][];
        cur[0] = new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
        for (int i = 0; i < n; i++) {
            BigInteger[][] next = new BigInteger[1 << width][];
            for (int st = 0; st < cur.length; st++) {
                if (cur[st] == null) continue;
                if ((st & 1) != 0) { // i already matched
                    add(next, st >> 1, cur[st]);
                    continue;
                }
                if (loop && (r[i][i].signum() != 0 || (s != null && s[i][i].signum() != 0))) {
                    add(next, st >> 1, mul(cur[st], r[i][i], s == null ? BigInteger.ZERO : s[i][i]));
                }
                for (int k = 1; k <= w; k++) {
                    int j = i + k;
                    if (j >= n || (st & (1 << k)) != 0) continue;
                    if (r[i][j].signum() == 0 && (s == null || s[i][j].signum() == 0)) continue;
                    add(next, (st | (1 << k)) >> 1, mul(cur[st], r[i][j], s == null ? BigInteger.ZERO : s[i][j]));
                }
            }
            cur = next;
        }
        BigInteger[] v = cur[0];
        return v == null ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO} : v;
    }

    private static BigInteger[] mul(BigInteger[] v, BigInteger a, BigInteger b) {
        if (b.signum() == 0) return new BigInteger[] {v[0].multiply(a), v[1].multiply(a)};
        return new BigInteger[] {v[0].multiply(a).subtract(v[1].multiply(b)), v[0].multiply(b).add(v[1].multiply(a))};
    }

    private static void add(BigInteger[][] m, int st, BigInteger[] v) {
        if (m[st] == null) m[st] = v;
        else m[st] = new BigInteger[] {m[st][0].add(v[0]), m[st][1].add(v[1])};
    }
}
