package mcs.solvers.haf.repeated;

import java.util.Arrays;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * {@code loop-hafnian-kan}: the exact loop hafnian of a dense real integer or rational symmetric matrix by the
 * loop version of Kan's formula, i.e. {@code loop-hafnian-repeated} with every repeat 1 (2^n sign classes,
 * halved by the mirror symmetry; O(1) each on the word path). Same guarantees as {@link RepeatedHafnianSolver}.
 */
public final class LoopHafnianKanSolver extends BaseSolver<PermInstance> {
    /** Largest order: 2^(n−1) classes. */
    public static final int MAX_N = 40;

    private final RepeatedHafnianSolver inner = new RepeatedHafnianSolver.Loop();

    public LoopHafnianKanSolver() {
        super(PermInstance.class, new SolverInfo("loop-hafnian-kan", Problem.LOOP_HAFNIAN, SolverKind.EXACT, 15,
                "exact loop hafnian of a real integer or rational symmetric matrix (Kan's formula with loops over the 2^(n-1) sign "
                        + "vectors modulo 61-bit primes, CRT with a proven bound); O(2^(n-1)) word operations for moderate entries; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (p.isComplex()) return name() + " takes real matrices";
        if (!p.re().isSymmetric()) return name() + " needs a symmetric matrix";
        if (p.n() > MAX_N) return name() + " takes orders up to " + MAX_N;
        return null;
    }

    @Override
    protected SolverResult run(PermInstance p, String sha, SolverOptions options) {
        int[] ones = new int[p.n()];
        Arrays.fill(ones, 1);
        SolverResult r = inner.solve(RepeatedInstance.symmetric(p, ones), sha, options);
        if (r.certificate() == null) return new SolverResult(name(), r.status(), r.verdict(), null, null, false, r.statistics(), r.message());
        Certificate c = Certificate.exactValue(Problem.LOOP_HAFNIAN, sha, r.value());
        return SolverResult.solved(name(), c, r.statistics(), r.message());
    }
}
