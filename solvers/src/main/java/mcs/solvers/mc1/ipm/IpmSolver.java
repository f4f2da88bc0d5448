package mcs.solvers.mc1.ipm;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.dense.Dense;
import mcs.solvers.mc1.chordal.ChordalSolver;
import mcs.solvers.mc1.cliquesum.CliqueSum;
import mcs.solvers.mc1.prep.DiagonalGate;

/**
 * MC1 by a primal–dual interior-point method on the margin SDP (SPEC §1): t* = max λmin over completions
 * of the unit-diagonal scaling, = min ⟨W, B⟩ over PSD W on Ω with tr W = 1.
 *
 * <p>Method: {@link Hkm} (HKM direction, Mehrotra predictor–corrector, infeasible start) on
 * {@link MarginSdp}. After every iteration the solver tries to prove the sign of t*: when the primal
 * iterate certifies a positive lower bound it builds a {@code factor} completion ({@link YesCertificate}),
 * when the dual slack gives ⟨Z, B⟩ &lt; 0 an {@code entries} witness ({@link NoCertificate}); both are
 * checked exactly before they are returned. It stops at the first certificate, or when the relative
 * complementarity gap (⟨X, Z⟩ + x_s z_s)/(1 + |t_p| + |t_d|) and the relative infeasibilities are below
 * {@value #TOLERANCE}, CSDP's default criteria (or progress stalls), and answers UNKNOWN with the
 * interval found for t* — never a guess.
 *
 * <p>Inputs: a negative diagonal entry gives NO (W = e_i e_iᵀ); a zero diagonal entry is left to
 * {@code local-checks} (UNKNOWN). Options ({@link SolverOptions#extra}): {@code max-iterations} (default
 * {@value #MAX_ITERATIONS}), {@code max-schur} (largest m accepted, default {@value #MAX_SCHUR}; larger
 * instances are UNSUPPORTED), {@code stop} ({@code certificate}, the default: stop at the first certificate
 * that passes; {@code converged}: iterate to the tolerance first, so that t* is reported to full accuracy,
 * then certify), {@code exact-fallback-n} (default {@value #EXACT_FALLBACK_N}: when the iterations end without a
 * certificate on an instance of order n at most this, the exact margin-free routes are tried — {@code chordal}
 * if G(Ω) is chordal, else the clique-sum decision of {@code structured} ({@link CliqueSum}) with no decider for
 * general atoms, i.e. clique, cycle and series-parallel atoms only; their certificate is returned, else UNKNOWN). The seed is unused (the method is deterministic); {@code threads} is used for
 * the dense kernels. Cost per iteration: O(m²) to build and m³/3 flops to factor the Schur complement
 * (m = n + |E|), plus O(n³ + n·m); memory 8·(m²/2 + 10n²) bytes. About 20–30
 * iterations to converge; instances with a clear margin are usually certified after 5–10. The statistics
 * include {@code stopped}: why the iterations ended ({@code certificate}, or the reason given up).
 */
public final class IpmSolver extends BaseSolver<Mc1Instance> {
    static final double TOLERANCE = 1e-8;
    static final int MAX_ITERATIONS = 80;
    static final int MAX_SCHUR = 10_000;
    static final int EXACT_FALLBACK_N = 12;

    public IpmSolver() {
        super(Mc1Instance.class, new SolverInfo("ipm", Problem.PSD_COMPLETION, SolverKind.EXACT, 50,
                "every verdict carries a certificate checked exactly before it is emitted (factor completion with margin, or a PD"
                + " dual witness W + ηI); when |t*| is below the interior-point accuracy (~1e-8): for n <= 12 an exact fallback"
                + " (chordal, or clique and cycle atoms), otherwise UNKNOWN; UNKNOWN on zero diagonals and m > 10000;"
                + " O(m^3) flops per iteration (m = n + |E|), typically 10-30 iterations"));
    }

    @Override
    protected SolverResult run(Mc1Instance instance, String instanceSha256, SolverOptions options) {
        int maxIterations;
        long maxSchur;
        try {
            maxIterations = options.extraInt("max-iterations", MAX_ITERATIONS);
            maxSchur = options.extraLong("max-schur", MAX_SCHUR);
            options.extraInt("exact-fallback-n", EXACT_FALLBACK_N);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, "ipm: options max-iterations, max-schur and exact-fallback-n must be integers (" + e.getMessage() + ")");
        }
        PartialSymmetricMatrix a = instance.matrix();
        if (a.m() > maxSchur) {
            return SolverResult.of(name(), Status.UNSUPPORTED, "ipm: the Schur complement would have order m = " + a.m()
                    + " > max-schur = " + maxSchur + " (memory 4m² bytes, m³/3 flops per iteration)");
        }
        SolverResult gate = DiagonalGate.check(name(), a, instanceSha256, "the margin SDP");
        return gate != null ? gate : new Run(a, instanceSha256, options, maxIterations).run();
    }

    /** One solve: the iterations, the certificate attempts and the statistics. */
    private final class Run {
        private final PartialSymmetricMatrix a;
        private final String sha;
        private final SolverOptions options;
        private final int maxIterations;
        private final boolean early;
        private final int exactFallbackN;
        private final long t0 = System.nanoTime();
        private MarginSdp sdp;
        private Hkm ipm;
        private int iterations;
        private double certSeconds;
        private double tLower = Double.NEGATIVE_INFINITY;
        private double tUpper = Double.POSITIVE_INFINITY;
        private String stopped = "certificate";
        /** Start of the certificate attempt in progress (0 when none): its time so far counts in the statistics. */
        private long attemptStart;

        Run(PartialSymmetricMatrix a, String sha, SolverOptions options, int maxIterations) {
            this.a = a;
            this.sha = sha;
            this.options = options;
            this.maxIterations = maxIterations;
            this.early = !"converged".equals(options.extra("stop", "certificate"));
            this.exactFallbackN = options.extraInt("exact-fallback-n", EXACT_FALLBACK_N);
        }

        SolverResult run() {
            try {
                sdp = new MarginSdp(a);
                ipm = new Hkm(sdp, options.threads());
                int stalls = 0;
                while (true) {
                    options.checkDeadline();
                    SolverResult done = early ? attempt() : null;
                    if (done != null) return done;
                    double tp = 1 - ipm.xs, td = 1 - ipm.dualObjective();
                    // The complementarity ⟨X, Z⟩ + x_s z_s measures the gap, as in CSDP (usexzgap): near the optimum the
                    // objective difference is dominated by (primal residual)·y, which stalls at the accuracy of the
                    // Schur solve while the complementarity still converges.
                    double gap = ipm.complementarity() / (1 + Math.abs(tp) + Math.abs(td));
                    double pinf = ipm.primalResidualNorm() / (1 + Math.sqrt(sdp.m));
                    double dinf = ipm.dualResidualNorm() / (1 + Math.sqrt(sdp.n));
                    if (gap < TOLERANCE && pinf < TOLERANCE && dinf < TOLERANCE) {
                        return giveUp("converged (relative gap " + fmt(gap) + ")");
                    }
                    if (iterations >= maxIterations) return giveUp("iteration limit " + maxIterations + " reached");
                    if (stalls >= 3) return giveUp("steps became too short (numerical limit of the interior-point method)");
                    if (!ipm.iterate()) return giveUp("the Schur complement or an iterate lost definiteness in floating point");
                    iterations++;
                    stalls = ipm.alphaPrimal < 1e-6 && ipm.alphaDual < 1e-6 ? stalls + 1 : 0;
                }
            } catch (DeadlineExceededException e) {
                return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(),
                        "deadline reached after " + iterations + " iterations");
            } catch (OutOfMemoryError e) {
                return new SolverResult(name(), Status.ERROR, Verdict.UNKNOWN, null, null, false, Map.of(),
                        "out of memory: the Schur complement has order " + a.m());
            }
        }

        /** Tries to certify the sign of t* from the current iterates; null when neither side succeeds yet. */
        private SolverResult attempt() {
            double upper = ipm.dualBound();
            tUpper = Math.min(tUpper, upper);
            double lower = (1 - ipm.xs) - ipm.primalResidualNorm();
            tLower = Math.max(tLower, lower);
            attemptStart = System.nanoTime();
            try {
                if (upper < 0) {
                    Body.Entries w = NoCertificate.build(a, sdp, ipm.zv, options.threads());
                    if (w != null) {
                        return SolverResult.solved(name(), Certificate.witness(sha, w), stats(),
                                "dual witness W + ηI from the interior-point dual slack; t* <= " + fmt(upper));
                    }
                }
                // The completion (data on Ω, the iterate elsewhere) is often definite well before the primal objective
                // turns positive; a Lanczos estimate of its λmin (O(n²) per step) decides whether to try.
                double[] xc = YesCertificate.completion(a, sdp, ipm.x);
                int n = sdp.n;
                double[][] rows = Dense.rows(xc, n);
                double lmin = StepLength.lambdaMin(n, (in, out) -> Dense.multiplySymmetric(rows, in, out));
                if (lmin > 0) {
                    Body.Factor f = YesCertificate.build(a, sdp, xc, lmin, options.threads());
                    if (f != null) {
                        return SolverResult.solved(name(), Certificate.completion(sha, f), stats(),
                                "factor completion with shift " + fmt(f.shift().toDouble()) + "; primal t = " + fmt(1 - ipm.xs));
                    }
                }
                return null;
            } finally {
                certSeconds += (System.nanoTime() - attemptStart) / 1e9;
                attemptStart = 0;
            }
        }

        /**
         * The last chance to certify (in {@code stop=converged} mode no attempt has been made yet), then the exact
         * fallback for small n, else UNKNOWN.
         */
        private SolverResult giveUp(String why) {
            stopped = why;
            SolverResult done = early ? null : attempt();
            if (done == null && sdp.n <= exactFallbackN) done = exactFallback();
            return done != null ? done : unknown(why.startsWith("converged") ? why + " but the sign of t* is not certified" : why);
        }

        /**
         * Boundary instances (|t*| below the interior-point accuracy) of order n ≤ {@code exact-fallback-n}: the
         * exact routes that need no margin, i.e. {@code chordal} when G(Ω) is chordal, else the clique-sum decision
         * ({@link CliqueSum}, as the {@code structured} solver makes it) without a decider for general atoms: clique
         * atoms decided exactly, chordless cycles by Barrett–Johnson–Loewy, series-parallel atoms by Laurent's
         * condition; any other atom leaves it undecided, so it never comes back to ipm. Their certificates are
         * exact; null when neither decides (or the deadline passes meanwhile).
         */
        private SolverResult exactFallback() {
            Mc1Instance inst = new Mc1Instance(a);
            ChordalSolver chordal = new ChordalSolver();
            SolverResult r;
            String route;
            if (chordal.accepts(inst)) {
                route = chordal.name();
                r = chordal.solve(inst, sha, options);
            } else {
                route = "structured";
                try {
                    r = new CliqueSum(route, null).decide(a, sha, options, new LinkedHashMap<>());
                } catch (DeadlineExceededException e) {
                    return null;
                }
            }
            if (r.status() != Status.SOLVED) return null;
            return SolverResult.solved(name(), r.certificate(), stats(), "exact fallback (" + route + ") at the boundary: " + r.message());
        }

        private SolverResult unknown(String why) {
            return SolverResult.unknown(name(), why + "; t* in [" + fmt(tLower) + ", " + fmt(tUpper) + "] (scaled to unit diagonal), accuracy "
                    + fmt(Math.max(0, tUpper - tLower)), stats());
        }

        private Map<String, Object> stats() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iterations", iterations);
            m.put("t_primal", 1 - ipm.xs);
            m.put("t_dual", 1 - ipm.dualObjective());
            m.put("t_lower", tLower);
            m.put("t_upper", tUpper);
            m.put("gap", Math.abs(ipm.dualObjective() - ipm.xs));
            m.put("primal_infeasibility", ipm.primalResidualNorm());
            m.put("dual_infeasibility", ipm.dualResidualNorm());
            m.put("schur_size", sdp.m);
            m.put("stopped", stopped);
            m.put("certificate_seconds", certSeconds + (attemptStart == 0 ? 0 : (System.nanoTime() - attemptStart) / 1e9));
            m.put("seconds", (System.nanoTime() - t0) / 1e9);
            return m;
        }
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.3g", x);
    }
}
