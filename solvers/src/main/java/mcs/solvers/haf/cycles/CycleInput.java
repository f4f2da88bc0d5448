package mcs.solvers.haf.cycles;

import java.math.BigInteger;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.solvers.engine.dd.DoubleWord;

/**
 * A symmetric (complex) matrix prepared for the cycle engine: scaled by a power of two, split into double
 * words, with the vertices paired as (0, 1), (2, 3), … .
 *
 * <p><b>Scaling.</b> A hafnian is homogeneous: haf(cA) = c^(n/2)·haf(A). A loop hafnian is homogeneous for
 * the weighting c² on edges and c on loops, because every vertex lies on one edge or one loop:
 * lhaf(c²A_off + c·D) = c^n·lhaf(A). c = 2^s is chosen so that every scaled edge and loop weight has
 * |Re| + |Im| ≤ 1 and the largest is at least 1/4 (edges) or 1/2 (loops); the exact factor from the scaled
 * problem's value to the asked one is {@link #unit}. An odd-order loop hafnian gets one more vertex with loop
 * weight 1 and no edges, which changes no term.
 *
 * <p><b>Layout</b> (structure of arrays, so that loops over a row vectorise): {@code rh[x][w]}, {@code rl[x][w]}
 * are the high and low words of Re a[x][w] for x ≠ w (0 on the diagonal), {@code ih}, {@code il} those of the
 * imaginary part (null for real input), {@code weight[x][w]} an upper bound of |Re| + |Im| of the exact scaled
 * entry, as a double. {@code dh}, {@code dl}, {@code dih}, {@code dil}, {@code dWeight} hold the loops a[x][x] in
 * the same way (null for hafnians). Each double word is the nearest to its exact rational: error ≤ u² relative
 * ({@link DoubleWord#of}).
 *
 * @param pairs L = number of vertex pairs
 * @param unit exact factor: value of the asked problem = unit · value of the scaled one
 */
record CycleInput(int pairs, double[][] rh, double[][] rl, double[][] ih, double[][] il, double[][] weight,
        double[] dh, double[] dl, double[] dih, double[] dil, double[] dWeight, Rational unit) {

    boolean complex() {
        return ih != null;
    }

    boolean loop() {
        return dh != null;
    }

    static CycleInput of(PermInstance inst) {
        boolean loop = inst.problem() == Problem.LOOP_HAFNIAN;
        boolean complex = inst.isComplex();
        int n0 = inst.n();
        int n = loop && n0 % 2 == 1 ? n0 + 1 : n0;
        Rational[][] re = new Rational[n][n];
        Rational[][] im = complex ? new Rational[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean real = i < n0 && j < n0;
                re[i][j] = real ? inst.re().get(i, j) : (i == j ? Rational.ONE : Rational.ZERO);
                if (complex) im[i][j] = real ? inst.im().get(i, j) : Rational.ZERO;
            }
        }
        // largest edge and loop moduli, as powers of two from above
        Integer eOff = null, eDiag = null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j && !loop) continue;
                Rational m = re[i][j].abs();
                if (complex) m = m.add(im[i][j].abs());
                if (m.isZero()) continue;
                int e = ceilLog2(m);
                if (i == j) eDiag = eDiag == null ? e : Math.max(eDiag, e);
                else eOff = eOff == null ? e : Math.max(eOff, e);
            }
        }
        int s;
        if (eOff == null && eDiag == null) s = 0;
        else if (eOff == null) s = -eDiag;
        else if (eDiag == null) s = loop ? Math.floorDiv(-eOff, 2) : -eOff;
        else s = Math.min(Math.floorDiv(-eOff, 2), -eDiag);
        // hafnian: every entry times 2^s; loop hafnian: edges times 2^(2s), loops times 2^s
        int offShift = loop ? 2 * s : s;
        Rational unit = loop ? DoubleWord.pow2(-s * n) : DoubleWord.pow2(-s * (n / 2));
        double[][] rh = new double[n][n], rl = new double[n][n], weight = new double[n][n];
        double[][] ih = complex ? new double[n][n] : null, il = complex ? new double[n][n] : null;
        double[] dh = null, dl = null, dih = null, dil = null, dWeight = null;
        if (loop) {
            dh = new double[n];
            dl = new double[n];
            dWeight = new double[n];
            if (complex) {
                dih = new double[n];
                dil = new double[n];
            }
        }
        double[] t = new double[5];
        for (int x = 0; x < n; x++) {
            for (int w = 0; w < n; w++) {
                if (w == x) continue;
                split(scaled(re[x][w], offShift), complex ? scaled(im[x][w], offShift) : null, t);
                rh[x][w] = t[0];
                rl[x][w] = t[1];
                if (complex) {
                    ih[x][w] = t[2];
                    il[x][w] = t[3];
                }
                weight[x][w] = t[4];
            }
            if (loop) {
                split(scaled(re[x][x], s), complex ? scaled(im[x][x], s) : null, t);
                dh[x] = t[0];
                dl[x] = t[1];
                if (complex) {
                    dih[x] = t[2];
                    dil[x] = t[3];
                }
                dWeight[x] = t[4];
            }
        }
        return new CycleInput(n / 2, rh, rl, ih, il, weight, dh, dl, dih, dil, dWeight, unit);
    }

    private static Rational scaled(Rational x, int shift) {
        return x.isZero() ? x : x.multiply(DoubleWord.pow2(shift));
    }

    /** (re hi, re lo, im hi, im lo, modulus bound) of an exact complex value (im null: real). */
    private static void split(Rational re, Rational im, double[] out) {
        double[] r = DoubleWord.of(re);
        out[0] = r[0];
        out[1] = r[1];
        double m = Math.abs(r[0]);
        boolean zero = re.isZero();
        if (im != null) {
            double[] i = DoubleWord.of(im);
            out[2] = i[0];
            out[3] = i[1];
            m += Math.abs(i[0]);
            zero &= im.isZero();
        }
        // |exact| ≤ |hi|(1 + u) + 2^-1074 per part, so the sum rounded up twice covers the exact modulus
        out[4] = zero ? 0 : Math.nextUp(Math.nextUp(m * (1 + 0x1p-52)) + Double.MIN_VALUE * 4);
    }

    /** ⌈log₂ x⌉ for x &gt; 0, exactly. */
    static int ceilLog2(Rational x) {
        BigInteger p = x.numerator();
        BigInteger q = x.denominator();
        int k = p.bitLength() - q.bitLength();
        // find the least k with x ≤ 2^k
        while (compare(p, q, k) > 0) k++;
        while (compare(p, q, k - 1) <= 0) k--;
        return k;
    }

    /** sign of p/q − 2^k. */
    private static int compare(BigInteger p, BigInteger q, int k) {
        return k >= 0 ? p.compareTo(q.shiftLeft(k)) : p.shiftLeft(-k).compareTo(q);
    }
}
