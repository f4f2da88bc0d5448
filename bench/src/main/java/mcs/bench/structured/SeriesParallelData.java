package mcs.bench.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Series-parallel MC1 instances: from one edge, random steps replace an edge by two paths of length 2
 * (probability 3/4; the ends stop being adjacent) or subdivide it, until n vertices are reached — a
 * K4-minor-free graph with about 1.4·n edges whose clique-separator atoms are mostly large
 * series-parallel graphs. Unit diagonal. {@code yes}: a_ij = 9/10·⟨u_i, u_j⟩ for random unit vectors in R³,
 * rounded to 1/1000 (a completion with margin exists). {@code no}: a_ij = ±c, c uniform in [3/4, 1) on a
 * 1/1000 grid, random signs (short cycles with an odd number of negative entries violate Barrett–Johnson–Loewy).
 */
final class SeriesParallelData {
    private SeriesParallelData() {}

    static Mc1Instance build(int target, boolean yes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> edges = new ArrayList<>();
        edges.add(new int[] {0, 1});
        int n = 2;
        while (n < target) {
            int pick = rng.nextInt(edges.size());
            int[] e = edges.get(pick);
            edges.set(pick, new int[] {e[0], n});
            edges.add(new int[] {n, e[1]});
            if (rng.nextInt(4) < 3) {
                edges.add(new int[] {e[0], n + 1});
                edges.add(new int[] {n + 1, e[1]});
                n++;
            }
            n++;
        }
        double[][] u = new double[n][3];
        for (double[] x : u) {
            double norm = 0;
            for (int k = 0; k < 3; k++) norm += (x[k] = rng.nextDouble() * 2 - 1) * x[k];
            for (int k = 0; k < 3; k++) x[k] /= Math.sqrt(norm);
        }
        Pattern p = Pattern.of(n, edges.toArray(new int[0][]));
        Rational[] a = new Rational[p.m()];
        for (int i = 0; i < n; i++) a[p.diagonalEntry(i)] = Rational.ONE;
        for (int[] e : edges) {
            int i = Math.max(e[0], e[1]), j = Math.min(e[0], e[1]);
            double c = yes ? 0.9 * (u[i][0] * u[j][0] + u[i][1] * u[j][1] + u[i][2] * u[j][2])
                    : (rng.nextBoolean() ? 1 : -1) * (0.75 + 0.249 * rng.nextDouble());
            a[p.entryIndex(i, j)] = Rational.of(Math.round(c * 1000), 1000);
        }
        return new Mc1Instance(PartialSymmetricMatrix.of(p, a));
    }
}
