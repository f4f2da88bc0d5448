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
 * <p><b>Layout.</b> {@code swapped[w]} holds, for every vertex x = 2Q + o', the edge weight a[w][2Q + 1 − o']
 * (the partner of x), as interleaved double words (re hi, re lo[, im hi, im lo]); {@code weight[w]} the
 * same moduli |Re| + |Im| as doubles rounded up, which bound the exact moduli of the unrounded entries.
 * {@code loops} holds a[x][x] for the loop hafnian in the same swapped order (null for hafnians). Each double
 * word is the nearest to its exact rational: error ≤ u² relative (Lemma of {@link DoubleWord#of}).
 *
 * @param pairs L = number of vertex pairs
 * @param complex whether imaginary parts are carried (stride 4 instead of 2)
 * @param loop whether loop weights are present
 * @param unit exact factor: value of the asked problem = unit · value of the scaled one
 */
record CycleInput(int pairs, boolean complex, boolean loop, double[][] swapped, double[][] weight, double[] loops, double[] loopWeight, Rational unit) {

    int stride() {
        return complex ? 4 : 2;
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
        int stride = complex ? 4 : 2;
        double[][] swapped = new double[n][n * stride];
        double[][] weight = new double[n][n];
        double[] loops = loop ? new double[n * stride] : null;
        double[] loopWeight = loop ? new double[n] : null;
        for (int w = 0; w < n; w++) {
            for (int x = 0; x < n; x++) {
                int partner = x ^ 1;
                if (partner == w) continue; // x = w ^ 1 would give the diagonal a[w][w], which no cycle uses; x = w gives the pair's edge
                put(swapped[w], weight[w], x, scaled(re[w][partner], offShift), complex ? scaled(im[w][partner], offShift) : null);
            }
            if (loop) {
                int partner = w ^ 1;
                put(loops, loopWeight, w, scaled(re[partner][partner], s), complex ? scaled(im[partner][partner], s) : null);
            }
        }
        return new CycleInput(n / 2, complex, loop, swapped, weight, loops, loopWeight, unit);
    }

    private static Rational scaled(Rational x, int shift) {
        return x.isZero() ? x : x.multiply(DoubleWord.pow2(shift));
    }

    private static void put(double[] dw, double[] abs, int x, Rational re, Rational im) {
        int stride = im == null ? 2 : 4;
        double[] r = DoubleWord.of(re);
        dw[x * stride] = r[0];
        dw[x * stride + 1] = r[1];
        double m = Math.abs(r[0]);
        if (im != null) {
            double[] i = DoubleWord.of(im);
            dw[x * stride + 2] = i[0];
            dw[x * stride + 3] = i[1];
            m += Math.abs(i[0]);
        }
        // |exact| ≤ |hi|(1 + u) + 2^-1074 per part, so the sum rounded up twice covers the exact modulus
        abs[x] = m == 0 ? (re.isZero() && (im == null || im.isZero()) ? 0 : Double.MIN_VALUE * 4) : Math.nextUp(Math.nextUp(m * (1 + 0x1p-52)) + Double.MIN_VALUE * 2);
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
