package mcs.bench.csdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * The "dense-ish" MC1 instances of the CSDP comparison (REFERENCES §1 anchor timings): a random
 * Hamiltonian path plus uniformly random extra pairs until G(Ω) has {@code round(n²/10)} edges, with Gram
 * data. It lives here rather than in {@code mcs.problems.families} because it is the anchor's own
 * pattern, used only for this comparison.
 *
 * <p>Data: G is n×3 with entries k/4, k uniform in [−4, 4]; a = GGᵀ + margin·I on Ω, which is
 * COMPLETABLE with t* ≥ margin (GGᵀ + margin·I is a completion). For answer NO one random edge {i, j}
 * and a random sign σ get {@code a_ij = −σ(a_ii + a_jj + margin)/2}, so W = vvᵀ with v = e_i + σe_j
 * has ⟨W, a⟩ = −margin: NOT_COMPLETABLE with t* ≤ −margin/2 (tr W = 2). All values are exact rationals;
 * every random choice comes from one {@link SplittableRandom} seeded with {@code seed}, in a fixed order.
 *
 * <p>Cost: O(n² ) expected time and memory for the pattern.
 */
final class DenseishInstances {
    private DenseishInstances() {}

    /** Off-diagonal pair count: round(n²/10), at least n − 1 (the path) and at most n(n−1)/2. */
    static int edgeCount(int n) {
        long target = Math.round(n * (double) n / 10);
        return (int) Math.min((long) n * (n - 1) / 2, Math.max(n - 1, target));
    }

    /**
     * An instance with the certificate planted in it.
     *
     * @param certificate YES: {@code factor(G, margin)} (Δ = 0 exactly); NO: W = vvᵀ as entries on Ω
     */
    record Planted(Mc1Instance instance, Body certificate) {}

    /**
     * @param n order, ≥ 2
     * @param yes COMPLETABLE data, else a planted NO
     * @param margin positive rational: the shift of the YES completion, −⟨W,a⟩ of the NO witness
     */
    static Planted generate(int n, boolean yes, Rational margin, long seed) {
        if (n < 2) throw new IllegalArgumentException("dense-ish instances need n >= 2, got " + n);
        if (margin.signum() <= 0) throw new IllegalArgumentException("margin must be > 0, got " + margin);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Set<Long> seen = new HashSet<>();
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) add(order[i - 1], order[i], n, seen, edges);
        int target = edgeCount(n);
        while (edges.size() < target) add(rng.nextInt(n), rng.nextInt(n), n, seen, edges);
        Pattern p = Pattern.of(n, edges.toArray(new int[0][]));
        int rank = 3;
        long[][] g = new long[n][rank];
        for (int i = 0; i < n; i++) for (int r = 0; r < rank; r++) g[i][r] = rng.nextInt(9) - 4;
        Rational[] a = new Rational[p.m()];
        for (int k = 0; k < p.m(); k++) {
            int i = p.row(k), j = p.col(k);
            long dot = 0;
            for (int r = 0; r < rank; r++) dot += g[i][r] * g[j][r];
            a[k] = Rational.of(dot, 16);
            if (i == j) a[k] = a[k].add(margin);
        }
        if (yes) {
            Rational[][] f = new Rational[n][rank];
            for (int i = 0; i < n; i++) for (int r = 0; r < rank; r++) f[i][r] = Rational.of(g[i][r], 4);
            return new Planted(new Mc1Instance(PartialSymmetricMatrix.of(p, a)), new Body.Factor(RationalMatrix.of(f), margin));
        }
        int[] e = edges.get(rng.nextInt(edges.size()));
        int sigma = rng.nextBoolean() ? 1 : -1;
        int i = e[0], j = e[1];
        Rational sum = a[p.diagonalEntry(i)].add(a[p.diagonalEntry(j)]).add(margin);
        a[p.entryIndex(i, j)] = sum.multiply(-sigma).divide(Rational.TWO);
        Body w = new Body.Entries(List.of(new Entry(j, j, Rational.ONE), new Entry(i, j, Rational.of(sigma)),
                new Entry(i, i, Rational.ONE)));
        return new Planted(new Mc1Instance(PartialSymmetricMatrix.of(p, a)), w);
    }

    private static void add(int i, int j, int n, Set<Long> seen, List<int[]> edges) {
        if (i == j) return;
        int lo = Math.min(i, j), hi = Math.max(i, j);
        if (seen.add((long) hi * n + lo)) edges.add(new int[] {hi, lo});
    }
}
