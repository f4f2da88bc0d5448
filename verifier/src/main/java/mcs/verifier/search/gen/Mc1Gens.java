package mcs.verifier.search.gen;

import static mcs.verifier.search.gen.Gen.weight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * MC1 generators that put edge cases in on purpose: patterns that are chordless cycles, disconnected,
 * random or complete; values that are correlations from a pool full of 0, ±1 (the PSD boundary of a 2×2
 * block) and short fractions, or Gram matrices of low-rank integer factors (rank-deficient blocks,
 * repeated rows) with one entry nudged off (so that NO instances are common), or with a zero diagonal
 * entry. The size is the order n (at least 2). Cost O(n²) per draw.
 */
public final class Mc1Gens {
    private Mc1Gens() {}

    private static final Rational[] POOL = {
        Rational.ZERO, Rational.ONE, Rational.MINUS_ONE, Rational.HALF, Rational.HALF.negate(),
        Rational.of(3, 5), Rational.of(-3, 5), Rational.of(4, 5), Rational.of(-4, 5), Rational.of(7, 10), Rational.of(-7, 10),
        Rational.of(9, 10), Rational.of(-9, 10), Rational.of(1, 4), Rational.of(-1, 4)
    };

    /** Off-diagonal pairs {i, j} (i &gt; j) of a pattern on n vertices, chosen among the edge-case shapes. */
    public static Gen<List<int[]>> patterns() {
        return Gen.oneOf(
                weight(4, Mc1Gens::chordlessCycle),
                weight(3, (rng, n) -> randomGraph(rng, n, 0.3 + 0.5 * rng.nextDouble())),
                weight(2, Mc1Gens::disconnected),
                weight(1, (rng, n) -> randomGraph(rng, n, 1.0)));
    }

    /** The whole edge-case MC1 generator (patterns × value kinds). */
    public static Gen<Mc1Instance> edgeCases() {
        return patterns().flatMap(edges -> Gen.oneOf(
                weight(4, (rng, n) -> correlations(rng, n, edges)),
                weight(3, (rng, n) -> gram(rng, n, edges)),
                weight(1, (rng, n) -> zeroDiagonal(rng, n, edges))));
    }

    /** A chordless cycle through k ≥ 3 vertices (k = n mostly), the other vertices hanging off it at random. */
    static List<int[]> chordlessCycle(SplittableRandom rng, int n) {
        int k = n <= 4 || rng.nextInt(3) > 0 ? n : 4 + rng.nextInt(n - 3);
        List<int[]> e = new ArrayList<>();
        int[] perm = permutation(rng, n);
        for (int t = 0; t < k; t++) e.add(pair(perm[t], perm[(t + 1) % k]));
        for (int t = k; t < n; t++) e.add(pair(perm[t], perm[rng.nextInt(t)]));
        if (k < 3) e.clear(); // n = 2 or 1: a single edge or nothing
        if (n == 2) e.add(pair(0, 1));
        return dedup(e);
    }

    static List<int[]> randomGraph(SplittableRandom rng, int n, double p) {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (rng.nextDouble() < p) e.add(pair(i, j));
        return e;
    }

    /** Two random parts with no edge between them. */
    static List<int[]> disconnected(SplittableRandom rng, int n) {
        if (n < 2) return List.of();
        int cut = 1 + rng.nextInt(n - 1);
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) if ((i < cut) == (j < cut) && rng.nextInt(3) > 0) e.add(pair(i, j));
        }
        return e;
    }

    static Mc1Instance correlations(SplittableRandom rng, int n, List<int[]> edges) {
        Pattern p = Pattern.of(n, edges.toArray(new int[0][]));
        Rational[] v = new Rational[p.m()];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i) - 1; k++) v[k] = rng.nextInt(4) == 0 ? Rational.of(rng.nextInt(21) - 10, 10) : POOL[rng.nextInt(POOL.length)];
            v[p.diagonalEntry(i)] = Rational.ONE;
        }
        return new Mc1Instance(PartialSymmetricMatrix.of(p, v));
    }

    /** Gram matrix of an n×r integer factor (r often &lt; n; rows sometimes repeated), one entry nudged half the time. */
    static Mc1Instance gram(SplittableRandom rng, int n, List<int[]> edges) {
        Pattern p = Pattern.of(n, edges.toArray(new int[0][]));
        int r = 1 + rng.nextInt(n);
        long[][] f = new long[n][r];
        for (int i = 0; i < n; i++) {
            if (i > 0 && rng.nextInt(5) == 0) f[i] = f[rng.nextInt(i)].clone();
            else for (int c = 0; c < r; c++) f[i][c] = rng.nextInt(5) - 2;
        }
        Rational[] v = new Rational[p.m()];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                long s = 0;
                for (int c = 0; c < r; c++) s += f[i][c] * f[p.col(k)][c];
                v[k] = Rational.of(s);
            }
        }
        if (p.edges() > 0 && rng.nextBoolean()) {
            int k = offDiagonal(p, rng.nextInt(p.edges()));
            v[k] = v[k].add(Rational.of(rng.nextBoolean() ? 1 : -1, 1 + rng.nextInt(2)));
        }
        return new Mc1Instance(PartialSymmetricMatrix.of(p, v));
    }

    /** Correlations with one diagonal entry set to 0 (its row is then forced to 0 in any completion). */
    static Mc1Instance zeroDiagonal(SplittableRandom rng, int n, List<int[]> edges) {
        PartialSymmetricMatrix a = correlations(rng, n, edges).matrix();
        Rational[] v = new Rational[a.m()];
        for (int k = 0; k < v.length; k++) v[k] = a.value(k);
        int i = rng.nextInt(n);
        v[a.pattern().diagonalEntry(i)] = Rational.ZERO;
        if (rng.nextBoolean()) a.pattern().forEachOffDiagonalInRow(i, k -> v[k] = Rational.ZERO);
        return new Mc1Instance(PartialSymmetricMatrix.of(a.pattern(), v));
    }

    /** Entry index of the t-th off-diagonal entry in lower-triangle order. */
    static int offDiagonal(Pattern p, int t) {
        for (int i = 0; i < p.n(); i++) {
            int len = p.rowEnd(i) - 1 - p.rowStart(i);
            if (t < len) return p.rowStart(i) + t;
            t -= len;
        }
        throw new IndexOutOfBoundsException("off-diagonal entry " + t);
    }

    static int[] permutation(SplittableRandom rng, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] pair(int i, int j) {
        return new int[] {Math.max(i, j), Math.min(i, j)};
    }

    private static List<int[]> dedup(List<int[]> e) {
        Set<Long> seen = new HashSet<>();
        List<int[]> out = new ArrayList<>();
        for (int[] p : e) if (p[0] != p[1] && seen.add(((long) p[0] << 32) | p[1])) out.add(p);
        return out;
    }
}
