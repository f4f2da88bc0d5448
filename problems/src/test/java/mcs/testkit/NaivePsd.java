package mcs.testkit;

import java.util.Arrays;
import mcs.problems.exact.Rational;

/**
 * Exact positive semidefiniteness of small dense symmetric rational matrices, two ways that share nothing:
 * symmetric elimination (O(n³) rational operations) and Sylvester's criterion over every principal minor
 * (2ⁿ determinants: n ≤ about 12). {@code NaivePsdTest} holds them to each other.
 */
public final class NaivePsd {
    private NaivePsd() {}

    /** Determinant by Gaussian elimination with row swaps. */
    public static Rational det(Rational[][] m0) {
        int n = m0.length;
        Rational[][] m = new Rational[n][];
        for (int i = 0; i < n; i++) m[i] = m0[i].clone();
        Rational d = Rational.ONE;
        for (int c = 0; c < n; c++) {
            int p = c;
            while (p < n && m[p][c].isZero()) p++;
            if (p == n) return Rational.ZERO;
            if (p != c) {
                Rational[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                d = d.negate();
            }
            d = d.multiply(m[c][c]);
            for (int r = c + 1; r < n; r++) {
                if (m[r][c].isZero()) continue;
                Rational f = m[r][c].divide(m[c][c]);
                for (int k = c; k < n; k++) m[r][k] = m[r][k].subtract(f.multiply(m[c][k]));
            }
        }
        return d;
    }

    /**
     * PSD by symmetric elimination on positive pivots: a negative diagonal entry refutes; when every remaining
     * diagonal entry is zero, PSD iff the remaining block is zero.
     */
    public static boolean byElimination(Rational[][] m) {
        int n = m.length;
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) a[i] = m[i].clone();
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int p = -1;
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                if (a[i][i].signum() < 0) return false;
                if (a[i][i].signum() > 0 && p < 0) p = i;
            }
            if (p < 0) {
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (!done[i] && !done[j] && !a[i][j].isZero()) return false;
                return true;
            }
            done[p] = true;
            for (int i = 0; i < n; i++) {
                if (done[i] || a[i][p].isZero()) continue;
                Rational f = a[i][p].divide(a[p][p]);
                for (int j = 0; j < n; j++) if (!done[j]) a[i][j] = a[i][j].subtract(f.multiply(a[p][j]));
            }
        }
        return true;
    }

    /** PSD iff every principal minor is ≥ 0. */
    public static boolean byMinors(Rational[][] x) {
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return byMinors(x, all);
    }

    /** Every principal minor on indices of {@code support} is ≥ 0 (the other rows and columns must be zero for PSD). */
    public static boolean byMinors(Rational[][] x, int[] support) {
        int k = support.length;
        for (int mask = 1; mask < (1 << k); mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            int t = 0;
            for (int b = 0; b < k; b++) if ((mask & (1 << b)) != 0) idx[t++] = support[b];
            Rational[][] sub = new Rational[idx.length][idx.length];
            for (int r = 0; r < idx.length; r++) for (int c = 0; c < idx.length; c++) sub[r][c] = x[idx[r]][idx[c]];
            if (det(sub).signum() < 0) return false;
        }
        return true;
    }

    /** Positive definite iff every leading principal minor is &gt; 0. */
    public static boolean isPd(Rational[][] a) {
        for (int k = 1; k <= a.length; k++) {
            Rational[][] sub = new Rational[k][k];
            for (int r = 0; r < k; r++) sub[r] = Arrays.copyOf(a[r], k);
            if (det(sub).signum() <= 0) return false;
        }
        return true;
    }
}
