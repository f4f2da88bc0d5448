package mcs.solvers.mc2.direct;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * MC2 baseline {@code trivial-factor}: answers B = AAᵀ in factor form (F = A, δ = 0). Always valid, O(1)
 * work here (the certificate is A itself); the kernel's check costs O(k·m). It is the reference point
 * that any fast MC2 method is measured against: correctness alone cannot tell them apart (SPEC §1).
 */
public final class TrivialFactorSolver extends BaseSolver<Mc2Instance> {
    public TrivialFactorSolver() {
        super(Mc2Instance.class, new SolverInfo("trivial-factor", Problem.APPROXIMATE_SQUARING, SolverKind.EXACT, 90,
                "always SOLVED: B = AA^T given as the factor F = A with shift 0 (exact; certificate size n*k)"));
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        Certificate c = Certificate.squaring(sha, new Body.Factor(mc2.a(), Rational.ZERO));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rank", mc2.a().cols());
        return SolverResult.solved(name(), c, stats, "B = AA^T");
    }
}
