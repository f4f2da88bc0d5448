package mcs.solvers.perm.exact;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.modular.ScaledIntegers;
import mcs.solvers.perm.glynn.GlynnSolver;

/**
 * PERM-EXACT for sparse integer or rational matrices: the structural reductions of {@link BlockSplit}
 * (zero lines, single-entry lines, block-triangular split), then each diagonal block exactly: order 1 by
 * its entry, 0/1 blocks up to order {@value #DP_MAX} by a subset dynamic programme
 * (f(S) = Σ_{j∈S, a_{|S|,j}=1} f(S∖{j}) over column sets S, O(2^m·m) additions, exact in a long since
 * the count is at most m!), other blocks by {@link ModularGlynn} (column sums below 2^59) or Ryser in
 * BigInteger (order ≤ {@value RyserExactSolver#MAX_N}).
 *
 * <p>Accepted only when the split helps (the permanent is 0 or every block is smaller than n) and every
 * block is within those limits; any order n is accepted then. Complexity: O(n³) for the split plus the
 * blocks' costs. Ranked before {@code exact-modular} so that {@code auto} tries it first.
 */
public final class SparseSolver extends BaseSolver<PermInstance> {
    /** Largest 0/1 block solved by the subset dynamic programme (2^20 longs of memory). */
    static final int DP_MAX = 20;

    public SparseSolver() {
        super(PermInstance.class, new SolverInfo("sparse", Problem.PERMANENT, SolverKind.EXACT, 10,
                "exact permanent of a sparse integer or rational matrix: zero and single-entry line reductions, block-triangular "
                + "split (matching + strongly connected components), blocks by subset DP (0/1), modular Glynn or Ryser; "
                + "O(n^3) plus the blocks' exponential cost; only when the split leaves blocks smaller than n"));
    }

    @Override
    protected String refusal(PermInstance p) {
        return !p.isComplex() && splitHelps(p) ? null : "sparse takes real permanent instances whose block-triangular split "
                + "leaves blocks smaller than n that its block methods can solve";
    }

    private static boolean splitHelps(PermInstance p) {
        BlockSplit split = BlockSplit.of(ScaledIntegers.byRows(p).re());
        if (!split.helps(p.n())) return false;
        for (BigInteger[][] b : split.blocks()) if (!solvable(b)) return false;
        return true;
    }

    private static boolean solvable(BigInteger[][] b) {
        int m = b.length;
        return m == 1 || (m <= DP_MAX && zeroOne(b)) || (m <= GlynnSolver.MAX_N && ModularGlynn.fits(b)) || m <= RyserExactSolver.MAX_N;
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.byRows(instance);
        BlockSplit split = BlockSplit.of(s.re());
        BigInteger v = split.factor();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", s.n());
        stats.put("blocks", split.blocks().size());
        stats.put("largest_block", split.largest());
        try {
            for (BigInteger[][] b : split.blocks()) {
                if (v.signum() == 0) break;
                v = v.multiply(block(b, options));
            }
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached inside a block");
        }
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.exactValue(Problem.PERMANENT, instanceSha256, s.valueText(v, BigInteger.ZERO));
        return SolverResult.solved(name(), c, stats, "structural reductions and block-triangular split");
    }

    private static BigInteger block(BigInteger[][] b, SolverOptions options) {
        int m = b.length;
        if (m == 1) return b[0][0];
        if (m <= DP_MAX && zeroOne(b)) return BigInteger.valueOf(subsetCount(b, options));
        if (ModularGlynn.fits(b)) return ModularGlynn.permanent(b, options);
        return RyserExactSolver.ryserBig(b, options);
    }

    private static boolean zeroOne(BigInteger[][] b) {
        for (BigInteger[] row : b) for (BigInteger x : row) if (x.signum() != 0 && !x.equals(BigInteger.ONE)) return false;
        return true;
    }

    /** Number of perfect matchings of a 0/1 matrix: rows assigned in order, f over sets of used columns. */
    static long subsetCount(BigInteger[][] b, SolverOptions options) {
        int m = b.length;
        int[] rowMask = new int[m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) if (b[i][j].signum() != 0) rowMask[i] |= 1 << j;
        long[] f = new long[1 << m];
        f[0] = 1;
        for (int mask = 1; mask < f.length; mask++) {
            if ((mask & 0xFFFF) == 0) options.checkDeadline();
            int allowed = mask & rowMask[Integer.bitCount(mask) - 1];
            long sum = 0;
            for (int rest = allowed; rest != 0; rest &= rest - 1) sum += f[mask & ~Integer.lowestOneBit(rest)];
            f[mask] = sum;
        }
        return f[f.length - 1];
    }
}
