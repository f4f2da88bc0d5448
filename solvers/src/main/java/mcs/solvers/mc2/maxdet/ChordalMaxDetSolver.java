package mcs.solvers.mc2.maxdet;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.maxdet.DenseAnswerSolver;
import mcs.solvers.engine.maxdet.Completion;
import mcs.solvers.engine.maxdet.FactorAnswer;
import mcs.solvers.engine.maxdet.NewtonRun;

/**
 * MC2 {@code chordal-maxdet}: the max-determinant completion of AAᵀ restricted to a chordal extension V ⊇ Ω
 * ({@link ChordalMaxDet}: V = Ω when G(Ω) is chordal, else the fill of a minimum-degree order), computed in closed
 * form along the clique tree — no iteration — and answered in {@code factor} form ({@link FactorAnswer}). It agrees
 * with AAᵀ on V ⊇ Ω, so it is a valid answer; when Ω is chordal it is the max-det completion of (AAᵀ)|Ω.
 *
 * <p>Applies when the largest clique of V is at most {@code max-clique} (default {@value #DEFAULT_MAX_CLIQUE}) and
 * n ≤ {@code max-certificate-n} (default {@value NewtonRun#DEFAULT_MAX_N}; the answer is dense), else UNSUPPORTED
 * with the reason. Needs every clique block of AAᵀ on V positive definite (e.g. A of full row rank on each clique,
 * which fails when k &lt; clique size): else UNKNOWN. Cost: O(nnz(V)·k) for the Gram values, Σ_j |J_j|³/3 flops for
 * the cliques, then the certificate (O(n·nnz(L)) + n³/3 + O(m·n)). Auto rank 93: after {@code trivial-factor} (90).
 */
public final class ChordalMaxDetSolver extends DenseAnswerSolver<Mc2Instance> {
    static final int DEFAULT_MAX_CLIQUE = 200;

    public ChordalMaxDetSolver() {
        super(Mc2Instance.class, new SolverInfo("chordal-maxdet", Problem.APPROXIMATE_SQUARING, SolverKind.HEURISTIC, 93,
                "SOLVED with the max-det completion of AA^T on a chordal extension V of Ω (V = Ω when Ω is chordal) as a dense factor"
                + " (F, δ), ||Δ||_F^2 <= δ^2 checked exactly; applies when the largest clique of V is <= " + DEFAULT_MAX_CLIQUE
                + " and n <= " + NewtonRun.DEFAULT_MAX_N + "; UNKNOWN when a clique block of AA^T is singular; O(nnz(V)·k + sum |C|^3)"
                + " plus the O(n·nnz(V) + n^3/3 + m·n) certificate"));
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        int maxClique, maxN;
        try {
            maxClique = options.extraInt("max-clique", DEFAULT_MAX_CLIQUE);
            maxN = options.extraInt("max-certificate-n", NewtonRun.DEFAULT_MAX_N);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, name() + ": " + e.getMessage());
        }
        if (mc2.n() > maxN) {
            return SolverResult.of(name(), Status.UNSUPPORTED, "n = " + mc2.n() + " exceeds max-certificate-n = " + maxN
                    + ": the max-det completion is dense, so its factor certificate has n^2 entries");
        }
        long t0 = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        try {
            ChordalMaxDet plan = ChordalMaxDet.plan(mc2.omega());
            stats.put("omega_chordal", plan.omegaChordal);
            stats.put("fill_nnz_l", plan.sym.nnz());
            stats.put("max_clique", plan.sym.maxClique());
            stats.put("order_seconds", (System.nanoTime() - t0) / 1e9);
            if (plan.sym.maxClique() > maxClique) {
                stats.put("seconds", (System.nanoTime() - t0) / 1e9);
                return new SolverResult(name(), Status.UNSUPPORTED, Verdict.UNKNOWN, null, null, false, stats, "the chordal extension has a clique of "
                        + plan.sym.maxClique() + " vertices, above max-clique = " + maxClique);
            }
            int k = mc2.a().cols();
            double[] av = mc2.a().approxValues();
            Completion c = plan.complete((i, j) -> {
                double s = 0;
                for (int q = 0; q < k; q++) s += av[i * k + q] * av[j * k + q];
                return s;
            }, options);
            stats.put("clique_seconds", (System.nanoTime() - t0) / 1e9);
            if (c == null) {
                stats.put("seconds", (System.nanoTime() - t0) / 1e9);
                return SolverResult.unknown(name(), "a clique block of AA^T on the chordal extension is not positive definite (singular when"
                        + " A has fewer columns than the clique, k = " + k + ")", stats);
            }
            Body.Factor body = FactorAnswer.build(FitTarget.of(mc2), c, options.seed(), stats);
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            if (body == null) return SolverResult.unknown(name(), "no certificate: " + stats.get("certificate"), stats);
            return SolverResult.solved(name(), Certificate.squaring(sha, body), stats,
                    "max-det completion on " + (plan.omegaChordal ? "the chordal Ω" : "a chordal extension of Ω") + ", factor form");
        } catch (DeadlineExceededException e) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached");
        }
    }
}
