package mcs.problems.families;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Edge sets (0-based off-diagonal pairs {i, j}) for the generated patterns. */
final class Patterns {
    private Patterns() {}

    /**
     * A random spanning tree (each vertex, in a random order, attaches to a uniformly chosen earlier one)
     * plus uniformly random further edges up to round(degree·n/2) edges in all (at least n−1, at most
     * n(n−1)/2). Expected O(n·degree) time.
     */
    static List<int[]> randomConnected(int n, double degree, SplittableRandom rng) {
        List<int[]> edges = new ArrayList<>();
        Set<Long> seen = new HashSet<>(); // membership only; edges keep their generation order
        int[] order = Sampling.permutation(n, rng);
        for (int i = 1; i < n; i++) add(edges, seen, n, order[i], order[rng.nextInt(i)]);
        long all = (long) n * (n - 1) / 2;
        long target = Math.max(n - 1, Math.min(all, Math.round(degree * n / 2.0)));
        if (target > all / 2) {
            List<int[]> missing = new ArrayList<>();
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (!seen.contains(key(n, i, j))) missing.add(new int[] {i, j});
            for (int t = 0; edges.size() < target; t++) {
                int pick = t + rng.nextInt(missing.size() - t);
                int[] e = missing.get(pick);
                missing.set(pick, missing.get(t));
                add(edges, seen, n, e[0], e[1]);
            }
        } else {
            while (edges.size() < target) {
                int i = rng.nextInt(n), j = rng.nextInt(n);
                if (i != j) add(edges, seen, n, i, j);
            }
        }
        return edges;
    }

    private static long key(int n, int i, int j) {
        return (long) Math.max(i, j) * n + Math.min(i, j);
    }

    private static void add(List<int[]> edges, Set<Long> seen, int n, int i, int j) {
        if (seen.add(key(n, i, j))) edges.add(new int[] {Math.max(i, j), Math.min(i, j)});
    }

    /** All pairs with 0 &lt; |i − j| ≤ w. */
    static List<int[]> band(int n, int w) {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = Math.max(0, i - w); j < i; j++) e.add(new int[] {i, j});
        return e;
    }

    /** The cycle 0–1–…–(n−1)–0. */
    static List<int[]> cycle(int n) {
        List<int[]> e = new ArrayList<>();
        for (int i = 1; i < n; i++) e.add(new int[] {i, i - 1});
        e.add(new int[] {n - 1, 0});
        return e;
    }

    /** The side×side grid; vertex (r, c) is r·side + c. */
    static List<int[]> grid(int side) {
        List<int[]> e = new ArrayList<>();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int v = r * side + c;
                if (c > 0) e.add(new int[] {v, v - 1});
                if (r > 0) e.add(new int[] {v, v - side});
            }
        }
        return e;
    }

    /**
     * Clusters of {@code size} consecutive vertices of a random order, each a clique, consecutive
     * clusters joined by one random edge so the pattern is connected.
     */
    static List<int[]> clustered(int n, int size, SplittableRandom rng) {
        int[] order = Sampling.permutation(n, rng);
        List<int[]> e = new ArrayList<>();
        for (int start = 0; start < n; start += size) {
            int end = Math.min(n, start + size);
            for (int a = start; a < end; a++) for (int b = start; b < a; b++) e.add(new int[] {Math.max(order[a], order[b]), Math.min(order[a], order[b])});
            if (start > 0) {
                int u = order[start - 1 - rng.nextInt(Math.min(size, start))];
                int v = order[start + rng.nextInt(end - start)];
                e.add(new int[] {Math.max(u, v), Math.min(u, v)});
            }
        }
        return e;
    }
}
