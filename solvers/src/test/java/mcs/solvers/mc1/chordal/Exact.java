package mcs.solvers.mc1.chordal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/** Independent exact checks of chordal-solver certificates (brute force, small n only). */
final class Exact {
    private Exact() {}

    /** Determinant by rational Gaussian elimination with row swaps. */
    static Rational det(Rational[][] m0) {
        int n = m0.length;
        Rational[][] m = new Rational[n][];
        for (int i = 0; i < n; i++) m[i] = m0[i].clone();
        Rational d = Rational.ONE;
        for (int c = 0; c < n; c++) {
            int p = c;
            while (p < n && m[p][c].isZero()) p++;
            if (p == n) return Rational.ZERO;
            if (p != c) {
                Rational[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                d = d.negate();
            }
            d = d.multiply(m[c][c]);
            for (int r = c + 1; r < n; r++) {
                if (m[r][c].isZero()) continue;
                Rational f = m[r][c].divide(m[c][c]);
                for (int k = c; k < n; k++) m[r][k] = m[r][k].subtract(f.multiply(m[c][k]));
            }
        }
        return d;
    }

    /** PSD iff every principal minor is ≥ 0 (2^k minors: small blocks only). */
    static boolean psdByMinors(Rational[][] x) {
        int k = x.length;
        for (int mask = 1; mask < (1 << k); mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            int t = 0;
            for (int b = 0; b < k; b++) if ((mask & (1 << b)) != 0) idx[t++] = b;
            Rational[][] sub = new Rational[idx.length][idx.length];
            for (int r = 0; r < idx.length; r++) for (int c = 0; c < idx.length; c++) sub[r][c] = x[idx[r]][idx[c]];
            if (det(sub).signum() < 0) return false;
        }
        return true;
    }

    /** The witness lies on Ω, has ⟨W,a⟩ &lt; 0, and is rank one with a nonnegative diagonal (hence PSD). */
    static void assertRankOneWitness(PartialSymmetricMatrix a, Certificate c) {
        assertEquals(Verdict.NOT_COMPLETABLE, c.verdict());
        Body.Entries body = assertInstanceOf(Body.Entries.class, c.body());
        int n = a.n();
        java.util.Map<Long, Rational> w = new java.util.HashMap<>();
        List<Integer> support = new ArrayList<>();
        Rational inner = Rational.ZERO;
        for (Entry e : body.entries()) {
            Rational aij = a.get(e.i(), e.j());
            assertNotNull(aij, "witness entry off Ω");
            assertTrue(w.put((long) e.i() * n + e.j(), e.value()) == null, "duplicate entry");
            inner = inner.add(e.value().multiply(aij).multiply(e.i() == e.j() ? 1 : 2));
            if (!support.contains(e.i())) support.add(e.i());
        }
        assertTrue(inner.signum() < 0, "<W,a> = " + inner);
        for (int i : support) {
            Rational wii = w.getOrDefault((long) i * n + i, Rational.ZERO);
            assertTrue(wii.signum() >= 0);
            for (int j : support) {
                if (j >= i) continue;
                Rational wij = w.getOrDefault((long) i * n + j, Rational.ZERO);
                assertEquals(wii.multiply(w.getOrDefault((long) j * n + j, Rational.ZERO)), wij.square(), "W is rank one");
            }
        }
    }

    /** The chordal hint: a permutation, later neighbours are cliques, every C(v) block PSD by minors. */
    static void assertChordalHint(PartialSymmetricMatrix a, Certificate c) {
        assertEquals(Verdict.COMPLETABLE, c.verdict());
        Body.Chordal body = assertInstanceOf(Body.Chordal.class, c.body());
        Pattern p = a.pattern();
        int n = p.n();
        int[] order = body.order();
        assertEquals(n, order.length);
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int t = 0; t < n; t++) {
            assertEquals(-1, pos[order[t]], "a permutation");
            pos[order[t]] = t;
        }
        for (int v = 0; v < n; v++) {
            List<Integer> cl = new ArrayList<>();
            cl.add(v);
            for (int w = 0; w < n; w++) if (w != v && p.contains(v, w) && pos[w] > pos[v]) cl.add(w);
            Rational[][] b = new Rational[cl.size()][cl.size()];
            for (int r = 0; r < cl.size(); r++) {
                for (int q = 0; q < cl.size(); q++) {
                    b[r][q] = a.get(cl.get(r), cl.get(q));
                    assertNotNull(b[r][q], "later neighbours of " + v + " are a clique");
                }
            }
            assertTrue(psdByMinors(b), "block C(" + v + ") PSD");
        }
    }
}
