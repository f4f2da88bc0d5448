package mcs.solvers.mc1.chordal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.chordal.EliminationStructure;
import mcs.solvers.engine.chordal.MaximumCardinalitySearch;
import mcs.solvers.mc1.prep.DiagonalRules;

/**
 * {@code chordal}: exact MC1 on chordal patterns (Grone–Johnson–Sá–Wolkowicz 1984: with the diagonal
 * given and G(Ω) chordal, a PSD completion exists iff every maximal clique block is PSD).
 *
 * <ol>
 *   <li>the diagonal rules ({@link DiagonalRules}): a negative diagonal, or a zero diagonal with a nonzero
 *       row, is a NO with an exact 1- or 2-index witness;
 *   <li>maximum cardinality search ({@link MaximumCardinalitySearch}) gives an elimination order; it is a
 *       perfect elimination ordering (checked in O(n + m), {@link EliminationStructure}) iff G(Ω) is
 *       chordal. Connected components come out one after another, each solved on its own cliques;
 *   <li>each maximal clique C(v) = {v} ∪ later(v) is decided by {@link CliqueBlocks}: positive definite
 *       with a Rump-style margin in floating point, otherwise exactly;
 *   <li>YES: certificate form {@code chordal} (the elimination order; the kernel re-checks the order and
 *       every block exactly). NO: W = vvᵀ on the failing clique (form {@code entries}), with v an
 *       integer vector and vᵀA[C]v &lt; 0 checked exactly before it is emitted.
 * </ol>
 * {@link #accepts} is true only for MC1 instances whose G(Ω) is chordal. Cost: O(n + m) for the order
 * and Σ|C|³ flops over the maximal cliques, plus O(|C|³) rational operations for each block decided
 * exactly. Options ({@link SolverOptions#extra}): {@code max-exact} (default {@value #DEFAULT_MAX_EXACT}),
 * the largest clique decided exactly when floating point does not settle it (larger: UNKNOWN). The
 * deadline is checked cooperatively.
 *
 * <p>The max-determinant completion along the same order is available separately as
 * {@link #maxDetCompletion(PartialSymmetricMatrix)}; it is not part of the certificate.
 */
public final class ChordalSolver extends BaseSolver<Mc1Instance> {
    static final int DEFAULT_MAX_EXACT = 80;

    public ChordalSolver() {
        super(Mc1Instance.class, new SolverInfo("chordal", Problem.PSD_COMPLETION, SolverKind.EXACT, 20,
                "chordal patterns only (accepts nothing else): YES with the elimination-order hint 'chordal' (every maximal"
                + " clique block PSD, Grone-Johnson-Sa-Wolkowicz; the kernel re-checks each block exactly), NO with an exact rank-one"
                + " witness on a failing clique; UNKNOWN only for a clique of more than max-exact (80) vertices that is not"
                + " positive definite with a float margin; O(n+m) plus sum |C|^3 flops over maximal cliques (exact blocks: |C|^3"
                + " rational operations)"));
    }

    /** Only chordal patterns for {@code auto}; named explicitly, a NO by the diagonal rules is still found on any pattern. */
    @Override
    public boolean accepts(Instance instance) {
        if (!(instance instanceof Mc1Instance mc1)) return false;
        Pattern p = mc1.matrix().pattern();
        int[][] adj = p.adjacency();
        int[] order = MaximumCardinalitySearch.eliminationOrder(p.n(), adj[0], adj[1]);
        return EliminationStructure.of(order, adj).firstNonPerfectVertex(adj) < 0;
    }

    /**
     * The max-determinant completion of a chordal instance whose maximal clique blocks are positive
     * definite, along the MCS order; see {@link MaxDetCompletion}.
     *
     * @throws IllegalArgumentException when G(Ω) is not chordal or a block is not positive definite
     */
    static MaxDetCompletion maxDetCompletion(PartialSymmetricMatrix a) {
        Pattern p = a.pattern();
        int[][] adj = p.adjacency();
        EliminationStructure es = EliminationStructure.of(MaximumCardinalitySearch.eliminationOrder(p.n(), adj[0], adj[1]), adj);
        int bad = es.firstNonPerfectVertex(adj);
        if (bad >= 0) throw new IllegalArgumentException("G(Ω) is not chordal (vertex " + (bad + 1) + ")");
        return MaxDetCompletion.of(a, es);
    }

    @Override
    protected SolverResult run(Mc1Instance mc1, String instanceSha256, SolverOptions options) {
        int maxExact;
        try {
            maxExact = options.extraInt("max-exact", DEFAULT_MAX_EXACT);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, "chordal: option max-exact must be an integer (" + e.getMessage() + ")");
        }
        long t0 = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        try {
            return decide(mc1.matrix(), instanceSha256, options, maxExact, stats, t0);
        } catch (DeadlineExceededException e) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached");
        }
    }

    private SolverResult decide(PartialSymmetricMatrix a, String sha, SolverOptions options, int maxExact, Map<String, Object> stats, long t0) {
        DiagonalRules.Result diag = DiagonalRules.apply(a);
        if (diag.witness() != null) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return SolverResult.solved(name(), Certificate.witness(sha, diag.witness()), stats, diag.reason());
        }
        Pattern pattern = a.pattern();
        int n = pattern.n();
        int[][] adj = pattern.adjacency();
        int[] order = MaximumCardinalitySearch.eliminationOrder(n, adj[0], adj[1]);
        EliminationStructure es = EliminationStructure.of(order, adj);
        int bad = es.firstNonPerfectVertex(adj);
        options.checkDeadline();
        if (bad >= 0) {
            return SolverResult.of(name(), Status.UNSUPPORTED, "G(Ω) is not chordal: maximum cardinality search leaves vertex " + (bad + 1)
                    + " with later neighbours that are not a clique");
        }
        long tOrder = System.nanoTime();
        boolean[] nonMaximal = es.nonMaximal();
        CliqueBlocks blocks = new CliqueBlocks(a, maxExact);
        int[] idx = new int[16];
        int[] entry = new int[256];
        int cliques = 0, maxClique = 0, components = 0, undecided = 0;
        for (int t = 0; t < n; t++) {
            int v = order[t];
            if (es.laterCount(v) == 0) components++;
            if (nonMaximal[v]) continue;
            if ((t & 1023) == 0) options.checkDeadline();
            int s = es.laterCount(v) + 1;
            if (idx.length < s) {
                idx = new int[2 * s];
                entry = new int[4 * s * s];
            }
            idx[0] = v;
            entry[0] = pattern.diagonalEntry(v);
            for (int r = 1; r < s; r++) {
                int w = es.laterIdx[es.laterPtr[v] + r - 1];
                idx[r] = w;
                entry[r * s] = es.laterEntry[es.laterPtr[v] + r - 1];
                entry[r * s + r] = pattern.diagonalEntry(w);
            }
            // For q < r, idx[r] is a later neighbour of idx[q] (later(v) is a clique, sorted by position):
            // one merge of the two position-sorted lists finds every entry index of row q.
            for (int q = 1; q < s; q++) {
                int p = es.laterPtr[idx[q]], end = es.laterPtr[idx[q] + 1];
                for (int r = q + 1; r < s; r++) {
                    while (es.laterIdx[p] != idx[r]) {
                        if (++p >= end) throw new IllegalStateException("internal error: clique check passed but " + (idx[r] + 1) + " is not a later neighbour of " + (idx[q] + 1));
                    }
                    entry[r * s + q] = es.laterEntry[p];
                }
            }
            cliques++;
            maxClique = Math.max(maxClique, s);
            CliqueBlocks.Decision d = blocks.decide(idx, entry, s);
            if (d.undecided()) {
                undecided++;
                continue;
            }
            if (!d.psd()) {
                fill(stats, t0, tOrder, cliques, maxClique, components, blocks);
                return SolverResult.solved(name(), Certificate.witness(sha, rankOne(idx, s, d.direction())), stats,
                        "the block on maximal clique C(" + (v + 1) + ") of size " + s + " is not PSD");
            }
        }
        fill(stats, t0, tOrder, cliques, maxClique, components, blocks);
        if (undecided > 0) {
            return SolverResult.unknown(name(), undecided + " clique blocks larger than max-exact = " + maxExact
                    + " are not clearly positive definite in floating point", stats);
        }
        return SolverResult.solved(name(), Certificate.completion(sha, new Body.Chordal(order)), stats,
                "chordal pattern; all " + cliques + " maximal clique blocks are PSD");
    }

    private static void fill(Map<String, Object> stats, long t0, long tOrder, int cliques, int maxClique, int components, CliqueBlocks blocks) {
        long now = System.nanoTime();
        stats.put("order_seconds", (tOrder - t0) / 1e9);
        stats.put("blocks_seconds", (now - tOrder) / 1e9);
        stats.put("maximal_cliques", cliques);
        stats.put("max_clique", maxClique);
        stats.put("components", components);
        stats.put("blocks_float", blocks.floatDecided);
        stats.put("blocks_exact", blocks.exactDecided);
        stats.put("float_directions", blocks.floatDirections);
        stats.put("seconds", (now - t0) / 1e9);
    }

    /** W = vvᵀ on the block's vertices (lower triangle, zeros left out). */
    private static Body.Entries rankOne(int[] idx, int s, Rational[] v) {
        List<Entry> w = new ArrayList<>();
        for (int r = 0; r < s; r++) {
            if (v[r].isZero()) continue;
            for (int q = 0; q < s; q++) {
                if (v[q].isZero() || idx[q] > idx[r]) continue;
                w.add(new Entry(idx[r], idx[q], v[r].multiply(v[q])));
            }
        }
        return new Body.Entries(w);
    }
}
