package mcs.solvers.mc1.cliquesum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.exact.NegativeDirection;

/**
 * Decides an atom whose graph is series-parallel (no K4 minor, treewidth ≤ 2; positive diagonal) with a
 * certificate for either answer. By Laurent ("The real positive semidefinite completion problem for
 * series-parallel graphs", Linear Algebra Appl. 254, 1997) such a partial matrix is completable iff every
 * cycle satisfies the Barrett–Johnson–Loewy inequalities in the angles θ_e = arccos(a_e/√(a_ii a_jj)); the
 * decision below never relies on the theorem, only on the certificates it builds and checks exactly.
 *
 * <p><b>Recognition.</b> Vertices of degree ≤ 2 are eliminated repeatedly (degree 2: its two neighbours u, w
 * are joined, the edge uw merged with an existing one); the graph is K4-minor-free iff this empties it
 * (the rules are safe for treewidth 2); graphs with more than 2n − 3 edges are refused at once. Degrees
 * never grow, so each vertex enters the queue once: O(n + m) expected (hash maps of neighbours). The
 * order and the added edges give a chordal graph H ⊇ G of treewidth 2 whose maximal cliques are the
 * triangles (v, u, w) of the eliminations (and edges).
 *
 * <p><b>Interval propagation.</b> A completion of H is a choice of angles on its edges with every
 * triangle realisable by unit vectors: |x − y| ≤ z ≤ min(x + y, 2π − x − y). Along the order every edge
 * carries the interval of its angles compatible with all triangles eliminated below it (a point for edges
 * of Ω, [0, π] for added ones); eliminating v intersects the interval of uw with the image of those of vu
 * and vw, which is again an interval, computed in O(1). With every triangle inequality demanded with
 * slack t, feasibility is monotone in t; bisection finds the largest common slack t*, and the reverse
 * pass picks, with half of t* as slack, each added edge's angle in the middle of what the already fixed uw allows.
 * The added values cos φ·√(a_uu a_ww) are rounded to doubles (exact dyadic rationals) and every triangle
 * block is checked PSD exactly: the {@code fill} of a {@code chordal} certificate.
 *
 * <p><b>NO.</b> Every finite bound of an interval is a signed sum of data angles along a path between the
 * edge's ends (plus a multiple of π), and the provenance of each bound is recorded. When an interval
 * becomes empty (at t = 0), its lower and upper bounds come from internally disjoint paths whose union is a
 * cycle of G violating a BJL inequality; {@link CycleAtom} builds the witness on that cycle's edges and
 * diagonal (supported on Ω; the cycle may have chords in G), checked exactly.
 *
 * <p>Undecided (neither certificate): the slack is within rounding of 0, an angle is 0 or π (a rounded
 * completion cannot be strictly inside), or the exact checks fail. Cost: O(n + m) recognition, 61
 * propagations of O(n + m) doubles, O(n) exact 3×3 checks on numbers of the data's size plus 53 bits; NO,
 * {@link CycleAtom}'s cost on the cycle.
 */
final class SeriesParallelAtom {
    /** At most one of witness (for the whole instance) and fill is set; neither: undecided (reason says why). */
    record Result(Body witness, List<Entry> fill, String reason) {}

    private static final int SELF = -2, TRIVIAL = -1;
    private static final double PI = Math.PI;

    private final PartialSymmetricMatrix a;
    /** Edge endpoints (global); edges 0..omegaEdges−1 are in Ω, the rest are added. */
    private final int[] endU, endW;
    private final int omegaEdges;
    /** Elimination steps: vertex, edges vu and vw (−1 when absent), edge uw (−1 unless degree 2). */
    private final int[] stepV, stepE1, stepE2, stepE3;
    private double[] theta;
    private double[] lo, hi;
    private int[] loFrom, hiFrom;
    private int failed;

    private SeriesParallelAtom(PartialSymmetricMatrix a, int[] endU, int[] endW, int omegaEdges, int[][] steps) {
        this.a = a;
        this.endU = endU;
        this.endW = endW;
        this.omegaEdges = omegaEdges;
        stepV = steps[0];
        stepE1 = steps[1];
        stepE2 = steps[2];
        stepE3 = steps[3];
    }

    /**
     * The elimination structure of the atom on {@code vertices} (sorted; its induced subgraph of G(Ω) given by
     * ptr/nbr), or null when that graph has a K4 minor. {@code scratch} has length n (overwritten).
     */
    static SeriesParallelAtom of(PartialSymmetricMatrix a, int[] vertices, int[] ptr, int[] nbr, int[] scratch) {
        int s = vertices.length;
        for (int t = 0; t < s; t++) scratch[vertices[t]] = t;
        long inner = 0;
        for (int u : vertices) for (int p = ptr[u]; p < ptr[u + 1]; p++) if (nbr[p] < u && Atom.inside(nbr[p], vertices, scratch)) inner++;
        // A K4-minor-free graph has at most 2s − 3 edges: denser graphs are refused before any map is built.
        if (s >= 2 && inner > 2L * s - 3) return null;
        List<Map<Integer, Integer>> adj = new ArrayList<>(s);
        for (int t = 0; t < s; t++) adj.add(new HashMap<>());
        int[] eu = new int[16], ew = new int[16];
        int edges = 0;
        for (int t = 0; t < s; t++) {
            int u = vertices[t];
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int w = nbr[p];
                if (w >= u || !Atom.inside(w, vertices, scratch)) continue;
                if (edges == eu.length) {
                    eu = java.util.Arrays.copyOf(eu, 2 * edges);
                    ew = java.util.Arrays.copyOf(ew, 2 * edges);
                }
                eu[edges] = u;
                ew[edges] = w;
                adj.get(t).put(scratch[w], edges);
                adj.get(scratch[w]).put(t, edges);
                edges++;
            }
        }
        int omega = edges;
        int[][] steps = new int[4][s];
        boolean[] queued = new boolean[s];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t = 0; t < s; t++) {
            if (adj.get(t).size() <= 2) {
                queued[t] = true;
                queue.add(t);
            }
        }
        int done = 0;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            Map<Integer, Integer> nv = adj.get(v);
            int[] nb = new int[2], ne = {-1, -1};
            int k = 0;
            for (Map.Entry<Integer, Integer> x : nv.entrySet()) {
                nb[k] = x.getKey();
                ne[k++] = x.getValue();
            }
            int e3 = -1;
            for (int q = 0; q < k; q++) adj.get(nb[q]).remove(v);
            if (k == 2) {
                Integer old = adj.get(nb[0]).get(nb[1]);
                if (old == null) {
                    if (edges == eu.length) {
                        eu = java.util.Arrays.copyOf(eu, 2 * edges);
                        ew = java.util.Arrays.copyOf(ew, 2 * edges);
                    }
                    eu[edges] = vertices[nb[0]];
                    ew[edges] = vertices[nb[1]];
                    adj.get(nb[0]).put(nb[1], edges);
                    adj.get(nb[1]).put(nb[0], edges);
                    old = edges++;
                }
                e3 = old;
            }
            nv.clear();
            steps[0][done] = vertices[v];
            steps[1][done] = ne[0];
            steps[2][done] = ne[1];
            steps[3][done] = e3;
            done++;
            for (int q = 0; q < k; q++) {
                if (!queued[nb[q]] && adj.get(nb[q]).size() <= 2) {
                    queued[nb[q]] = true;
                    queue.add(nb[q]);
                }
            }
        }
        if (done < s) return null;
        return new SeriesParallelAtom(a, java.util.Arrays.copyOf(eu, edges), java.util.Arrays.copyOf(ew, edges), omega, steps);
    }

    /** Vertices eliminated with two neighbours (the triangles of the chordal extension). */
    int triangles() {
        int c = 0;
        for (int e3 : stepE3) if (e3 >= 0) c++;
        return c;
    }

    Result decide() {
        theta = new double[omegaEdges];
        for (int e = 0; e < omegaEdges; e++) {
            int i = endU[e], j = endW[e];
            Rational di = a.diagonal(i), dj = a.diagonal(j), ae = a.get(i, j);
            Rational gap = di.multiply(dj).subtract(ae.square());
            if (gap.signum() < 0) return new Result(CycleAtom.edgeWitness(i, j, di, ae), null, "an entry exceeds √(a_ii a_jj)");
            double sg = CycleAtom.sigma(di.toDouble(), dj.toDouble(), ae, gap);
            theta[e] = ae.signum() < 0 ? PI - sg : sg;
        }
        int m = endU.length;
        lo = new double[m];
        hi = new double[m];
        loFrom = new int[m];
        hiFrom = new int[m];
        if (!propagate(0)) return violatedCycle();
        double good = 0, bad = PI / 2;
        for (int it = 0; it < 60 && bad - good > 1e-300; it++) {
            double mid = (good + bad) / 2;
            if (propagate(mid)) good = mid;
            else bad = mid;
        }
        double t = good / 2;
        if (t == 0 || !propagate(t)) return new Result(null, null, "the largest common triangle slack is 0 (tight or degenerate angles)");
        List<Entry> fill = completion(t);
        return fill == null ? new Result(null, null, "a rounded triangle failed the exact check (slack " + good + ")")
                : new Result(null, fill, "series-parallel completion with triangle slack " + good);
    }

    /**
     * Interval propagation with every triangle inequality demanded with slack t; records the provenance of
     * each bound (step·4 + kind, {@link #SELF} for data, {@link #TRIVIAL} for 0 and π) and, on failure, the
     * edge whose interval became empty in {@link #failed}.
     */
    private boolean propagate(double t) {
        int m = lo.length;
        for (int e = 0; e < m; e++) {
            boolean data = e < omegaEdges;
            lo[e] = data ? theta[e] : 0;
            hi[e] = data ? theta[e] : PI;
            loFrom[e] = hiFrom[e] = data ? SELF : TRIVIAL;
        }
        for (int s = 0; s < stepV.length; s++) {
            int e3 = stepE3[s];
            if (e3 < 0) continue;
            int e1 = stepE1[s], e2 = stepE2[s];
            double a1 = Math.max(lo[e1], t), b1 = Math.min(hi[e1], PI - t);
            double a2 = Math.max(lo[e2], t), b2 = Math.min(hi[e2], PI - t);
            if (a1 > b1 || a2 > b2) {
                failed = e3;
                return false;
            }
            double lower = 0;
            int lowerFrom = TRIVIAL;
            if (a1 - b2 > lower) {
                lower = a1 - b2;
                lowerFrom = 4 * s;
            }
            if (a2 - b1 > lower) {
                lower = a2 - b1;
                lowerFrom = 4 * s + 1;
            }
            double upper = PI;
            int upperFrom = TRIVIAL;
            if (b1 + b2 < PI) {
                upper = b1 + b2;
                upperFrom = 4 * s + 2;
            } else if (a1 + a2 > PI) {
                upper = 2 * PI - a1 - a2;
                upperFrom = 4 * s + 3;
            }
            lower += t;
            upper -= t;
            if (lower > lo[e3]) {
                lo[e3] = lower;
                loFrom[e3] = lowerFrom;
            }
            if (upper < hi[e3]) {
                hi[e3] = upper;
                hiFrom[e3] = upperFrom;
            }
            if (lo[e3] > hi[e3]) {
                failed = e3;
                return false;
            }
        }
        return true;
    }

    /** The reverse pass with slack t (after a successful {@link #propagate}(t)); null when an exact check fails. */
    private List<Entry> completion(double t) {
        int m = lo.length;
        double[] phi = new double[m];
        for (int e = 0; e < omegaEdges; e++) phi[e] = theta[e];
        for (int s = stepV.length - 1; s >= 0; s--) {
            int e1 = stepE1[s], e2 = stepE2[s], e3 = stepE3[s];
            if (e3 < 0) {
                if (e1 >= omegaEdges) phi[e1] = (lo[e1] + hi[e1]) / 2;
                continue;
            }
            double z = phi[e3];
            double lu = lo[e1], hu = hi[e1], lw = lo[e2], hw = hi[e2];
            // x = angle of vu: the projection of {(x, y) ∈ box : |x − y| ≤ z − t, z + t ≤ x + y ≤ 2π − z − t}.
            double x = e1 < omegaEdges ? theta[e1]
                    : mid(Math.max(Math.max(lu, t), Math.max(lw - z + t, z + t - hw)),
                            Math.min(Math.min(hu, PI - t), Math.min(2 * PI - z - t - lw, hw + z - t)));
            double y = e2 < omegaEdges ? theta[e2]
                    : mid(Math.max(lw, Math.max(x - z + t, z + t - x)), Math.min(hw, Math.min(x + z - t, 2 * PI - z - t - x)));
            phi[e1] = x;
            phi[e2] = y;
        }
        Map<Long, Rational> added = new HashMap<>();
        List<Entry> fill = new ArrayList<>(m - omegaEdges);
        for (int e = omegaEdges; e < m; e++) {
            int u = endU[e], w = endW[e];
            double val = Math.cos(phi[e]) * Math.sqrt(a.diagonal(u).toDouble() * a.diagonal(w).toDouble());
            if (!Double.isFinite(val)) return null;
            Rational r = Rational.ofDouble(val);
            added.put(key(u, w), r);
            fill.add(new Entry(Math.max(u, w), Math.min(u, w), r));
        }
        for (int s = 0; s < stepV.length; s++) {
            if (stepE3[s] < 0) continue;
            int v = stepV[s], u = other(stepE1[s], v), w = other(stepE2[s], v);
            Rational vu = value(v, u, added), vw = value(v, w, added), uw = value(u, w, added);
            Rational[][] b = {{a.diagonal(v), vu, vw}, {vu, a.diagonal(u), uw}, {vw, uw, a.diagonal(w)}};
            if (NegativeDirection.find(b) != null) return null;
        }
        return fill;
    }

    private static double mid(double l, double h) {
        // l > h only by rounding (the interval of the fixed neighbour admits a choice); the midpoint keeps ≈ t.
        return (l + h) / 2;
    }

    private Rational value(int i, int j, Map<Long, Rational> added) {
        Rational x = a.get(i, j);
        return x != null ? x : added.get(key(i, j));
    }

    private static long key(int i, int j) {
        return (long) Math.max(i, j) << 32 | Math.min(i, j);
    }

    private int other(int e, int v) {
        return endU[e] == v ? endW[e] : endU[e];
    }

    /** The NO side after propagate(0) failed at {@link #failed}: the cycle of its two bounds' paths, CycleAtom's witness. */
    private Result violatedCycle() {
        int e = failed;
        if (loFrom[e] == TRIVIAL || hiFrom[e] == TRIVIAL) return new Result(null, null, "an interval emptied by rounding");
        List<Integer> cyc = new ArrayList<>();
        collect(e, true, cyc);
        collect(e, false, cyc);
        int[] order = cycleOrder(cyc);
        if (order == null) return new Result(null, null, "the bounds' paths do not form a cycle");
        if (order.length == 3) {
            Rational[][] b = new Rational[3][3];
            for (int r = 0; r < 3; r++) for (int q = 0; q < 3; q++) b[r][q] = r == q ? a.diagonal(order[r]) : a.get(order[r], order[q]);
            Rational[] dir = NegativeDirection.find(b);
            return dir == null ? new Result(null, null, "the violated triangle is PSD in exact arithmetic")
                    : new Result(new Body.Entries(CycleAtom.rankOne(order, dir)), null, "a specified triangle is not PSD");
        }
        CycleAtom.Result r = CycleAtom.decide(a, order);
        return r.witness() != null
                ? new Result(r.witness(), null, "cycle of length " + order.length + " violates Barrett-Johnson-Loewy (slack " + r.slack() + ")")
                : new Result(null, null, "no exact witness on the violated cycle of length " + order.length);
    }

    /** Appends the data edges of the path behind the lower (or upper) bound of edge e. */
    private void collect(int e, boolean lower, List<Integer> out) {
        ArrayDeque<long[]> stack = new ArrayDeque<>();
        stack.push(new long[] {e, lower ? 1 : 0});
        while (!stack.isEmpty()) {
            long[] top = stack.pop();
            int f = (int) top[0];
            boolean low = top[1] == 1;
            int from = low ? loFrom[f] : hiFrom[f];
            if (from == SELF) {
                out.add(f);
                continue;
            }
            int s = from / 4, kind = from % 4, e1 = stepE1[s], e2 = stepE2[s];
            // kind 0: lo1 − hi2; 1: lo2 − hi1; 2: hi1 + hi2; 3: 2π − lo1 − lo2.
            stack.push(new long[] {e1, kind == 0 || kind == 3 ? 1 : 0});
            stack.push(new long[] {e2, kind == 1 || kind == 3 ? 1 : 0});
        }
    }

    /** The vertices of the edge set in cycle order, or null when it is not one simple cycle. */
    private int[] cycleOrder(List<Integer> edges) {
        Map<Integer, int[]> inc = new HashMap<>();
        for (int e : edges) {
            for (int x : new int[] {endU[e], endW[e]}) {
                int[] slot = inc.computeIfAbsent(x, k -> new int[] {-1, -1});
                if (slot[0] < 0) slot[0] = e;
                else if (slot[1] < 0) slot[1] = e;
                else return null;
            }
        }
        if (inc.size() != edges.size() || edges.size() < 3) return null;
        int[] order = new int[edges.size()];
        int cur = endU[edges.get(0)], prevEdge = -1;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int k = 0; k < order.length; k++) {
            int[] slot = inc.get(cur);
            if (slot[1] < 0 || !seen.add(cur)) return null;
            order[k] = cur;
            int next = slot[0] != prevEdge ? slot[0] : slot[1];
            prevEdge = next;
            cur = other(next, cur);
        }
        return cur == order[0] ? order : null;
    }
}
