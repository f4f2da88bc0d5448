package mcs.solvers.engine.exact;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Exact PSD test of a small dense symmetric rational matrix B that, when B is not PSD, returns an
 * integer vector v with vᵀBv &lt; 0 (so vvᵀ is a rank-one NO witness on the index set of B).
 *
 * <p>Method: symmetric elimination by congruence. It keeps a basis T (columns t_r, initially the unit
 * vectors) and M = TᵀBT restricted to the not yet eliminated indices R. While some M_rr &lt; 0, t_r is
 * the answer. Otherwise a pivot p with M_pp &gt; 0 is eliminated (t_r ← t_r − (M_rp/M_pp)·t_p, M ← its
 * Schur complement), which keeps the remaining t_r B-orthogonal to the eliminated ones. When no positive
 * pivot is left, a nonzero M_rs (with M_rr = 0) gives the direction −σ·c·t_r + t_s, where σ = sign(M_rs)
 * and c = (M_ss + 2|M_rs|)/(2|M_rs|), with value −2|M_rs|; if M vanishes on R, B is PSD. Every
 * returned vector is re-checked exactly against B. Cost O(k³) rational operations for order k.
 */
public final class NegativeDirection {
    private NegativeDirection() {}

    /**
     * @param b a symmetric k×k rational matrix (only read)
     * @return null when B ⪰ 0, else an integer vector v (as rationals, common factors removed) with vᵀBv &lt; 0
     */
    public static Rational[] find(Rational[][] b) {
        int k = b.length;
        Rational[][] m = new Rational[k][];
        Rational[][] t = new Rational[k][k]; // t[r] is basis vector t_r
        for (int r = 0; r < k; r++) {
            m[r] = b[r].clone();
            for (int c = 0; c < k; c++) t[r][c] = r == c ? Rational.ONE : Rational.ZERO;
        }
        boolean[] done = new boolean[k];
        while (true) {
            int pivot = -1;
            for (int r = 0; r < k; r++) {
                if (done[r]) continue;
                int sg = m[r][r].signum();
                if (sg < 0) return checked(b, t[r]);
                if (sg > 0 && pivot < 0) pivot = r;
            }
            if (pivot < 0) return zeroDiagonalDirection(b, m, t, done);
            done[pivot] = true;
            Rational d = m[pivot][pivot];
            for (int r = 0; r < k; r++) {
                if (done[r] || m[r][pivot].isZero()) continue;
                Rational f = m[r][pivot].divide(d);
                for (int c = 0; c < k; c++) t[r][c] = t[r][c].subtract(f.multiply(t[pivot][c]));
                // Row-wise Schur update; it stays symmetric because M_rp·M_ps = M_sp·M_pr.
                for (int s = 0; s < k; s++) {
                    if (done[s]) continue;
                    m[r][s] = m[r][s].subtract(f.multiply(m[pivot][s]));
                }
            }
        }
    }

    private static Rational[] zeroDiagonalDirection(Rational[][] b, Rational[][] m, Rational[][] t, boolean[] done) {
        int k = b.length;
        for (int r = 0; r < k; r++) {
            if (done[r]) continue;
            for (int s = 0; s < k; s++) {
                if (s == r || done[s] || m[r][s].isZero()) continue;
                Rational c2 = m[r][s].abs().multiply(Rational.TWO);
                Rational c = m[s][s].add(c2).divide(c2);
                Rational x = m[r][s].signum() > 0 ? c.negate() : c;
                Rational[] v = new Rational[k];
                for (int i = 0; i < k; i++) v[i] = x.multiply(t[r][i]).add(t[s][i]);
                return checked(b, v);
            }
        }
        return null;
    }

    /** vᵀBv, exactly. */
    public static Rational quadratic(Rational[][] b, Rational[] v) {
        Rational q = Rational.ZERO;
        for (int i = 0; i < v.length; i++) {
            if (v[i].isZero()) continue;
            Rational row = Rational.ZERO;
            for (int j = 0; j < v.length; j++) if (!v[j].isZero()) row = row.add(b[i][j].multiply(v[j]));
            q = q.add(v[i].multiply(row));
        }
        return q;
    }

    /** Scales v to coprime integers and confirms vᵀBv &lt; 0; a failure here is a bug, not bad input. */
    private static Rational[] checked(Rational[][] b, Rational[] v) {
        BigInteger l = BigInteger.ONE;
        for (Rational x : v) l = l.divide(l.gcd(x.denominator())).multiply(x.denominator());
        BigInteger[] ints = new BigInteger[v.length];
        BigInteger g = BigInteger.ZERO;
        for (int i = 0; i < v.length; i++) {
            ints[i] = v[i].numerator().multiply(l.divide(v[i].denominator()));
            g = g.gcd(ints[i]);
        }
        Rational[] out = new Rational[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Rational.of(g.signum() == 0 ? ints[i] : ints[i].divide(g));
        if (quadratic(b, out).signum() >= 0) throw new IllegalStateException("internal error: negative direction failed its exact check");
        return out;
    }
}
