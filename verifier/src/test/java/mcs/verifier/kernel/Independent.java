package mcs.verifier.kernel;

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
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/**
 * An independent, deliberately naive re-implementation of the certificate semantics of SPEC §2 for small
 * matrices: dense rationals everywhere, PSD by the sign of every principal minor (Sylvester's criterion
 * for semidefiniteness needs all of them), determinants by Laplace expansion. Shares no code with the
 * kernel beyond the problem types.
 */
final class Independent {
    private Independent() {}

    static Rational q(String s) {
        return Rational.parse(s);
    }

    /** Determinant of the principal submatrix on {@code idx} by Laplace expansion along the first row. */
    static Rational det(Rational[][] a, int[] idx) {
        int k = idx.length;
        if (k == 0) return Rational.ONE;
        if (k == 1) return a[idx[0]][idx[0]];
        Rational sum = Rational.ZERO;
        int[] rest = new int[k - 1];
        for (int c = 0; c < k; c++) {
            Rational v = a[idx[0]][idx[c]];
            if (v.isZero()) continue;
            // Minor deleting row idx[0] and column idx[c]: rows idx[1..], columns idx without c.
            Rational m = minorRowsCols(a, idx, c);
            sum = (c % 2 == 0) ? sum.add(v.multiply(m)) : sum.subtract(v.multiply(m));
        }
        return sum;
    }

    private static Rational minorRowsCols(Rational[][] a, int[] idx, int dropCol) {
        int k = idx.length;
        Rational[][] b = new Rational[k - 1][k - 1];
        for (int r = 1; r < k; r++) {
            int cc = 0;
            for (int c = 0; c < k; c++) {
                if (c == dropCol) continue;
                b[r - 1][cc++] = a[idx[r]][idx[c]];
            }
        }
        int[] all = new int[k - 1];
        for (int t = 0; t < k - 1; t++) all[t] = t;
        return det(b, all);
    }

    /** PSD iff every principal minor is ≥ 0 (full symmetric matrix). */
    static boolean isPsd(Rational[][] a) {
        int n = a.length;
        for (int mask = 1; mask < (1 << n); mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            int t = 0;
            for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) idx[t++] = i;
            if (det(a, idx).signum() < 0) return false;
        }
        return true;
    }

    /** PD iff every leading principal minor is &gt; 0. */
    static boolean isPd(Rational[][] a) {
        for (int k = 1; k <= a.length; k++) {
            int[] idx = new int[k];
            for (int t = 0; t < k; t++) idx[t] = t;
            if (det(a, idx).signum() <= 0) return false;
        }
        return true;
    }

    static Rational[][] zeros(int n) {
        Rational[][] a = new Rational[n][n];
        for (Rational[] r : a) java.util.Arrays.fill(r, Rational.ZERO);
        return a;
    }

    /** Target (full matrix, null = unconstrained) of an MC1 or MC2 instance. */
    static Rational[][] target(Instance inst) {
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

    /** Is the certificate's mathematical claim proven by its body (hash and problem not considered)? */
    static boolean valid(Instance inst, Certificate cert) {
        if (cert.body() == null) return false;
        Rational[][] t = target(inst);
        boolean mc1 = inst instanceof Mc1Instance;
        if (mc1 && cert.verdict() == Verdict.NOT_COMPLETABLE) return witnessValid(t, cert.body());
        if ((mc1 && cert.verdict() == Verdict.COMPLETABLE) || (!mc1 && cert.verdict() == Verdict.SOLVED)) {
            return completionValid(t, cert.body());
        }
        return false;
    }

    static boolean completionValid(Rational[][] t, Body body) {
        int n = t.length;
        if (body instanceof Body.Entries e) {
            Rational[][] x = zeros(n);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (t[i][j] != null) x[i][j] = t[i][j];
            Set<Long> seen = new HashSet<>();
            for (Entry en : e.entries()) {
                if (en.i() >= n || t[en.i()][en.j()] != null || !seen.add((long) en.i() * n + en.j())) return false;
                x[en.i()][en.j()] = en.value();
                x[en.j()][en.i()] = en.value();
            }
            return isPsd(x);
        }
        if (body instanceof Body.Factor f) {
            if (f.shift() == null || f.shift().signum() < 0 || f.factor().rows() != n) return false;
            Rational[][] ff = gram(f.factor());
            Rational s = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (t[i][j] == null) continue;
                    Rational d = t[i][j].subtract(ff[i][j]);
                    if (i == j) d = d.subtract(f.shift());
                    s = s.add(d.square());
                }
            }
            return s.compareTo(f.shift().square()) <= 0;
        }
        return false;
    }

    static Rational[][] gram(RationalMatrix f) {
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

    static boolean witnessValid(Rational[][] t, Body body) {
        int n = t.length;
        Rational[][] w = zeros(n);
        if (body instanceof Body.Entries e) {
            Set<Long> seen = new HashSet<>();
            for (Entry en : e.entries()) {
                if (en.i() >= n || !seen.add((long) en.i() * n + en.j())) return false;
                w[en.i()][en.j()] = en.value();
                w[en.j()][en.i()] = en.value();
            }
        } else if (body instanceof Body.Factor f) {
            Rational d = f.shift() == null ? Rational.ZERO : f.shift();
            if (d.signum() < 0 || f.factor().rows() != n) return false;
            w = gram(f.factor());
            for (int i = 0; i < n; i++) w[i][i] = w[i][i].add(d);
        } else if (body instanceof Body.Ldl l) {
            int[] p = l.order();
            if (p.length != n || l.d().length != n) return false;
            boolean[] used = new boolean[n];
            for (int v : p) {
                if (v < 0 || v >= n || used[v]) return false;
                used[v] = true;
            }
            for (Rational d : l.d()) if (d.signum() < 0) return false;
            Rational[][] lm = zeros(n);
            for (int i = 0; i < n; i++) lm[i][i] = Rational.ONE;
            Set<Long> seen = new HashSet<>();
            for (Entry en : l.l()) {
                if (en.i() >= n || en.i() == en.j() || !seen.add((long) en.i() * n + en.j())) return false;
                lm[en.i()][en.j()] = en.value();
            }
            // W' = L D Lᵀ, then W_{p_a, p_b} = W'_{ab}.
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    Rational s = Rational.ZERO;
                    for (int k = 0; k < n; k++) s = s.add(lm[a][k].multiply(l.d()[k]).multiply(lm[b][k]));
                    w[p[a]][p[b]] = s;
                }
            }
        } else {
            return false;
        }
        Rational inner = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (t[i][j] == null) {
                    if (!w[i][j].isZero()) return false;
                } else {
                    inner = inner.add(w[i][j].multiply(t[i][j]));
                }
            }
        }
        return inner.signum() < 0 && isPsd(w);
    }

    /** Lower-triangle copy of a full matrix, as the kernel's dense routines take it. */
    static Rational[][] lower(Rational[][] a) {
        Rational[][] l = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) l[i] = java.util.Arrays.copyOf(a[i], i + 1);
        return l;
    }

    static List<Entry> entries(Object... ijv) {
        List<Entry> out = new java.util.ArrayList<>();
        for (int t = 0; t < ijv.length; t += 3) {
            out.add(new Entry((Integer) ijv[t] - 1, (Integer) ijv[t + 1] - 1, q((String) ijv[t + 2])));
        }
        return out;
    }

    static Pattern patternOf(Instance inst) {
        return inst instanceof Mc1Instance m ? m.matrix().pattern() : ((Mc2Instance) inst).omega();
    }
}
