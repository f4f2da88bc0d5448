package mcs.solvers.haf.lowrank;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * {@code hafnian-low-rank}: the exact hafnian of a symmetric (complex) rational matrix of rank at most
 * {@value LowRankHafnian#MAX_RANK} ({@link LowRankHafnian}: A = G·D·Gᵀ by congruence modulo primes, the
 * coefficient formula of Björklund–Gupt–Quesada's appendix C, CRT). Polynomial in n for fixed rank, so it
 * takes any order up to {@value #MAX_N}. Auto tries it first when the rank modulo the first prime is at most
 * the limit and the coefficient tables stay below {@value #MAX_WORK} products.
 */
public final class LowRankHafnianSolver extends BaseSolver<PermInstance> {
    static final int MAX_N = 400;
    static final double MAX_WORK = 5e8;

    public LowRankHafnianSolver() {
        super(PermInstance.class, new SolverInfo("hafnian-low-rank", Problem.HAFNIAN, SolverKind.EXACT, 10,
                "exact hafnian of a symmetric integer, rational or complex rational matrix of rank r <= " + LowRankHafnian.MAX_RANK
                        + " (congruence A = G*D*G^T modulo 61-bit primes, coefficients of prod_i (G_i . x), CRT); "
                        + "O(n^3 + n*C(n+r-1, r-1)*r) per prime; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (p.n() > MAX_N) return name() + " takes order n <= " + MAX_N + ", got " + p.n();
        if (p.n() % 2 != 0) return "a hafnian needs even order, got " + p.n();
        if (!p.re().isSymmetric() || (p.im() != null && !p.im().isSymmetric())) return name() + " needs a symmetric matrix";
        int r = LowRankHafnian.rankEstimate(p);
        if (r > LowRankHafnian.MAX_RANK) return name() + " takes rank <= " + LowRankHafnian.MAX_RANK + "; this matrix has rank at least " + r;
        if (LowRankHafnian.work(p.n(), r) > MAX_WORK) return name() + ": order " + p.n() + " at rank " + r + " needs too large coefficient tables";
        return null;
    }

    @Override
    public boolean accepts(Instance instance) {
        return instance instanceof PermInstance p && p.problem() == Problem.HAFNIAN && p.n() >= 4 && refusal(p) == null;
    }

    @Override
    protected SolverResult run(PermInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        ComplexValue v = LowRankHafnian.hafnian(inst);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        stats.put("rank", LowRankHafnian.rankEstimate(inst));
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        if (v == null) return SolverResult.unknown(name(), "the rank modulo a later prime exceeds " + LowRankHafnian.MAX_RANK, stats);
        return SolverResult.solved(name(), Certificate.exactValue(Problem.HAFNIAN, sha, v.toString()), stats,
                "low-rank formula (congruence modulo primes, CRT)");
    }
}
