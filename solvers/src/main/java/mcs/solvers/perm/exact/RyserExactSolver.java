package mcs.solvers.perm.exact;

import java.math.BigInteger;
import java.util.Arrays;
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

/**
 * PERM-EXACT by Ryser's formula perm(A) = (−1)^n Σ_{S ⊆ [n]} (−1)^{|S|} Π_i Σ_{j∈S} a_ij, visiting the
 * subsets in Gray-code order so that each step adds or removes one column from the n row sums:
 * O(n·2^n) operations.
 *
 * <p>Input: integer or rational (not complex) matrices of order n ≤ {@value #MAX_N}. Rational rows are
 * scaled by the LCM of their denominators and the sum divided by Π d_i at the end. Arithmetic is exact:
 * when every scaled row has Σ_j |a_ij| &lt; 2^62 the row sums live in {@code long}, each product runs in
 * {@code long} with an overflow test per multiplication and, once it overflows, in long chunks folded into a
 * BigInteger, and
 * the outer sum spills into BigInteger on overflow; otherwise everything is BigInteger. The deadline is
 * checked every 2^12 subsets (answer {@link Status#TIMEOUT}).
 */
public final class RyserExactSolver extends BaseSolver<PermInstance> {
    /** Largest order accepted: 2^22 ≈ 4.2·10^6 subsets. */
    public static final int MAX_N = 22;

    public RyserExactSolver() {
        super(PermInstance.class, new SolverInfo("ryser-exact", Problem.PERMANENT, SolverKind.EXACT, 20,
                "exact permanent of an integer or rational matrix by Ryser's formula in exact arithmetic; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (p.isComplex()) return "ryser-exact does not take complex matrices (use brute-force for n <= " + BruteForcePermanentSolver.MAX_N + ")";
        return p.n() <= MAX_N ? null : "ryser-exact takes real permanent instances of order n <= " + MAX_N + "; got " + p.problem() + " of order " + p.n();
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.byRows(instance);
        int n = s.n();
        boolean small = rowSumsFitLong(s.re());
        BigInteger sum;
        try {
            sum = small ? ryserLong(toLongs(s.re()), options) : ryserBig(s.re(), options);
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false,
                    stats(n, "-", t0), "deadline reached before all 2^" + n + " subsets were summed");
        }
        Certificate c = Certificate.exactValue(Problem.PERMANENT, instanceSha256, s.valueText(sum, BigInteger.ZERO));
        return SolverResult.solved(name(), c, stats(n, small ? "long-checked" : "biginteger", t0), "Ryser formula, Gray-code order");
    }

    private static Map<String, Object> stats(int n, String arithmetic, long t0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("subsets", 1L << n);
        m.put("arithmetic", arithmetic);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }

    private static boolean rowSumsFitLong(BigInteger[][] a) {
        for (BigInteger[] row : a) {
            BigInteger r = BigInteger.ZERO;
            for (BigInteger x : row) r = r.add(x.abs());
            if (r.bitLength() >= 62) return false;
        }
        return true;
    }

    private static long[][] toLongs(BigInteger[][] a) {
        long[][] out = new long[a.length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) out[i][j] = a[i][j].longValueExact();
        return out;
    }

    /** Row sums in long (|sum| ≤ Σ|a_ij| &lt; 2^62); products and the outer sum overflow-checked. */
    static BigInteger ryserLong(long[][] a, SolverOptions options) {
        int n = a.length;
        if (n == 0) return BigInteger.ONE;
        // Column-major copy so that adding column j walks contiguous memory.
        long[][] col = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) col[j][i] = a[i][j];
        long[] rs = new long[n];
        long acc = 0;
        BigInteger total = BigInteger.ZERO;
        long subsets = 1L << n;
        for (long k = 1; k < subsets; k++) {
            if ((k & 4095) == 0) options.checkDeadline();
            int j = Long.numberOfTrailingZeros(k);
            long gray = k ^ (k >>> 1);
            long[] c = col[j];
            if (((gray >>> j) & 1) != 0) {
                for (int i = 0; i < n; i++) rs[i] += c[i];
            } else {
                for (int i = 0; i < n; i++) rs[i] -= c[i];
            }
            boolean negative = ((n - Long.bitCount(gray)) & 1) != 0;
            // p is the running product while it fits in a long; after the first overflow, p collects the
            // next factors as a long chunk that is folded into big whenever it would overflow.
            long p = 1;
            BigInteger big = null;
            for (int i = 0; i < n && p != 0; i++) {
                long x = rs[i];
                long lo = p * x;
                if (Math.multiplyHigh(p, x) == (lo >> 63)) {
                    p = lo;
                } else {
                    big = big == null ? BigInteger.valueOf(p) : big.multiply(BigInteger.valueOf(p));
                    p = x;
                }
            }
            if (big != null) big = big.multiply(BigInteger.valueOf(p));
            if (big != null) {
                total = negative ? total.subtract(big) : total.add(big);
            } else if (p != 0) {
                long r = negative ? acc - p : acc + p;
                boolean overflow = negative ? ((acc ^ p) & (acc ^ r)) < 0 : ((acc ^ r) & (p ^ r)) < 0;
                if (overflow) {
                    total = total.add(BigInteger.valueOf(acc));
                    r = negative ? -p : p;
                    if (negative && p == Long.MIN_VALUE) {
                        total = total.add(BigInteger.valueOf(p).negate());
                        r = 0;
                    }
                }
                acc = r;
            }
        }
        return total.add(BigInteger.valueOf(acc));
    }

    /** The same sum with BigInteger row sums, for entries too large for the long path. */
    static BigInteger ryserBig(BigInteger[][] a, SolverOptions options) {
        int n = a.length;
        if (n == 0) return BigInteger.ONE;
        BigInteger[] rs = new BigInteger[n];
        Arrays.fill(rs, BigInteger.ZERO);
        BigInteger total = BigInteger.ZERO;
        long subsets = 1L << n;
        for (long k = 1; k < subsets; k++) {
            if ((k & 4095) == 0) options.checkDeadline();
            int j = Long.numberOfTrailingZeros(k);
            long gray = k ^ (k >>> 1);
            boolean add = ((gray >>> j) & 1) != 0;
            for (int i = 0; i < n; i++) rs[i] = add ? rs[i].add(a[i][j]) : rs[i].subtract(a[i][j]);
            BigInteger p = BigInteger.ONE;
            for (int i = 0; i < n && p.signum() != 0; i++) p = p.multiply(rs[i]);
            total = ((n - Long.bitCount(gray)) & 1) != 0 ? total.subtract(p) : total.add(p);
        }
        return total;
    }
}
