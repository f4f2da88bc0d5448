package mcs.solvers.haf.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.modular.GaussianPrime;
import mcs.solvers.engine.parallel.Chunks;

/**
 * The exact hafnian or loop hafnian of a real or complex rational symmetric matrix: scaled to (Gaussian)
 * integers, evaluated modulo primes p ≡ 1 (mod 4) by {@link ModularCycles}, and rebuilt by the Chinese
 * remainder theorem on the real and imaginary parts.
 *
 * <p><b>Scaling.</b> Hafnian: every edge times the LCM d of the edge denominators, haf(dA) = d^(n/2)·haf(A) (the
 * diagonal does not enter). Loop hafnian: edges times d², loops times d (d the LCM of all denominators), which
 * multiplies every term by d^n because each vertex lies on one edge or one loop. An odd-order loop hafnian gets
 * a vertex with loop weight 1 and no edges.
 *
 * <p><b>Gaussian integers.</b> For p ≡ 1 (mod 4) with s² ≡ −1, i ↦ s and i ↦ −s are ring homomorphisms
 * Z[i] → Z/p; the (loop) hafnian is an integer polynomial in the entries, so the two evaluations give X + sY and
 * X − sY for the value X + iY, whence X ≡ (h₊ + h₋)/2 and Y ≡ (h₊ − h₋)/(2s) (mod p). Real input needs one
 * evaluation per prime.
 *
 * <p><b>Bound.</b> |X|, |Y| ≤ |X + iY| ≤ the same sum over matchings with every weight replaced by |Re| + |Im|.
 * Hafnian: at most min((2k−1)!!·m^k, ρ_1⋯ρ_k) for n = 2k, m the largest edge modulus and ρ_1 ≥ ρ_2 ≥ … the
 * edge row sums (expanding along the row of largest sum: haf(C) ≤ ρ(i)·max_j haf(C∖{i,j}), and induction).
 * Loop hafnian: Π_i max(1, ρ_i) with ρ_i the row sum including the loop (expanding along any row i:
 * lhaf(C) ≤ ρ_i·max(lhaf(C∖i), lhaf(C∖{i,j})), and dropping rows only drops factors ≥ 1). Primes are taken
 * until their product exceeds twice the bound, so the symmetric residues are the values.
 *
 * <p>Complexity: (number of primes)·(1 or 2)·O(n²·2^(n/2)) word operations.
 */
public final class GaussianCycleHafnian {
    private GaussianCycleHafnian() {}

    /** Scaled integer input: the matrix (padded to even order), what the integer result is divided by, the bound. */
    record Scaled(BigInteger[][] re, BigInteger[][] im, BigInteger divisor, BigInteger bound, boolean loop) {
        int primes() {
            return GaussianPrime.countFor(bound);
        }

        int evaluations() {
            return im == null ? 1 : 2;
        }
    }

    static Scaled scale(PermInstance inst) {
        boolean loop = inst.problem() == Problem.LOOP_HAFNIAN;
        int n0 = inst.n();
        int n = loop && n0 % 2 == 1 ? n0 + 1 : n0;
        boolean complex = inst.isComplex();
        BigInteger d = BigInteger.ONE;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n0; j++) {
                if (i == j && !loop) continue;
                d = lcm(d, inst.re().get(i, j).denominator());
                if (complex) d = lcm(d, inst.im().get(i, j).denominator());
            }
        }
        BigInteger[][] re = new BigInteger[n][n];
        BigInteger[][] im = complex ? new BigInteger[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = i < n0 && j < n0;
                BigInteger f = i == j ? (loop ? d : BigInteger.ZERO) : (loop ? d.multiply(d) : d);
                re[i][j] = inside ? scaled(inst.re().get(i, j), f) : (i == j ? BigInteger.ONE : BigInteger.ZERO);
                if (complex) im[i][j] = inside ? scaled(inst.im().get(i, j), f) : BigInteger.ZERO;
            }
        }
        BigInteger divisor = d.pow(loop ? n0 : n0 / 2);
        return new Scaled(re, im, divisor, loop ? loopBound(re, im) : hafnianBound(re, im), loop);
    }

    /** The exact value as a complex rational (im = 0 for real input). */
    static ComplexValue value(Scaled s, SolverOptions options) {
        int n = s.re().length;
        if (n == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        if (!s.loop() && n % 2 == 1) return new ComplexValue(Rational.ZERO, Rational.ZERO);
        int primes = s.primes();
        long[] xs = new long[primes], ys = new long[primes];
        try (Chunks chunks = new Chunks(options.threads())) {
            for (int k = 0; k < primes; k++) {
                GaussianPrime mp = GaussianPrime.get(k);
                long plus = mp.fromMont(ModularCycles.hafnian(mp, reduce(mp, s, 1), s.loop(), chunks, options));
                if (s.im() == null) {
                    xs[k] = plus;
                    continue;
                }
                long minus = mp.fromMont(ModularCycles.hafnian(mp, reduce(mp, s, -1), s.loop(), chunks, options));
                BigInteger p = mp.modulus();
                BigInteger a = BigInteger.valueOf(plus), b = BigInteger.valueOf(minus);
                xs[k] = a.add(b).multiply(BigInteger.TWO.modInverse(p)).mod(p).longValueExact();
                ys[k] = a.subtract(b).multiply(BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1).modInverse(p)).mod(p).longValueExact();
            }
        }
        Rational x = Rational.of(GaussianPrime.crt(xs), s.divisor());
        Rational y = s.im() == null ? Rational.ZERO : Rational.of(GaussianPrime.crt(ys), s.divisor());
        return new ComplexValue(x, y);
    }

    /** Montgomery residues of re + sign·s·im. */
    private static long[][] reduce(GaussianPrime mp, Scaled s, int sign) {
        int n = s.re().length;
        long[][] out = new long[n][n];
        long sm = mp.toMont(sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long v = mp.toMont(s.re()[i][j]);
                if (s.im() != null) v = mp.add(v, mp.mul(sm, mp.toMont(s.im()[i][j])));
                out[i][j] = v;
            }
        }
        return out;
    }

    static BigInteger hafnianBound(BigInteger[][] re, BigInteger[][] im) {
        int n = re.length;
        if (n == 0) return BigInteger.ONE;
        BigInteger max = BigInteger.ZERO;
        List<BigInteger> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger r = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                BigInteger m = modulus(re, im, i, j);
                max = max.max(m);
                r = r.add(m);
            }
            rows.add(r);
        }
        rows.sort(Collections.reverseOrder());
        int k = n / 2;
        BigInteger byRows = BigInteger.ONE, byMax = max.pow(k);
        for (int i = 0; i < k; i++) byRows = byRows.multiply(rows.get(i));
        for (int j = 1; j < 2 * k; j += 2) byMax = byMax.multiply(BigInteger.valueOf(j));
        return byRows.min(byMax);
    }

    static BigInteger loopBound(BigInteger[][] re, BigInteger[][] im) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < re.length; i++) {
            BigInteger r = BigInteger.ZERO;
            for (int j = 0; j < re.length; j++) r = r.add(modulus(re, im, i, j));
            b = b.multiply(r.max(BigInteger.ONE));
        }
        return b;
    }

    private static BigInteger modulus(BigInteger[][] re, BigInteger[][] im, int i, int j) {
        BigInteger m = re[i][j].abs();
        return im == null ? m : m.add(im[i][j].abs());
    }

    private static BigInteger scaled(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return b.equals(BigInteger.ONE) ? a : a.divide(a.gcd(b)).multiply(b);
    }
}
