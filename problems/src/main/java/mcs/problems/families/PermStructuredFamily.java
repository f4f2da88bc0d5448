package mcs.problems.families;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Random permanent families whose value is known exactly by structure: rank one and block diagonal.
 *
 * <p>Parameters: see {@link #description()}. Cost: O(n²); block diagonal adds O(2^b·b) per block of size b ≤ 6.
 */
final class PermStructuredFamily extends BaseFamily {
    private final boolean rankOne;

    private PermStructuredFamily(String name, boolean rankOne, List<Parameter> params) {
        super(name, Problem.PERMANENT, 1, params);
        this.rankOne = rankOne;
    }

    static PermStructuredFamily rankOne() {
        return new PermStructuredFamily("perm-rank-one", true, List.of(
                new Parameter("max", "3", "entries of x and y are nonzero integers uniform in [−max, max]")));
    }

    static PermStructuredFamily blockDiagonal() {
        return new PermStructuredFamily("perm-block-diagonal", false, List.of(
                new Parameter("block", "4", "largest block size (1..6)"),
                new Parameter("max", "3", "block entries are integers uniform in [−max, max] (max ≤ 100)")));
    }

    @Override
    public String description() {
        if (rankOne) {
            return "PERMANENT of the rank-one matrix A = xyᵀ with x, y nonzero integers uniform in [−max, max]: every "
                    + "permutation contributes Πx·Πy, so perm(A) = n!·Πx_i·Πy_j (SOLVED, exact value).";
        }
        return "PERMANENT of a block-diagonal matrix: consecutive diagonal blocks of random sizes uniform in [1, block] "
                + "(the last one truncated to fit) with integer entries uniform in [−max, max], zeros elsewhere. A "
                + "permutation with a nonzero product maps every block to itself, so perm(A) is the product of the block "
                + "permanents, each computed exactly inside the generator by subset dynamic programming (SOLVED, exact value).";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        if (rankOne) {
            int max = p.integer("max", 1, 1_000_000);
            long[] x = new long[n], y = new long[n];
            for (int i = 0; i < n; i++) x[i] = Sampling.nonzero(rng, max);
            for (int i = 0; i < n; i++) y[i] = Sampling.nonzero(rng, max);
            long[][] a = new long[n][n];
            BigInteger v = PermData.factorial(n);
            for (int i = 0; i < n; i++) {
                v = v.multiply(BigInteger.valueOf(x[i])).multiply(BigInteger.valueOf(y[i]));
                for (int j = 0; j < n; j++) a[i][j] = x[i] * y[j];
            }
            return new Outcome(PermInstance.permanent(RationalMatrix.ofLongs(a)), KnownAnswer.exactValue(PermData.text(v), "perm(xyᵀ) = n!·Πx·Πy"));
        }
        int block = p.integer("block", 1, 6);
        int max = p.integer("max", 0, 100);
        long[][] a = new long[n][n];
        BigInteger v = BigInteger.ONE;
        StringBuilder sizes = new StringBuilder();
        for (int start = 0; start < n; ) {
            int s = Math.min(n - start, Sampling.uniform(rng, 1, block));
            long[][] b = new long[s][s];
            for (int i = 0; i < s; i++) for (int j = 0; j < s; j++) a[start + i][start + j] = b[i][j] = Sampling.uniform(rng, -max, max);
            v = v.multiply(PermData.permanent(b));
            sizes.append(sizes.length() == 0 ? "" : ",").append(s);
            start += s;
        }
        return new Outcome(PermInstance.permanent(RationalMatrix.ofLongs(a)),
                KnownAnswer.exactValue(PermData.text(v), "product of the permanents of the diagonal blocks of sizes " + sizes));
    }
}
