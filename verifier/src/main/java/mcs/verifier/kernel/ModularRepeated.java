package mcs.verifier.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * The judge's exact hafnian, loop hafnian and permanent of a matrix with repeated rows and columns, without
 * forming the expanded matrix B: the sign-vector formulas of {@link ModularHafnian}, of the loop hafnian (below)
 * and of {@link ModularPermanent} on B, with the sign vectors grouped by how many copies of each row carry −1.
 * It shares no code with the solvers.
 *
 * <p><b>Grouping.</b> Let row i of A appear r_i times in B (N = Σ r_i) and let δ ∈ {±1}^N be a sign vector on
 * B's rows. Every quantity in those formulas depends on δ only through y_i = Σ_{copies a of i} δ_(i,a) =
 * r_i − 2t_i, where t_i is the number of copies of i with sign −1, and Π δ = (−1)^{Σ t_i}. There are
 * Π_i C(r_i, t_i) sign vectors with the same t. Hence, summing over t ∈ Π_i {0, …, r_i} with the weight
 * w(t) = Π_i (−1)^{t_i} C(r_i, t_i):
 * <ul>
 *   <li>hafnian (B_{(i,a),(j,b)} = a_ij between distinct copies): q₂(δ) = Σ_{pairs of copies} B δδ
 *       = ½(yᵀAy − Σ_i a_ii r_i) (yᵀAy counts every ordered pair of distinct copies and also each copy with
 *       itself, a_ii·δ² = a_ii, r_i times), and haf(B) = (2^N (N/2)!)⁻¹ Σ_t w(t) q₂^{N/2};
 *   <li>loop hafnian (loops a_ii on every copy): q₁ = Σ_i a_ii y_i and lhaf(B) = 2^-N Σ_t w(t) F(q₂, q₁) with
 *       F = Σ_{2m+s=N} q₂^m q₁^s/(m!·s!), the degree-N part of exp(q₂ + q₁) (loop-hafnian formula below);
 *   <li>permanent (row i repeated r_i times, column j repeated c_j times): the column sums Σ_rows δ B are
 *       v_j = Σ_i y_i a_ij, and perm(B) = 2^-N Σ_t w(t) Π_j v_j^{c_j}.
 * </ul>
 * These are the full sums over all 2^N sign vectors (no halving), each equal to the value times the stated
 * normaliser by the derivations in the three classes named above. q₂ is an integer (y_i² ≡ r_i mod 2), so
 * the division by 2 is exact and is done with the inverse of 2 mod p.
 *
 * <p><b>Arithmetic.</b> t runs in odometer order; changing t_i by +1 changes y_i by −2 and u = Ay by
 * −2·(column i), a wrap from r_i to 0 by +2r_i·(column i): O(n) per class, plus the weight (n products) and
 * the power. Modulo the primes of {@link ModularPrime} with CRT as in {@link ModularEvaluation}, complex
 * input through the two square roots of −1. Bounds on the value (of B): for the hafnian the smaller of
 * (N−1)!!·max^{N/2} and the product of the N/2 largest off-diagonal absolute row sums of B (as in
 * {@link ModularHafnian}); for the loop hafnian Π over B's rows of max(1, absolute row sum) (proved
 * below); for the permanent Π over B's rows of the absolute row sum. Rational input is
 * scaled as in those classes (uniformly by L for hafnians, pairs by L² and loops by L for loop hafnians, row
 * i by its denominators' LCM d_i for permanents, giving Π d_i^{r_i}).
 *
 * <p><b>The loop-hafnian formula</b> (on any symmetric matrix A of order n, here B).
 * <b>Definition.</b> lhaf(A) = Σ over partitions of [n] into singletons S and pairs M of
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
 * <p><b>Loop-hafnian bound.</b> With R_i = max(1, Σ_j |a_ij|) (diagonal included; |a| + |b| for a + ib),
 * |lhaf A| ≤ lhaf(|A|) ≤ Π_i R_i. Induction on principal submatrices C: expanding along a row i of C,
 * lhaf(C) = a_ii lhaf(C∖i) + Σ_{j≠i} a_ij lhaf(C∖{i,j}) ≤ (Σ_{j∈C} |a_ij|)·Π_{C∖i} R ≤ Π_C R, using
 * lhaf(C∖{i,j}) ≤ Π_{C∖{i,j}} R ≤ Π_{C∖i} R since R_j ≥ 1.
 *
 * <p>Work: Π_i (r_i + 1) classes × O(n) per prime; permanents group the rows or the columns (perm(B) =
 * perm(Bᵀ)), whichever has fewer classes.
 */
public final class ModularRepeated {
    private ModularRepeated() {
    }

    /** Classes the evaluation of this instance walks (rows or columns, whichever is fewer for a permanent). */
    public static long classes(RepeatedInstance inst) {
        long rows = RepeatedInstance.classes(inst.rowRepeats());
        return inst.problem() == Problem.PERMANENT ? Math.min(rows, RepeatedInstance.classes(inst.colRepeats())) : rows;
    }

    /** The exact value of the expanded matrix. */
    public static ComplexValue value(RepeatedInstance inst) {
        Problem p = inst.problem();
        RationalMatrix re = inst.matrix().re(), im = inst.matrix().im();
        int[] r = inst.rowRepeats(), c = inst.colRepeats();
        if (p == Problem.PERMANENT && RepeatedInstance.classes(c) < RepeatedInstance.classes(r)) {
            re = transpose(re);
            im = im == null ? null : transpose(im);
            int[] s = r;
            r = c;
            c = s;
        }
        int n = re.rows(), total = inst.total();
        if (total == 0) return new ComplexValue(Rational.ONE, Rational.ZERO);
        BigInteger[][] ire = new BigInteger[n][n], iim = im == null ? null : new BigInteger[n][n];
        BigInteger[] mre = new BigInteger[n], mim = im == null ? null : new BigInteger[n];
        BigInteger divisor = scale(p, re, im, r, ire, iim, mre, mim);
        BigInteger bound = switch (p) {
            case HAFNIAN -> hafnianBound(ire, iim, r);
            case LOOP_HAFNIAN -> loopBound(ire, iim, mre, mim, r);
            default -> permanentBound(ire, iim, r, c);
        };
        int primes = ModularEvaluation.primesFor(bound);
        int evals = im == null ? 1 : 2;
        int first = firstDigit(r);
        int split = first < 0 ? 1 : r[first] + 1;
        long[] parts = new long[primes * evals * split];
        int[] rr = r, cc = c;
        IntStream.range(0, parts.length).parallel().forEach(task -> {
            int s = task % split, e = (task / split) % evals, k = task / (split * evals);
            ModularPrime mp = ModularPrime.get(k);
            int sign = e == 0 ? 1 : -1;
            parts[task] = walk(mp, reduce(mp, ire, iim, sign), reduce(mp, mre, mim, sign), rr, cc, p, first, s);
        });
        long[][] residues = new long[evals][primes];
        for (int k = 0; k < primes; k++) {
            ModularPrime mp = ModularPrime.get(k);
            long norm = normaliser(mp, p, total);
            long[] v = new long[evals];
            for (int e = 0; e < evals; e++) {
                long sum = 0;
                for (int s = 0; s < split; s++) sum = mp.add(sum, parts[(k * evals + e) * split + s]);
                v[e] = mp.fromMont(mp.mul(sum, norm));
            }
            if (evals == 1) {
                residues[0][k] = v[0];
            } else {
                BigInteger pm = mp.modulus();
                BigInteger plus = BigInteger.valueOf(v[0]), minus = BigInteger.valueOf(v[1]);
                residues[0][k] = plus.add(minus).multiply(BigInteger.TWO.modInverse(pm)).mod(pm).longValue();
                residues[1][k] = plus.subtract(minus).multiply(BigInteger.valueOf(mp.sqrtMinusOne).shiftLeft(1).modInverse(pm)).mod(pm).longValue();
            }
        }
        Rational x = Rational.of(ModularEvaluation.crt(residues[0]), divisor);
        Rational y = evals == 1 ? Rational.ZERO : Rational.of(ModularEvaluation.crt(residues[1]), divisor);
        return new ComplexValue(x, y);
    }

    /** The first index with a positive repeat (the digit whose values split the work), or −1. */
    private static int firstDigit(int[] r) {
        for (int i = 0; i < r.length; i++) if (r[i] > 0) return i;
        return -1;
    }

    /** (2^N·(N/2)!)⁻¹, 2^-N or 2^-N in Montgomery form. */
    private static long normaliser(ModularPrime mp, Problem p, int total) {
        BigInteger pm = mp.modulus();
        BigInteger f = BigInteger.TWO.modPow(BigInteger.valueOf(total), pm);
        if (p == Problem.HAFNIAN) for (int j = 2; j <= total / 2; j++) f = f.multiply(BigInteger.valueOf(j)).mod(pm);
        return mp.inverseMont(f.longValue());
    }

    /**
     * Σ over the classes with t_first = fixed of w(t)·term(t), in Montgomery form, t_first fixed to
     * {@code fixed} (the other digits in odometer order).
     */
    private static long walk(ModularPrime mp, long[][] a, long[] mu, int[] r, int[] c, Problem p, int first, int fixed) {
        int n = a.length;
        int total = 0;
        for (int x : r) total += x;
        int[] digits = IntStream.range(0, n).filter(i -> r[i] > 0 && i != first).toArray();
        long[][] weight = new long[n][];
        for (int i = 0; i < n; i++) {
            weight[i] = new long[r[i] + 1];
            BigInteger b = BigInteger.ONE;
            for (int t = 0; t <= r[i]; t++) {
                if (t > 0) b = b.multiply(BigInteger.valueOf(r[i] - t + 1)).divide(BigInteger.valueOf(t));
                long w = mp.toMont(b);
                weight[i][t] = (t & 1) == 0 ? w : mp.sub(0, w);
            }
        }
        long[] y = new long[n]; // y_i mod p as plain integers reduced to Montgomery form below
        int[] t = new int[n];
        if (first >= 0) t[first] = fixed;
        for (int i = 0; i < n; i++) y[i] = mp.toMont(BigInteger.valueOf(r[i] - 2L * t[i]));
        // u = Aᵀy (for hafnians A is symmetric, so this is Ay): u_j = Σ_i y_i a_ij.
        long[] u = new long[n];
        for (int j = 0; j < n; j++) {
            long s = 0;
            for (int i = 0; i < n; i++) s = mp.add(s, mp.mul(y[i], a[i][j]));
            u[j] = s;
        }
        long half = mp.inverseMont(2);
        long diagR = 0;
        for (int i = 0; i < n; i++) diagR = mp.add(diagR, mp.mul(a[i][i], mp.toMont(r[i])));
        long[] invFact = p == Problem.LOOP_HAFNIAN ? inverseFactorials(mp, total) : null;
        long[] scratch = new long[total + 1];
        long two = mp.toMont(2);
        long acc = 0;
        while (true) {
            long w = mp.one;
            for (int i = 0; i < n; i++) w = mp.mul(w, weight[i][t[i]]);
            long term;
            if (p == Problem.PERMANENT) {
                term = mp.one;
                for (int j = 0; j < n; j++) for (int e = 0; e < c[j]; e++) term = mp.mul(term, u[j]);
            } else {
                long yu = 0, q1 = 0;
                for (int i = 0; i < n; i++) {
                    yu = mp.add(yu, mp.mul(y[i], u[i]));
                    q1 = mp.add(q1, mp.mul(mu[i], y[i]));
                }
                long q2 = mp.mul(mp.sub(yu, diagR), half);
                term = p == Problem.HAFNIAN ? power(mp, q2, total / 2) : degreeN(mp, q2, q1, total, invFact, scratch);
            }
            acc = mp.add(acc, mp.mul(w, term));
            // Odometer step over the digits other than `first`.
            int d = 0;
            while (d < digits.length) {
                int i = digits[d];
                long step;
                if (t[i] < r[i]) {
                    t[i]++;
                    step = mp.sub(0, two); // y_i decreases by 2
                } else {
                    step = mp.mul(two, mp.toMont(r[i])); // back from −r_i to r_i
                    t[i] = 0;
                }
                y[i] = mp.add(y[i], step);
                long[] row = a[i];
                for (int j = 0; j < n; j++) u[j] = mp.add(u[j], mp.mul(step, row[j]));
                if (t[i] != 0) break;
                d++;
            }
            if (d == digits.length) break;
        }
        return acc;
    }

    private static long power(ModularPrime mp, long b, int e) {
        long r = mp.one;
        while (e > 0) {
            if ((e & 1) != 0) r = mp.mul(r, b);
            e >>= 1;
            if (e > 0) b = mp.mul(b, b);
        }
        return r;
    }

    private static long[] inverseFactorials(ModularPrime mp, int n) {
        long[] inv = new long[n + 1];
        long f = mp.one;
        for (int k = 1; k <= n; k++) f = mp.mul(f, mp.toMont(k));
        inv[n] = mp.inverseMont(mp.fromMont(f));
        for (int k = n; k >= 1; k--) inv[k - 1] = mp.mul(inv[k], mp.toMont(k));
        return inv;
    }

    private static long[] reduce(ModularPrime mp, BigInteger[] re, BigInteger[] im, int sign) {
        long s = mp.toMont(sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne);
        long[] out = new long[re.length];
        for (int i = 0; i < re.length; i++) {
            out[i] = mp.toMont(re[i]);
            if (im != null) out[i] = mp.add(out[i], mp.mul(s, mp.toMont(im[i])));
        }
        return out;
    }

    private static long[][] reduce(ModularPrime mp, BigInteger[][] re, BigInteger[][] im, int sign) {
        int n = re.length;
        long s = mp.toMont(sign > 0 ? mp.sqrtMinusOne : mp.p - mp.sqrtMinusOne);
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long v = mp.toMont(re[i][j]);
                if (im != null) v = mp.add(v, mp.mul(s, mp.toMont(im[i][j])));
                out[i][j] = v;
            }
        }
        return out;
    }

    /**
     * Fills the integer matrices (and for loop hafnians the loop weights μ_i = a_ii, which the formula keeps
     * apart from a_ii as the weight of a pair of copies of i) and returns what the integer value must be
     * divided by.
     */
    private static BigInteger scale(Problem p, RationalMatrix re, RationalMatrix im, int[] r, BigInteger[][] ire, BigInteger[][] iim,
                                    BigInteger[] mre, BigInteger[] mim) {
        int n = re.rows();
        for (int i = 0; i < n; i++) {
            mre[i] = BigInteger.ZERO;
            if (mim != null) mim[i] = BigInteger.ZERO;
        }
        if (p == Problem.PERMANENT) {
            BigInteger divisor = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger d = BigInteger.ONE;
                for (int j = 0; j < n; j++) {
                    d = ModularPermanent.lcm(d, re.get(i, j).denominator());
                    if (im != null) d = ModularPermanent.lcm(d, im.get(i, j).denominator());
                }
                for (int j = 0; j < n; j++) {
                    ire[i][j] = times(re.get(i, j), d);
                    if (im != null) iim[i][j] = times(im.get(i, j), d);
                }
                divisor = divisor.multiply(d.pow(r[i]));
            }
            return divisor;
        }
        BigInteger l = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l = ModularPermanent.lcm(l, re.get(i, j).denominator());
                if (im != null) l = ModularPermanent.lcm(l, im.get(i, j).denominator());
            }
        }
        int total = 0;
        for (int x : r) total += x;
        boolean loop = p == Problem.LOOP_HAFNIAN;
        // Hafnian: every pair by L, so L^(N/2). Loop hafnian: pairs by L², loops by L, so every vertex of B
        // carries one factor L: L^N.
        BigInteger f = loop ? l.multiply(l) : l;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ire[i][j] = times(re.get(i, j), f);
                if (im != null) iim[i][j] = times(im.get(i, j), f);
            }
            if (loop) {
                mre[i] = times(re.get(i, i), l);
                if (im != null) mim[i] = times(im.get(i, i), l);
            }
        }
        return loop ? l.pow(total) : l.pow(total / 2);
    }

    private static BigInteger times(Rational x, BigInteger f) {
        return x.numerator().multiply(f.divide(x.denominator()));
    }

    private static RationalMatrix transpose(RationalMatrix a) {
        Rational[][] t = new Rational[a.cols()][a.rows()];
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) t[j][i] = a.get(i, j);
        return RationalMatrix.of(t);
    }

    private static BigInteger abs(BigInteger[][] re, BigInteger[][] im, int i, int j) {
        BigInteger x = re[i][j].abs();
        return im == null ? x : x.add(im[i][j].abs());
    }

    /** min((N−1)!!·max^{N/2}, product of the N/2 largest off-diagonal absolute row sums of B). */
    static BigInteger hafnianBound(BigInteger[][] re, BigInteger[][] im, int[] r) {
        int n = re.length, total = 0;
        for (int x : r) total += x;
        List<BigInteger> sums = new ArrayList<>();
        BigInteger max = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            if (r[i] == 0) continue;
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                int copies = j == i ? r[i] - 1 : r[j];
                if (copies == 0) continue;
                BigInteger x = abs(re, im, i, j);
                s = s.add(x.multiply(BigInteger.valueOf(copies)));
                max = max.max(x);
            }
            for (int a = 0; a < r[i]; a++) sums.add(s);
        }
        sums.sort(Collections.reverseOrder());
        BigInteger byRows = BigInteger.ONE;
        for (int k = 0; k < total / 2; k++) byRows = byRows.multiply(sums.get(k));
        BigInteger byCount = max.pow(total / 2);
        for (int odd = 3; odd < total; odd += 2) byCount = byCount.multiply(BigInteger.valueOf(odd));
        return byRows.min(byCount);
    }

    /** Π over B's rows of max(1, absolute row sum): pairs to the other copies and the loop μ_i. */
    static BigInteger loopBound(BigInteger[][] re, BigInteger[][] im, BigInteger[] mre, BigInteger[] mim, int[] r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < re.length; i++) {
            if (r[i] == 0) continue;
            BigInteger s = mre[i].abs();
            if (mim != null) s = s.add(mim[i].abs());
            for (int j = 0; j < re.length; j++) {
                int copies = j == i ? r[i] - 1 : r[j];
                s = s.add(abs(re, im, i, j).multiply(BigInteger.valueOf(copies)));
            }
            b = b.multiply(s.max(BigInteger.ONE).pow(r[i]));
        }
        return b;
    }

    /** Π over B's rows of the absolute row sum: Π_i (Σ_j |a_ij| c_j)^{r_i}. */
    static BigInteger permanentBound(BigInteger[][] re, BigInteger[][] im, int[] r, int[] c) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < re.length; i++) {
            if (r[i] == 0) continue;
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < re.length; j++) s = s.add(abs(re, im, i, j).multiply(BigInteger.valueOf(c[j])));
            b = b.multiply(s.pow(r[i]));
        }
        return b;
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
