package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import org.junit.jupiter.api.Test;

/**
 * Series-parallel atoms in the {@code structured} solver. Graphs are built from one edge by random series
 * (subdivide an edge) and parallel (replace an edge by two paths of length 2, or add a path of length 3 beside
 * it) steps: K4-minor-free, mostly with atoms that are neither chordal nor a single cycle. The truth is
 * labelled independently of the solver by Laurent's theorem, checked by brute force over every cycle and
 * every odd edge subset of it. Data: Gram matrices of unit vectors in R² and R³ (rounded to 1/1000, so
 * both answers occur near the boundary), the same shrunk by 9/10 (margin), and entries of random sign near ±1 (mostly violated cycles);
 * diagonals are squares so that unit scaling stays rational.
 */
class SeriesParallelContractTest {
    private static final String SHA = "0".repeat(64);
    private static final Solver SOLVER = Solvers.byName("structured", Problem.PSD_COMPLETION).orElseThrow();

    @Test
    void smallSeriesParallelGraphsAgreeWithBruteForce() throws Exception {
        int yes = 0, no = 0, unknown = 0, clear = 0, spInstances = 0, spWitnesses = 0, atomLevel = 0;
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<int[]> edges = graph(rng, 6 + rng.nextInt(5));
            int n = 1 + edges.stream().mapToInt(e -> Math.max(e[0], e[1])).max().orElseThrow();
            int spEdges = edges.size();
            if (seed % 3 == 0) {
                // A K4 glued at vertex 0 (a clique atom, margin data: positive definite) forces the decomposition.
                int[] k4 = {0, n, n + 1, n + 2};
                for (int x = 0; x < 4; x++) for (int y = 0; y < x; y++) edges.add(new int[] {k4[x], k4[y]});
                n += 3;
            }
            Data d = data(n, edges, (int) (seed % 4), spEdges, rng);
            // Cycles cannot pass the cut vertex 0, so the minimum below is the series-parallel part's (the K4's is > 0).
            double slack = minCycleSlack(n, edges, d.cos);
            SolverResult r = SOLVER.solve(d.instance, SHA, SolverOptions.defaults().withThreads(1));
            String what = "seed=" + seed + " slack=" + slack;
            // |c| = 1 forces a singular completion (an angle 0 or π): tight like a zero slack.
            boolean tight = Math.abs(slack) < 1e-9 || java.util.Arrays.stream(d.cos).anyMatch(c -> Math.abs(c) == 1);
            if (!tight) {
                clear++;
                assertEquals(0, r.statistics().get("ipm_atoms"), what);
            }
            if (r.status() == Status.UNKNOWN) {
                if (!tight) unknown++;
                continue;
            }
            Verdict truth = slack >= 0 ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE;
            StructuredContractTest.check(d.instance, tight ? r.verdict() : truth, what, r);
            if ((Integer) r.statistics().get("series_parallel_atoms") > 0) {
                spInstances++;
                if (r.statistics().containsKey("atoms")) atomLevel++;
            }
            if (r.verdict() == Verdict.COMPLETABLE) yes++;
            else no++;
            if (r.verdict() == Verdict.NOT_COMPLETABLE && r.message().startsWith("series-parallel")) spWitnesses++;
        }
        assertTrue(unknown <= clear / 20, unknown + " UNKNOWN of " + clear);
        assertTrue(yes >= 100 && no >= 60, yes + " YES, " + no + " NO");
        assertTrue(spInstances >= 150, spInstances + " instances decided through a series-parallel atom");
        assertTrue(spWitnesses >= 40, spWitnesses + " NO witnesses from a series-parallel atom");
        assertTrue(atomLevel >= 40, atomLevel + " instances with series-parallel atoms inside the decomposition");
    }

    @Test
    void largeSeriesParallelAtomsWithoutIpm() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<int[]> edges = graph(rng, 400);
            int n = 1 + edges.stream().mapToInt(e -> Math.max(e[0], e[1])).max().orElseThrow();
            for (int mode : new int[] {2, 3}) {
                Data d = data(n, edges, mode, edges.size(), rng);
                SolverResult r = SOLVER.solve(d.instance, SHA, SolverOptions.defaults().withThreads(1));
                // Mode 2 is a Gram matrix shrunk towards I (YES); mode 3 is random data on hundreds of cycles (NO).
                StructuredContractTest.check(d.instance, mode == 2 ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, "n=" + n + " mode=" + mode, r);
                assertEquals(0, r.statistics().get("ipm_atoms"));
                if (mode == 2) assertTrue((Integer) r.statistics().get("series_parallel_atoms") > 0);
            }
        }
    }

    @Test
    void wheelHasAK4MinorAndGoesToIpm() throws Exception {
        // Hub 0 and rim 1..5: no clique separator, not series-parallel. Gram data shrunk towards I: YES.
        List<int[]> edges = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            edges.add(new int[] {0, k});
            edges.add(new int[] {k, k % 5 + 1});
        }
        Data d = data(6, edges, 2, edges.size(), new SplittableRandom(7));
        SolverResult r = SOLVER.solve(d.instance, SHA, SolverOptions.defaults().withThreads(1));
        StructuredContractTest.check(d.instance, Verdict.COMPLETABLE, "wheel", r);
        assertEquals(1, r.statistics().get("ipm_atoms"));
        assertEquals(0, r.statistics().get("series_parallel_atoms"));
    }

    /** A K4-minor-free graph on at least {@code target} vertices built by series and parallel steps from one edge. */
    static List<int[]> graph(SplittableRandom rng, int target) {
        List<int[]> edges = new ArrayList<>();
        edges.add(new int[] {0, 1});
        int n = 2;
        while (n < target) {
            int pick = rng.nextInt(edges.size());
            int[] e = edges.get(pick);
            int step = rng.nextInt(10);
            if (step < 6) {
                // Two paths of length 2 replace the edge: its ends stop being adjacent.
                edges.set(pick, new int[] {e[0], n});
                edges.add(new int[] {n, e[1]});
                edges.add(new int[] {e[0], n + 1});
                edges.add(new int[] {n + 1, e[1]});
                n += 2;
            } else if (step < 8) {
                edges.set(pick, new int[] {e[0], n});
                edges.add(new int[] {n, e[1]});
                n++;
            } else {
                edges.add(new int[] {e[0], n});
                edges.add(new int[] {n, n + 1});
                edges.add(new int[] {n + 1, e[1]});
                n += 2;
            }
        }
        return edges;
    }

    record Data(Mc1Instance instance, double[] cos) {}

    /**
     * Entries a_ij = c_ij·k_i·k_j with a_ii = k_i², k_i ∈ {1, 2, 3}, c on a 1/1000 grid. Modes: 0, 1 Gram of
     * unit vectors in R² / R³; 2 the R³ Gram times 9/10; 3 |c| uniform in [3/4, 1) with random signs. Edges
     * from index {@code marginFrom} on get mode 2.
     */
    static Data data(int n, List<int[]> edges, int mode, int marginFrom, SplittableRandom rng) {
        int dim = mode == 0 ? 2 : 3;
        double[][] u = new double[n][dim];
        for (double[] x : u) {
            double norm = 0;
            for (int k = 0; k < dim; k++) norm += (x[k] = rng.nextDouble() * 2 - 1) * x[k];
            for (int k = 0; k < dim; k++) x[k] /= Math.sqrt(norm);
        }
        long[] scale = new long[n];
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) {
            scale[i] = 1 + rng.nextInt(3);
            a[i] = new Rational[i + 1];
            a[i][i] = Rational.of(scale[i] * scale[i]);
        }
        double[] cos = new double[edges.size()];
        for (int t = 0; t < edges.size(); t++) {
            int i = Math.max(edges.get(t)[0], edges.get(t)[1]), j = Math.min(edges.get(t)[0], edges.get(t)[1]);
            double c = 0;
            for (int k = 0; k < dim; k++) c += u[i][k] * u[j][k];
            if (mode == 2 || t >= marginFrom) c *= 0.9;
            else if (mode == 3) c = (rng.nextBoolean() ? 1 : -1) * (0.75 + 0.249 * rng.nextDouble());
            long milli = Math.max(-1000, Math.min(1000, Math.round(c * 1000)));
            cos[t] = milli / 1000.0;
            a[i][j] = Rational.of(milli * scale[i] * scale[j], 1000);
        }
        return new Data(new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a)), cos);
    }

    /**
     * min over all simple cycles C and odd F ⊆ C of (|F| − 1)π − Σ_F θ + Σ_{C∖F} θ, θ_e = arccos c_e
     * (+∞ for a forest): by Laurent's theorem the data are completable iff it is ≥ 0. Exponential; small graphs only.
     */
    static double minCycleSlack(int n, List<int[]> edges, double[] cos) {
        int[][] id = new int[n][n];
        for (int[] row : id) java.util.Arrays.fill(row, -1);
        for (int t = 0; t < edges.size(); t++) id[edges.get(t)[0]][edges.get(t)[1]] = id[edges.get(t)[1]][edges.get(t)[0]] = t;
        double[] best = {Double.POSITIVE_INFINITY};
        for (int s = 0; s < n; s++) {
            int[] path = new int[n];
            path[0] = s;
            boolean[] on = new boolean[n];
            on[s] = true;
            extend(s, path, 1, on, id, cos, best);
        }
        return best[0];
    }

    /** Depth-first over simple paths from path[0] through larger vertices; closes a cycle when back at path[0]. */
    private static void extend(int s, int[] path, int len, boolean[] on, int[][] id, double[] cos, double[] best) {
        int last = path[len - 1];
        for (int w = 0; w < id.length; w++) {
            if (id[last][w] < 0) continue;
            if (w == s && len >= 3) {
                double[] theta = new double[len];
                for (int k = 0; k < len; k++) theta[k] = Math.acos(cos[id[path[k]][path[(k + 1) % len]]]);
                best[0] = Math.min(best[0], StructuredContractTest.CliqueSum.bruteForceSlack(theta));
            } else if (w > s && !on[w]) {
                on[w] = true;
                path[len] = w;
                extend(s, path, len + 1, on, id, cos, best);
                on[w] = false;
            }
        }
    }
}
