package mcs.solvers.haf.banded;

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
import mcs.problems.matrix.RationalMatrix;
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
 * Hafnians and loop hafnians of banded and sparse symmetric matrices by a frontier dynamic programme
 * ({@link Plan#hafnian}): vertices are taken in an order; a vertex not yet matched is matched to one of its
 * later neighbours (or, for the loop hafnian, to itself); the state is the set of later vertices already
 * matched, which lie in the frontier (later vertices adjacent to an earlier one). For a matrix of
 * bandwidth w in the natural order the frontier has at most w + 1 vertices (the current one and w later ones): O(n·2^w·w) steps, linear in n.
 *
 * <p>Six solvers share this class:
 * <ul>
 *   <li>{@code hafnian-banded}, {@code loop-hafnian-banded}: exact (integer, rational or complex input), the
 *       natural order;
 *   <li>{@code hafnian-sparse}, {@code loop-hafnian-sparse}: exact, the narrower of the natural and the
 *       reverse Cuthill–McKee order;
 *   <li>{@code hafnian-sparse-float}, {@code loop-hafnian-sparse-float}: real input in double precision with
 *       a rigorous error bound ({@link FloatDp}, {@link FloatAnswer}), the narrower order.
 * </ul>
 * Exact values: entries scaled to integers by the LCM L of all denominators (hafnian: every entry by L, the
 * value by L^(n/2); loop hafnian: pairs by L², loops by L, the value by L^n), the DP over Gaussian integers.
 * Float: entries multiplied exactly by a power of two so that the largest is near 1, then rounded once.
 *
 * <p>Domain: symmetric, frontier width at most {@value #MAX_EXACT_WIDTH} (exact) or {@value #MAX_FLOAT_WIDTH}
 * (float). {@code --solver auto} tries them only when the frontier is narrower than half the order: otherwise the
 * dense solvers are as fast.
 */
public class FrontierHafnianSolver extends BaseSolver<PermInstance> {
    public static final int MAX_EXACT_WIDTH = 20;
    public static final int MAX_FLOAT_WIDTH = 24;

    private final boolean loop, reorder, floating;

    FrontierHafnianSolver(String name, boolean loop, boolean reorder, boolean floating, int rank) {
        super(PermInstance.class, new SolverInfo(name, loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN, SolverKind.EXACT, rank,
                (floating ? "" : "exact ") + (loop ? "loop hafnian" : "hafnian") + " of a banded or sparse symmetric "
                        + (floating ? "real matrix in double precision with a rigorous error bound" : "integer, rational or complex matrix")
                        + " by a frontier dynamic programme over the " + (reorder ? "narrower of the natural and reverse Cuthill-McKee orders"
                        : "natural order") + "; O(n*2^w*w) for frontier width w <= " + (floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH)
                        + " (w <= bandwidth + 1)"));
        this.loop = loop;
        this.reorder = reorder;
        this.floating = floating;
    }

    /** {@code hafnian-banded}. */
    public static final class Banded extends FrontierHafnianSolver {
        public Banded() {
            super("hafnian-banded", false, false, false, 5);
        }
    }

    /** {@code loop-hafnian-banded}. */
    public static final class LoopBanded extends FrontierHafnianSolver {
        public LoopBanded() {
            super("loop-hafnian-banded", true, false, false, 5);
        }
    }

    /** {@code hafnian-sparse}. */
    public static final class Sparse extends FrontierHafnianSolver {
        public Sparse() {
            super("hafnian-sparse", false, true, false, 6);
        }
    }

    /** {@code loop-hafnian-sparse}. */
    public static final class LoopSparse extends FrontierHafnianSolver {
        public LoopSparse() {
            super("loop-hafnian-sparse", true, true, false, 6);
        }
    }

    /** {@code hafnian-sparse-float}. */
    public static final class SparseFloat extends FrontierHafnianSolver {
        public SparseFloat() {
            super("hafnian-sparse-float", false, true, true, 38);
        }
    }

    /** {@code loop-hafnian-sparse-float}. */
    public static final class LoopSparseFloat extends FrontierHafnianSolver {
        public LoopSparseFloat() {
            super("loop-hafnian-sparse-float", true, true, true, 38);
        }
    }

    /** The pattern of the instance: neighbours, their entry indices (row-major i·n + j), loop entries. */
    private record Pattern(int[][] adj, int[][] entry, int[] loopEntry) {
        static Pattern of(PermInstance p, boolean loop) {
            int n = p.n();
            int[][] adj = new int[n][], entry = new int[n][];
            int[] loopEntry = loop ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                List<Integer> nb = new ArrayList<>();
                for (int j = 0; j < n; j++) if (j != i && nonzero(p, i, j)) nb.add(j);
                adj[i] = nb.stream().mapToInt(Integer::intValue).toArray();
                entry[i] = new int[adj[i].length];
                for (int k = 0; k < adj[i].length; k++) entry[i][k] = i * n + adj[i][k];
                if (loop) loopEntry[i] = nonzero(p, i, i) ? i * n + i : -1;
            }
            return new Pattern(adj, entry, loopEntry);
        }

        private static boolean nonzero(PermInstance p, int i, int j) {
            return !p.re().get(i, j).isZero() || (p.im() != null && !p.im().get(i, j).isZero());
        }
    }

    /** The plan this solver would run, or null when its frontier is wider than allowed. */
    private Plan plan(PermInstance p) {
        Pattern pat = Pattern.of(p, loop);
        int max = floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH;
        Plan natural = Plan.hafnian(pat.adj(), pat.entry(), pat.loopEntry(), Orders.natural(p.n()), max);
        if (!reorder) return natural;
        Plan rcm = Plan.hafnian(pat.adj(), pat.entry(), pat.loopEntry(), Orders.reverseCuthillMcKee(pat.adj()), max);
        if (natural == null) return rcm;
        return rcm == null || natural.width() <= rcm.width() ? natural : rcm;
    }

    @Override
    protected String refusal(PermInstance p) {
        if (!p.re().isSymmetric() || (p.im() != null && !p.im().isSymmetric())) return name() + " needs a symmetric matrix";
        if (!loop && p.n() % 2 != 0) return name() + " needs an even order, got " + p.n();
        if (floating && p.isComplex()) return name() + " takes real matrices";
        if (plan(p) == null) return name() + " needs a frontier of at most " + (floating ? MAX_FLOAT_WIDTH : MAX_EXACT_WIDTH) + " vertices";
        return null;
    }

    @Override
    public boolean accepts(Instance instance) {
        if (!super.accepts(instance)) return false;
        PermInstance p = (PermInstance) instance;
        return 2 * plan(p).width() < p.n();
    }

    @Override
    protected SolverResult run(PermInstance p, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        int n = p.n();
        Plan plan = plan(p);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", n);
        stats.put("width", plan.width());
        String text;
        Certificate c;
        if (floating) {
            RationalMatrix a = p.re();
            Rational max = Rational.ZERO;
            for (int i = 0; i < n * n; i++) max = max.max(a.get(i / n, i % n).abs());
            int e = max.isZero() ? 0 : -floorLog2(max);
            // Hafnian: every entry by 2^e, value by 2^(e·n/2). Loop: pairs by 2^(2e'), loops by 2^e', value by 2^(e'·n).
            int pairShift = loop ? 2 * Math.floorDiv(e, 2) : e, loopShift = loop ? Math.floorDiv(e, 2) : 0;
            double[] v = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Rational x = a.get(i, j);
                    v[i * n + j] = x.multiply(pow2(i == j && loop ? loopShift : pairShift)).toDouble();
                    boolean ok = x.isZero() ? v[i * n + j] == 0 : Double.isFinite(v[i * n + j]) && Math.abs(v[i * n + j]) >= 0x1p-900;
                    if (!ok) return SolverResult.unknown(name(), "an entry is outside the range the error analysis covers", stats);
                }
            }
            FloatDp.Result r = FloatDp.run(plan, v, options::checkDeadline);
            stats.put("depth", r.depth());
            if (r.underflow()) return SolverResult.unknown(name(), "a product fell below 2^-1000 (possible underflow); use the exact solver", stats);
            long shift = loop ? (long) loopShift * n : (long) pairShift * (n / 2);
            Rational norm = pow2(shift - r.scale());
            FloatAnswer.Answer ans = FloatAnswer.of(r.value(), r.abs(), r.depth(), n, norm);
            if (ans == null) return SolverResult.unknown(name(), "the rounding depth is too large for a bound", stats);
            stats.put("error_bound", ans.bound().toDecimalString());
            c = Certificate.approximateValue(problem(), sha, ans.text(), ans.bound());
        } else {
            BigInteger l = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    l = lcm(l, p.re().get(i, j).denominator());
                    if (p.im() != null) l = lcm(l, p.im().get(i, j).denominator());
                }
            }
            BigInteger[] re = new BigInteger[n * n], im = p.im() == null ? null : new BigInteger[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    BigInteger f = loop && i != j ? l.multiply(l) : l;
                    re[i * n + j] = scaled(p.re().get(i, j), f);
                    if (im != null) im[i * n + j] = scaled(p.im().get(i, j), f);
                }
            }
            BigInteger[] v = ExactDp.run(plan, re, im, options::checkDeadline);
            BigInteger div = loop ? l.pow(n) : l.pow(n / 2);
            Rational x = Rational.of(v[0], div), y = Rational.of(v[1], div);
            text = p.isComplex() ? new ComplexValue(x, y).toString() : x.toString();
            c = Certificate.exactValue(problem(), sha, text);
        }
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), c, stats, "frontier dynamic programme of width " + plan.width());
    }
}
