package mcs.verifier.search.shrink;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;

/**
 * Matrix-aware shrink steps for MC1 instances, most drastic first: delete an index (row and column);
 * bypass a vertex of degree 2 (delete it and join its two neighbours, a chordless cycle getting shorter);
 * make an off-diagonal entry unknown; set an entry to 0 or ±1; replace a value by the simplest rational
 * (Stern–Brocot) in shrinking intervals around it; halve an entry or the whole matrix; lower the rank
 * (make a 2×2 block rank one, or copy one row onto another). O(n²) candidates of O(n²) work each.
 */
public final class Mc1Shrinks {
    private Mc1Shrinks() {}

    public static List<Candidate> candidates(Mc1Instance inst) {
        Rational[][] a = full(inst.matrix());
        int n = a.length;
        List<Candidate> out = new ArrayList<>();
        if (n > 1) for (int i = 0; i < n; i++) out.add(make(inst, "delete index " + (i + 1), delete(a, i)));
        for (int i = 0; i < n; i++) bypass(inst, a, i, out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (a[i][j] == null) continue;
                Rational[][] b = copy(a);
                b[i][j] = b[j][i] = null;
                out.add(make(inst, "make (" + (i + 1) + "," + (j + 1) + ") unknown", b));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                if (a[i][j] == null) continue;
                for (Rational v : values(a[i][j])) out.add(set(inst, a, i, j, v, "set"));
            }
        }
        Rational[][] half = copy(a);
        for (Rational[] row : half) for (int j = 0; j < n; j++) if (row[j] != null) row[j] = row[j].multiply(Rational.HALF);
        out.add(make(inst, "halve every entry", half));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (a[i][j] == null) continue;
                Rational r = sqrt(a[i][i].multiply(a[j][j]));
                if (r != null) for (Rational v : List.of(r, r.negate())) if (!v.equals(a[i][j])) out.add(set(inst, a, i, j, v, "rank one"));
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) copyRow(inst, a, j, i, out);
        return out;
    }

    /** 0, ±1, simplest rationals in shrinking intervals around v, then v/2: the replacement values tried for v. */
    static Set<Rational> values(Rational v) {
        Set<Rational> s = new LinkedHashSet<>(List.of(Rational.ZERO, Rational.ONE, Rational.MINUS_ONE));
        Rational w = v.abs().max(Rational.ONE);
        for (int k = 0; k < 24; k++, w = w.multiply(Rational.HALF)) {
            Rational q = SternBrocot.simplestBetween(v.subtract(w), v.add(w));
            if (q.equals(v)) break;
            s.add(q);
        }
        s.add(v.multiply(Rational.HALF));
        s.remove(v);
        return s;
    }

    private static Candidate set(Mc1Instance inst, Rational[][] a, int i, int j, Rational v, String what) {
        Rational[][] b = copy(a);
        b[i][j] = b[j][i] = v;
        return make(inst, what + " (" + (i + 1) + "," + (j + 1) + ") " + a[i][j] + " -> " + v, b);
    }

    /** Vertex i with exactly two neighbours j, k that are not adjacent: delete i and specify (j, k). */
    private static void bypass(Mc1Instance inst, Rational[][] a, int i, List<Candidate> out) {
        int n = a.length;
        int[] nb = new int[2];
        int d = 0;
        for (int j = 0; j < n; j++) if (j != i && a[i][j] != null && d++ < 2) nb[d - 1] = j;
        if (d != 2 || a[nb[0]][nb[1]] != null) return;
        Set<Rational> vals = new LinkedHashSet<>(List.of(Rational.ZERO, Rational.ONE, Rational.MINUS_ONE));
        if (!a[i][i].isZero()) vals.add(a[i][nb[0]].multiply(a[i][nb[1]]).divide(a[i][i]));
        for (Rational v : vals) {
            Rational[][] b = copy(a);
            b[nb[0]][nb[1]] = b[nb[1]][nb[0]] = v;
            out.add(make(inst, "bypass index " + (i + 1) + " joining (" + (nb[0] + 1) + "," + (nb[1] + 1) + ") = " + v, delete(b, i)));
        }
    }

    /** Row i becomes a copy of row j where both are specified (a_ii := a_jj, a_ij := a_jj): a repeated row. */
    private static void copyRow(Mc1Instance inst, Rational[][] a, int j, int i, List<Candidate> out) {
        if (a[i][j] == null) return;
        Rational[][] b = copy(a);
        boolean changed = false;
        for (int k = 0; k < a.length; k++) {
            if (k == i || k == j || b[i][k] == null || a[j][k] == null) continue;
            changed |= !b[i][k].equals(a[j][k]);
            b[i][k] = b[k][i] = a[j][k];
        }
        changed |= !b[i][i].equals(a[j][j]) || !b[i][j].equals(a[j][j]);
        b[i][i] = a[j][j];
        b[i][j] = b[j][i] = a[j][j];
        if (changed) out.add(make(inst, "copy row " + (j + 1) + " onto row " + (i + 1), b));
    }

    static Rational sqrt(Rational q) {
        if (q.signum() < 0) return null;
        BigInteger p = q.numerator().sqrt(), d = q.denominator().sqrt();
        return p.multiply(p).equals(q.numerator()) && d.multiply(d).equals(q.denominator()) ? Rational.of(p, d) : null;
    }

    /** The symmetric n×n array of a partial matrix, null where unknown. */
    public static Rational[][] full(PartialSymmetricMatrix m) {
        int n = m.n();
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = m.pattern().rowStart(i); k < m.pattern().rowEnd(i); k++) a[i][m.pattern().col(k)] = a[m.pattern().col(k)][i] = m.value(k);
        }
        return a;
    }

    static Rational[][] copy(Rational[][] a) {
        Rational[][] b = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        return b;
    }

    static Rational[][] delete(Rational[][] a, int del) {
        int n = a.length;
        Rational[][] b = new Rational[n - 1][n - 1];
        for (int i = 0, x = 0; i < n; i++) {
            if (i == del) continue;
            for (int j = 0, y = 0; j < n; j++) if (j != del) b[x][y++] = a[i][j];
            x++;
        }
        return b;
    }

    private static Candidate make(Mc1Instance inst, String step, Rational[][] a) {
        return new Candidate(step, new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a), inst.promise()));
    }
}
