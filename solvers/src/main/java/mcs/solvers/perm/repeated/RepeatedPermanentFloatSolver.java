package mcs.solvers.perm.repeated;

import static mcs.solvers.engine.exact.Dyadic.ceilLog2;
import static mcs.solvers.engine.exact.Dyadic.pow2;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.repeated.ClassLayout;
import mcs.solvers.engine.repeated.FloatAnswer;

/**
 * {@code permanent-repeated-float}: the permanent of a real matrix with repeated rows and columns in double
 * precision (Glynn's formula over sign classes, {@link RepeatedGlynnFloat}) with a rigorous a-posteriori
 * error bound against the exact input ({@link FloatAnswer}); {@code exact = false}.
 *
 * <p>The matrix is multiplied exactly by 2^σ before rounding, with σ chosen so that every column sum
 * Σ_i |a_ij| r_i is at most 1 (no product can overflow); perm(B) scales by 2^(σN). Rows or columns are
 * grouped, whichever give fewer classes. Refused: complex input, more than 2^40 classes, a nonzero scaled
 * entry below 2^-900. Products that underflow are covered by an extra absolute term.
 * The bound scales with the sum of |terms| of Glynn's formula.
 */
public final class RepeatedPermanentFloatSolver extends BaseSolver<RepeatedInstance> {
    public RepeatedPermanentFloatSolver() {
        super(RepeatedInstance.class, new SolverInfo("permanent-repeated-float", Problem.PERMANENT, SolverKind.EXACT, 40,
                "permanent of a real matrix with repeated rows and columns in double precision (Glynn's formula over sign classes) with a "
                        + "rigorous a-posteriori error bound that scales with the sum of |terms|; prod(r_i+1)/2 classes of O(n + N) flops"));
    }

    @Override
    protected String refusal(RepeatedInstance inst) {
        if (inst.isComplex()) return name() + " takes real matrices; complex input is not supported";
        long classes = Math.min(ClassLayout.of(inst.rowRepeats()).walked(), ClassLayout.of(inst.colRepeats()).walked());
        if (classes > RepeatedPermanentSolver.MAX_CLASSES) return name() + " would walk " + classes + " sign classes, more than 2^40";
        if (inst.total() > 1000) return name() + " takes totals up to 1000";
        return null;
    }

    @Override
    protected SolverResult run(RepeatedInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        RationalMatrix a = inst.matrix().re();
        int[] r = inst.rowRepeats(), c = inst.colRepeats();
        boolean transpose = ClassLayout.of(c).walked() < ClassLayout.of(r).walked();
        if (transpose) {
            int[] x = r;
            r = c;
            c = x;
        }
        int n = a.rows(), total = inst.total();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", n);
        stats.put("total", total);
        stats.put("grouped", transpose ? "columns" : "rows");
        if (total == 0) return SolverResult.solved(name(), Certificate.exactValue(Problem.PERMANENT, sha, "1"), stats, "empty product");
        Rational colMax = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            Rational s = Rational.ZERO;
            for (int i = 0; i < n; i++) s = s.add(entry(a, i, j, transpose).abs().multiply(r[i]));
            colMax = colMax.max(s);
        }
        int sigma = -ceilLog2(colMax);
        Rational scale = pow2(sigma);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rational e = entry(a, i, j, transpose);
                s[i][j] = e.multiply(scale).toDouble();
                boolean ok = e.isZero() ? s[i][j] == 0 : Double.isFinite(s[i][j]) && Math.abs(s[i][j]) >= 0x1p-900;
                if (!ok) return SolverResult.unknown(name(), "an entry is outside the range the error analysis covers (nonzero below 2^-900 after scaling)", stats);
            }
        }
        RepeatedGlynnFloat.Sums sums = RepeatedGlynnFloat.sum(s, r, c, options);
        stats.put("depth", sums.depth());
        Rational norm = Rational.of(BigInteger.ONE.shiftLeft(total)).multiply(pow2((long) sigma * total));
        FloatAnswer.Answer ans = FloatAnswer.of(sums.value(), sums.abs(), sums.depth(), total, norm, sums.underflowLog2());
        if (ans == null) return SolverResult.unknown(name(), "the sum overflowed or the rounding depth is too large for a bound", stats);
        stats.put("error_bound", ans.bound().toDecimalString());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), Certificate.approximateValue(Problem.PERMANENT, sha, ans.text(), ans.bound()), stats,
                "Glynn's formula over sign classes in double precision with a rigorous error bound");
    }

    private static Rational entry(RationalMatrix a, int i, int j, boolean transpose) {
        return transpose ? a.get(j, i) : a.get(i, j);
    }
}
