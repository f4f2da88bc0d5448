package mcs.solvers.perm.banded;

import static mcs.solvers.engine.exact.Dyadic.floorLog2;
import static mcs.solvers.engine.exact.Dyadic.lcm;
import static mcs.solvers.engine.exact.Dyadic.pow2;
import static mcs.solvers.engine.exact.Dyadic.scaled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.frontier.ExactDp;
import mcs.solvers.engine.frontier.FloatDp;
import mcs.solvers.engine.frontier.Orders;
import mcs.solvers.engine.frontier.Plan;
import mcs.solvers.engine.repeated.FloatAnswer;

/**
 * Permanents of banded and sparse matrices by a band (frontier) dynamic programme in the spirit of Lundow
 * and Markström (arXiv 1904.06229): rows are taken in order and each takes one open column; a column opens
 * with the first row that can take it and must be taken by its last row; the state is the set of open columns
 * already taken ({@link Plan#permanent}). For bandwidth w (a_ij = 0 when |i − j| &gt; w) at most 2w + 1
 * columns are open: O(n·2^(2w+1)·w), linear in n. The 0-1 tridiagonal n×n permanent is the Fibonacci number
 * F(n+1); n = 40 (165580141) takes milliseconds.
 *
 * <p>The plan is the narrowest of four: rows in the natural order or sorted by first column, of A or of Aᵀ
 * (perm A = perm Aᵀ). {@code permanent-banded} is exact (integer, rational or complex; rows scaled by the LCM
 * of their denominators, the DP over Gaussian integers); {@code permanent-banded-float} computes in double
 * precision with a rigorous error bound ({@link FloatDp}). A zero row or column gives 0 at once.
 *
 * <p>Domain: frontier width at most {@value #MAX_EXACT_WIDTH} (exact) or {@value #MAX_FLOAT_WIDTH} (float);
 * {@code --solver auto} tries them only when the width is below half the order (or a line is zero).
 */
public class FrontierPermanentSolver extends BaseSolver<PermInstance> {
    public static final int MAX_EXACT_WIDTH = 20;
    public static final int MAX_FLOAT_WIDTH = 24;

    private final boolean floating;

    FrontierPermanentSolver(String name, boolean floating, int rank) {
        super(PermInstance.class, new SolverInfo(name, Problem.PERMANENT, SolverKind.EXACT, rank,
                (floating ? "permanent of a banded or sparse real matrix in double precision with a rigorous error bound"
                        : "exact permanent of a banded or sparse integer, rational or complex matrix")
                        + " by a band dynamic programme over open columns (Lundow-Markstrom); O(n*2^w*w) for frontier width w <= "
                        + (floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH) + " (w <= 2*bandwidth+1)"));
        this.floating = floating;
    }

    /** {@code permanent-banded}. */
    public static final class Exact extends FrontierPermanentSolver {
        public Exact() {
            super("permanent-banded", false, 5);
        }
    }

    /** {@code permanent-banded-float}. */
    public static final class Float extends FrontierPermanentSolver {
        public Float() {
            super("permanent-banded-float", true, 39);
        }
    }

    /** The narrowest plan, with whether it is of the transpose; null when every plan is too wide. */
    private record Chosen(Plan plan, boolean transpose, boolean zeroLine) {}

    private Chosen choose(PermInstance p) {
        int n = p.n();
        int max = floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH;
        Plan best = null;
        boolean bestT = false;
        for (boolean t : new boolean[] {false, true}) {
            int[][] rows = new int[n][], entry = new int[n][];
            for (int i = 0; i < n; i++) {
                List<Integer> cs = new ArrayList<>();
                for (int j = 0; j < n; j++) if (nonzero(p, t ? j : i, t ? i : j)) cs.add(j);
                rows[i] = cs.stream().mapToInt(Integer::intValue).toArray();
                if (rows[i].length == 0) return new Chosen(null, false, true);
                entry[i] = new int[rows[i].length];
                for (int k = 0; k < rows[i].length; k++) entry[i][k] = t ? rows[i][k] * n + i : i * n + rows[i][k];
            }
            for (int[] order : new int[][] {Orders.natural(n), Orders.rowsByFirstColumn(rows)}) {
                Plan plan = Plan.permanent(rows, entry, n, order, max);
                if (plan != null && (best == null || plan.width() < best.width())) {
                    best = plan;
                    bestT = t;
                }
            }
        }
        return best == null ? null : new Chosen(best, bestT, false);
    }

    private static boolean nonzero(PermInstance p, int i, int j) {
        return !p.re().get(i, j).isZero() || (p.im() != null && !p.im().get(i, j).isZero());
    }

    @Override
    protected String refusal(PermInstance p) {
        if (floating && p.isComplex()) return name() + " takes real matrices";
        if (choose(p) == null) return name() + " needs a frontier of at most " + (floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH) + " open columns";
        return null;
    }

    @Override
    public boolean accepts(Instance instance) {
        if (!super.accepts(instance)) return false;
        Chosen c = choose((PermInstance) instance);
        return c.zeroLine() || 2 * c.plan().width() < instance.n();
    }

    @Override
    protected SolverResult run(PermInstance p, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        int n = p.n();
        Chosen ch = choose(p);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", n);
        if (ch.zeroLine()) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return SolverResult.solved(name(), Certificate.exactValue(Problem.PERMANENT, sha, "0"), stats, "a zero row or column");
        }
        stats.put("width", ch.plan().width());
        stats.put("transposed", ch.transpose());
        Certificate c;
        if (floating) {
            Rational max = Rational.ZERO;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) max = max.max(p.re().get(i, j).abs());
            int e = -floorLog2(max);
            Rational scale = pow2(e);
            double[] v = new double[n * n];
            for (int i = 0; i < n * n; i++) {
                Rational x = p.re().get(i / n, i % n);
                v[i] = x.multiply(scale).toDouble();
                boolean ok = x.isZero() ? v[i] == 0 : Double.isFinite(v[i]) && Math.abs(v[i]) >= 0x1p-900;
                if (!ok) return SolverResult.unknown(name(), "an entry is outside the range the error analysis covers", stats);
            }
            FloatDp.Result r = FloatDp.run(ch.plan(), v, options::checkDeadline);
            stats.put("depth", r.depth());
            if (r.underflow()) return SolverResult.unknown(name(), "a product fell below 2^-1000 (possible underflow); use permanent-banded", stats);
            FloatAnswer.Answer ans = FloatAnswer.of(r.value(), r.abs(), r.depth(), n, pow2((long) e * n - r.scale()));
            if (ans == null) return SolverResult.unknown(name(), "the rounding depth is too large for a bound", stats);
            stats.put("error_bound", ans.bound().toDecimalString());
            c = Certificate.approximateValue(Problem.PERMANENT, sha, ans.text(), ans.bound());
        } else {
            // Scale each line the DP walks (rows of A, or of Aᵀ) by the LCM of its denominators.
            BigInteger[] re = new BigInteger[n * n], im = p.im() == null ? null : new BigInteger[n * n];
            BigInteger div = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger d = BigInteger.ONE;
                for (int j = 0; j < n; j++) {
                    int r = ch.transpose() ? j : i, col = ch.transpose() ? i : j;
                    d = lcm(d, p.re().get(r, col).denominator());
                    if (im != null) d = lcm(d, p.im().get(r, col).denominator());
                }
                for (int j = 0; j < n; j++) {
                    int r = ch.transpose() ? j : i, col = ch.transpose() ? i : j;
                    re[r * n + col] = scaled(p.re().get(r, col), d);
                    if (im != null) im[r * n + col] = scaled(p.im().get(r, col), d);
                }
                div = div.multiply(d);
            }
            BigInteger[] v = ExactDp.run(ch.plan(), re, im, options::checkDeadline);
            Rational x = Rational.of(v[0], div), y = Rational.of(v[1], div);
            c = Certificate.exactValue(Problem.PERMANENT, sha, p.isComplex() ? new ComplexValue(x, y).toString() : x.toString());
        }
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), c, stats, "band dynamic programme over open columns, width " + ch.plan().width());
    }
}
