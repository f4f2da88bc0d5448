package mcs.problems.families;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/** Small exact helpers for the permanent families. */
final class PermData {
    private PermData() {}

    /** Dense n×n matrices beyond this order (10^8 entries) are refused. */
    static final int MAX_ORDER = 10_000;

    static void checkOrder(String family, int n) {
        if (n > MAX_ORDER) throw new IllegalArgumentException("family '" + family + "' builds a dense n×n matrix: n must be <= " + MAX_ORDER + ", got n = " + n);
    }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) f = f.multiply(BigInteger.valueOf(i));
        return f;
    }

    static RationalMatrix constant(int n, long diagonal, long offDiagonal) {
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = i == j ? diagonal : offDiagonal;
        return RationalMatrix.ofLongs(a);
    }

    /** perm of a small block by expansion along the first row over column subsets (O(2^s·s)). */
    static BigInteger permanent(long[][] b) {
        int s = b.length;
        BigInteger[] dp = new BigInteger[1 << s]; // dp[mask] = perm of rows 0..|mask|−1 on columns mask
        dp[0] = BigInteger.ONE;
        for (int mask = 1; mask < (1 << s); mask++) {
            int row = Integer.bitCount(mask) - 1;
            BigInteger sum = BigInteger.ZERO;
            for (int c = 0; c < s; c++) {
                if ((mask & (1 << c)) != 0 && b[row][c] != 0) sum = sum.add(dp[mask ^ (1 << c)].multiply(BigInteger.valueOf(b[row][c])));
            }
            dp[mask] = sum;
        }
        return dp[(1 << s) - 1];
    }

    static String text(BigInteger v) {
        return Rational.of(v).toString();
    }
}
