package mcs.solvers.mc1.cliquesum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.chordal.EliminationStructure;
import mcs.solvers.engine.chordal.MaximumCardinalitySearch;
import mcs.solvers.mc1.chordal.ChordalSolver;
import mcs.solvers.mc1.prep.ComponentSplit;
import mcs.solvers.mc1.prep.DiagonalRules;

/**
 * The clique-sum decision for MC1: decompose G(Ω) by its clique separators ({@link CliqueSeparators}), decide
 * every atom, glue. Since the separators are fully specified cliques, the instance is completable iff every
 * atom's principal partial submatrix is (completions agreeing on a clique glue into a completion of the
 * clique-sum; a witness of an atom, extended by zeros, is a witness of the whole).
 *
 * <ul>
 *   <li>clique atoms: {@link ChordalSolver} on the block (exact);
 *   <li>chordless cycles: {@link CycleAtom} (Barrett–Johnson–Loewy, certificates built and checked exactly);
 *   <li>series-parallel atoms (no K4 minor): {@link SeriesParallelAtom} (Laurent's cycle condition; a
 *       completion of a treewidth-2 chordal extension, or a witness on a violated cycle, checked exactly);
 *   <li>other atoms, and cycle or series-parallel atoms left undecided (tight): the {@link GeneralAtoms} decider
 *       the caller passes, on atoms of at most its {@code maxVertices}; with none (null) they stay undecided
 *       and the answer is UNKNOWN. The decider is an argument so that this package depends on no solver
 *       that may itself fall back on it (the {@code structured} solver passes {@code ipm}; {@code ipm}'s exact
 *       fallback passes none, which also bounds the recursion).
 * </ul>
 * NO: the first failing atom's witness, lifted by zeros (form {@code entries}; cycle and series-parallel
 * witnesses are {@code ldl} or {@code entries} on the whole instance). YES: form {@code chordal} with
 * {@code fill}: no fill in clique atoms, the fan chords of each cycle, the treewidth-2 extension of each
 * series-parallel atom, and (FFᵀ)_ij on every free pair of a general atom whose certificate is
 * X = FFᵀ + δI + Δ (or an {@code entries} completion). Ω ∪ fill is a clique-sum of chordal graphs, hence
 * chordal, and each of its maximal cliques lies in one atom whose block is PSD; the certificate's order is
 * maximum cardinality search on Ω ∪ fill. Vertices with zero diagonal and zero row ({@link DiagonalRules}) are
 * left out of the decomposition and joined to every vertex with fill 0 (a universal vertex keeps the graph
 * chordal). When the whole instance is one general atom, the decider's own certificate is returned.
 *
 * <p>When G(Ω) (without dropped vertices) is series-parallel and not all degrees are 2, it is decided as one
 * {@link SeriesParallelAtom} first, in O(n + m), without the decomposition (statistic
 * {@code series_parallel_graph}); only if that is undecided are the atoms tried. Cost: O(n·m) for the
 * decomposition (O(n + m) when every vertex has degree 2), Σ|C|³ over clique atoms, O(L) per cycle, O(s + e)
 * per series-parallel atom, one decider run per general atom. Statistics: {@code atoms}, {@code clique_atoms},
 * {@code cycle_atoms}, {@code general_atoms}, {@code largest_atom}, {@code series_parallel_atoms}, the
 * decider's {@code <name>_atoms} (atoms handed to it) and, on YES, {@code fill}.
 */
public final class CliqueSum {
    /** Decides one general atom (a principal partial submatrix, local indices) with a certificate, or says why not. */
    @FunctionalInterface
    public interface AtomDecider {
        SolverResult solve(Mc1Instance atom, String sha, SolverOptions options);
    }

    /**
     * Who decides the general atoms.
     *
     * @param name the decider's name, used in messages and in the statistic {@code <name>_atoms}
     * @param maxVertices larger general atoms are left undecided
     */
    public record GeneralAtoms(String name, int maxVertices, AtomDecider decider) {
        public GeneralAtoms {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(decider, "decider");
        }

        String statistic() {
            return name + "_atoms";
        }
    }

    private final String solver;
    private final GeneralAtoms general;

    /**
     * @param solver the name the results carry
     * @param general the decider of general atoms, or null to leave them undecided
     */
    public CliqueSum(String solver, GeneralAtoms general) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.general = general;
    }

    private String name() {
        return solver;
    }

    /**
     * Whether the decomposition is affordable: n·m ≤ {@code maxWork} (it costs O(n·m)), or every degree is 2 (the
     * atoms are the components, O(n)), or G(Ω) is series-parallel (decided as a whole in O(n + m)).
     */
    public static boolean affordable(PartialSymmetricMatrix a, long maxWork) {
        Pattern p = a.pattern();
        if ((long) p.n() * p.m() <= maxWork || allDegreeTwo(p)) return true;
        int[][] adj = p.adjacency();
        int[] all = new int[p.n()];
        for (int v = 0; v < all.length; v++) all[v] = v;
        return SeriesParallelAtom.of(a, all, adj[0], adj[1], new int[p.n()]) != null;
    }

    private static boolean allDegreeTwo(Pattern p) {
        for (int i = 0; i < p.n(); i++) if (p.degree(i) != 2) return false;
        return true;
    }

    /**
     * Decides the instance; {@code stats} receives the atom counts (and {@code fill} on YES).
     *
     * @throws mcs.problems.spi.DeadlineExceededException when the deadline passes (checked per atom and inside
     *     the decomposition)
     */
    public SolverResult decide(PartialSymmetricMatrix a, String sha, SolverOptions options, Map<String, Object> stats) {
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
        int cliques = 0, cycles = 0, others = 0, largest = 0;
        for (int[] s : sets) {
            Atom at = Atom.of(s, adj[0], adj[1], scratch);
            atoms.add(at);
            largest = Math.max(largest, s.length);
            switch (at.shape) {
                case CLIQUE -> cliques++;
                case CYCLE -> cycles++;
                default -> others++;
            }
        }
        stats.put("atoms", atoms.size());
        stats.put("clique_atoms", cliques);
        stats.put("cycle_atoms", cycles);
        stats.put("general_atoms", others);
        stats.put("largest_atom", largest);
        stats.put("series_parallel_atoms", 0);
        if (general != null) stats.put(general.statistic(), 0);
        if (atoms.size() == 1 && drop == null && atoms.get(0).shape == Atom.Shape.GENERAL
                && SeriesParallelAtom.of(a, atoms.get(0).vertices, adj[0], adj[1], scratch) == null) {
            if (general == null) {
                return SolverResult.unknown(name(), "G(Ω) has no clique separator and is not a cycle or series-parallel; its single atom of " + n
                        + " vertices is left undecided (no decider for general atoms)", stats);
            }
            if (n > general.maxVertices()) {
                return SolverResult.unknown(name(), "G(Ω) has no clique separator and is not a cycle; its single atom has " + n
                        + " > max-general = " + general.maxVertices() + " vertices (left to " + general.name() + ")", stats);
            }
            stats.put(general.statistic(), 1);
            SolverResult r = general.decider().solve(new Mc1Instance(a), sha, options);
            return r.status() == Status.SOLVED ? SolverResult.solved(name(), r.certificate(), stats, "single atom, by " + general.name() + ": " + r.message())
                    : SolverResult.unknown(name(), "single atom; " + general.name() + ": " + r.message(), stats);
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
            if (general == null) {
                undecided++;
                why = "an atom of " + at.vertices.length + " vertices (" + at.shape + ") is left undecided (no decider for general atoms)";
                continue;
            }
            if (at.vertices.length > general.maxVertices()) {
                undecided++;
                why = "an atom of " + at.vertices.length + " vertices (" + at.shape + ") exceeds max-general = " + general.maxVertices();
                continue;
            }
            PartialSymmetricMatrix sub = at.restrict(a);
            bump(stats, general.statistic());
            SolverResult r = general.decider().solve(new Mc1Instance(sub), null, options);
            if (r.status() != Status.SOLVED) {
                undecided++;
                why = general.name() + " on an atom of " + at.vertices.length + " vertices: " + r.message();
                continue;
            }
            if (r.verdict() == Verdict.NOT_COMPLETABLE) return lifted(sha, at, r, stats, "atom decided by " + general.name());
            List<Entry> f = generalFill(at, sub.pattern(), r.certificate().body());
            if (f == null) {
                undecided++;
                why = general.name() + "'s completion of an atom has form " + r.certificate().body().form();
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
        if (general != null) stats.put(general.statistic(), 0);
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

    /** Fill on the free pairs of a general atom from its decider's completion, or null for an unexpected form. */
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
        ComponentSplit cs = ComponentSplit.of(p);
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
