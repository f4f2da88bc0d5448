package mcs.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/** Dense rational matrices ({@code Rational[n][n]}, full and symmetric unless said otherwise) for the naive oracles. */
public final class Matrices {
    private Matrices() {}

    /** The rational written {@code s} (e.g. {@code "-3/4"}). */
    public static Rational q(String s) {
        return Rational.parse(s);
    }

    public static Rational[][] zeros(int n) {
        Rational[][] a = new Rational[n][n];
        for (Rational[] r : a) Arrays.fill(r, Rational.ZERO);
        return a;
    }

    /** The entries of a (not necessarily square) matrix. */
    public static Rational[][] of(RationalMatrix m) {
        Rational[][] x = new Rational[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) x[i][j] = m.get(i, j);
        return x;
    }

    /** A fully specified partial matrix as a dense one. @throws IllegalArgumentException when an entry is unspecified */
    public static Rational[][] full(PartialSymmetricMatrix a) {
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

    /** FFᵀ. */
    public static Rational[][] gram(RationalMatrix f) {
        int n = f.rows();
        Rational[][] g = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational s = Rational.ZERO;
                for (int c = 0; c < f.cols(); c++) s = s.add(f.get(i, c).multiply(f.get(j, c)));
                g[i][j] = s;
            }
        }
        return g;
    }

    /** Lower-triangle copy (row i keeps entries 0..i), the layout the kernel's dense routines take. */
    public static Rational[][] lower(Rational[][] a) {
        Rational[][] l = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) l[i] = Arrays.copyOf(a[i], i + 1);
        return l;
    }

    /**
     * What a completion must match: the specified entries of an MC1 instance, or (AAᵀ)_ij on Ω for MC2 (the
     * diagonal only when Ω lists it); null where the entry is free.
     */
    public static Rational[][] target(Instance inst) {
        int n = inst.n();
        Rational[][] t = new Rational[n][n];
        if (inst instanceof Mc1Instance m) {
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i][j] = m.matrix().get(i, j);
        } else {
            Mc2Instance m = (Mc2Instance) inst;
            RationalMatrix a = m.a();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (!m.omega().contains(i, j) || (i == j && !m.omegaHasDiagonal())) continue;
                    Rational s = Rational.ZERO;
                    for (int c = 0; c < a.cols(); c++) s = s.add(a.get(i, c).multiply(a.get(j, c)));
                    t[i][j] = s;
                }
            }
        }
        return t;
    }

    /** The target of an MC1 matrix (its specified entries, null elsewhere). */
    public static Rational[][] target(PartialSymmetricMatrix a) {
        return target(new Mc1Instance(a));
    }

    /** Ω of an MC1 or MC2 instance. */
    public static Pattern patternOf(Instance inst) {
        return inst instanceof Mc1Instance m ? m.matrix().pattern() : ((Mc2Instance) inst).omega();
    }

    /** Entries from 1-based triples (i, j, "value"), i ≥ j: {@code entries(2, 1, "1/2", 2, 2, "1")}. */
    public static List<Entry> entries(Object... ijv) {
        List<Entry> out = new ArrayList<>();
        for (int t = 0; t < ijv.length; t += 3) out.add(new Entry((Integer) ijv[t] - 1, (Integer) ijv[t + 1] - 1, q((String) ijv[t + 2])));
        return out;
    }
}
