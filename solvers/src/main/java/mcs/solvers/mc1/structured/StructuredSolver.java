package mcs.solvers.mc1.structured;

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
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.chordal.EliminationStructure;
import mcs.solvers.engine.chordal.MaximumCardinalitySearch;
import mcs.solvers.mc1.chordal.ChordalSolver;
import mcs.solvers.mc1.ipm.IpmSolver;
import mcs.solvers.mc1.prep.DiagonalRules;

/**
 * {@code structured}: MC1 by clique-separator decomposition. G(Ω) is the clique-sum of its atoms
 * ({@link CliqueSeparators}); since the separators are fully specified cliques, the instance is
 * completable iff every atom's principal partial submatrix is (completions agreeing on a clique glue into
 * a completion of the clique-sum; a witness of an atom, extended by zeros, is a witness of the whole).
 *
 * <ul>
 *   <li>clique atoms: {@link ChordalSolver} on the block (exact);
 *   <li>chordless cycles: {@link CycleAtom} (Barrett–Johnson–Loewy, certificates built and checked exactly);
 *   <li>series-parallel atoms (no K4 minor): {@link SeriesParallelAtom} (Laurent's cycle condition; a
 *       completion of a treewidth-2 chordal extension, or a witness on a violated cycle, checked exactly);
 *   <li>other atoms, and cycle or series-parallel atoms left undecided (tight), with at most {@code max-general} vertices (default {@value #DEFAULT_MAX_GENERAL}):
 *       {@link IpmSolver} on the atom; larger ones, and atoms ipm cannot decide, give UNKNOWN.
 * </ul>
 * NO: the first failing atom's witness, lifted by zeros (form {@code entries}; cycle and series-parallel
 * witnesses are {@code ldl} or {@code entries} on the whole instance). YES: form {@code chordal} with
 * {@code fill}: no fill in clique atoms, the fan chords of each cycle, the treewidth-2 extension of each
 * series-parallel atom, and (FFᵀ)_ij on every free pair
 * of a general atom whose ipm certificate is X = FFᵀ + δI + Δ. Ω ∪ fill is a clique-sum of chordal graphs,
 * hence chordal, and each of its maximal cliques lies in one atom whose block is PSD; the certificate's
 * order is maximum cardinality search on Ω ∪ fill. Vertices with zero diagonal and zero row
 * ({@link DiagonalRules}) are left out of the decomposition and joined to every vertex with fill 0 (a
 * universal vertex keeps the graph chordal). When the whole instance is one general atom, ipm's own
 * certificate is returned.
 *
 * <p>Cost: O(n·m) for the decomposition (O(n + m) when every vertex has degree 2), Σ|C|³ over clique atoms,
 * O(L) per cycle, O(s + e) per series-parallel atom (s vertices, e edges; 61 interval propagations and O(s)
 * exact 3×3 checks), one ipm run per other atom. Statistics count {@code series_parallel_atoms} (decided
 * that way) and {@code ipm_atoms} (handed to ipm). {@link #accepts}: MC1 instances with n·m ≤ {@value #MAX_WORK},
 * all degrees 2, or G(Ω) series-parallel. When G(Ω) (without dropped vertices) is series-parallel and not
 * all degrees are 2, it is decided as one {@link SeriesParallelAtom} first, in O(n + m), without the
 * decomposition (statistic {@code series_parallel_graph}); only if that is undecided are the atoms tried. The deadline is checked cooperatively.
 */
public final class StructuredSolver implements Solver {
    public static final int DEFAULT_MAX_GENERAL = 60;
    static final long MAX_WORK = 500_000_000L;

    @Override
    public String name() {
        return "structured";
    }

    @Override
    public Problem problem() {
        return Problem.PSD_COMPLETION;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.EXACT;
    }

    @Override
    public int autoRank() {
        return 30;
    }

    @Override
    public String guarantees() {
        return "clique-separator atoms (Tarjan; MCS-M): cliques decided exactly (as chordal), chordless cycles by Barrett-Johnson-Loewy"
                + " with a fan completion or a witness built and checked exactly, series-parallel (K4-minor-free) atoms by Laurent's"
                + " cycle condition with a treewidth-2 completion or a violated-cycle witness built and checked exactly (both UNKNOWN"
                + " when the slack is within rounding of 0 or an angle is 0 or pi, then ipm if small), other atoms of <= max-general (60) vertices by ipm (UNKNOWN when ipm is), larger ones"
                + " UNKNOWN; YES as a chordal hint with fill, NO as the atom's witness; O(n·m) decomposition (n·m <= 5e8, or O(n)"
                + " for disjoint cycles) plus the atoms' costs (O(s + e) per series-parallel atom;"
                + " O(n + m) in all when G(Omega) itself is series-parallel and decided as a whole)";
    }

    @Override
    public boolean accepts(Instance instance) {
        if (!(instance instanceof Mc1Instance mc1)) return false;
        Pattern p = mc1.matrix().pattern();
        if ((long) p.n() * p.m() <= MAX_WORK || allDegreeTwo(p)) return true;
        int[][] adj = p.adjacency();
        int[] all = new int[p.n()];
        for (int v = 0; v < all.length; v++) all[v] = v;
        return SeriesParallelAtom.of(mc1.matrix(), all, adj[0], adj[1], new int[p.n()]) != null;
    }

    private static boolean allDegreeTwo(Pattern p) {
        for (int i = 0; i < p.n(); i++) if (p.degree(i) != 2) return false;
        return true;
    }

    @Override
    public SolverResult solve(Instance instance, String instanceSha256, SolverOptions options) {
        if (!(instance instanceof Mc1Instance mc1)) {
            return SolverResult.of(name(), Status.UNSUPPORTED, "structured takes psd-completion instances, got " + instance.problem());
        }
        int maxGeneral;
        try {
            maxGeneral = options.extraInt("max-general", DEFAULT_MAX_GENERAL);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, "structured: " + e.getMessage());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            SolverResult r = run(mc1.matrix(), instanceSha256, options, maxGeneral, stats);
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), r.status(), r.verdict(), r.certificate(), r.value(), r.exact(), stats, r.message());
        } catch (DeadlineExceededException e) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached");
        }
    }

    private SolverResult run(PartialSymmetricMatrix a, String sha, SolverOptions options, int maxGeneral, Map<String, Object> stats) {
        DiagonalRules.Result diag = DiagonalRules.apply(a);
        if (diag.witness() != null) return SolverResult.solved(name(), Certificate.witness(sha, diag.witness()), stats, diag.reason());
        Pattern pattern = a.pattern();
        int n = pattern.n();
        int[][] adj = pattern.adjacency();
        boolean[] drop = diag.dropped() > 0 ? diag.droppable() : null;
        if (!allDegreeTwo(pattern)) {
            SolverResult whole = wholeSeriesParallel(a, sha, adj, drop, stats);
            if (whole != null) return whole;
        }
        List<int[]> sets = drop == null && allDegreeTwo(pattern) ? components(pattern) : CliqueSeparators.atoms(n, adj[0], adj[1], drop, options);
        int[] scratch = new int[n];
        List<Atom> atoms = new ArrayList<>(sets.size());
        int cliques = 0, cycles = 0, general = 0, largest = 0;
        for (int[] s : sets) {
            Atom at = Atom.of(s, adj[0], adj[1], scratch);
            atoms.add(at);
            largest = Math.max(largest, s.length);
            switch (at.shape) {
                case CLIQUE -> cliques++;
                case CYCLE -> cycles++;
                default -> general++;
            }
        }
        stats.put("atoms", atoms.size());
        stats.put("clique_atoms", cliques);
        stats.put("cycle_atoms", cycles);
        stats.put("general_atoms", general);
        stats.put("largest_atom", largest);
        stats.put("series_parallel_atoms", 0);
        stats.put("ipm_atoms", 0);
        if (atoms.size() == 1 && drop == null && atoms.get(0).shape == Atom.Shape.GENERAL
                && SeriesParallelAtom.of(a, atoms.get(0).vertices, adj[0], adj[1], scratch) == null) {
            if (n > maxGeneral) {
                return SolverResult.unknown(name(), "G(Ω) has no clique separator and is not a cycle; its single atom has " + n
                        + " > max-general = " + maxGeneral + " vertices (left to ipm)", stats);
            }
            stats.put("ipm_atoms", 1);
            SolverResult r = new IpmSolver().solve(new Mc1Instance(a), sha, options);
            return r.status() == Status.SOLVED ? SolverResult.solved(name(), r.certificate(), stats, "single atom, by ipm: " + r.message())
                    : SolverResult.unknown(name(), "single atom; ipm: " + r.message(), stats);
        }
        List<Entry> fill = new ArrayList<>();
        List<Atom> pending = new ArrayList<>();
        for (Atom at : atoms) {
            options.checkDeadline();
            if (at.shape == Atom.Shape.CLIQUE) {
                if (at.vertices.length == 1) continue;
                SolverResult r = new ChordalSolver().solve(new Mc1Instance(at.restrict(a)), sha, options);
                if (r.status() != Status.SOLVED) return SolverResult.unknown(name(), "clique atom of size " + at.vertices.length + ": " + r.message(), stats);
                if (r.verdict() == Verdict.NOT_COMPLETABLE) return lifted(sha, at, r, stats, "clique atom");
            } else {
                pending.add(at);
            }
        }
        int undecided = 0;
        String why = null;
        for (Atom at : pending) {
            options.checkDeadline();
            if (at.shape == Atom.Shape.CYCLE) {
                CycleAtom.Result r = CycleAtom.decide(a, at.cycleOrder(adj[0], adj[1], scratch));
                if (r.witness() != null) {
                    return SolverResult.solved(name(), Certificate.witness(sha, r.witness()), stats,
                            "chordless cycle of length " + at.vertices.length + " violates Barrett-Johnson-Loewy (slack " + r.slack() + ")");
                }
                if (r.fill() != null) {
                    fill.addAll(r.fill());
                    continue;
                }
            } else {
                SeriesParallelAtom sp = SeriesParallelAtom.of(a, at.vertices, adj[0], adj[1], scratch);
                SeriesParallelAtom.Result r = sp == null ? null : sp.decide();
                if (r != null && r.witness() != null) {
                    bump(stats, "series_parallel_atoms");
                    return SolverResult.solved(name(), Certificate.witness(sha, r.witness()), stats,
                            "series-parallel atom of " + at.vertices.length + " vertices: " + r.reason());
                }
                if (r != null && r.fill() != null) {
                    bump(stats, "series_parallel_atoms");
                    fill.addAll(r.fill());
                    continue;
                }
            }
            if (at.vertices.length > maxGeneral) {
                undecided++;
                why = "an atom of " + at.vertices.length + " vertices (" + at.shape + ") exceeds max-general = " + maxGeneral;
                continue;
            }
            PartialSymmetricMatrix sub = at.restrict(a);
            bump(stats, "ipm_atoms");
            SolverResult r = new IpmSolver().solve(new Mc1Instance(sub), null, options);
            if (r.status() != Status.SOLVED) {
                undecided++;
                why = "ipm on an atom of " + at.vertices.length + " vertices: " + r.message();
                continue;
            }
            if (r.verdict() == Verdict.NOT_COMPLETABLE) return lifted(sha, at, r, stats, "atom decided by ipm");
            List<Entry> f = generalFill(at, sub.pattern(), r.certificate().body());
            if (f == null) {
                undecided++;
                why = "ipm's completion of an atom has form " + r.certificate().body().form();
                continue;
            }
            fill.addAll(f);
        }
        if (undecided > 0) return SolverResult.unknown(name(), undecided + " atoms undecided; e.g. " + why, stats);
        if (drop != null) fill.addAll(universalZeros(pattern, drop));
        int[] order = peo(pattern, fill);
        if (order == null) throw new IllegalStateException("internal error: Ω ∪ fill is not chordal");
        stats.put("fill", fill.size());
        return SolverResult.solved(name(), Certificate.completion(sha, new Body.Chordal(order, fill)), stats,
                "all " + atoms.size() + " atoms completable; chordal hint with " + fill.size() + " fill entries");
    }

    /**
     * When G(Ω) without the dropped vertices has no K4 minor, {@link SeriesParallelAtom} on all of it, skipping
     * the O(n·m) decomposition (it needs none: clique separators are just more triangles of its extension);
     * null when the graph has a K4 minor or the result is undecided (then the atoms are tried one by one).
     */
    private SolverResult wholeSeriesParallel(PartialSymmetricMatrix a, String sha, int[][] adj, boolean[] drop, Map<String, Object> stats) {
        int n = a.n();
        int count = 0;
        int[] present = new int[n];
        for (int v = 0; v < n; v++) if (drop == null || !drop[v]) present[count++] = v;
        SeriesParallelAtom sp = SeriesParallelAtom.of(a, java.util.Arrays.copyOf(present, count), adj[0], adj[1], new int[n]);
        if (sp == null) return null;
        SeriesParallelAtom.Result r = sp.decide();
        if (r.witness() == null && r.fill() == null) {
            stats.put("series_parallel_graph", "undecided as a whole: " + r.reason());
            return null;
        }
        stats.put("series_parallel_graph", "decided as a whole");
        stats.put("series_parallel_atoms", 1);
        stats.put("ipm_atoms", 0);
        if (r.witness() != null) return SolverResult.solved(name(), Certificate.witness(sha, r.witness()), stats, "series-parallel graph: " + r.reason());
        List<Entry> fill = new ArrayList<>(r.fill());
        if (drop != null) fill.addAll(universalZeros(a.pattern(), drop));
        int[] order = peo(a.pattern(), fill);
        if (order == null) throw new IllegalStateException("internal error: Ω ∪ fill is not chordal");
        stats.put("fill", fill.size());
        return SolverResult.solved(name(), Certificate.completion(sha, new Body.Chordal(order, fill)), stats,
                "series-parallel graph: " + r.reason() + "; chordal hint with " + fill.size() + " fill entries");
    }

    private static void bump(Map<String, Object> stats, String key) {
        stats.merge(key, 1, (x, y) -> (Integer) x + (Integer) y);
    }

    private SolverResult lifted(String sha, Atom at, SolverResult r, Map<String, Object> stats, String what) {
        if (!(r.certificate().body() instanceof Body.Entries w)) {
            throw new IllegalStateException("internal error: an atom witness of form " + r.certificate().body().form());
        }
        return SolverResult.solved(name(), Certificate.witness(sha, new Body.Entries(at.lift(w.entries()))), stats,
                what + " of size " + at.vertices.length + ": " + r.message());
    }

    /** Fill on the free pairs of a general atom from ipm's completion, or null for an unexpected form. */
    private static List<Entry> generalFill(Atom at, Pattern local, Body body) {
        int s = at.vertices.length;
        Rational[][] x = new Rational[s][];
        if (body instanceof Body.Factor f) {
            RationalMatrix m = f.factor();
            for (int i = 0; i < s; i++) {
                x[i] = new Rational[i];
                for (int j = 0; j < i; j++) {
                    Rational sum = Rational.ZERO;
                    for (int r = 0; r < m.cols(); r++) sum = sum.add(m.get(i, r).multiply(m.get(j, r)));
                    x[i][j] = sum;
                }
            }
        } else if (body instanceof Body.Entries e) {
            for (int i = 0; i < s; i++) {
                x[i] = new Rational[i];
                java.util.Arrays.fill(x[i], Rational.ZERO);
            }
            for (Entry en : e.entries()) x[en.i()][en.j()] = en.value();
        } else {
            return null;
        }
        return freePairs(at, local, x);
    }

    /** Entries (global indices) on the pairs of the atom that are not in Ω. */
    private static List<Entry> freePairs(Atom at, Pattern local, Rational[][] x) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < i; j++) if (!local.contains(i, j)) out.add(new Entry(at.vertices[i], at.vertices[j], x[i][j]));
        }
        return out;
    }

    /** Connected components as sorted vertex sets: the atoms of a graph whose vertices all have degree 2 (disjoint cycles). */
    private static List<int[]> components(Pattern p) {
        mcs.solvers.mc1.prep.ComponentSplit cs = mcs.solvers.mc1.prep.ComponentSplit.of(p);
        List<int[]> out = new ArrayList<>(cs.count());
        for (int c = 0; c < cs.count(); c++) out.add(cs.members(c));
        return out;
    }

    private static List<Entry> universalZeros(Pattern p, boolean[] drop) {
        List<Entry> out = new ArrayList<>();
        int n = p.n();
        for (int z = 0; z < n; z++) {
            if (!drop[z]) continue;
            for (int u = 0; u < n; u++) {
                if (u == z || (drop[u] && u < z) || p.contains(z, u)) continue;
                out.add(new Entry(Math.max(z, u), Math.min(z, u), Rational.ZERO));
            }
        }
        return out;
    }

    /** Maximum cardinality search on Ω ∪ fill, or null when it is not a perfect elimination ordering. */
    static int[] peo(Pattern omega, List<Entry> fill) {
        int n = omega.n();
        int[][] pairs = new int[omega.edges() + fill.size()][];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int k = omega.rowStart(i); k < omega.rowEnd(i) - 1; k++) pairs[q++] = new int[] {i, omega.col(k)};
        }
        for (Entry e : fill) pairs[q++] = new int[] {e.i(), e.j()};
        Pattern wide = Pattern.of(n, pairs);
        int[][] adj = wide.adjacency();
        int[] order = MaximumCardinalitySearch.eliminationOrder(n, adj[0], adj[1]);
        return EliminationStructure.of(order, adj).firstNonPerfectVertex(adj) < 0 ? order : null;
    }
}
