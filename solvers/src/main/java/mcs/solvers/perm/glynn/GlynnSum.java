package mcs.solvers.perm.glynn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.SignTasks;

/**
 * The floating-point Glynn permanent with a rigorous a-posteriori error bound, shared by {@code glynn}
 * and {@code glynn-complex}.
 *
 * <p><b>Sum.</b> perm(A) = 2^-(n−1) Σ_δ (Π_i δ_i) Π_j c_j(δ) over δ ∈ {±1}ⁿ with δ_{n−1} = +1, where
 * c_j(δ) = Σ_i δ_i a_ij. The matrix is put in fixed point ({@link FixedPointColumns}), the top
 * {@link SignTasks#splitBits} sign bits are fixed per task, each task walks a Gray code
 * and the task results are combined in task order with TwoSum, so
 * the value is bit-identical for any thread count. Real input is first tried in one word (exponent 51:
 * integers, short decimals, coarse dyadic grids) and then in two words ({@link DoubleWordColumns}:
 * exponent 98, which holds 53-bit doubles whose magnitudes in a row span less than about 2^40, and
 * decimals of up to about 25 digits); either way
 * every column sum is exact and {@link GlynnBlock} sums it with one lane per setting of the lowest sign
 * rows, each lane counted as one more partial sum (its loops are written for C2's superword pass, which
 * makes them SIMD on JDK 17 and later alike; a Vector API version measured slower and was dropped, see
 * bench/RESULTS-perm.md). Other real input,
 * and complex input, uses exponent 60 with {@code long} column sums of a rounded copy and bounds the
 * rounding residuals per term ({@link GlynnReal}, {@link GlynnComplex}).
 *
 * <p><b>Error bound</b> (u = 2^-53, γ_k = k·u/(1 − k·u), N = 2^(n−1) + 2T terms and partial results in
 * all, T tasks of N_t terms; underflow adds at most η = 2^-1074 per operation). For each term let
 * ĉ_j = fl(C_j)·2^-e be the column sums used (e the column exponent) (|ĉ_j − c_j| ≤ ε_j + u|ĉ_j|, ε_j the quantisation residual)
 * and P the computed product. Then
 * <ul>
 *   <li>|Π c_j − P| ≤ (1+γ_{3n})·max(0, B − A) + γ_{3n}·(slack weight) + γ_{8n}·(|Re P| + |Im P|), where
 *       A, B are the computed products of a_j ≥ |ĉ_j| and a_j + ε_j ({@link GlynnPart}); with exact
 *       columns (ε = 0) only the last part remains: at most one rounding per factor (the conversion, or
 *       the two-word addition) and n − 1 + 2⌈n/16⌉ multiplications, each with relative error u (√2·γ₂ for complex multiplications);
 *   <li>summing these over terms by recursive summation multiplies by at most 1 + γ_{2N};
 *   <li>with exact columns each lane first adds up to k = {@link LaneTables#BLOCK} consecutive terms by plain
 *       recursive summation ({@link GlynnPart#block()}; k = 1, no block, elsewhere) and TwoSums the block sum:
 *       the blocks err by at most γ_(k−1)·Σ|P| together (Σ|P| ≤ (1+γ_{2N})·the computed Σ|P|, as above);
 *       their TwoSum cascades have fewer items than terms and |block sum| ≤ (1+γ_(k−1))·Σ_block|P|, so the
 *       next item's bound covers them;
 *   <li>TwoSum is exact, so the value's error is that of the compensation sums: at most
 *       γ_{N_t}·u·N_t·(1+γ_{2N})²·Σ|P| inside the tasks, γ_{2T+1}·Σ(|comp| + |TwoSum errors|) when
 *       combining tasks, and 2u·|result| for the final rounding (per part for complex values);
 *   <li>every product of at most 2n factors of modulus below 2 loses at most 2^(2n+6)·η to underflow.
 * </ul>
 * The sum of these, times the exact scaling factor, plus the exact distance between the computed value
 * and its 17-digit decimal rendering, is the reported bound, rounded up to 3 significant digits. All
 * bound arithmetic is exact (rationals).
 *
 * <p>Complexity: 2^(n−1) terms of about 3n flops (real), 10n (complex); O(n²) exact setup.
 */
final class GlynnSum {
    private static final Rational U = FixedPointColumns.pow2(-53);

    /**
     * @param value the value as a 17-digit decimal (complex: {@code re±imi})
     * @param errorBound an upper bound of |value − perm(A)|
     * @param terms number of Glynn terms summed
     * @param tasks number of partial sums reduced at the end (tasks, times lanes for exact columns)
     * @param columns how the column sums were kept: {@code one-word} or {@code two-word} (exact, {@link GlynnBlock}),
     *     {@code bounded} (exact longs of a rounded copy, with the residuals' bound), or {@code none} (trivial input)
     */
    record Result(String value, Rational errorBound, long terms, int tasks, String columns) {}

    /** Column exponent of the one-word fixed-point copy: every signed column sum is an integer below 2^52. */
    private static final int ONE_WORD_EXPONENT = 51;

    private GlynnSum() {}

    static Result compute(PermInstance inst, SolverOptions options) {
        int n = inst.n();
        if (n == 0) return new Result("1", Rational.ZERO, 0, 0, "none");
        int free = n - 1;
        int split = SignTasks.splitBits(free);
        int low = free - split;
        boolean complex = inst.isComplex();
        Rational unit = null;
        List<GlynnPart> parts = null;
        String columns = "bounded";
        if (!complex) {
            FixedPointColumns f51 = FixedPointColumns.of(inst, ONE_WORD_EXPONENT);
            if (f51.zero()) return new Result("0", Rational.ZERO, 0, 0, "none");
            double[][] hi = null, lo = null;
            if (f51.exactColumns()) {
                hi = FixedPointColumns.asDoubles(f51.re());
                unit = f51.unit();
                columns = "one-word";
            } else {
                DoubleWordColumns dw = DoubleWordColumns.of(inst);
                if (dw != null) {
                    hi = dw.hi();
                    lo = dw.lo();
                    unit = dw.unit();
                    columns = "two-word";
                }
            }
            if (hi != null) {
                double[][] h = hi, l = lo;
                parts = flatten(SignTasks.run(1 << split, options.threads(), t -> GlynnBlock.task(h, l, low, t, options)));
            }
        }
        if (parts == null) {
            FixedPointColumns f60 = FixedPointColumns.of(inst);
            if (f60.zero()) return new Result("0", Rational.ZERO, 0, 0, "none");
            unit = f60.unit();
            parts = SignTasks.run(1 << split, options.threads(),
                    t -> complex ? GlynnComplex.task(f60, low, t, options) : GlynnReal.task(f60, low, t, options));
        }
        int tasks = parts.size();
        double abs = 0, slack = 0, weight = 0;
        for (GlynnPart p : parts) {
            abs += p.abs();
            slack += p.slack();
            weight += p.slackWeight();
        }
        Part re = Part.combine(parts, false);
        Part im = complex ? Part.combine(parts, true) : new Part(0, 0);
        long terms = 1L << free;
        Rational absR = Rational.ofDouble(abs);
        Rational nAll = Rational.of(terms + 2L * tasks);
        Rational growth = Rational.ONE.add(gamma(nAll.multiply(2)));
        Rational g3n = gamma(Rational.of(3L * n));
        Rational termError = growth.multiply(Rational.ONE.add(g3n).multiply(Rational.ONE.add(U.multiply(2)))
                .multiply(Rational.ofDouble(slack).add(g3n.multiply(Rational.ofDouble(weight))))
                .add(gamma(Rational.of(8L * n)).multiply(absR)));
        Rational nt = Rational.of(1L << low);
        Rational inTasks = gamma(nt).multiply(U).multiply(nt).multiply(growth.square()).multiply(absR);
        int block = 1;
        for (GlynnPart p : parts) block = Math.max(block, p.block());
        Rational inBlocks = blockError(block, absR, growth);
        Rational sumError = re.error(tasks).add(inTasks).add(inBlocks);
        if (complex) sumError = sumError.add(im.error(tasks)).add(inTasks);
        Rational underflow = FixedPointColumns.pow2(2 * n + 6 - 1074).multiply(Rational.of(terms));
        Rational bound = termError.add(sumError).add(underflow).multiply(unit);
        Rational vr = Rational.ofDouble(re.value).multiply(unit);
        Decimal dr = Decimal.of(vr, 17, RoundingMode.HALF_EVEN);
        bound = bound.add(vr.subtract(dr.exact()).abs());
        String text = dr.text();
        if (complex) {
            Rational vi = Rational.ofDouble(im.value).multiply(unit);
            Decimal di = Decimal.of(vi.abs(), 17, RoundingMode.HALF_EVEN);
            bound = bound.add(vi.abs().subtract(di.exact()).abs());
            if (vi.signum() != 0) text = text + (vi.signum() < 0 ? "-" : "+") + di.text() + "i";
        }
        Decimal up = Decimal.of(bound, 3, RoundingMode.UP);
        return new Result(text, up.exact(), terms, tasks, columns);
    }

    private static List<GlynnPart> flatten(List<List<GlynnPart>> perTask) {
        List<GlynnPart> out = new ArrayList<>();
        for (List<GlynnPart> l : perTask) out.addAll(l);
        return out;
    }

    /**
     * The rounding of the lanes' block sums of at most {@code block} terms each: γ_(block−1)·growth·Σ|P|, with
     * {@code absSum} the computed Σ|P| and growth = 1 + γ_{2N} the factor by which it may fall short.
     */
    static Rational blockError(int block, Rational absSum, Rational growth) {
        return gamma(Rational.of(block - 1L)).multiply(growth).multiply(absSum);
    }

    /** γ_k = k·u/(1 − k·u), exactly. */
    static Rational gamma(Rational k) {
        Rational ku = k.multiply(U);
        if (ku.compareTo(Rational.ONE) >= 0) throw new ArithmeticException("k*u >= 1");
        return ku.divide(Rational.ONE.subtract(ku));
    }

    /** One real part of the final reduction: TwoSum over the task sums, compensations summed separately. */
    private record Part(double value, double compAbs) {
        static Part combine(List<GlynnPart> parts, boolean imaginary) {
            double s = 0, comp = 0, compAbs = 0;
            for (GlynnPart p : parts) {
                double x = imaginary ? p.im() : p.re();
                double c = imaginary ? p.imComp() : p.reComp();
                double sum = s + x;
                double bv = sum - s;
                double e = (s - (sum - bv)) + (x - bv);
                s = sum;
                comp += c + e;
                compAbs += Math.abs(c) + Math.abs(e);
            }
            return new Part(s + comp, compAbs);
        }

        /** Rounding of the final reduction: γ_{2T+1}·Σ(|comp| + |e|)·(1+u) + 2u·|value|. */
        Rational error(int tasks) {
            Rational ca = Rational.ofDouble(compAbs).multiply(Rational.ONE.add(U));
            return gamma(Rational.of(2L * tasks + 1)).multiply(ca).add(U.multiply(2).multiply(Rational.ofDouble(Math.abs(value))));
        }
    }

    /** A decimal rendering {@code digits}e{exponent} of a rational and its exact value. */
    record Decimal(String text, Rational exact) {
        static Decimal of(Rational x, int digits, RoundingMode mode) {
            if (x.isZero()) return new Decimal("0", Rational.ZERO);
            BigDecimal q = new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()), new MathContext(digits, mode)).stripTrailingZeros();
            BigInteger unscaled = q.unscaledValue();
            int exp10 = -q.scale();
            String text = exp10 == 0 ? unscaled.toString() : unscaled + "e" + exp10;
            return new Decimal(text, Rational.ofDecimal(unscaled, exp10));
        }
    }
}
