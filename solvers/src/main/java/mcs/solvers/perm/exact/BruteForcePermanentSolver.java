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

/**
 * PERM-EXACT by the definition: perm(A) = Σ_σ Π_i a_{iσ(i)}, summed over all permutations by depth-first
 * search with shared prefix products (about e·n! multiplications; subtrees under a zero entry are
 * skipped). It is the reference the faster solvers are tested against.
 *
 * <p>Input: integer, rational or complex-rational matrices of order n ≤ {@value #MAX_N}. Rows are scaled
 * to integers by the LCM of their denominators ({@link ScaledIntegers#byRows}); the sum runs in
 * {@code long} when n!·max|a|^n &lt; 2^62 proves no overflow, otherwise in BigInteger (Gaussian integers
 * for complex input). The value is exact: a canonical rational, or {@link mcs.problems.cert.ComplexValue}
 * text for complex input. The deadline is checked every 4096 search nodes.
 */
public final class BruteForcePermanentSolver extends BaseSolver<PermInstance> {
    /** Largest order accepted: 10! ≈ 3.6·10^6 permutations. */
    public static final int MAX_N = 10;

    public BruteForcePermanentSolver() {
        super(PermInstance.class, new SolverInfo("brute-force", Problem.PERMANENT, SolverKind.EXACT, 30,
                "exact permanent (integer, rational or complex input) by summing all n! permutations; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        return p.n() <= MAX_N ? null : "brute-force takes permanent instances of order n <= " + MAX_N + "; got " + p.problem() + " of order " + p.n();
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.byRows(instance);
        Search search = new Search(s, options);
        BigInteger[] v;
        String arithmetic;
        try {
            if (s.im() == null && fitsLong(s)) {
                arithmetic = "long";
                v = new BigInteger[] {BigInteger.valueOf(search.sumLong(0, 0, 1L)), BigInteger.ZERO};
            } else {
                arithmetic = s.im() == null ? "biginteger" : "gaussian-biginteger";
                v = search.sumBig(0, 0, BigInteger.ONE, BigInteger.ZERO);
            }
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false,
                    stats(s.n(), search.nodes, "-", t0), "deadline reached after " + search.nodes + " search nodes");
        }
        String text = s.valueText(v[0], v[1]);
        Certificate c = Certificate.exactValue(Problem.PERMANENT, instanceSha256, text);
        return SolverResult.solved(name(), c, stats(s.n(), search.nodes, arithmetic, t0), "sum over all permutations");
    }

    private static Map<String, Object> stats(int n, long nodes, String arithmetic, long t0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("search_nodes", nodes);
        m.put("arithmetic", arithmetic);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }

    /** n!·M^n bounds every prefix product and the final sum, so below 2^62 nothing overflows. */
    private static boolean fitsLong(ScaledIntegers s) {
        int n = s.n();
        BigInteger bound = s.maxAbs().pow(n);
        for (int k = 2; k <= n; k++) bound = bound.multiply(BigInteger.valueOf(k));
        return bound.bitLength() < 62;
    }

    /** One search; holds the per-call counters so that the solver itself stays stateless. */
    private static final class Search {
        private final int n;
        private final BigInteger[][] re;
        private final BigInteger[][] im;
        private final long[][] small;
        private final SolverOptions options;
        long nodes;

        Search(ScaledIntegers s, SolverOptions options) {
            this.n = s.n();
            this.re = s.re();
            this.im = s.im();
            this.options = options;
            this.small = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) small[i][j] = re[i][j].bitLength() < 63 ? re[i][j].longValue() : 0L;
            }
        }

        private void tick() {
            if ((++nodes & 4095) == 0) options.checkDeadline();
        }

        long sumLong(int row, int used, long prefix) {
            tick();
            if (row == n) return prefix;
            long sum = 0;
            long[] a = small[row];
            for (int j = 0; j < n; j++) {
                if ((used & (1 << j)) != 0 || a[j] == 0) continue;
                sum += sumLong(row + 1, used | (1 << j), prefix * a[j]);
            }
            return sum;
        }

        BigInteger[] sumBig(int row, int used, BigInteger pre, BigInteger pim) {
            tick();
            if (row == n) return new BigInteger[] {pre, pim};
            BigInteger sre = BigInteger.ZERO, sim = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                if ((used & (1 << j)) != 0) continue;
                BigInteger ar = re[row][j];
                BigInteger ai = im == null ? BigInteger.ZERO : im[row][j];
                if (ar.signum() == 0 && ai.signum() == 0) continue;
                BigInteger nre = pre.multiply(ar).subtract(pim.multiply(ai));
                BigInteger nim = im == null ? BigInteger.ZERO : pre.multiply(ai).add(pim.multiply(ar));
                BigInteger[] sub = sumBig(row + 1, used | (1 << j), nre, nim);
                sre = sre.add(sub[0]);
                sim = sim.add(sub[1]);
            }
            return new BigInteger[] {sre, sim};
        }
    }
}
