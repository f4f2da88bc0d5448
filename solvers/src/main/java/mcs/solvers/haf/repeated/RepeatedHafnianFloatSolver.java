package mcs.solvers.haf.repeated;

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
 * {@code hafnian-repeated-float} (and, as {@link Loop}, {@code loop-hafnian-repeated-float}): the hafnian or
 * loop hafnian of a real symmetric matrix with repeated rows and columns in double precision, with a rigorous
 * a-posteriori bound on the error against the exact input ({@link RepeatedKanFloat}, {@link FloatAnswer}).
 * The answer has {@code exact = false} and the bound as {@code error_bound}.
 *
 * <p><b>Scaling.</b> The entries are multiplied exactly by a power of two before rounding to doubles: for the
 * hafnian 2^σ on every entry (the value scales by 2^(σ·N/2)), for the loop hafnian 2^(2τ) on pairs and 2^τ on
 * loops (2^(τN)), chosen so that the class values satisfy |q| ≤ 1 (and |q₁| ≤ 1): no power can overflow.
 * Refused: complex input, an asymmetric matrix, more than {@value RepeatedHafnianSolver#MAX_CLASSES} classes, a
 * scaled nonzero entry below 2^-900. Products that underflow are covered by an extra absolute term.
 *
 * <p>The bound is proven but scales with the sum of the absolute terms of Kan's formula: for matrices of
 * mixed signs, or many photons, it can exceed the value itself; the exact solver is then the better answer
 * for rational input. Deterministic for any thread count (fixed task split, fixed reduction order).
 */
public class RepeatedHafnianFloatSolver extends BaseSolver<RepeatedInstance> {
    private final boolean loop;

    public RepeatedHafnianFloatSolver() {
        this(false);
    }

    RepeatedHafnianFloatSolver(boolean loop) {
        super(RepeatedInstance.class, new SolverInfo(loop ? "loop-hafnian-repeated-float" : "hafnian-repeated-float",
                loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN, SolverKind.EXACT, 40,
                (loop ? "loop hafnian" : "hafnian") + " of a real symmetric matrix with repeated rows and columns in double precision (Kan's "
                        + "formula over sign classes) with a rigorous a-posteriori error bound; the bound scales with the sum of |terms| and "
                        + "can be loose when the sum cancels; prod(r_i+1)/2 classes of O(n) flops"));
        this.loop = loop;
    }

    /** {@code loop-hafnian-repeated-float}. */
    public static final class Loop extends RepeatedHafnianFloatSolver {
        public Loop() {
            super(true);
        }
    }

    @Override
    protected String refusal(RepeatedInstance inst) {
        if (inst.isComplex()) return name() + " takes real matrices; complex input is not supported";
        if (!inst.matrix().re().isSymmetric()) return name() + " needs a symmetric matrix";
        long classes = ClassLayout.of(inst.rowRepeats()).walked();
        if (classes > RepeatedHafnianSolver.MAX_CLASSES) return name() + " would walk " + classes + " sign classes, more than 2^42";
        if (inst.total() > 1000) return name() + " takes totals up to 1000";
        return null;
    }

    @Override
    protected SolverResult run(RepeatedInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        int total = inst.total();
        ClassLayout l = ClassLayout.of(inst.rowRepeats());
        RationalMatrix a = inst.matrix().re();
        int d = l.digits();
        int[] r = l.r();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        stats.put("total", total);
        stats.put("classes", l.walked());
        if (total == 0) return SolverResult.solved(name(), Certificate.exactValue(problem(), sha, "1"), stats, "empty product");
        // Q = Σ_{x<z} |a| r r + Σ |a_xx| r²/2 and Q₁ = Σ |μ| r bound |q| and |q₁|; choose the power of two from them.
        Rational q = Rational.ZERO, q1 = Rational.ZERO;
        for (int x = 0; x < d; x++) {
            int i = l.modes()[x];
            for (int z = x + 1; z < d; z++) q = q.add(a.get(i, l.modes()[z]).abs().multiply((long) r[x] * r[z]));
            q = q.add(a.get(i, i).abs().multiply((long) r[x] * r[x]).multiply(Rational.HALF));
            q1 = q1.add(a.get(i, i).abs().multiply(r[x]));
        }
        int sigma = -ceilLog2(q);
        int pairShift, loopShift;
        if (loop) {
            int tau = -Math.max(ceilDiv(ceilLog2(q), 2), ceilLog2(q1));
            pairShift = 2 * tau;
            loopShift = tau;
        } else {
            pairShift = sigma;
            loopShift = 0;
        }
        double[][] s = new double[d][d];
        double[] mu = new double[d];
        for (int x = 0; x < d; x++) {
            int i = l.modes()[x];
            for (int z = 0; z < d; z++) s[x][z] = scaled(a.get(i, l.modes()[z]), pairShift);
            mu[x] = loop ? scaled(a.get(i, i), loopShift) : 0;
        }
        for (int x = 0; x < d; x++) {
            for (int z = 0; z < d; z++) {
                if (!ok(s[x][z], a.get(l.modes()[x], l.modes()[z]))) return range(stats);
            }
            if (loop && !ok(mu[x], a.get(l.modes()[x], l.modes()[x]))) return range(stats);
        }
        RepeatedKanFloat.Sums sums = RepeatedKanFloat.sum(s, mu, l, loop, total, options);
        stats.put("depth", sums.depth());
        // value = Σ/ν: ν = 2^N·(N/2)!·2^(σN/2) for the hafnian, 2^N·N!·2^(τN) for the loop hafnian.
        Rational norm = Rational.of(BigInteger.ONE.shiftLeft(total));
        norm = norm.multiply(Rational.of(factorial(loop ? total : total / 2)));
        long shift = loop ? (long) loopShift * total : (long) pairShift * (total / 2);
        norm = norm.multiply(pow2(shift));
        FloatAnswer.Answer ans = FloatAnswer.of(sums.value(), sums.abs(), sums.depth(), total, norm, sums.underflowLog2());
        if (ans == null) return SolverResult.unknown(name(), "the sum overflowed or the rounding depth is too large for a bound", stats);
        stats.put("error_bound", ans.bound().toDecimalString());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.approximateValue(problem(), sha, ans.text(), ans.bound());
        return SolverResult.solved(name(), c, stats, "Kan's formula over sign classes in double precision with a rigorous error bound");
    }

    private SolverResult range(Map<String, Object> stats) {
        return SolverResult.unknown(name(), "an entry is outside the range the error analysis covers (nonzero below 2^-900 after scaling)", stats);
    }

    private static boolean ok(double v, Rational exact) {
        return exact.isZero() ? v == 0 : Double.isFinite(v) && Math.abs(v) >= 0x1p-900;
    }

    private static double scaled(Rational x, int shift) {
        return x.multiply(pow2(shift)).toDouble();
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
        return f;
    }
}
