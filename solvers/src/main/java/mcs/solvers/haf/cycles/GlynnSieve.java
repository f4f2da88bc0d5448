package mcs.solvers.haf.cycles;

import mcs.problems.exact.Rational;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.dd.DoubleWord;
import mcs.solvers.engine.parallel.Chunks;

/**
 * From the block weights c(S) of {@link CycleDp} to Σ over set partitions of the L pairs of Π c(block), by a
 * Glynn-type sieve: with δ ∈ {±1}^L and ĉ_k(δ) = Σ_{|S| = k} (Π_{P∈S} δ_P)·c(S),
 * <pre>  Σ_partitions Π c(B) = 2^-(L−1) Σ_{δ, δ_{L−1} = +1} (Π_P δ_P)·[z^L] exp(Σ_k ĉ_k(δ) z^k).</pre>
 * Why: exp(Σ_S c(S) y^S) in commuting variables y_P has, as coefficient of y_1⋯y_L, the sum over ordered
 * tuples of disjoint blocks covering all pairs divided by the number of orders: the set partitions. Putting
 * y_P = z·δ_P, [z^L] keeps total degree L, and averaging Π δ_P over δ keeps the monomials with every degree
 * odd, which with L variables and total degree L are exactly y_1⋯y_L. Replacing δ by −δ multiplies both
 * Π δ_P and [z^L] by (−1)^L, so the terms with δ_{L−1} = +1 are half of the average.
 *
 * <p><b>Work.</b> The L − 1 free signs split into {@code high} bits fixed per chunk (chunks in order) and
 * {@code low} = min(L − 1, 16) bits transformed inside a chunk, whose values are stored by degree k, then by the
 * low index (structure of arrays, so that the loops over the index vectorise): first, for every low set S_low,
 * the polynomial Σ_{S_high} ±c(S)·z^|S| (sequential sums of at most 2^high double words); then a
 * Walsh–Hadamard transform over the low bits, each butterfly touching only the degrees its entries can hold
 * (before bit b, entry i holds degrees pop(i ≫ b) … pop(i ≫ b) + b + high); then, for every δ, f_0 = 1,
 * f_j = (1/j)·Σ_{k≤j} (k·ĉ_k)·f_{j−k} (f = exp of the series) and the signed f_L is summed. Chunks run in
 * parallel; their sums are added in chunk order, so the value does not depend on the thread count.
 *
 * <p><b>Error</b> (all double-word operations, {@link DoubleWord} Lemmas 3–5). Each ĉ_k(δ) is a signed sum
 * of the ĉ(S), |S| = k, through at most {@link #sumDepth} additions: its error is at most
 * ((1 + 3.02u²)^depth − 1)·Σ_{|S|=k}|ĉ(S)|₁ on top of the errors of the ĉ(S). The exp recurrence is a
 * positive-coefficient polynomial in the ĉ_k; every monomial of f_L passes through at most L levels, each a
 * dot product (Lemma 5, renormalised after each term), a product by the double word of 1/j (Lemma 4, and u²
 * for 1/j itself), and once the product k·ĉ_k (Lemma 4): relative factor κ_exp ({@link #kappaExp}) on
 * F(|ĉ|₁). The final sum of the 2^(L−1) signed terms is sequential in a chunk and over chunks:
 * ((1 + 3.02u²)^(2^low + chunks) − 1)·Σ|f_L|₁.
 *
 * <p>Complexity: about L²·2^(L−2) double-word butterflies, L²·2^(L−2) complex products for the exp
 * recurrences and 2^(L+high−1) additions; memory 2^low·(L + 1) double words per chunk in flight.
 */
final class GlynnSieve {
    /** δ values whose exp recurrences run together (the vectorised loop length). */
    private static final int BLOCK = 256;

    private final int l;
    private final boolean complex;
    final int low;
    final int high;
    private final double[] invH, invL;

    /**
     * @param sum Σ_δ (Π δ)·f_L(δ) before the factor 2^-(L−1): {re hi, re lo, im hi, im lo}
     * @param absSum Σ_δ |f_L(δ)|₁ computed in double from the high words (not yet inflated)
     */
    record Result(double[] sum, double absSum, long terms) {}

    private GlynnSieve(int l, boolean complex) {
        this.l = l;
        this.complex = complex;
        this.low = Math.min(l - 1, 16);
        this.high = l - low;
        this.invH = new double[l + 1];
        this.invL = new double[l + 1];
        for (int j = 1; j <= l; j++) {
            double[] dw = DoubleWord.of(Rational.of(1, j));
            invH[j] = dw[0];
            invL[j] = dw[1];
        }
    }

    static Result run(CycleDp dp, int l, boolean complex, Chunks chunks, SolverOptions options) {
        GlynnSieve s = new GlynnSieve(l, complex);
        int count = 1 << (s.high - 1);
        double[][] sums = new double[count][];
        chunks.run(count, g -> sums[g] = s.chunk(dp, g, options));
        double[] total = new double[4];
        double absTotal = 0;
        for (int g = 0; g < count; g++) {
            DoubleWord.add(total[0], total[1], sums[g][0], sums[g][1], total, 0);
            DoubleWord.add(total[2], total[3], sums[g][2], sums[g][3], total, 2);
            absTotal += sums[g][4];
        }
        return new Result(total, absTotal, 1L << (l - 1));
    }

    /** Depth of the additions forming one ĉ_k(δ): the high sums, then one butterfly per low bit. */
    int sumDepth() {
        return (1 << high) + low;
    }

    /** Depth of the final sum: sequential inside a chunk, then over chunks. */
    long finalDepth() {
        return (1L << low) + (1L << (high - 1));
    }

    static GlynnSieve shape(int l, boolean complex) {
        return new GlynnSieve(l, complex);
    }

    /** κ_exp of the class comment, rounded up. */
    static double kappaExp(int l, boolean complex) {
        double u2 = DoubleWord.U * DoubleWord.U;
        int per = complex ? 2 : 1;
        // Π(1 + x_i) − 1 ≤ expm1(Σ x_i); the sum is formed upwards, expm1 within an ulp
        double sum = DoubleWord.PRODUCT_ERROR;
        for (int j = 1; j <= l; j++) sum = Math.nextUp(sum + Math.nextUp(DoubleWord.dotError((long) per * j, per) + 8 * u2));
        return Math.nextUp(Math.expm1(sum) * (1 + 8 * DoubleWord.U));
    }

    /** One chunk: {re hi, re lo, im hi, im lo, Σ|f_L|₁}. */
    private double[] chunk(CycleDp dp, int g, SolverOptions options) {
        int size = 1 << low;
        double[][] bh = new double[l + 1][size], bl = new double[l + 1][size];
        double[][] bih = complex ? new double[l + 1][size] : null, bil = complex ? new double[l + 1][size] : null;
        // stage A: signed sums over the high sets, degree |S_low| + |S_high|
        for (int sh = 0; sh < (1 << high); sh++) {
            boolean minus = (Integer.bitCount(sh & g) & 1) == 1;
            int shPop = Integer.bitCount(sh);
            int from = sh << low;
            for (int sl = 0; sl < size; sl++) {
                int k = Integer.bitCount(sl) + shPop;
                int s = from + sl;
                addInto(bh[k], bl[k], sl, dp.ch[s], dp.cl[s], minus);
                if (complex) addInto(bih[k], bil[k], sl, dp.cih[s], dp.cil[s], minus);
            }
        }
        options.checkDeadline();
        // stage B: Walsh–Hadamard over the low bits
        for (int b = 0; b < low; b++) {
            int half = 1 << b;
            for (int base = 0; base < size; base += 2 * half) {
                int q = Integer.bitCount(base >>> (b + 1));
                int top = Math.min(l, q + b + high + 1);
                for (int k = q; k <= top; k++) {
                    butterflies(bh[k], bl[k], base, half);
                    if (complex) butterflies(bih[k], bil[k], base, half);
                }
            }
            if ((b & 3) == 3) options.checkDeadline();
        }
        // stage C: g_k = k·ĉ_k in place, then the exp recurrences of BLOCK values of δ at a time
        for (int k = 1; k <= l; k++) {
            scale(bh[k], bl[k], k, size);
            if (complex) scale(bih[k], bil[k], k, size);
        }
        int block = Math.min(BLOCK, size);
        Exp exp = new Exp(l, block, complex);
        double sr = 0, srl = 0, si = 0, sil = 0, abs = 0;
        boolean chunkMinus = (Integer.bitCount(g) & 1) == 1;
        double[] tmp = new double[2];
        for (int from = 0; from < size; from += block) {
            exp.run(this, bh, bl, bih, bil, from);
            for (int i = 0; i < block; i++) {
                boolean minus = chunkMinus ^ ((Integer.bitCount(from + i) & 1) == 1);
                double fr = exp.rh[l][i], frl = exp.rl[l][i];
                DoubleWord.add(sr, srl, minus ? -fr : fr, minus ? -frl : frl, tmp, 0);
                sr = tmp[0];
                srl = tmp[1];
                abs += Math.abs(fr);
                if (complex) {
                    double fi = exp.ih[l][i], fil = exp.il[l][i];
                    DoubleWord.add(si, sil, minus ? -fi : fi, minus ? -fil : fil, tmp, 0);
                    si = tmp[0];
                    sil = tmp[1];
                    abs += Math.abs(fi);
                }
            }
            if ((from & 4095) == 0) options.checkDeadline();
        }
        return new double[] {sr, srl, si, sil, abs};
    }

    /** (h, l)[i] ± (ch, cl) as double words (Lemma 3). */
    private static void addInto(double[] h, double[] l, int i, double ch, double cl, boolean minus) {
        double yh = minus ? -ch : ch, yl = minus ? -cl : cl;
        double xh = h[i], xl = l[i];
        double s = xh + yh;
        double bb = s - xh;
        double t = (xh - (s - bb)) + (yh - bb);
        double w = t + (xl + yl);
        double zh = s + w;
        double b2 = zh - s;
        h[i] = zh;
        l[i] = (s - (zh - b2)) + (w - b2);
    }

    /** (x, y) ← (x + y, x − y) for x at base … base+half−1 and y at x + half (Lemma 3 twice each). */
    private static void butterflies(double[] h, double[] l, int base, int half) {
        for (int i = base; i < base + half; i++) {
            double xh = h[i], xl = l[i], yh = h[i + half], yl = l[i + half];
            double s = xh + yh;
            double bb = s - xh;
            double t = (xh - (s - bb)) + (yh - bb);
            double w = t + (xl + yl);
            double zh = s + w;
            double b2 = zh - s;
            h[i] = zh;
            l[i] = (s - (zh - b2)) + (w - b2);
            s = xh - yh;
            bb = s - xh;
            t = (xh - (s - bb)) + (-yh - bb);
            w = t + (xl - yl);
            zh = s + w;
            b2 = zh - s;
            h[i + half] = zh;
            l[i + half] = (s - (zh - b2)) + (w - b2);
        }
    }

    /** (h, l) ← k·(h, l) by Lemma 4 with the exact double k. */
    private static void scale(double[] h, double[] l, double k, int size) {
        for (int i = 0; i < size; i++) {
            double ph = h[i] * k;
            double pl = Math.fma(h[i], k, -ph);
            double t = Math.fma(l[i], k, pl);
            double zh = ph + t;
            l[i] = t - (zh - ph);
            h[i] = zh;
        }
    }

    /** The exp recurrences f_0 = 1, f_j = (1/j)·Σ_{k≤j} g_k·f_{j−k} of a block of δ values, vectorised over δ. */
    private static final class Exp {
        final double[][] rh, rl, ih, il;
        final double[] pr, sr, pi, si;
        final int block;
        final boolean complex;

        Exp(int l, int block, boolean complex) {
            this.block = block;
            this.complex = complex;
            rh = new double[l + 1][block];
            rl = new double[l + 1][block];
            ih = complex ? new double[l + 1][block] : null;
            il = complex ? new double[l + 1][block] : null;
            pr = new double[block];
            sr = new double[block];
            pi = complex ? new double[block] : null;
            si = complex ? new double[block] : null;
            java.util.Arrays.fill(rh[0], 1);
        }

        void run(GlynnSieve s, double[][] gh, double[][] gl, double[][] gih, double[][] gil, int from) {
            int n = block;
            for (int j = 1; j <= s.l; j++) {
                java.util.Arrays.fill(pr, 0);
                java.util.Arrays.fill(sr, 0);
                if (complex) {
                    java.util.Arrays.fill(pi, 0);
                    java.util.Arrays.fill(si, 0);
                }
                for (int k = 1; k <= j; k++) {
                    if (complex) stepComplex(gh[k], gl[k], gih[k], gil[k], from, rh[j - k], rl[j - k], ih[j - k], il[j - k], n);
                    else stepReal(gh[k], gl[k], from, rh[j - k], rl[j - k], n);
                }
                times(pr, sr, s.invH[j], s.invL[j], rh[j], rl[j], n);
                if (complex) times(pi, si, s.invH[j], s.invL[j], ih[j], il[j], n);
            }
        }

        /** acc += g·f (one Lemma 5 step per lane), then renormalise. */
        private void stepReal(double[] gh, double[] gl, int from, double[] fh, double[] fl, int n) {
            step(pr, sr, fh, fl, gh, gl, from, 1, n);
            CycleDp.twoSums(pr, sr, n);
        }

        /** The complex version as four short loops (re: g_r·f_r − g_i·f_i, im: g_r·f_i + g_i·f_r), renormalised. */
        private void stepComplex(double[] gh, double[] gl, double[] gih, double[] gil, int from, double[] fh, double[] fl, double[] fih, double[] fil, int n) {
            step(pr, sr, fh, fl, gh, gl, from, 1, n);
            step(pr, sr, fih, fil, gih, gil, from, -1, n);
            CycleDp.twoSums(pr, sr, n);
            step(pi, si, fih, fil, gh, gl, from, 1, n);
            step(pi, si, fh, fl, gih, gil, from, 1, n);
            CycleDp.twoSums(pi, si, n);
        }

        /** (p, σ)[i] += sign·x[from + i]·y[i], one Lemma 5 step per lane (sign ±1: an exact negation). */
        private static void step(double[] pr, double[] sr, double[] yh, double[] yl, double[] xh, double[] xl, int from, double sign, int n) {
            for (int i = 0; i < n; i++) {
                double a = sign * xh[from + i], al = sign * xl[from + i];
                double h = a * yh[i];
                double rr = Math.fma(a, yh[i], -h);
                double c = Math.fma(a, yl[i], al * yh[i]);
                double p = pr[i];
                double s = p + h;
                double bb = s - p;
                sr[i] += ((p - (s - bb)) + (h - bb)) + (rr + c);
                pr[i] = s;
            }
        }

        /** out = (p + σ)·(ch + cl) by Lemma 4, per lane. */
        private static void times(double[] p, double[] sg, double ch, double cl, double[] oh, double[] ol, int n) {
            for (int i = 0; i < n; i++) {
                double xh = p[i], xl = sg[i];
                double ph = xh * ch;
                double pl = Math.fma(xh, ch, -ph);
                double t = Math.fma(xl, ch, pl);
                t = Math.fma(xh, cl, t);
                double zh = ph + t;
                ol[i] = t - (zh - ph);
                oh[i] = zh;
            }
        }
    }
}
