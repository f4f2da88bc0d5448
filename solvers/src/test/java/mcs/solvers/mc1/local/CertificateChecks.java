package mcs.solvers.mc1.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;

/**
 * Independent exact checks of MC1 certificates for the tests: PSD by the sign of every principal minor
 * (Rational Gaussian elimination per minor), which is exponential and only meant for small n.
 */
final class CertificateChecks {
    private CertificateChecks() {}

    static Rational det(Rational[][] m) {
        int n = m.length;
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) a[i] = m[i].clone();
        Rational d = Rational.ONE;
        for (int c = 0; c < n; c++) {
            int p = c;
            while (p < n && a[p][c].isZero()) p++;
            if (p == n) return Rational.ZERO;
            if (p != c) {
                Rational[] t = a[p];
                a[p] = a[c];
                a[c] = t;
                d = d.negate();
            }
            d = d.multiply(a[c][c]);
            for (int r = c + 1; r < n; r++) {
                if (a[r][c].isZero()) continue;
                Rational f = a[r][c].divide(a[c][c]);
                for (int k = c; k < n; k++) a[r][k] = a[r][k].subtract(f.multiply(a[c][k]));
            }
        }
        return d;
    }

    /** X ⪰ 0 iff every principal minor is ≥ 0; only the indices in {@code support} are examined (others are zero rows). */
    static boolean psdByMinors(Rational[][] x, int[] support) {
        int k = support.length;
        for (int mask = 1; mask < (1 << k); mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            int t = 0;
            for (int b = 0; b < k; b++) if ((mask & (1 << b)) != 0) idx[t++] = support[b];
            Rational[][] sub = new Rational[idx.length][idx.length];
            for (int r = 0; r < idx.length; r++) for (int c = 0; c < idx.length; c++) sub[r][c] = x[idx[r]][idx[c]];
            if (det(sub).signum() < 0) return false;
        }
        return true;
    }

    static boolean psdByMinors(Rational[][] x) {
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return psdByMinors(x, all);
    }

    /** The fully specified matrix as a dense array (every entry must be specified). */
    static Rational[][] dense(PartialSymmetricMatrix a) {
        int n = a.n();
        Rational[][] x = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = a.get(i, j);
                if (x[i][j] == null) throw new IllegalArgumentException("not fully specified");
            }
        }
        return x;
    }

    /** W given on Ω: supported on Ω, ⟨W,a⟩ &lt; 0 exactly, W ⪰ 0 by minors. */
    static void assertValidWitness(PartialSymmetricMatrix a, Certificate c) {
        assertEquals(Verdict.NOT_COMPLETABLE, c.verdict());
        Body.Entries body = assertInstanceOf(Body.Entries.class, c.body());
        int n = a.n();
        Rational[][] w = zeros(n);
        Rational inner = Rational.ZERO;
        List<Integer> support = new ArrayList<>();
        for (Entry e : body.entries()) {
            assertTrue(e.i() >= e.j() && e.i() < n);
            Rational aij = a.get(e.i(), e.j());
            assertTrue(aij != null, "witness entry off Ω at (" + e.i() + "," + e.j() + ")");
            assertTrue(w[e.i()][e.j()].isZero(), "duplicate witness entry");
            w[e.i()][e.j()] = e.value();
            w[e.j()][e.i()] = e.value();
            inner = inner.add(e.value().multiply(aij).multiply(e.i() == e.j() ? 1 : 2));
            if (!support.contains(e.i())) support.add(e.i());
            if (!support.contains(e.j())) support.add(e.j());
        }
        assertTrue(inner.signum() < 0, "<W,a> = " + inner);
        assertTrue(psdByMinors(w, support.stream().mapToInt(Integer::intValue).toArray()), "W is not PSD");
    }

    /** The completion lists unspecified pairs only; X (zeros elsewhere) is PSD by minors. */
    static void assertValidCompletion(PartialSymmetricMatrix a, Certificate c) {
        assertEquals(Verdict.COMPLETABLE, c.verdict());
        Body.Entries body = assertInstanceOf(Body.Entries.class, c.body());
        int n = a.n();
        Rational[][] x = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational v = a.get(i, j);
                if (v != null) x[i][j] = v;
            }
        }
        for (Entry e : body.entries()) {
            assertNull(a.get(e.i(), e.j()), "completion overrides a specified entry");
            x[e.i()][e.j()] = e.value();
            x[e.j()][e.i()] = e.value();
        }
        assertTrue(psdByMinors(x), "completion is not PSD");
    }

    private static Rational[][] zeros(int n) {
        Rational[][] z = new Rational[n][n];
        for (Rational[] row : z) java.util.Arrays.fill(row, Rational.ZERO);
        return z;
    }
}
