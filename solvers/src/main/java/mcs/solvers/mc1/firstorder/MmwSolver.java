package mcs.solvers.mc1.firstorder;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code mmw} (experimental): the ε-promise version of MC1 (MC1-log / MC1-ratio, SPEC §1) by matrix multiplicative
 * weights on the margin problem ({@link MultiplicativeWeights}), with Lanczos exponential-vector products.
 *
 * <p>Every {@value #CHECK} steps both sides are tried. NO: the exponent S (on Ω), shifted by its smallest Ritz
 * value, goes to {@link WitnessBuilder}; a witness that passes is returned. YES: when the sketched iterate fits
 * b − εI to RMS error ≤ ε on Ω, its sketch factor is polished by at most {@value #POLISH} L-BFGS steps on
 * the distance to a − δI (δ = (ε/2)·min a_ii) and offered as a {@code factor} completion with shift δ, which
 * {@link FactorBuilder} checks exactly. Otherwise UNKNOWN, with the ε reached.
 *
 * <p><b>Options:</b> ε from {@link SolverOptions#epsilon()} (default {@value #EPSILON}); extra {@code max-iterations}
 * (default {@value #MAX_ITERATIONS}), {@code sketch} (initial columns k, default n — exact Ω-entries of the iterate — when n ≤ {@value #EXACT_MAX_N}, else {@value #SKETCH};
 * doubled, up to n, whenever the accuracy improves by less than 5% between checks), {@code step} (η, default
 * {@value #STEP}). Statistics: {@code iterations}, {@code epsilon}, {@code epsilon_reached} (the smallest RMS
 * violation max|P_Ω(X_t) − (b − εI)| in the RMS sense over Ω that the iterates reached), {@code t_upper} (the best
 * dual bound on t*, Lanczos accuracy). <b>Cost:</b> O(k·{@value MultiplicativeWeights#EXP_STEPS}·m) per step;
 * poly(1/ε) steps (regret bound O(√(log n / T)) in the normalised problem).
 */
public final class MmwSolver extends FirstOrderSolver<MmwSolver.Settings> {
    static final double EPSILON = 0.01;
    static final int MAX_ITERATIONS = 400;
    static final int SKETCH = 16;
    static final int EXACT_MAX_N = 300;
    static final double STEP = 0.5;
    static final int CHECK = 10;
    static final int POLISH = 500;

    /** ε and the options {@code max-iterations}, {@code sketch} and {@code step}. */
    record Settings(double epsilon, int maxIterations, int sketch, double step) {}

    public MmwSolver() {
        super(new SolverInfo("mmw", Problem.PSD_COMPLETION, SolverKind.HEURISTIC, 70,
                "experimental ε-promise method (matrix multiplicative weights, Lanczos exp-vector products): every verdict carries a"
                + " certificate checked before it is emitted (entries witness S − λmin(S)I + δI, or a factor completion with shift ε/2"
                + " checked exactly); UNKNOWN otherwise, reporting the ε reached; O(k·30·m) per step, poly(1/ε) steps"));
    }

    @Override
    Settings settings(PartialSymmetricMatrix a, SolverOptions options) {
        int maxIterations = options.extraInt("max-iterations", MAX_ITERATIONS);
        int sketch = options.extraInt("sketch", a.n() <= EXACT_MAX_N ? a.n() : SKETCH);
        double step = options.extraDouble("step", STEP);
        double epsilon = options.epsilon() == null ? EPSILON : options.epsilon().toDouble();
        if (!(epsilon > 0 && epsilon < 1) || sketch < 1 || !(step > 0) || maxIterations < 0) {
            throw new IllegalArgumentException("needs 0 < epsilon < 1, sketch >= 1, step > 0, max-iterations >= 0");
        }
        return new Settings(epsilon, maxIterations, sketch, step);
    }

    @Override
    SolverResult search(PartialSymmetricMatrix a, ScaledInstance p, String sha, SolverOptions options, Settings s) {
        double epsilon = s.epsilon();
        int maxIterations = s.maxIterations();
        MultiplicativeWeights mw = new MultiplicativeWeights(p, epsilon, s.step(), Math.min(s.sketch(), a.n()), options.seed());
        WitnessBuilder wb = new WitnessBuilder(a, p, options.seed());
        long t0 = System.nanoTime();
        double reached = Double.POSITIVE_INFINITY, tUpper = Double.POSITIVE_INFINITY, reachedAtCheck = Double.POSITIVE_INFINITY;
        try {
            while (true) {
                options.checkDeadline();
                mw.step();
                reached = Math.min(reached, mw.gradientNorm / Math.sqrt(p.inner(ones(p.m), ones(p.m))));
                boolean last = mw.steps >= maxIterations;
                if (mw.steps % CHECK != 0 && !last) continue;
                double[] shifted = mw.exponent.clone();
                Lanczos.Eigenpair e = new Lanczos(p.n, (x, y) -> p.multiply(mw.exponent, x, y)).smallest(WitnessBuilder.LANCZOS_STEPS, 1e-10, options.seed());
                for (int t = 0; t < p.m; t++) if (p.diagonal(t)) shifted[t] -= e.value();
                double tr = 0;
                for (int t = 0; t < p.m; t++) if (p.diagonal(t)) tr += shifted[t];
                if (tr > 0) tUpper = Math.min(tUpper, p.inner(shifted, p.b) / tr);
                Body.Entries w = wb.build(shifted);
                if (w != null) {
                    return SolverResult.solved(name(), Certificate.witness(sha, w), stats(mw, epsilon, reached, tUpper, t0),
                            "witness from the MMW exponent on " + wb.support + " indices; t* <= " + fmt(wb.scaledMargin));
                }
                if (reached <= epsilon || last) {
                    Body.Factor f = polish(a, p, mw, epsilon, options);
                    if (f != null) {
                        return SolverResult.solved(name(), Certificate.completion(sha, f), stats(mw, epsilon, reached, tUpper, t0),
                                "factor completion from the polished MMW sketch, shift " + fmt(f.shift().toDouble()));
                    }
                }
                // Less than 5% gain in accuracy over a check interval: the sketch noise dominates, so the sketch is doubled.
                if (reached > 0.95 * reachedAtCheck && mw.k < p.n) mw.widen();
                reachedAtCheck = reached;
                if (last) {
                    return SolverResult.unknown(name(), "no certificate after " + mw.steps + " steps; ε reached " + fmt(reached)
                            + " (asked " + fmt(epsilon) + "), t* <= " + fmt(tUpper) + " (Lanczos estimate)",
                            stats(mw, epsilon, reached, tUpper, t0));
                }
            }
        } catch (DeadlineExceededException ex) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(mw, epsilon, reached, tUpper, t0),
                    "deadline reached after " + mw.steps + " steps");
        }
    }

    /**
     * L-BFGS polishing of the sketch towards a − δI with δ = (ε/2)·min a_ii (in the scaled problem: diagonal
     * 1 − δ/a_ii), then the exact factor check with shift δ; null when it fails.
     */
    private static Body.Factor polish(PartialSymmetricMatrix a, ScaledInstance p, MultiplicativeWeights mw, double epsilon, SolverOptions options) {
        double minDiag = Double.POSITIVE_INFINITY, maxDiag = 0;
        for (int i = 0; i < p.n; i++) {
            double d = 1 / (p.invSqrt[i] * p.invSqrt[i]);
            minDiag = Math.min(minDiag, d);
            maxDiag = Math.max(maxDiag, d);
        }
        double delta = epsilon / 2 * minDiag;
        double[] target = p.b.clone();
        for (int t = 0; t < p.m; t++) if (p.diagonal(t)) target[t] -= delta * p.invSqrt[p.row[t]] * p.invSqrt[p.row[t]];
        NearestCompletion nc = new NearestCompletion(p, target, mw.k, options.seed());
        nc.start(mw.sketch);
        nc.run(POLISH, 1e-13, options);
        // In the data's coordinates the residual is D^{1/2}RD^{1/2}, at most max a_ii times larger in norm.
        if (!(Math.sqrt(nc.value) * maxDiag < 0.9 * delta)) return null;
        return FactorBuilder.build(a, p, nc.f, mw.k, delta);
    }

    private static double[] ones(int m) {
        double[] o = new double[m];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    private static Map<String, Object> stats(MultiplicativeWeights mw, double epsilon, double reached, double tUpper, long t0) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("iterations", mw.steps);
        s.put("epsilon", epsilon);
        s.put("epsilon_reached", reached);
        if (Double.isFinite(tUpper)) s.put("t_upper", tUpper);
        s.put("sketch", mw.k);
        s.put("step", mw.eta);
        s.put("seconds", (System.nanoTime() - t0) / 1e9);
        return s;
    }
}
