package mcs.solvers.mc2.direct;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * MC2 baseline {@code trivial-factor}: answers B = AAᵀ in factor form (F = A, δ = 0). Always valid, O(1)
 * work here (the certificate is A itself); the kernel's check costs O(k·m). It is the reference point
 * that any fast MC2 method is measured against: correctness alone cannot tell them apart (SPEC §1).
 */
public final class TrivialFactorSolver implements Solver {
    @Override
    public String name() {
        return "trivial-factor";
    }

    @Override
    public Problem problem() {
        return Problem.APPROXIMATE_SQUARING;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.EXACT;
    }

    @Override
    public String guarantees() {
        return "always SOLVED: B = AA^T given as the factor F = A with shift 0 (exact; certificate size n*k)";
    }

    @Override
    public int autoRank() {
        return 90;
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        if (!(instance instanceof Mc2Instance mc2)) return SolverResult.of(name(), Status.UNSUPPORTED, "not an approximate-squaring instance");
        Certificate c = Certificate.squaring(sha, new Body.Factor(mc2.a(), Rational.ZERO));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rank", mc2.a().cols());
        return SolverResult.solved(name(), c, stats, "B = AA^T");
    }
}
