package mcs.bench.chordal;

import java.util.SplittableRandom;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * Large chordal MC1 instances built straight into primitive arrays (the {@code chordal} family builds
 * Rational objects per entry, too slow for setup at n = 10⁶). Data: a = GGᵀ + I on Ω with G an n×3
 * matrix of integers in [−3, 3], stored as compact integer decimals, so every clique block is positive
 * definite (YES). {@code band}: |i − j| ≤ k. {@code ktree}: a random k-tree (each new vertex joins a
 * random k-clique of the tree built so far) with randomly permuted labels.
 */
final class ChordalData {
    private ChordalData() {}

    static Mc1Instance build(String shape, int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] lowPtr = new int[n + 1];
        int[] lowCol;
        if (shape.equals("band")) {
            lowCol = new int[n * (k + 1)];
            int m = 0;
            for (int i = 0; i < n; i++) {
                for (int j = Math.max(0, i - k); j <= i; j++) lowCol[m++] = j;
                lowPtr[i + 1] = m;
            }
            lowCol = java.util.Arrays.copyOf(lowCol, m);
        } else if (shape.equals("ktree")) {
            int[][] nb = kTree(n, k, rng);
            int[] count = new int[n + 1];
            for (int v = 0; v < n; v++) for (int u : nb[v]) count[Math.max(u, v) + 1]++;
            for (int v = 0; v < n; v++) count[v + 1]++; // diagonal
            for (int i = 0; i < n; i++) lowPtr[i + 1] = lowPtr[i] + count[i + 1];
            lowCol = new int[lowPtr[n]];
            int[] fill = java.util.Arrays.copyOf(lowPtr, n);
            for (int v = 0; v < n; v++) for (int u : nb[v]) lowCol[fill[Math.max(u, v)]++] = Math.min(u, v);
            for (int i = 0; i < n; i++) {
                lowCol[fill[i]++] = i;
                java.util.Arrays.sort(lowCol, lowPtr[i], lowPtr[i + 1]);
            }
        } else {
            throw new IllegalArgumentException("shape must be band or ktree: " + shape);
        }
        Pattern p = new Pattern(n, lowPtr, lowCol);
        int[] g = new int[3 * n];
        for (int t = 0; t < g.length; t++) g[t] = rng.nextInt(7) - 3;
        RationalArray va = new RationalArray(p.m());
        double[] approx = new double[p.m()];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                int j = p.col(e);
                long s = (long) g[3 * i] * g[3 * j] + (long) g[3 * i + 1] * g[3 * j + 1] + (long) g[3 * i + 2] * g[3 * j + 2];
                if (i == j) s += 1;
                va.setDecimal(e, s, 0);
                approx[e] = s;
            }
        }
        return new Mc1Instance(new PartialSymmetricMatrix(p, va, approx));
    }

    /** Neighbours of each vertex v among the vertices added before it (labels permuted). */
    private static int[][] kTree(int n, int k, SplittableRandom rng) {
        int[] label = new int[n];
        for (int i = 0; i < n; i++) label[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = label[i];
            label[i] = label[j];
            label[j] = t;
        }
        int[][] earlier = new int[n][];
        // k-cliques as rows of a growing int array: (n − k)·k + k + 1 cliques of k vertices each.
        int cap = (n - k) * k + k + 2;
        int[] cliques = new int[cap * k];
        int count = 0;
        for (int a = 0; a <= k; a++) {
            earlier[label[a]] = new int[a];
            for (int b = 0; b < a; b++) earlier[label[a]][b] = label[b];
        }
        for (int drop = 0; drop <= k; drop++) {
            int t = 0;
            for (int a = 0; a <= k; a++) if (a != drop) cliques[count * k + t++] = a;
            count++;
        }
        for (int v = k + 1; v < n; v++) {
            int base = rng.nextInt(count) * k;
            int[] nb = new int[k];
            for (int t = 0; t < k; t++) nb[t] = label[cliques[base + t]];
            earlier[label[v]] = nb;
            for (int drop = 0; drop < k; drop++) {
                for (int t = 0; t < k; t++) cliques[count * k + t] = t == drop ? v : cliques[base + t];
                count++;
            }
        }
        return earlier;
    }
}
