package mcs.solvers.haf.exact;

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
 * HAF-EXACT by the definition: haf(S) = Σ over perfect matchings M of Π_{ij∈M} s_ij, enumerated by always
 * matching the lowest unmatched index ((n−1)!! matchings, 10 395 at n = 12).
 *
 * <p>Input: a symmetric matrix of even order n ≤ {@value #MAX_N} (n = 0 gives 1), integer, rational or
 * complex rational. All entries are scaled by the LCM L of their denominators (haf(L·S) = L^{n/2}·haf(S))
 * and the sum runs in BigInteger (Gaussian integers for complex input). Exact value as canonical
 * rational or {@link mcs.problems.cert.ComplexValue} text. Only the lower triangle is read, after the
 * symmetry check.
 */
public final class BruteForceHafnianSolver extends BaseSolver<PermInstance> {
    /** Largest order accepted. */
    public static final int MAX_N = 12;

    public BruteForceHafnianSolver() {
        super(PermInstance.class, new SolverInfo("hafnian-brute-force", Problem.HAFNIAN, SolverKind.EXACT, 30,
                "exact hafnian of a symmetric matrix of even order n <= " + MAX_N + " by summing all perfect matchings"));
    }

    @Override
    protected String refusal(PermInstance p) {
        return p.n() <= MAX_N && p.n() % 2 == 0 && ScaledIntegers.symmetric(p) ? null
                : "hafnian-brute-force takes symmetric hafnian instances of even order n <= " + MAX_N + "; got " + p.problem() + " of order " + p.n();
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.uniform(instance);
        Matchings m = new Matchings(s, options);
        BigInteger[] v;
        try {
            v = m.sum((1 << s.n()) - 1, BigInteger.ONE, BigInteger.ZERO);
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(s.n(), m.nodes, t0),
                    "deadline reached after " + m.nodes + " search nodes");
        }
        Certificate c = Certificate.exactValue(Problem.HAFNIAN, instanceSha256, s.valueText(v[0], v[1]));
        return SolverResult.solved(name(), c, stats(s.n(), m.nodes, t0), "sum over all perfect matchings");
    }

    private static Map<String, Object> stats(int n, long nodes, long t0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("search_nodes", nodes);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }

    private static final class Matchings {
        private final BigInteger[][] re;
        private final BigInteger[][] im;
        private final SolverOptions options;
        long nodes;

        Matchings(ScaledIntegers s, SolverOptions options) {
            this.re = s.re();
            this.im = s.im();
            this.options = options;
        }

        /** Sum over perfect matchings of the indices in {@code free}, times the prefix product. */
        BigInteger[] sum(int free, BigInteger pre, BigInteger pim) {
            if ((++nodes & 4095) == 0) options.checkDeadline();
            if (free == 0) return new BigInteger[] {pre, pim};
            int i = Integer.numberOfTrailingZeros(free);
            int rest = free & ~(1 << i);
            BigInteger sre = BigInteger.ZERO, sim = BigInteger.ZERO;
            for (int others = rest; others != 0; others &= others - 1) {
                int j = Integer.numberOfTrailingZeros(others);
                BigInteger ar = re[j][i];
                BigInteger ai = im == null ? BigInteger.ZERO : im[j][i];
                if (ar.signum() == 0 && ai.signum() == 0) continue;
                BigInteger nre = pre.multiply(ar).subtract(pim.multiply(ai));
                BigInteger nim = im == null ? BigInteger.ZERO : pre.multiply(ai).add(pim.multiply(ar));
                BigInteger[] sub = sum(rest & ~(1 << j), nre, nim);
                sre = sre.add(sub[0]);
                sim = sim.add(sub[1]);
            }
            return new BigInteger[] {sre, sim};
        }
    }
}
