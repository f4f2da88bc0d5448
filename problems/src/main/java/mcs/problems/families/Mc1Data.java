package mcs.problems.families;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/** Exact data construction shared by the MC1 families: Gram data, planted NO witnesses. */
final class Mc1Data {
    /** Denominator of the factor entries: G_ij = k/4 with k in [−4, 4], so Gram entries are multiples of 1/16. */
    static final long FACTOR_DENOMINATOR = 4;

    private Mc1Data() {}

    static Pattern pattern(int n, List<int[]> edges) {
        return Pattern.of(n, edges.toArray(new int[0][]));
    }

    static Mc1Instance instance(Pattern p, Rational[] values) {
        return new Mc1Instance(Compact.partial(p, values));
    }

    /** Numerators of an n×r factor with entries k/4, k uniform in [−4, 4]. */
    static long[][] smallFactor(int n, int r, SplittableRandom rng) {
        long[][] g = new long[n][r];
        for (int i = 0; i < n; i++) for (int c = 0; c < r; c++) g[i][c] = Sampling.uniform(rng, -4, 4);
        return g;
    }

    static RationalMatrix factorMatrix(long[][] g, long den) {
        int n = g.length, r = n == 0 ? 0 : g[0].length;
        Rational[] flat = new Rational[n * r];
        for (int i = 0; i < n; i++) for (int c = 0; c < r; c++) flat[i * r + c] = Rational.of(g[i][c], den);
        return Compact.matrix(n, r, flat);
    }

    /** (GGᵀ)_ij + margin·[i = j] for every entry of Ω, with G = g/den. O(m·r). */
    static Rational[] gram(Pattern p, long[][] g, long den, Rational margin) {
        Rational[] v = new Rational[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                long s = 0;
                for (int c = 0; c < g[i].length; c++) s += g[i][c] * g[j][c];
                Rational x = Rational.of(s, den * den);
                v[k] = i == j ? x.add(margin) : x;
            }
        }
        return v;
    }

    /**
     * Pushes the data across the rank-one witness W = vvᵀ supported on {@code set} (which must be a
     * clique of Ω): every off-diagonal a_pq with p, q in the set is lowered by d·v_p·v_q, d chosen so that
     * ⟨W, a⟩ = vᵀ a_set v becomes exactly −margin. The diagonal is left alone. Entries of v are ±1.
     *
     * @return W on Ω as lower-triangular entries in row-major order
     */
    static Body.Entries plantNegative(Pattern p, Rational[] values, int[] set, int[] v, Rational margin) {
        int s = set.length;
        if (s < 2) throw new IllegalArgumentException("a planted witness needs at least two indices");
        int[][] idx = new int[s][s];
        Rational q0 = Rational.ZERO;
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                idx[a][b] = p.entryIndex(set[a], set[b]);
                if (idx[a][b] < 0) throw new IllegalStateException("planted witness leaves Ω at (" + set[a] + "," + set[b] + ")");
                q0 = q0.add(values[idx[a][b]].multiply((long) v[a] * v[b]));
            }
        }
        Rational d = q0.add(margin).divide(Rational.of((long) s * (s - 1)));
        List<Entry> w = new ArrayList<>();
        for (int a = 0; a < s; a++) {
            w.add(new Entry(set[a], set[a], Rational.ONE));
            for (int b = 0; b < a; b++) {
                int k = idx[a][b];
                values[k] = values[k].subtract(d.multiply((long) v[a] * v[b]));
                w.add(new Entry(Math.max(set[a], set[b]), Math.min(set[a], set[b]), Rational.of((long) v[a] * v[b])));
            }
        }
        w.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        return new Body.Entries(w);
    }

    /** A uniformly random ±1 vector. */
    static int[] signs(int s, SplittableRandom rng) {
        int[] v = new int[s];
        for (int a = 0; a < s; a++) v[a] = rng.nextBoolean() ? 1 : -1;
        return v;
    }

    static Rational positiveMargin(Params p) {
        Rational m = p.rational("margin");
        if (m.signum() <= 0) throw p.bad("margin", p.text("margin"), "a rational > 0");
        return m;
    }
}
