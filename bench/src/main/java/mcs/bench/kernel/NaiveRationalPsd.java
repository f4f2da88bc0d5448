package mcs.bench.kernel;

import mcs.problems.exact.Rational;

/**
 * The baseline of the kernel benchmarks: textbook symmetric Gaussian elimination on {@link Rational}
 * fractions (every operation reduces by a gcd), diagonal pivoting, no fraction-free tricks. Decides PSD
 * with the same rules as {@code ExactPsd} (negative pivot, or zero pivot with a nonzero row ⇒ not PSD).
 */
public final class NaiveRationalPsd {
    private NaiveRationalPsd() {}

    /** True iff the symmetric matrix with lower triangle {@code a} is PSD; {@code a} is not modified. */
    public static boolean isPsd(Rational[][] a) {
        int n = a.length;
        Rational[][] m = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m[i][j] = a[i][j];
                m[j][i] = a[i][j];
            }
        }
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int p = -1;
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                int s = m[i][i].signum();
                if (s < 0) return false;
                if (s == 0) {
                    for (int j = 0; j < n; j++) if (!done[j] && j != i && !m[i][j].isZero()) return false;
                    done[i] = true;
                } else if (p < 0) {
                    p = i;
                }
            }
            if (p < 0) return true;
            done[p] = true;
            Rational piv = m[p][p];
            for (int i = 0; i < n; i++) {
                if (done[i] || m[i][p].isZero()) continue;
                Rational f = m[i][p].divide(piv);
                for (int j = 0; j <= i; j++) {
                    if (done[j] || m[j][p].isZero()) continue;
                    Rational v = m[i][j].subtract(f.multiply(m[j][p]));
                    m[i][j] = v;
                    m[j][i] = v;
                }
            }
        }
        return true;
    }
}
