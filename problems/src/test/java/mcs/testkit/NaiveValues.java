package mcs.testkit;

import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/** Permanents and hafnians by their defining sums, in exact rationals: n! and (n−1)!! terms, small n only. */
public final class NaiveValues {
    private NaiveValues() {}

    /** perm(A) = Σ_σ Π_i a_{iσ(i)}, by recursion over rows with a used-column mask. */
    public static Rational permanent(Rational[][] a) {
        return perm(a, 0, new boolean[a.length]);
    }

    public static Rational permanent(RationalMatrix a) {
        return permanent(Matrices.of(a));
    }

    /**
     * The same expansion along the rows with the value of every set of used columns memoised: O(n·2ⁿ) operations and
     * 2ⁿ values, for orders (up to about 20) where n! terms are too many.
     */
    public static Rational permanentBySubsets(RationalMatrix a) {
        int n = a.rows();
        Rational[] f = new Rational[1 << n]; // f[S]: permanent of rows |S|..n−1 on the columns outside S
        f[(1 << n) - 1] = Rational.ONE;
        for (int mask = (1 << n) - 2; mask >= 0; mask--) {
            int row = Integer.bitCount(mask);
            Rational s = Rational.ZERO;
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) != 0) continue;
                Rational x = a.get(row, j);
                if (!x.isZero()) s = s.add(x.multiply(f[mask | (1 << j)]));
            }
            f[mask] = s;
        }
        return f[0];
    }

    private static Rational perm(Rational[][] a, int row, boolean[] used) {
        if (row == a.length) return Rational.ONE;
        Rational s = Rational.ZERO;
        for (int c = 0; c < a.length; c++) {
            if (used[c] || a[row][c].isZero()) continue;
            used[c] = true;
            s = s.add(a[row][c].multiply(perm(a, row + 1, used)));
            used[c] = false;
        }
        return s;
    }

    /** haf(A) = Σ over perfect matchings M of Π_{ij∈M} a_ij, pairing the first unmatched index with every other one. */
    public static Rational hafnian(Rational[][] a) {
        return haf(a, new boolean[a.length]);
    }

    public static Rational hafnian(RationalMatrix a) {
        return hafnian(Matrices.of(a));
    }

    private static Rational haf(Rational[][] a, boolean[] used) {
        int i = 0;
        while (i < a.length && used[i]) i++;
        if (i == a.length) return Rational.ONE;
        used[i] = true;
        Rational s = Rational.ZERO;
        for (int j = i + 1; j < a.length; j++) {
            if (used[j]) continue;
            used[j] = true;
            s = s.add(a[i][j].multiply(haf(a, used)));
            used[j] = false;
        }
        used[i] = false;
        return s;
    }
}
