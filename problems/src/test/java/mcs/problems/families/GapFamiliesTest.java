package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Promise;
import mcs.problems.io.HeaderComments;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.InstanceWriter;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.testkit.NaiveCertificates;
import mcs.testkit.NaivePsd;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.cycle.ChordalityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap families' claims t* ∈ [LOW, HIGH], checked independently of the generators at every n generated:
 * both proofs (the completion of a − LOW·I and the witness W with ⟨W,a⟩ ≤ HIGH·tr W) by dense exact
 * elimination, and each family's exact characterisation (clique-sums of signed 4-cycles, Hadamard blocks,
 * the GJSW clique minimum, the planted rank-r completion) recomputed from the data alone.
 */
class GapFamiliesTest {
    private static final List<String> FAMILIES = List.of("gap-cycles", "gap-gamma2", "gap-chordal", "gap-planted");
    private static final List<String> EPS = List.of("1/10", "1/1000", "0.00001");

    private static Generated gen(String family, int n, long seed, Map<String, String> params) {
        return Families.byName(family).orElseThrow().generate(n, seed, params);
    }

    private static Map<String, String> params(String eps, boolean yes, String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("eps", eps);
        m.put("answer", yes ? "yes" : "no");
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    @Test
    void boundsHugTheTargetOnTheRightSideAndBothProofsHoldAtEverySmallN() {
        for (String family : FAMILIES) {
            for (int n = 4; n <= 19; n++) {
                for (String eps : EPS) {
                    for (boolean yes : new boolean[] {true, false}) {
                        Generated g = gen(family, n, n * 31L + eps.length(), params(eps, yes));
                        String where = family + " n=" + n + " eps=" + eps + " " + (yes ? "yes" : "no");
                        checkTarget(g, Rational.parse(eps), yes, where);
                        checkProofs(g, where);
                    }
                }
            }
        }
    }

    /** The window of the promise: [ε, ε(1 + 10⁻⁶)] for yes, [−ε(1 + 10⁻⁶), −ε] for no; the answer and the promise follow. */
    private static void checkTarget(Generated g, Rational eps, boolean yes, String where) {
        Gap gap = g.gap();
        assertNotNull(gap, where);
        Rational slack = eps.multiply(Rational.of(1, 1_000_000));
        if (yes) {
            assertTrue(gap.low().compareTo(eps) >= 0, where + ": LOW " + gap.low() + " >= ε");
            assertTrue(gap.high().compareTo(eps.add(slack)) <= 0, where + ": HIGH " + gap.high().toDouble() + " <= ε(1 + 1e-6)");
            assertEquals(Verdict.COMPLETABLE, g.known().verdict(), where);
        } else {
            assertTrue(gap.high().compareTo(eps.negate()) <= 0, where + ": HIGH " + gap.high() + " <= −ε");
            assertTrue(gap.low().compareTo(eps.add(slack).negate()) >= 0, where + ": LOW " + gap.low().toDouble() + " >= −ε(1 + 1e-6)");
            assertEquals(Verdict.NOT_COMPLETABLE, g.known().verdict(), where);
        }
        Mc1Instance inst = (Mc1Instance) g.instance();
        assertEquals(new Promise(Promise.Kind.LOG, eps), inst.promise().orElseThrow(), where);
        for (int i = 0; i < inst.n(); i++) assertEquals(Rational.ONE, inst.matrix().diagonal(i), where + ": unit diagonal");
    }

    /** LOW: the lower proof completes a − LOW·I to a PSD matrix; HIGH: W ⪰ 0 on Ω with ⟨W,a⟩ ≤ HIGH·tr W; the planted certificate proves the answer. */
    static void checkProofs(Generated g, String where) {
        Mc1Instance inst = (Mc1Instance) g.instance();
        Gap gap = g.gap();
        PartialSymmetricMatrix shifted = shift(inst.matrix(), gap.low());
        checkCompletion(shifted, gap.lowerProof(), where + " (lower proof)");
        Rational pairing = NaiveCertificates.witnessPairing(inst.matrix(), gap.upperProof());
        Rational trace = Rational.ZERO;
        for (Entry e : gap.upperProof().entries()) if (e.i() == e.j()) trace = trace.add(e.value());
        assertTrue(trace.signum() > 0, where + ": tr W > 0");
        assertTrue(pairing.compareTo(gap.high().multiply(trace)) <= 0, where + ": ⟨W,a⟩ = " + pairing + " <= HIGH·tr W");
        if (g.known().verdict() == Verdict.COMPLETABLE) checkCompletion(inst.matrix(), g.known().certificate(), where + " (planted YES)");
        else assertTrue(NaiveCertificates.witnessPairing(inst.matrix(), g.known().certificate()).signum() < 0, where + ": planted NO witness");
    }

    static PartialSymmetricMatrix shift(PartialSymmetricMatrix a, Rational t) {
        Pattern p = a.pattern();
        Rational[] v = new Rational[p.m()];
        for (int k = 0; k < p.m(); k++) v[k] = p.row(k) == p.col(k) ? a.value(k).subtract(t) : a.value(k);
        return PartialSymmetricMatrix.of(p, v);
    }

    /** A YES body for a: entries or factor (dense check), or chordal (perfect elimination order on Ω ∪ fill, every block PSD). */
    static void checkCompletion(PartialSymmetricMatrix a, Body body, String where) {
        if (body instanceof Body.Entries e) {
            assertTrue(NaivePsd.byElimination(NaiveCertificates.zeroFilled(a, e.entries())), where + ": zero/entries fill is PSD");
        } else if (body instanceof Body.Factor) {
            NaiveCertificates.assertFactorCompletion(a, body);
        } else if (body instanceof Body.Chordal c) {
            int n = a.n();
            Map<Long, Rational> val = new HashMap<>();
            List<Set<Integer>> adj = new ArrayList<>();
            for (int i = 0; i < n; i++) adj.add(new HashSet<>());
            Pattern p = a.pattern();
            for (int k = 0; k < p.m(); k++) {
                int i = p.row(k), j = p.col(k);
                val.put((long) i * n + j, a.value(k));
                if (i != j) {
                    adj.get(i).add(j);
                    adj.get(j).add(i);
                }
            }
            for (Entry f : c.fill()) {
                assertFalse(p.contains(f.i(), f.j()), where + ": fill on a specified pair");
                val.put((long) f.i() * n + f.j(), f.value());
                adj.get(f.i()).add(f.j());
                adj.get(f.j()).add(f.i());
            }
            int[] pos = new int[n];
            Set<Integer> seen = new HashSet<>();
            for (int t = 0; t < n; t++) {
                pos[c.order()[t]] = t;
                assertTrue(seen.add(c.order()[t]), where + ": order is a permutation");
            }
            for (int v = 0; v < n; v++) {
                List<Integer> block = new ArrayList<>();
                block.add(v);
                for (int w : adj.get(v)) if (pos[w] > pos[v]) block.add(w);
                Rational[][] m = new Rational[block.size()][block.size()];
                for (int x = 0; x < block.size(); x++) {
                    for (int y = 0; y < block.size(); y++) {
                        int i = Math.max(block.get(x), block.get(y)), j = Math.min(block.get(x), block.get(y));
                        Rational r = val.get((long) i * n + j);
                        assertNotNull(r, where + ": later neighbours of " + v + " are not a clique (perfect elimination order)");
                        m[x][y] = r;
                    }
                }
                assertTrue(NaivePsd.byElimination(m), where + ": block of " + v + " is PSD");
            }
        } else {
            throw new AssertionError(where + ": unexpected body " + body.form());
        }
    }

    @Test
    void signedCyclesAreCliqueSumsOfOneSignedFourCycleValue() {
        for (String shape : List.of("cactus", "union")) {
            for (int n = 4; n <= 40; n += 3) {
                Generated g = gen("gap-cycles", n, n, params("1/100", n % 2 == 0, "shape", shape));
                PartialSymmetricMatrix a = ((Mc1Instance) g.instance()).matrix();
                // every block (biconnected component) is a chordless 4-cycle with an odd number of negative edges and |a_e| = c,
                // or a bridge with a_e = 0; isolated vertices have no block
                Graph<Integer, DefaultEdge> graph = a.pattern().graph();
                Rational c = null;
                int cycles = 0;
                for (Graph<Integer, DefaultEdge> block : new BiconnectivityInspector<>(graph).getBlocks()) {
                    List<DefaultEdge> edges = new ArrayList<>(block.edgeSet());
                    if (edges.size() == 1) {
                        DefaultEdge e = edges.get(0);
                        assertEquals(Rational.ZERO, a.get(block.getEdgeSource(e), block.getEdgeTarget(e)), "bridges carry 0");
                        continue;
                    }
                    assertEquals(4, block.vertexSet().size());
                    assertEquals(4, edges.size());
                    int negative = 0;
                    for (DefaultEdge e : edges) {
                        Rational x = a.get(block.getEdgeSource(e), block.getEdgeTarget(e));
                        if (c == null) c = x.abs();
                        assertEquals(c, x.abs());
                        if (x.signum() < 0) negative++;
                    }
                    assertEquals(1, negative % 2, "odd number of negative edges: the signed cycle is unbalanced");
                    cycles++;
                }
                assertEquals(shape.equals("cactus") ? (n - 1) / 3 : n / 4, cycles);
                // t* = 1 − √2·c (clique-sum minimum): LOW ≤ 1 − √2c ≤ HIGH, checked on squares
                Rational low = g.gap().low(), high = g.gap().high();
                Rational twoC2 = c.square().multiply(2);
                assertTrue(Rational.ONE.subtract(low).square().compareTo(twoC2) >= 0 && Rational.ONE.subtract(low).signum() > 0, "LOW <= 1 − √2c");
                assertTrue(Rational.ONE.subtract(high).signum() <= 0 || Rational.ONE.subtract(high).square().compareTo(twoC2) <= 0, "HIGH >= 1 − √2c");
                assertEquals("1 - sqrt(2)*" + c.toDecimalString(), g.gap().closedForm());
            }
        }
    }

    @Test
    void gamma2BlocksAreScaledHadamardMatricesAndTheLargestDecides() {
        for (int n : new int[] {2, 5, 8, 12, 33, 64}) {
            for (String eps : List.of("1/10", "3/1000")) {
                Generated g = gen("gap-gamma2", n, 3, params(eps, true));
                PartialSymmetricMatrix a = ((Mc1Instance) g.instance()).matrix();
                // off-diagonal values are ±t, and each connected component is a complete bipartite K_{h,h}
                Rational t = null;
                Pattern p = a.pattern();
                for (int k = 0; k < p.m(); k++) {
                    if (p.row(k) == p.col(k)) continue;
                    if (t == null) t = a.value(k).abs();
                    assertEquals(t, a.value(k).abs());
                }
                int h = Integer.highestOneBit(n / 2);
                int largest = 0;
                for (Set<Integer> comp : new org.jgrapht.alg.connectivity.ConnectivityInspector<>(p.graph()).connectedSets()) largest = Math.max(largest, comp.size());
                assertEquals(Math.max(2 * h, 1), largest);
                assertEquals(h * h, p.edges() - edgesOfSmallerBlocks(n / 2 - h));
                // the component of order 2h: rows of its bipartite block are orthogonal (an Hadamard matrix up to signs)
                Rational th2 = t.square().multiply(h);
                Rational low = g.gap().low(), high = g.gap().high();
                assertTrue(Rational.ONE.subtract(low).square().compareTo(th2) >= 0, "LOW <= 1 − t√h");
                assertTrue(Rational.ONE.subtract(high).square().compareTo(th2) <= 0, "HIGH >= 1 − t√h");
            }
        }
        // h a power of 4 and (1 − ε)/√h a decimal: t* = ε exactly
        Generated exact = gen("gap-gamma2", 8, 1, params("1/10", true));
        assertEquals(Rational.of(1, 10), exact.gap().low());
        assertTrue(exact.gap().exact());
    }

    private static int edgesOfSmallerBlocks(int rest) {
        int e = 0;
        for (int bit = 0; bit < 31; bit++) if ((rest >> bit & 1) == 1) e += (1 << bit) * (1 << bit);
        return e;
    }

    @Test
    void chordalGapIsTheCliqueMinimumRecomputedFromJGraphTCliques() {
        for (String shape : List.of("ktree", "band")) {
            for (int n = 5; n <= 30; n += 5) {
                for (boolean yes : new boolean[] {true, false}) {
                    Generated g = gen("gap-chordal", n, n, params("1/1000", yes, "shape", shape, "k", "3"));
                    PartialSymmetricMatrix a = ((Mc1Instance) g.instance()).matrix();
                    ChordalityInspector<Integer, DefaultEdge> ci = new ChordalityInspector<>(a.pattern().graph());
                    assertTrue(ci.isChordal());
                    List<Integer> peo = ci.getPerfectEliminationOrder();
                    // every maximal clique is a vertex with its earlier neighbours in the perfect elimination order JGraphT gives
                    List<Set<Integer>> cliques = new ArrayList<>();
                    for (int t = 0; t < n; t++) {
                        Set<Integer> c = new HashSet<>(List.of(peo.get(t)));
                        for (int w : a.pattern().neighbours(peo.get(t))) if (peo.indexOf(w) < t) c.add(w);
                        cliques.add(c);
                    }
                    Rational low = g.gap().low(), high = g.gap().high();
                    boolean someBelowHigh = false;
                    for (Set<Integer> c : cliques) {
                        assertTrue(NaivePsd.byElimination(block(a, c, low)), "a_C − LOW·I is PSD for C = " + c);
                        if (!NaivePsd.byElimination(block(a, c, high.add(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(40)))))) someBelowHigh = true;
                    }
                    assertTrue(someBelowHigh, "some clique has λmin(a_C) <= HIGH");
                }
            }
        }
    }

    private static Rational[][] block(PartialSymmetricMatrix a, Set<Integer> c, Rational t) {
        List<Integer> v = new ArrayList<>(c);
        Rational[][] m = new Rational[v.size()][v.size()];
        for (int x = 0; x < v.size(); x++) for (int y = 0; y < v.size(); y++) m[x][y] = x == y ? a.get(v.get(x), v.get(x)).subtract(t) : a.get(v.get(x), v.get(y));
        return m;
    }

    @Test
    void plantedGapIsExactAndTheWitnessIsAnExactNullVector() {
        for (int n = 4; n <= 30; n += 2) {
            for (boolean yes : new boolean[] {true, false}) {
                Generated g = gen("gap-planted", n, n, params("1/100", yes));
                Gap gap = g.gap();
                assertTrue(gap.exact());
                Mc1Instance inst = (Mc1Instance) g.instance();
                Rational trace = Rational.ZERO;
                for (Entry e : gap.upperProof().entries()) if (e.i() == e.j()) trace = trace.add(e.value());
                assertEquals(gap.low().multiply(trace), NaiveCertificates.witnessPairing(inst.matrix(), gap.upperProof()), "⟨W,a⟩ = t*·tr W exactly");
                // every value is a finite decimal (readable by any Matrix Market reader as 'real')
                PartialSymmetricMatrix a = inst.matrix();
                for (int k = 0; k < a.m(); k++) assertFalse(a.value(k).toDecimalString().contains("/"), "decimal data");
            }
        }
    }

    @Test
    void largeInstancesKeepTheirBoundsAndGenerateFast() {
        for (String family : List.of("gap-cycles", "gap-chordal", "gap-planted")) {
            for (boolean yes : new boolean[] {true, false}) {
                long t0 = System.nanoTime();
                Generated g = gen(family, 10_000, 7, params("1/10000", yes));
                checkTarget(g, Rational.of(1, 10_000), yes, family + " n=10000");
                assertTrue((System.nanoTime() - t0) / 1e9 < 60, family + " generates n = 10^4 within a minute");
            }
        }
    }

    @Test
    void headerRecordsPromiseAndGapAndReadsBack(@TempDir Path dir) throws Exception {
        for (String family : FAMILIES) {
            Generated g = gen(family, 12, 5, params("0.001", false));
            Path f = dir.resolve(family + ".mtx");
            InstanceWriter.write(f, g.instance(), g.comments());
            Mc1Instance back = (Mc1Instance) InstanceReader.read(f, null).instance();
            assertEquals(Canonical.dump(g.instance()), Canonical.dump(back), family + " reads back equal");
            assertEquals(((Mc1Instance) g.instance()).promise(), back.promise(), family + ": the promise reads back");
            assertEquals(Rational.parse("0.001"), back.promise().orElseThrow().epsilon());
            List<String> lines = HeaderComments.read(f).stream().map(HeaderComments.Line::text).toList();
            assertTrue(lines.contains("promise = lambda_min >= 0.001"), lines.toString());
            assertTrue(lines.contains("t* = " + g.gap().closedForm()));
            Rational[] bounds = null;
            for (String l : lines) if (Gap.parseBounds(l) != null) bounds = Gap.parseBounds(l);
            assertNotNull(bounds);
            assertEquals(g.gap().low(), bounds[0]);
            assertEquals(g.gap().high(), bounds[1]);
            assertTrue(Files.readString(f).chars().allMatch(ch -> ch < 128), family + ": the file is ASCII");
            assertEquals(Canonical.dump(g.instance()), Canonical.dump(gen(family, 12, 5, params("0.001", false)).instance()), "deterministic");
        }
    }
}
