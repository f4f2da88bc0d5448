package mcs.solvers.perm.exact;

import java.math.BigInteger;
import java.util.List;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.GaussianPrime;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * The exact permanent of a complex rational matrix: rows scaled to Gaussian integers, Glynn's sum
 * H = Σ_δ (Π δ_i)·Π_j (Σ_i δ_i a_ij) = 2^(n−1)·perm(A) (δ ∈ {±1}ⁿ, δ_{n−1} = +1) evaluated modulo primes
 * p ≡ 1 (mod 4) through both embeddings i ↦ ±s (s² ≡ −1), and the real and imaginary parts rebuilt by CRT.
 *
 * <p><b>Arithmetic.</b> The column sums c_j = Σ_i δ_i a_ij are kept as exact pairs of longs (their moduli
 * |Re| + |Im| are at most the column sums S_j of |Re a| + |Im a|, required below 2^59), updated in Gray-code
 * order by ±2·(one row). Consecutive column sums are multiplied exactly in Z[i] while the product of their
 * bounds S_j stays below 2^61 (then |ac| + |bd| &lt; 2^61 in (a + bi)(c + di), so nothing overflows); each such
 * chunk product X + iY becomes X ± sY mod p in Montgomery form, and the chunk values are multiplied with
 * Montgomery reduction. For the value V = X + iY of H, the two embeddings
 * give h₊ = X + sY and h₋ = X − sY, so X ≡ (h₊ + h₋)/2, Y ≡ (h₊ − h₋)/(2s). |X|, |Y| ≤ |H| ≤ 2^(n−1)·Π_j S_j
 * fixes the number of primes. perm(A) = H/(2^(n−1)·Π d_i) for the row scales d_i.
 *
 * <p>Complexity: 2^(n−1) terms, each O(n) word operations and about 5 Montgomery products per chunk and
 * prime; tasks fix the top sign bits ({@link SignTasks}), residues are added in task order.
 */
public final class GaussianGlynn {
    static final long MAX_COLUMN_SUM = 1L << 59;

    private GaussianGlynn() {}

    /** Row-scaled Gaussian integers, the product of the row scales, the column bounds S_j (null when one reaches 2^59). */
    record Scaled(long[][] re, long[][] im, BigInteger divisor, long[] columns, BigInteger bound) {
        int primes() {
            return GaussianPrime.countFor(bound);
        }
    }

    static Scaled scale(PermInstance inst) {
        int n = inst.n();
        BigInteger[][] re = new BigInteger[n][n], im = new BigInteger[n][n];
        BigInteger divisor = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger d = BigInteger.ONE;
            for (int j = 0; j < n; j++) {
                d = lcm(d, inst.re().get(i, j).denominator());
                if (inst.isComplex()) d = lcm(d, inst.im().get(i, j).denominator());
            }
            for (int j = 0; j < n; j++) {
                re[i][j] = scaled(inst.re().get(i, j), d);
                im[i][j] = inst.isComplex() ? scaled(inst.im().get(i, j), d) : BigInteger.ZERO;
            }
            divisor = divisor.multiply(d);
        }
        long[] cols = new long[n];
        BigInteger bound = BigInteger.ONE.shiftLeft(Math.max(0, n - 1));
        for (int j = 0; j < n; j++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = 0; i < n; i++) s = s.add(re[i][j].abs()).add(im[i][j].abs());
            if (s.compareTo(BigInteger.valueOf(MAX_COLUMN_SUM)) >= 0) return new Scaled(null, null, divisor, null, bound);
            cols[j] = s.longValueExact();
            bound = bound.multiply(s);
        }
        long[][] r = new long[n][n], m = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            r[i][j] = re[i][j].longValueExact();
            m[i][j] = im[i][j].longValueExact();
        }
        return new Scaled(r, m, divisor, cols, bound);
    }

    /** The exact permanent; the scaled columns must fit (columns() non-null). */
    static ComplexValue permanent(Scaled s, SolverOptions options) {
        int n = s.re().length;
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        int primes = s.primes();
        // chunk boundaries: products of consecutive column bounds below 2^62
        int[] starts = new int[n + 1];
        int chunks = 0;
        double acc = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double b = Math.max(1, s.columns()[j]);
            if (acc * b >= 0x1p61) {
                starts[chunks++] = j;
                acc = b;
            } else {
                acc *= b;
            }
        }
        starts[chunks] = n;
        int nChunks = chunks;
        int free = n - 1;
        int split = SignTasks.splitBits(free);
        int low = free - split;
        List<long[]> parts = SignTasks.run(1 << split, options.threads(), t -> walk(s, starts, nChunks, primes, low, t, options));
        long[] xs = new long[primes], ys = new long[primes];
        for (int k = 0; k < primes; k++) {
            GaussianPrime mp = GaussianPrime.get(k);
            long plus = 0, minus = 0;
            for (long[] part : parts) {
                plus = mp.add(plus, part[2 * k]);
                minus = mp.add(minus, part[2 * k + 1]);
            }
            BigInteger p = mp.modulus();
            BigInteger a = BigInteger.valueOf(mp.fromMont(plus)), b = BigInteger.valueOf(mp.fromMont(minus));
            xs[k] = a.add(b).multiply(BigInteger.TWO.modInverse(p)).mod(p).longValueExact();
            ys[k] = a.subtract(b).multiply(BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1).modInverse(p)).mod(p).longValueExact();
        }
        BigInteger scale = s.divisor().shiftLeft(n - 1);
        BigInteger x = GaussianPrime.crt(xs), y = GaussianPrime.crt(ys);
        return new ComplexValue(Rational.of(x, scale), Rational.of(y, scale));
    }

    private static long[] walk(Scaled s, int[] starts, int chunks, int primes, int low, int t, SolverOptions options) {
        long[][] qr = s.re(), qi = s.im();
        int n = qr.length;
        GaussianPrime[] mp = new GaussianPrime[primes];
        long[] sMont = new long[primes];
        for (int k = 0; k < primes; k++) {
            mp[k] = GaussianPrime.get(k);
            sMont[k] = mp[k].toMont(mp[k].sqrtMinusOne);
        }
        long[] acc = new long[2 * primes];
        boolean[] minus = SignTasks.initialMinus(n, low, t);
        long[] cr = SignTasks.columnSums(qr, minus);
        long[] ci = SignTasks.columnSums(qi, minus);
        boolean negative = Integer.bitCount(t) % 2 == 1;
        long[] xr = new long[chunks], xi = new long[chunks];
        long steps = 1L << low;
        for (long step = 0; step < steps; step++) {
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                long[] rr = qr[b], ri = qi[b];
                long k2 = minus[b] ? 2 : -2;
                for (int j = 0; j < n; j++) {
                    cr[j] += k2 * rr[j];
                    ci[j] += k2 * ri[j];
                }
                minus[b] = !minus[b];
                negative = !negative;
                if ((step & 4095) == 0) options.checkDeadline();
            }
            boolean zero = false;
            for (int h = 0; h < chunks; h++) {
                int j = starts[h];
                long a = cr[j], bb = ci[j];
                for (j++; j < starts[h + 1]; j++) {
                    long c = cr[j], d = ci[j];
                    long re = a * c - bb * d;
                    bb = a * d + bb * c;
                    a = re;
                }
                xr[h] = a;
                xi[h] = bb;
                zero |= a == 0 && bb == 0;
            }
            if (zero) continue;
            for (int k = 0; k < primes; k++) {
                GaussianPrime m = mp[k];
                long p = m.p, r2 = m.r2();
                long pp = 0, pm = 0;
                for (int h = 0; h < chunks; h++) {
                    // Montgomery forms of X and Y: a chunk keeps |X|, |Y| < 2^61 < 2p, so x + 2p is a word in (0, 2^63)
                    long x = m.mulSmall(xr[h] + 2 * p, r2);
                    long sy = m.mulSmall(m.mulSmall(xi[h] + 2 * p, r2), sMont[k]);
                    long u = m.add(x, sy), v = m.sub(x, sy);
                    if (h == 0) {
                        pp = u;
                        pm = v;
                    } else {
                        pp = m.mulSmall(pp, u);
                        pm = m.mulSmall(pm, v);
                    }
                }
                acc[2 * k] = negative ? m.sub(acc[2 * k], pp) : m.add(acc[2 * k], pp);
                acc[2 * k + 1] = negative ? m.sub(acc[2 * k + 1], pm) : m.add(acc[2 * k + 1], pm);
            }
        }
        return acc;
    }

    private static BigInteger scaled(Rational x, BigInteger d) {
        return x.numerator().multiply(d.divide(x.denominator()));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return b.equals(BigInteger.ONE) ? a : a.divide(a.gcd(b)).multiply(b);
    }
}
