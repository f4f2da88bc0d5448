package mcs.solvers.perm.glynn;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * PERM-EXACT in floating point: Glynn's formula over exact fixed-point column sums with a rigorous error
 * bound ({@link GlynnSum}); the answer is a 17-digit decimal with {@code exact = false} and its
 * {@code error_bound} (SPEC §2.4, §3.2). Two instances of this class serve as {@code glynn} (real input)
 * and, through {@link GlynnComplexSolver}, {@code glynn-complex}.
 *
 * <p>Input: any real (rational) matrix of order n ≤ {@value #MAX_N}. Complexity: 2^(n−1) terms of
 * O(n) flops, split over {@link SolverOptions#threads()} fork-join workers; the value is bit-identical
 * for every thread count. The kernel is plain Java whose inner loops C2 turns into SIMD code. Measured times are in the bench module
 * ({@code mcs.bench.perm.PermanentSolversBench}).
 */
public class GlynnSolver extends BaseSolver<PermInstance> {
    /** Largest order: 2^(n−1) terms are indexed by a long. */
    public static final int MAX_N = 62;

    private final boolean complex;

    public GlynnSolver() {
        this(new SolverInfo("glynn", Problem.PERMANENT, SolverKind.EXACT, 40,
                "permanent of a real matrix in double precision with a rigorous a-posteriori error bound (Glynn's formula, exact "
                + "fixed-point column sums, bound from the sum of |terms|); O(n*2^(n-1)) flops; n <= " + MAX_N), false);
    }

    /** @param complex the field this instance takes: complex matrices ({@code glynn-complex}) or real ones */
    GlynnSolver(SolverInfo info, boolean complex) {
        super(PermInstance.class, info);
        this.complex = complex;
    }

    @Override
    protected final String refusal(PermInstance p) {
        return p.isComplex() == complex && p.n() <= MAX_N ? null : name() + " takes " + (complex ? "complex" : "real")
                + " permanent instances of order n <= " + MAX_N + "; got " + p.problem() + " of order " + p.n();
    }

    @Override
    protected final SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        GlynnSum.Result r;
        try {
            r = GlynnSum.compute(instance, options);
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, Map.of("n", instance.n()),
                    "deadline reached before all 2^" + Math.max(0, instance.n() - 1) + " Glynn terms were summed");
        }
        Certificate c = Certificate.approximateValue(Problem.PERMANENT, instanceSha256, r.value(), r.errorBound());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", instance.n());
        stats.put("terms", r.terms());
        stats.put("tasks", r.tasks());
        stats.put("columns", r.columns());
        stats.put("error_bound", r.errorBound().toDecimalString());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), c, stats, "Glynn's formula in double precision with a rigorous error bound");
    }
}
