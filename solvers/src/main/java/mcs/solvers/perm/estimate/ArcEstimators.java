package mcs.solvers.perm.estimate;

import java.math.BigInteger;
import java.util.Arrays;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * ARC's "presumption of independence" estimates of perm(A) = n!·E_σ[Π_i a_{iσ(i)}] (SPEC §1 PERM-ESTIMATE,
 * REFERENCES §3), in exact rational arithmetic. Each treats the n factors a_{iσ(i)} as independent
 * under some reduced knowledge of A:
 * <ul>
 *   <li>{@link #row}: only the row sums r_i are known: (n!/nⁿ)·Π r_i;
 *   <li>{@link #col}: only the column sums: (n!/nⁿ)·Π c_j;
 *   <li>{@link #sum}: only the total S: (n!/n^{2n})·Sⁿ;
 *   <li>{@link #rowColSum}: row·col/sum (0 when sum is 0), the "ratio" combination;
 *   <li>{@link #uniq}: the n factors are n distinct entries drawn uniformly: n!·e_n(all n² entries)/C(n², n);
 *   <li>{@link #rowColUniq}: row·col/uniq (0 when uniq is 0).
 * </ul>
 * All six equal n! on the all-ones matrix J_n. Complexity: O(n²) rational operations for the sums;
 * {@link #uniq} is an O(n³) dynamic program over integers after scaling by the common denominator.
 */
final class ArcEstimators {
    private ArcEstimators() {}

    /** (n!/nⁿ)·Π_i Σ_j a_ij. */
    static Rational row(RationalMatrix a) {
        return lineSums(a, true);
    }

    /** (n!/nⁿ)·Π_j Σ_i a_ij. */
    static Rational col(RationalMatrix a) {
        return lineSums(a, false);
    }

    /** (n!/nⁿ) times the product of the row sums (or of the column sums). */
    private static Rational lineSums(RationalMatrix a, boolean rows) {
        int n = a.rows();
        Rational p = factorialOverPower(n, n);
        for (int k = 0; k < n; k++) {
            Rational s = Rational.ZERO;
            for (int l = 0; l < n; l++) s = s.add(rows ? a.get(k, l) : a.get(l, k));
            p = p.multiply(s);
        }
        return p;
    }

    /** (n!/n^{2n})·(Σ_ij a_ij)ⁿ. */
    static Rational sum(RationalMatrix a) {
        int n = a.rows();
        Rational s = Rational.ZERO;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s = s.add(a.get(i, j));
        return factorialOverPower(n, 2 * n).multiply(power(s, n));
    }

    /** row·col/sum, or 0 when sum = 0. */
    static Rational rowColSum(RationalMatrix a) {
        Rational s = sum(a);
        return s.isZero() ? Rational.ZERO : row(a).multiply(col(a)).divide(s);
    }

    /** n!·e_n(a_11, …, a_nn)/C(n², n), e_n the elementary symmetric polynomial of degree n in all n² entries. */
    static Rational uniq(RationalMatrix a) {
        int n = a.rows();
        if (n == 0) return Rational.ONE;
        BigInteger d = BigInteger.ONE;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            BigInteger q = a.get(i, j).denominator();
            d = d.divide(d.gcd(q)).multiply(q);
        }
        // e[k] = e_k of the entries seen so far, for the integers d·a_ij; e_n(a) = e_n(d·a)/dⁿ.
        BigInteger[] e = new BigInteger[n + 1];
        Arrays.fill(e, BigInteger.ZERO);
        e[0] = BigInteger.ONE;
        int seen = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            Rational x = a.get(i, j);
            seen++;
            if (x.isZero()) continue;
            BigInteger v = x.numerator().multiply(d.divide(x.denominator()));
            for (int k = Math.min(n, seen); k >= 1; k--) e[k] = e[k].add(v.multiply(e[k - 1]));
        }
        BigInteger binom = BigInteger.ONE; // C(n², n)
        long nn = (long) n * n;
        for (int k = 0; k < n; k++) binom = binom.multiply(BigInteger.valueOf(nn - k)).divide(BigInteger.valueOf(k + 1));
        return Rational.of(factorial(n).multiply(e[n]), binom.multiply(d.pow(n)));
    }

    /** row·col/uniq, or 0 when uniq = 0. */
    static Rational rowColUniq(RationalMatrix a) {
        Rational u = uniq(a);
        return u.isZero() ? Rational.ZERO : row(a).multiply(col(a)).divide(u);
    }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
        return f;
    }

    /** n!/n^e. */
    private static Rational factorialOverPower(int n, int e) {
        return n == 0 ? Rational.ONE : Rational.of(factorial(n), BigInteger.valueOf(n).pow(e));
    }

    private static Rational power(Rational x, int e) {
        return Rational.of(x.numerator().pow(e), x.denominator().pow(e));
    }
}
