package mcs.bench.perm;

/**
 * The baseline every permanent benchmark runs beside: textbook scalar Glynn in double precision, one
 * thread, running column sums updated by ±2·(one row) in Gray-code order (never recomputed), and the
 * product in four interleaved partial products. perm(A) = 2^-(n−1) Σ_δ (Π δ_i) Π_j Σ_i δ_i a_ij.
 * No error bound, no scaling. O(n·2^(n−1)) flops.
 */
public final class PlainGlynn {
    private PlainGlynn() {}

    /** The permanent of a square double matrix (row-major a[i][j]), n ≥ 1. */
    public static double permanent(double[][] a) {
        int n = a.length;
        double[] c = new double[n];
        for (double[] row : a) for (int j = 0; j < n; j++) c[j] += row[j];
        boolean[] minus = new boolean[n];
        boolean negative = false;
        double sum = 0;
        long steps = 1L << (n - 1);
        for (long step = 0; step < steps; step++) {
            if (step != 0) {
                int b = Long.numberOfTrailingZeros(step);
                double[] row = a[b];
                double f = minus[b] ? 2 : -2;
                for (int j = 0; j < n; j++) c[j] += f * row[j];
                minus[b] = !minus[b];
                negative = !negative;
            }
            double p0 = 1, p1 = 1, p2 = 1, p3 = 1;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                p0 *= c[j];
                p1 *= c[j + 1];
                p2 *= c[j + 2];
                p3 *= c[j + 3];
            }
            for (; j < n; j++) p0 *= c[j];
            double p = (p0 * p1) * (p2 * p3);
            sum += negative ? -p : p;
        }
        return Math.scalb(sum, -(n - 1));
    }
}
