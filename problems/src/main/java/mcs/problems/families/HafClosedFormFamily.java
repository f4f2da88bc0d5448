package mcs.problems.families;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Hafnian and loop-hafnian families with closed-form values (seeded where they have random parts).
 *
 * <ul>
 *   <li>{@code haf-block}: block diagonal of c_b·J_{s_b} with even block sizes s_b (random, summing to n) and
 *       random nonzero integers c_b: a perfect matching never crosses blocks (the off-block entries are 0),
 *       so haf = Π_b haf(c_b J_{s_b}) = Π_b c_b^{s_b/2}·(s_b − 1)!!.
 *   <li>{@code haf-bipartite}: [[0, B], [Bᵀ, 0]] of order n = 2m with B of order m from a closed form:
 *       {@code kind=ones} (J_m: m!), {@code derangement} (J_m − I_m: D(m)), {@code rank-one} (xyᵀ with random
 *       nonzero integers: m!·Πx·Πy). A perfect matching of the doubling pairs every row vertex with a column
 *       vertex, i.e. is a permutation: haf = perm(B).
 *   <li>{@code lhaf-rank-one}: the loop hafnian of A = vvᵀ + D with D chosen so that a_ii = c_i v_i (random
 *       nonzero integers v_i, c_i): a partition into loops S and pairs M weighs Π_{i∈S} c_i v_i Π_{ij∈M} v_i v_j
 *       = Π_i v_i · Π_{i∈S} c_i, and the pairs on the complement of S can be chosen in (n − |S| − 1)!! ways, so
 *       lhaf = Π_i v_i · Σ_{k} (2k − 1)!!·e_{n−2k}(c) (e_j elementary symmetric; (−1)!! = 1).
 * </ul>
 */
final class HafClosedFormFamily extends BaseFamily {
    enum Kind { BLOCK, BIPARTITE, LOOP_RANK_ONE }

    private final Kind kind;

    private HafClosedFormFamily(String name, Kind kind, List<Parameter> params) {
        super(name, kind == Kind.LOOP_RANK_ONE ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN, kind == Kind.LOOP_RANK_ONE ? 1 : 2, params);
        this.kind = kind;
    }

    static HafClosedFormFamily block() {
        return new HafClosedFormFamily("haf-block", Kind.BLOCK, List.of(
                new Parameter("blocks", "3", "number of diagonal blocks (1..n/2)"),
                new Parameter("c", "3", "block weights c_b are random nonzero integers in [-c, c]")));
    }

    static HafClosedFormFamily bipartite() {
        return new HafClosedFormFamily("haf-bipartite", Kind.BIPARTITE, List.of(
                new Parameter("kind", "ones", "the block B: ones (J_m), derangement (J_m - I_m) or rank-one (x y^T)")));
    }

    static HafClosedFormFamily loopRankOne() {
        return new HafClosedFormFamily("lhaf-rank-one", Kind.LOOP_RANK_ONE, List.of(
                new Parameter("v", "3", "v_i and c_i are random nonzero integers in [-v, v]")));
    }

    @Override
    public String description() {
        return switch (kind) {
            case BLOCK -> "HAFNIAN of a block-diagonal matrix of c_b J_{s_b} blocks (even sizes s_b, random, summing to the even n; "
                    + "c_b random nonzero integers in [-c, c]): matchings stay inside blocks, so haf = prod_b c_b^(s_b/2) (s_b-1)!! "
                    + "(SOLVED, exact value).";
            case BIPARTITE -> "HAFNIAN of the bipartite doubling [[0, B], [B^T, 0]] (n = 2m even) of B = J_m (kind=ones), J_m - I_m "
                    + "(derangement) or x y^T with random nonzero integers (rank-one): perfect matchings of the doubling are "
                    + "permutations, so haf = perm(B) = m!, D(m), or m! prod x prod y (SOLVED, exact value).";
            case LOOP_RANK_ONE -> "LOOP HAFNIAN of A = v v^T + D with the diagonal a_ii = c_i v_i (v_i, c_i random nonzero integers in "
                    + "[-v, v]): each partition into loops S and pairs weighs prod_i v_i prod_{i in S} c_i, so lhaf = prod_i v_i "
                    + "sum_k (2k-1)!! e_{n-2k}(c) (SOLVED, exact value). Written as a JSON descriptor {\"problem\": \"loop-hafnian\", ...}.";
        };
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        if (kind != Kind.LOOP_RANK_ONE && n % 2 != 0) throw new IllegalArgumentException("family '" + name() + "' needs an even n, got n = " + n);
        return switch (kind) {
            case BLOCK -> block(n, rng, p);
            case BIPARTITE -> bipartite(n, rng, p);
            case LOOP_RANK_ONE -> loopRankOne(n, rng, p);
        };
    }

    private Outcome block(int n, SplittableRandom rng, Params p) {
        int blocks = p.integer("blocks", 1, Math.max(1, n / 2));
        int c = p.integer("c", 1, 1000);
        // Block sizes: 2 each, then the remaining pairs added to random blocks.
        int[] size = new int[blocks];
        java.util.Arrays.fill(size, 2);
        for (int k = 0; k < n / 2 - blocks; k++) size[rng.nextInt(blocks)] += 2;
        long[][] a = new long[n][n];
        BigInteger v = BigInteger.ONE;
        int at = 0;
        List<String> parts = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            long w = Sampling.nonzero(rng, c);
            for (int i = at; i < at + size[b]; i++) for (int j = at; j < at + size[b]; j++) a[i][j] = w;
            v = v.multiply(BigInteger.valueOf(w).pow(size[b] / 2)).multiply(doubleFactorial(size[b] - 1));
            parts.add(w + "*J_" + size[b]);
            at += size[b];
        }
        return new Outcome(PermInstance.hafnian(RationalMatrix.ofLongs(a)),
                KnownAnswer.exactValue(PermData.text(v), "haf of blocks " + String.join(" + ", parts) + " = prod c^(s/2) (s-1)!!"));
    }

    private Outcome bipartite(int n, SplittableRandom rng, Params p) {
        String k = p.choice("kind", "ones", "derangement", "rank-one");
        int m = n / 2;
        long[][] b = new long[m][m];
        BigInteger v;
        String why;
        switch (k) {
            case "ones" -> {
                for (long[] row : b) java.util.Arrays.fill(row, 1);
                v = PermData.factorial(m);
                why = "haf([[0,J],[J,0]]) = perm(J_m) = m!";
            }
            case "derangement" -> {
                for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) b[i][j] = i == j ? 0 : 1;
                v = PermClosedFormFamily.derangements(m);
                why = "haf of the doubling of J - I = perm(J_m - I_m) = D(m) derangements";
            }
            default -> {
                long[] x = new long[m], y = new long[m];
                v = PermData.factorial(m);
                for (int i = 0; i < m; i++) {
                    x[i] = Sampling.nonzero(rng, 3);
                    y[i] = Sampling.nonzero(rng, 3);
                }
                for (int i = 0; i < m; i++) {
                    v = v.multiply(BigInteger.valueOf(x[i] * y[i]));
                    for (int j = 0; j < m; j++) b[i][j] = x[i] * y[j];
                }
                why = "haf of the doubling of x y^T = perm(x y^T) = m! prod x prod y";
            }
        }
        long[][] a = new long[n][n];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) a[i][m + j] = a[m + j][i] = b[i][j];
        return new Outcome(PermInstance.hafnian(RationalMatrix.ofLongs(a)), KnownAnswer.exactValue(PermData.text(v), why));
    }

    private Outcome loopRankOne(int n, SplittableRandom rng, Params p) {
        int max = p.integer("v", 1, 1000);
        long[] v = new long[n], c = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = Sampling.nonzero(rng, max);
            c[i] = Sampling.nonzero(rng, max);
        }
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(i == j ? c[i] * v[i] : v[i] * v[j]);
        // e_j(c) by the usual recurrence, then Σ_k (2k−1)!! e_{n−2k}(c).
        BigInteger[] e = new BigInteger[n + 1];
        e[0] = BigInteger.ONE;
        for (int j = 1; j <= n; j++) e[j] = BigInteger.ZERO;
        for (int i = 0; i < n; i++) for (int j = i + 1; j >= 1; j--) e[j] = e[j].add(e[j - 1].multiply(BigInteger.valueOf(c[i])));
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; 2 * k <= n; k++) sum = sum.add(doubleFactorial(2 * k - 1).multiply(e[n - 2 * k]));
        BigInteger prod = BigInteger.ONE;
        for (long x : v) prod = prod.multiply(BigInteger.valueOf(x));
        RationalMatrix m = RationalMatrix.of(a);
        return new Outcome(new PermInstance(Problem.LOOP_HAFNIAN, PermInstance.Field.INTEGER, m, null),
                KnownAnswer.exactValue(PermData.text(prod.multiply(sum)), "lhaf(v v^T + D), a_ii = c_i v_i: prod v * sum_k (2k-1)!! e_{n-2k}(c)"));
    }

    /** k!! for odd k ≥ −1 ((−1)!! = 1). */
    static BigInteger doubleFactorial(int k) {
        BigInteger f = BigInteger.ONE;
        for (int x = k; x > 1; x -= 2) f = f.multiply(BigInteger.valueOf(x));
        return f;
    }
}
