package mcs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;

/**
 * The certificate semantics of SPEC §2 for MC1 and MC2, recomputed densely in exact rationals: whether a body proves
 * its verdict. Each check returns why it does not (a short reason) or null when it does; the hash and problem
 * fields of a certificate are not considered. Forms: witnesses W ⪰ 0 on Ω with ⟨W, a⟩ &lt; 0 as {@code entries},
 * {@code factor} (W = FFᵀ + δI) or {@code ldl}; completions as {@code entries}, {@code factor} (‖Δ‖_F² ≤ δ², and
 * the explicit completion PSD as a second check) or {@code chordal} (an order that is a perfect elimination
 * ordering of Ω ∪ fill, every block on a vertex and its later neighbours PSD). PSD is decided by
 * {@link NaivePsd#byElimination}. Dense: small n only.
 */
public final class NaiveCertificates {
    private NaiveCertificates() {}

    /** Why the certificate's verdict is not proven by its body, or null when it is. */
    public static String whyInvalid(Instance inst, Certificate c) {
        if (c.body() == null) return "no body";
        Rational[][] t = Matrices.target(inst);
        if (inst instanceof Mc1Instance && c.verdict() == Verdict.NOT_COMPLETABLE) return witness(t, c.body());
        if ((inst instanceof Mc1Instance && c.verdict() == Verdict.COMPLETABLE) || (inst instanceof Mc2Instance && c.verdict() == Verdict.SOLVED)) {
            return completion(t, c.body());
        }
        return "verdict " + c.verdict() + " is not one this oracle checks for " + inst.problem();
    }

    public static boolean valid(Instance inst, Certificate c) {
        return whyInvalid(inst, c) == null;
    }

    /** Fails the test unless the certificate proves its verdict on the MC1 matrix. */
    public static void assertValid(PartialSymmetricMatrix a, Certificate c) {
        assertValid(new Mc1Instance(a), c);
    }

    public static void assertValid(Instance inst, Certificate c) {
        String why = whyInvalid(inst, c);
        assertNull(why, why);
    }

    /**
     * Fails the test unless the certificate has verdict {@code v}, a body of the given form, and proves {@code v} on
     * the MC1 matrix.
     *
     * @return the body, for checks particular to the solver (a positive shift, rank one, …)
     */
    public static <B extends Body> B assertProves(PartialSymmetricMatrix a, Certificate c, Verdict v, Class<B> form) {
        assertNotNull(c, "no certificate");
        assertEquals(v, c.verdict());
        B body = assertInstanceOf(form, c.body());
        assertValid(a, c);
        return body;
    }

    /** Fails the test unless the body is a {@code factor} completion of the MC1 matrix (‖Δ‖_F² ≤ δ², δ ≥ 0, PSD). */
    public static void assertFactorCompletion(PartialSymmetricMatrix a, Body body) {
        if (!(body instanceof Body.Factor)) throw new AssertionError("completion is given as a factor, not " + body.form());
        String why = completion(Matrices.target(a), body);
        assertNull(why, why);
    }

    /**
     * The completion "data on Ω, the listed entries, 0 elsewhere" as a dense matrix; fails the test when an entry is
     * listed twice or on a specified position.
     */
    public static Rational[][] zeroFilled(PartialSymmetricMatrix a, List<Entry> fill) {
        Rational[][] x = completed(Matrices.target(a), new Body.Entries(fill));
        if (x == null) throw new AssertionError("the completion lists a specified position (or one twice)");
        return x;
    }

    /** Why the body is not a dual witness for the target (null entries = free), or null when it is one. */
    public static String witness(Rational[][] t, Body body) {
        Rational[][] w = witnessMatrix(t.length, body);
        if (w == null) return "malformed " + body.form() + " witness (index out of range, duplicate, negative pivot or not a permutation)";
        Rational inner = Rational.ZERO;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (t[i][j] != null) inner = inner.add(w[i][j].multiply(t[i][j]));
                else if (!w[i][j].isZero()) return "witness entry (" + i + "," + j + ") lies outside Ω";
            }
        }
        if (inner.signum() >= 0) return "⟨W,a⟩ = " + inner + " is not negative";
        return NaivePsd.byElimination(w) ? null : "W is not PSD";
    }

    /** Why the body is not a PSD completion of the target (null entries = free), or null when it is one. */
    public static String completion(Rational[][] t, Body body) {
        int n = t.length;
        if (body instanceof Body.Factor f) {
            if (f.shift() == null || f.shift().signum() < 0) return "the shift must be >= 0";
            if (f.factor().rows() != n) return "F has " + f.factor().rows() + " rows, not " + n;
            Rational s = deltaNormSquared(t, f);
            if (s.compareTo(f.shift().square()) > 0) return "‖Δ‖_F² = " + s + " exceeds δ² = " + f.shift().square();
        } else if (!(body instanceof Body.Entries) && !(body instanceof Body.Chordal)) {
            return "no completion form " + body.form();
        }
        Rational[][] x = completed(t, body);
        if (x == null) return "malformed " + body.form() + " completion (index out of range, duplicate, or an entry on a constrained position)";
        if (body instanceof Body.Chordal ch) return chordalBlocks(t, x, ch);
        return NaivePsd.byElimination(x) ? null : "the completion is not PSD";
    }

    /**
     * The completion the body describes: the target where it is given, then the body's values (entries or fill;
     * FFᵀ + δI for a factor), 0 elsewhere (for a chordal body, where it says nothing); null when malformed.
     */
    public static Rational[][] completed(Rational[][] t, Body body) {
        int n = t.length;
        Rational[][] x = Matrices.zeros(n);
        if (body instanceof Body.Factor f) x = gramPlusShift(f.factor(), f.shift());
        List<Entry> listed = body instanceof Body.Entries e ? e.entries() : body instanceof Body.Chordal ch ? ch.fill() : List.of();
        Set<Long> seen = new HashSet<>();
        for (Entry en : listed) {
            if (en.i() >= n || t[en.i()][en.j()] != null || !seen.add((long) en.i() * n + en.j())) return null;
            x[en.i()][en.j()] = x[en.j()][en.i()] = en.value();
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (t[i][j] != null) x[i][j] = t[i][j];
        return x;
    }

    /** ⟨W, a⟩ of an entries witness on an MC1 matrix; the body must be entries on Ω with W ⪰ 0 (else the test fails). */
    public static Rational witnessPairing(PartialSymmetricMatrix a, Body body) {
        if (!(body instanceof Body.Entries e)) throw new AssertionError("witness is given as entries, not " + body.form());
        Rational[][] t = Matrices.target(a);
        Rational[][] w = witnessMatrix(a.n(), e);
        if (w == null) throw new AssertionError("malformed witness");
        Rational inner = Rational.ZERO;
        for (Entry en : e.entries()) {
            if (t[en.i()][en.j()] == null) throw new AssertionError("witness entry (" + en.i() + "," + en.j() + ") lies outside Ω");
            inner = inner.add(en.value().multiply(t[en.i()][en.j()]).multiply(en.i() == en.j() ? 1 : 2));
        }
        if (!NaivePsd.byElimination(w)) throw new AssertionError("witness W is not PSD");
        return inner;
    }

    /** Why an entries body is not rank one (w_ii ≥ 0 and w_ij² = w_ii·w_jj on its support), or null when it is. */
    public static String rankOne(Body.Entries body) {
        int n = 0;
        for (Entry e : body.entries()) n = Math.max(n, e.i() + 1);
        Rational[][] w = witnessMatrix(n, body);
        if (w == null) return "malformed entries";
        for (int i = 0; i < n; i++) {
            if (w[i][i].signum() < 0) return "negative diagonal at " + i;
            for (int j = 0; j < i; j++) if (!w[i][i].multiply(w[j][j]).equals(w[i][j].square())) return "not rank one at (" + i + "," + j + ")";
        }
        return null;
    }

    private static Rational deltaNormSquared(Rational[][] t, Body.Factor f) {
        Rational[][] ff = Matrices.gram(f.factor());
        Rational s = Rational.ZERO;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (t[i][j] == null) continue;
                Rational d = t[i][j].subtract(ff[i][j]);
                if (i == j) d = d.subtract(f.shift());
                s = s.add(d.square());
            }
        }
        return s;
    }

    private static Rational[][] gramPlusShift(RationalMatrix f, Rational shift) {
        Rational[][] g = Matrices.gram(f);
        Rational d = shift == null ? Rational.ZERO : shift;
        for (int i = 0; i < g.length; i++) g[i][i] = g[i][i].add(d);
        return g;
    }

    /** W of an entries, factor or ldl witness on n indices; null when malformed. */
    private static Rational[][] witnessMatrix(int n, Body body) {
        Rational[][] w = Matrices.zeros(n);
        if (body instanceof Body.Entries e) {
            Set<Long> seen = new HashSet<>();
            for (Entry en : e.entries()) {
                if (en.i() >= n || !seen.add((long) en.i() * n + en.j())) return null;
                w[en.i()][en.j()] = w[en.j()][en.i()] = en.value();
            }
            return w;
        }
        if (body instanceof Body.Factor f) {
            if ((f.shift() != null && f.shift().signum() < 0) || f.factor().rows() != n) return null;
            return gramPlusShift(f.factor(), f.shift());
        }
        if (body instanceof Body.Ldl l) return ldl(n, l);
        return null;
    }

    /** W = P(LDLᵀ)Pᵀ: W_{p_a, p_b} = (LDLᵀ)_ab; null when malformed. */
    private static Rational[][] ldl(int n, Body.Ldl l) {
        int[] p = l.order();
        if (p.length != n || l.d().length != n) return null;
        boolean[] used = new boolean[n];
        for (int v : p) {
            if (v < 0 || v >= n || used[v]) return null;
            used[v] = true;
        }
        for (Rational d : l.d()) if (d.signum() < 0) return null;
        Rational[][] lm = Matrices.zeros(n);
        for (int i = 0; i < n; i++) lm[i][i] = Rational.ONE;
        Set<Long> seen = new HashSet<>();
        for (Entry en : l.l()) {
            if (en.i() >= n || en.i() == en.j() || !seen.add((long) en.i() * n + en.j())) return null;
            lm[en.i()][en.j()] = en.value();
        }
        Rational[][] w = Matrices.zeros(n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                Rational s = Rational.ZERO;
                for (int k = 0; k < n; k++) s = s.add(lm[a][k].multiply(l.d()[k]).multiply(lm[b][k]));
                w[p[a]][p[b]] = s;
            }
        }
        return w;
    }

    /** The chordal hint: a permutation whose later neighbours in Ω ∪ fill are cliques, every block C(v) PSD. */
    private static String chordalBlocks(Rational[][] t, Rational[][] x, Body.Chordal ch) {
        int n = t.length;
        int[] order = ch.order();
        if (order.length != n) return "the order has " + order.length + " vertices, not " + n;
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int k = 0; k < n; k++) {
            if (order[k] < 0 || order[k] >= n || pos[order[k]] >= 0) return "the order is not a permutation";
            pos[order[k]] = k;
        }
        boolean[][] g = new boolean[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i][j] = t[i][j] != null;
        for (Entry e : ch.fill()) g[e.i()][e.j()] = g[e.j()][e.i()] = true;
        for (int v = 0; v < n; v++) {
            if (!g[v][v]) return "the diagonal entry " + v + " is not given";
            java.util.List<Integer> c = new java.util.ArrayList<>();
            c.add(v);
            for (int w = 0; w < n; w++) if (w != v && g[v][w] && pos[w] > pos[v]) c.add(w);
            Rational[][] b = new Rational[c.size()][c.size()];
            for (int r = 0; r < c.size(); r++) {
                for (int q = 0; q < c.size(); q++) {
                    if (!g[c.get(r)][c.get(q)]) return "the later neighbours of " + v + " are not a clique";
                    b[r][q] = x[c.get(r)][c.get(q)];
                }
            }
            if (!NaivePsd.byElimination(b)) return "the block on " + v + " and its later neighbours is not PSD";
        }
        return null;
    }
}
