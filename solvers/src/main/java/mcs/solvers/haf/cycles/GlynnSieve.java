package mcs.solvers.haf.cycles;

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
 * <p><b>Work.</b> The L − 1 free signs split into {@code high} bits fixed per chunk (at most 2^15 chunks, in
 * order) and {@code low} = min(L − 1, 16) bits transformed inside a chunk: first, for every low set S_low,
 * the polynomial Σ_{S_high} ±c(S)·z^|S| (sequential sums of at most 2^high double words); then a
 * Walsh–Hadamard transform over the low bits whose entries are polynomials in z, each butterfly touching
 * only the degrees it can hold; then, for every δ, f_0 = 1, f_j = (1/j)·Σ_{k≤j} (k·ĉ_k)·f_{j−k} (f = exp of the
 * series) and the signed f_L is summed. Chunks run in parallel; their sums are added in chunk order, so the
 * value does not depend on the thread count.
 *
 * <p><b>Error</b> (all double-word operations, {@link DoubleWord} Lemmas 3–5). Each ĉ_k(δ) is a signed sum
 * of the ĉ(S), |S| = k, through at most {@link #sumDepth} additions: its error is at most
 * ((1 + 3.02u²)^depth − 1)·Σ_{|S|=k}|ĉ(S)|₁ on top of the errors of the ĉ(S). The exp recurrence is a
 * positive-coefficient polynomial in the ĉ_k; every monomial of f_L passes through at most L levels, each a
 * dot product (Lemma 5), a product by the double word of 1/j (Lemma 4, and u² for 1/j itself), and once the
 * product k·ĉ_k (Lemma 4): relative factor κ_exp ({@link #kappaExp}) on F(|ĉ|₁). The final sum of the 2^(L−1)
 * signed terms is sequential in a chunk and over chunks: ((1 + 3.02u²)^(2^low + chunks) − 1)·Σ|f_L|₁.
 *
 * <p>Complexity: about L²·2^(L−2) double-word butterflies, L²·2^(L−2) complex products for the exp
 * recurrences and 2^(L+high−1) additions; memory 2^low·(L + 1) double words per chunk in flight.
 */
final class GlynnSieve {
    private final int l;
    private final int stride;
    final int low;
    final int high;
    private final double[] inverse;

    /**
     * @param sum Σ_δ (Π δ)·f_L(δ) before the factor 2^-(L−1), a double word (complex: 4 doubles)
     * @param absSum Σ_δ |f_L(δ)|₁ computed in double (not yet inflated)
     */
    record Result(double[] sum, double absSum, long terms) {}

    private GlynnSieve(int l, int stride) {
        this.l = l;
        this.stride = stride;
        this.low = Math.min(l - 1, 16);
        this.high = l - low;
        this.inverse = new double[2 * (l + 1)];
        for (int j = 1; j <= l; j++) {
            double[] dw = DoubleWord.of(mcs.problems.exact.Rational.of(1, j));
            inverse[2 * j] = dw[0];
            inverse[2 * j + 1] = dw[1];
        }
    }

    static Result run(double[] c, int l, int stride, Chunks chunks, SolverOptions options) {
        GlynnSieve s = new GlynnSieve(l, stride);
        int count = 1 << (s.high - 1);
        double[][] sums = new double[count][];
        double[] abs = new double[count];
        chunks.run(count, g -> {
            double[] out = new double[stride + 1];
            s.chunk(c, g, out, options);
            sums[g] = out;
            abs[g] = out[stride];
        });
        double[] total = new double[stride];
        double absTotal = 0;
        for (int g = 0; g < count; g++) {
            DoubleWord.add(total[0], total[1], sums[g][0], sums[g][1], total, 0);
            if (stride == 4) DoubleWord.add(total[2], total[3], sums[g][2], sums[g][3], total, 2);
            absTotal += abs[g];
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

    static GlynnSieve shape(int l, int stride) {
        return new GlynnSieve(l, stride);
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

    private void chunk(double[] c, int g, double[] out, SolverOptions options) {
        int width = l + 1;
        int lowSize = 1 << low;
        int st = stride;
        double[] buf = new double[lowSize * width * st];
        // stage A: signed sums over the high sets, degree |S_low| + |S_high|
        for (int sh = 0; sh < (1 << high); sh++) {
            boolean minus = (Integer.bitCount(sh & g) & 1) == 1;
            int shPop = Integer.bitCount(sh);
            int from = (sh << low) * st;
            for (int sl = 0; sl < lowSize; sl++) {
                int src = from + sl * st;
                int dst = (sl * width + Integer.bitCount(sl) + shPop) * st;
                addInto(buf, dst, c, src, minus);
                if (st == 4) addInto(buf, dst + 2, c, src + 2, minus);
            }
        }
        options.checkDeadline();
        // stage B: Walsh–Hadamard over the low bits; before bit b, entry i has degrees
        // [pop(i >>> b), pop(i >>> b) + b + high]
        for (int b = 0; b < low; b++) {
            int bit = 1 << b;
            for (int i = 0; i < lowSize; i++) {
                if ((i & bit) != 0) continue;
                int q = Integer.bitCount(i >>> (b + 1));
                int top = Math.min(l, q + b + high + 1);
                int x = (i * width) * st, y = ((i | bit) * width) * st;
                for (int k = q; k <= top; k++) {
                    butterfly(buf, x + k * st, y + k * st);
                    if (st == 4) butterfly(buf, x + k * st + 2, y + k * st + 2);
                }
            }
            if ((b & 3) == 3) options.checkDeadline();
        }
        // stage C: exp recurrence per δ, signed sum
        double[] gk = new double[width * st];
        double[] f = new double[width * st];
        double sr = 0, srl = 0, si = 0, sil = 0, abs = 0;
        boolean chunkMinus = (Integer.bitCount(g) & 1) == 1;
        double[] tmp = new double[2];
        for (int i = 0; i < lowSize; i++) {
            int row = i * width * st;
            for (int k = 1; k <= l; k++) {
                int at = row + k * st;
                DoubleWord.mul(buf[at], buf[at + 1], k, 0, gk, k * st);
                if (st == 4) DoubleWord.mul(buf[at + 2], buf[at + 3], k, 0, gk, k * st + 2);
            }
            exp(gk, f, tmp);
            int at = l * st;
            boolean minus = chunkMinus ^ ((Integer.bitCount(i) & 1) == 1);
            double fr = minus ? -f[at] : f[at], frl = minus ? -f[at + 1] : f[at + 1];
            DoubleWord.add(sr, srl, fr, frl, tmp, 0);
            sr = tmp[0];
            srl = tmp[1];
            abs += Math.abs(f[at]);
            if (st == 4) {
                double fi = minus ? -f[at + 2] : f[at + 2], fil = minus ? -f[at + 3] : f[at + 3];
                DoubleWord.add(si, sil, fi, fil, tmp, 0);
                si = tmp[0];
                sil = tmp[1];
                abs += Math.abs(f[at + 2]);
            }
            if ((i & 1023) == 1023) options.checkDeadline();
        }
        out[0] = sr;
        out[1] = srl;
        if (st == 4) {
            out[2] = si;
            out[3] = sil;
        }
        out[st] = abs;
    }

    /** buf[dst] ± c[src] as double words (Lemma 3). */
    private static void addInto(double[] buf, int dst, double[] c, int src, boolean minus) {
        double yh = minus ? -c[src] : c[src], yl = minus ? -c[src + 1] : c[src + 1];
        double xh = buf[dst], xl = buf[dst + 1];
        double s = xh + yh;
        double bb = s - xh;
        double t = (xh - (s - bb)) + (yh - bb);
        double w = t + (xl + yl);
        double zh = s + w;
        double b2 = zh - s;
        buf[dst] = zh;
        buf[dst + 1] = (s - (zh - b2)) + (w - b2);
    }

    /** (x, y) ← (x + y, x − y) on the double words at x and y (Lemma 3 twice). */
    private static void butterfly(double[] buf, int x, int y) {
        double xh = buf[x], xl = buf[x + 1], yh = buf[y], yl = buf[y + 1];
        double s = xh + yh;
        double bb = s - xh;
        double t = (xh - (s - bb)) + (yh - bb);
        double w = t + (xl + yl);
        double zh = s + w;
        double b2 = zh - s;
        buf[x] = zh;
        buf[x + 1] = (s - (zh - b2)) + (w - b2);
        s = xh - yh;
        bb = s - xh;
        t = (xh - (s - bb)) + (-yh - bb);
        w = t + (xl - yl);
        zh = s + w;
        b2 = zh - s;
        buf[y] = zh;
        buf[y + 1] = (s - (zh - b2)) + (w - b2);
    }

    /** f_0 = 1, f_j = (1/j)·Σ_{k=1}^{j} g_k·f_{j−k} in double words (Lemma 5 dot products, Lemma 4 for 1/j). */
    private void exp(double[] g, double[] f, double[] tmp) {
        int st = stride;
        java.util.Arrays.fill(f, 0, st, 0);
        f[0] = 1;
        for (int j = 1; j <= l; j++) {
            double ih = inverse[2 * j], il = inverse[2 * j + 1];
            if (st == 2) {
                double p = 0, sigma = 0;
                for (int k = 1; k <= j; k++) {
                    double xh = g[2 * k], xl = g[2 * k + 1], yh = f[2 * (j - k)], yl = f[2 * (j - k) + 1];
                    double h = xh * yh;
                    double rr = Math.fma(xh, yh, -h);
                    double c = Math.fma(xh, yl, xl * yh);
                    double s = p + h;
                    double bb = s - p;
                    sigma += ((p - (s - bb)) + (h - bb)) + (rr + c);
                    double zh = s + sigma;
                    double b2 = zh - s;
                    sigma = (s - (zh - b2)) + (sigma - b2);
                    p = zh;
                }
                double zh = p + sigma;
                double bb = zh - p;
                double zl = (p - (zh - bb)) + (sigma - bb);
                DoubleWord.mul(zh, zl, ih, il, f, 2 * j);
                continue;
            }
            double pr = 0, sr = 0, pi = 0, si = 0;
            for (int k = 1; k <= j; k++) {
                int a = 4 * k, b = 4 * (j - k);
                double arh = g[a], arl = g[a + 1], aih = g[a + 2], ail = g[a + 3];
                double brh = f[b], brl = f[b + 1], bih = f[b + 2], bil = f[b + 3];
                double h = arh * brh;
                double rr = Math.fma(arh, brh, -h);
                double c = Math.fma(arh, brl, arl * brh);
                double s = pr + h;
                double bb = s - pr;
                sr += ((pr - (s - bb)) + (h - bb)) + (rr + c);
                pr = s;
                h = -aih * bih;
                rr = Math.fma(-aih, bih, -h);
                c = Math.fma(-aih, bil, -ail * bih);
                s = pr + h;
                bb = s - pr;
                sr += ((pr - (s - bb)) + (h - bb)) + (rr + c);
                pr = s;
                h = arh * bih;
                rr = Math.fma(arh, bih, -h);
                c = Math.fma(arh, bil, arl * bih);
                s = pi + h;
                bb = s - pi;
                si += ((pi - (s - bb)) + (h - bb)) + (rr + c);
                pi = s;
                h = aih * brh;
                rr = Math.fma(aih, brh, -h);
                c = Math.fma(aih, brl, ail * brh);
                s = pi + h;
                bb = s - pi;
                si += ((pi - (s - bb)) + (h - bb)) + (rr + c);
                pi = s;
                double zh = pr + sr;
                double b2 = zh - pr;
                sr = (pr - (zh - b2)) + (sr - b2);
                pr = zh;
                zh = pi + si;
                b2 = zh - pi;
                si = (pi - (zh - b2)) + (si - b2);
                pi = zh;
            }
            double zh = pr + sr;
            double bb = zh - pr;
            double zl = (pr - (zh - bb)) + (sr - bb);
            DoubleWord.mul(zh, zl, ih, il, f, 4 * j);
            zh = pi + si;
            bb = zh - pi;
            zl = (pi - (zh - bb)) + (si - bb);
            DoubleWord.mul(zh, zl, ih, il, f, 4 * j + 2);
        }
    }
}
