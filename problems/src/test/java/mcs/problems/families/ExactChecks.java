package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/** Small exact checks written independently of the generators (dense, O(n³) rationals: small n only). */
final class ExactChecks {
    private ExactChecks() {}

    /** Exact PSD test by symmetric elimination on positive pivots; a zero remaining diagonal forces a zero row. */
    static boolean isPsd(Rational[][] m) {
        int n = m.length;
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) a[i] = m[i].clone();
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int p = -1;
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                if (a[i][i].signum() < 0) return false;
                if (a[i][i].signum() > 0 && p < 0) p = i;
            }
            if (p < 0) {
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (!done[i] && !done[j] && !a[i][j].isZero()) return false;
                return true;
            }
            done[p] = true;
            for (int i = 0; i < n; i++) {
                if (done[i] || a[i][p].isZero()) continue;
                Rational f = a[i][p].divide(a[p][p]);
                for (int j = 0; j < n; j++) if (!done[j]) a[i][j] = a[i][j].subtract(f.multiply(a[p][j]));
            }
        }
        return true;
    }

    static Rational[][] zeros(int n) {
        Rational[][] x = new Rational[n][n];
        for (Rational[] row : x) java.util.Arrays.fill(row, Rational.ZERO);
        return x;
    }

    /** The completion: specified entries from the data, listed entries from the certificate, 0 elsewhere. */
    static Rational[][] completion(PartialSymmetricMatrix a, List<Entry> fill) {
        int n = a.n();
        Rational[][] x = zeros(n);
        for (Entry e : fill) {
            assertTrue(!a.pattern().contains(e.i(), e.j()), "completion lists a specified position");
            x[e.i()][e.j()] = x[e.j()][e.i()] = e.value();
        }
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) if (a.get(i, j) != null) x[i][j] = x[j][i] = a.get(i, j);
        return x;
    }

    /** Checks a NO witness given as entries: support inside Ω, W ⪰ 0; returns ⟨W, a⟩. */
    static Rational witnessPairing(Mc1Instance inst, Body body) {
        assertTrue(body instanceof Body.Entries, "witness is given as entries");
        PartialSymmetricMatrix a = inst.matrix();
        Rational[][] w = zeros(a.n());
        Rational pairing = Rational.ZERO;
        for (Entry e : ((Body.Entries) body).entries()) {
            Rational av = a.get(e.i(), e.j());
            assertNotNull(av, "witness entry (" + e.i() + "," + e.j() + ") lies outside Ω");
            w[e.i()][e.j()] = w[e.j()][e.i()] = e.value();
            pairing = pairing.add(e.value().multiply(av).multiply(e.i() == e.j() ? 1 : 2));
        }
        assertTrue(isPsd(w), "witness W is PSD");
        return pairing;
    }

    /** Checks a factor completion per SPEC §2.1 (‖Δ‖_F² ≤ δ²) and, n being small, that FFᵀ + δI + Δ is PSD. */
    static void checkFactorCompletion(PartialSymmetricMatrix a, Body body) {
        assertTrue(body instanceof Body.Factor, "completion is given as a factor");
        Body.Factor f = (Body.Factor) body;
        RationalMatrix g = f.factor();
        Rational delta = f.shift();
        assertEquals(a.n(), g.rows());
        assertTrue(delta.signum() >= 0, "shift is nonnegative");
        int n = a.n();
        Rational[][] x = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational s = i == j ? delta : Rational.ZERO;
                for (int c = 0; c < g.cols(); c++) s = s.add(g.get(i, c).multiply(g.get(j, c)));
                x[i][j] = x[j][i] = s;
            }
        }
        Rational norm2 = Rational.ZERO;
        Pattern p = a.pattern();
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                Rational d = a.value(k).subtract(x[i][j]);
                norm2 = norm2.add(d.square().multiply(i == j ? 1 : 2));
                x[i][j] = x[j][i] = a.value(k);
            }
        }
        assertTrue(norm2.compareTo(delta.square()) <= 0, "‖Δ‖² = " + norm2 + " exceeds δ² = " + delta.square());
        assertTrue(isPsd(x), "the completion is PSD");
    }

    static Rational[][] dense(RationalMatrix m) {
        Rational[][] x = new Rational[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) x[i][j] = m.get(i, j);
        return x;
    }

    /** Permanent by enumerating all n! permutations (recursion over rows with a used-column mask). */
    static Rational permanent(Rational[][] a) {
        return perm(a, 0, new boolean[a.length]);
    }

    private static Rational perm(Rational[][] a, int row, boolean[] used) {
        if (row == a.length) return Rational.ONE;
        Rational s = Rational.ZERO;
        for (int c = 0; c < a.length; c++) {
            if (used[c]) continue;
            used[c] = true;
            s = s.add(a[row][c].multiply(perm(a, row + 1, used)));
            used[c] = false;
        }
        return s;
    }

    /** Hafnian by pairing the first unmatched index with every other unmatched one. */
    static Rational hafnian(Rational[][] a) {
        return haf(a, new boolean[a.length]);
    }

    private static Rational haf(Rational[][] a, boolean[] used) {
        int i = 0;
        while (i < a.length && used[i]) i++;
        if (i == a.length) return Rational.ONE;
        used[i] = true;
        Rational s = Rational.ZERO;
        for (int j = i + 1; j < a.length; j++) {
            if (used[j]) continue;
            used[j] = true;
            s = s.add(a[i][j].multiply(haf(a, used)));
            used[j] = false;
        }
        used[i] = false;
        return s;
    }

    /** A canonical text of an instance's exact data, for determinism checks. */
    static String dump(mcs.problems.instance.Instance inst) {
        StringBuilder b = new StringBuilder(inst.problem() + " n=" + inst.n() + " m=" + inst.m() + "\n");
        if (inst instanceof Mc1Instance mc1) {
            appendPattern(b, mc1.matrix().pattern(), mc1.matrix());
        } else if (inst instanceof mcs.problems.instance.Mc2Instance mc2) {
            appendPattern(b, mc2.omega(), null);
            b.append("diag=").append(mc2.omegaHasDiagonal()).append('\n');
            appendMatrix(b, mc2.a());
        } else if (inst instanceof mcs.problems.instance.PermInstance pi) {
            appendMatrix(b, pi.re());
            if (pi.im() != null) appendMatrix(b, pi.im());
        } else if (inst instanceof mcs.problems.instance.RepeatedInstance ri) {
            b.append(java.util.Arrays.toString(ri.rowRepeats())).append(java.util.Arrays.toString(ri.colRepeats())).append('\n');
            appendMatrix(b, ri.matrix().re());
        }
        return b.toString();
    }

    /** A canonical text of a known answer, certificate included. */
    static String dump(KnownAnswer k) {
        StringBuilder b = new StringBuilder(k.verdict() + " " + k.value() + " " + k.why() + "\n");
        if (k.certificate() instanceof Body.Factor f) {
            b.append("factor shift=").append(f.shift()).append('\n');
            appendMatrix(b, f.factor());
        } else if (k.certificate() != null) {
            b.append(k.certificate());
        }
        return b.toString();
    }

    private static void appendPattern(StringBuilder b, Pattern p, PartialSymmetricMatrix a) {
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                b.append(i).append(',').append(p.col(k));
                if (a != null) b.append('=').append(a.value(k));
                b.append(' ');
            }
            b.append('\n');
        }
    }

    private static void appendMatrix(StringBuilder b, RationalMatrix m) {
        b.append(m.rows()).append('x').append(m.cols()).append('\n');
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) b.append(m.get(i, j)).append(' ');
            b.append('\n');
        }
    }
}
