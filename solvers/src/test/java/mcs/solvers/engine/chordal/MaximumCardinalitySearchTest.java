package mcs.solvers.engine.chordal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.matrix.Pattern;
import org.jgrapht.alg.cycle.ChordalityInspector;
import org.junit.jupiter.api.Test;

/** MCS + the Rose–Tarjan–Lueker test against JGraphT's ChordalityInspector and a brute-force PEO check. */
class MaximumCardinalitySearchTest {
    @Test
    void chordalityAgreesWithJGraphTOnRandomGraphs() {
        SplittableRandom rng = new SplittableRandom(2024);
        int chordal = 0, not = 0;
        for (int trial = 0; trial < 600; trial++) {
            int n = 5 + rng.nextInt(8);
            double p = rng.nextDouble();
            List<int[]> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (rng.nextDouble() < p) edges.add(new int[] {i, j});
            if (trial % 3 == 0) edges = kTreeEdges(n, 1 + rng.nextInt(3), rng);
            Pattern pat = Pattern.of(n, edges.toArray(new int[0][]));
            boolean expected = new ChordalityInspector<>(pat.graph()).isChordal();
            int[][] adj = pat.adjacency();
            int[] order = MaximumCardinalitySearch.eliminationOrder(n, adj[0], adj[1]);
            EliminationStructure es = EliminationStructure.of(order, adj);
            boolean ours = es.firstNonPerfectVertex(adj) < 0;
            assertEquals(expected, ours, "trial " + trial);
            assertEquals(isPeoByBruteForce(pat, order), ours, "RTL test equals the clique definition, trial " + trial);
            if (ours) chordal++;
            else not++;
        }
        assertTrue(chordal > 150 && not > 100, chordal + " chordal, " + not + " not");
    }

    @Test
    void maximalCliquesOfAKTreeHaveSizeKPlusOne() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 1; k <= 4; k++) {
            int n = 40;
            Pattern pat = Pattern.of(n, kTreeEdges(n, k, rng).toArray(new int[0][]));
            int[][] adj = pat.adjacency();
            EliminationStructure es = EliminationStructure.of(MaximumCardinalitySearch.eliminationOrder(n, adj[0], adj[1]), adj);
            boolean[] nonMax = es.nonMaximal();
            int count = 0;
            for (int v = 0; v < n; v++) {
                if (nonMax[v]) continue;
                count++;
                assertEquals(k, es.laterCount(v), "every maximal clique of a k-tree has k+1 vertices");
            }
            assertEquals(n - k, count, "a k-tree on n vertices has n−k maximal cliques");
        }
    }

    static boolean isPeoByBruteForce(Pattern p, int[] order) {
        int n = p.n();
        int[] pos = new int[n];
        for (int t = 0; t < n; t++) pos[order[t]] = t;
        for (int v = 0; v < n; v++) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    if (a == v || b == v || pos[a] < pos[v] || pos[b] < pos[v]) continue;
                    if (p.contains(v, a) && p.contains(v, b) && !p.contains(a, b)) return false;
                }
            }
        }
        return true;
    }

    /** A random k-tree on n ≥ k + 1 vertices (a (k+1)-clique, then each vertex joins a random k-clique). */
    static List<int[]> kTreeEdges(int n, int k, SplittableRandom rng) {
        List<int[]> edges = new ArrayList<>();
        List<int[]> cliques = new ArrayList<>();
        for (int a = 0; a <= k; a++) for (int b = 0; b < a; b++) edges.add(new int[] {a, b});
        for (int drop = 0; drop <= k; drop++) {
            int[] c = new int[k];
            int t = 0;
            for (int a = 0; a <= k; a++) if (a != drop) c[t++] = a;
            cliques.add(c);
        }
        for (int v = k + 1; v < n; v++) {
            int[] base = cliques.get(rng.nextInt(cliques.size()));
            for (int u : base) edges.add(new int[] {v, u});
            for (int drop = 0; drop < k; drop++) {
                int[] c = base.clone();
                c[drop] = v;
                cliques.add(c);
            }
        }
        return edges;
    }
}
