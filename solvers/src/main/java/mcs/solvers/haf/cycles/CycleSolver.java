package mcs.solvers.haf.cycles;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * The floating-point (double-word) hafnian and loop hafnian of {@link CycleHafnian}: the answer is a decimal
 * with {@code exact = false} and a rigorous {@code error_bound} on its distance to the true value (the complex
 * modulus for complex input). Input: a real or complex symmetric matrix given by exact rationals, of order
 * n ≤ {@value #MAX_N} (even for the hafnian); the diagonal is ignored by the hafnian and holds the loop weights
 * of the loop hafnian. The value is bit-identical for every thread count.
 */
abstract class CycleSolver extends BaseSolver<PermInstance> {
    /** Largest order: the sieve indexes 2^(n/2 − 1) terms and the programme's layers must fit the heap. */
    static final int MAX_N = 52;

    CycleSolver(String name, Problem problem, String what) {
        super(PermInstance.class, new SolverInfo(name, problem, SolverKind.EXACT, 35,
                what + " of a real or complex symmetric matrix in double-word (106-bit) arithmetic with a rigorous error bound "
                        + "(alternating-cycle dynamic programme and Glynn-type sieve; the bound follows the abs-masses, so it widens "
                        + "with cancellation); O(n^2*2^(n/2)) time, O(n*2^(n/2)) memory; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (p.n() > MAX_N) return name() + " takes order n <= " + MAX_N + ", got " + p.n();
        if (problem() == Problem.HAFNIAN && p.n() % 2 != 0) return "a hafnian needs even order, got " + p.n();
        if (!p.re().isSymmetric() || (p.im() != null && !p.im().isSymmetric())) return name() + " needs a symmetric matrix";
        return null;
    }

    @Override
    protected SolverResult run(PermInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        boolean loop = problem() == Problem.LOOP_HAFNIAN;
        long bytes = CycleHafnian.bytesNeeded(inst.n(), inst.isComplex(), loop);
        long heap = Runtime.getRuntime().maxMemory();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        if (bytes > heap / 10 * 8) {
            return SolverResult.unknown(name(), "order " + inst.n() + " needs about " + (bytes >> 20) + " MiB of heap, more than 80% of the "
                    + (heap >> 20) + " MiB available; rerun with a larger heap (e.g. MCS_JAVA_OPTS=-Xmx" + ((bytes * 2 >> 30) + 1) + "g)", stats);
        }
        CycleHafnian.Result r = CycleHafnian.compute(inst, options);
        Certificate c = Certificate.approximateValue(problem(), sha, r.value(), r.errorBound());
        stats.put("pairs", (inst.n() + 1) / 2);
        stats.put("products", r.products());
        stats.put("terms", r.terms());
        stats.put("error_bound", r.errorBound().toDecimalString());
        stats.put("relative_error_bound", r.relativeBound());
        stats.put("mass_ratio", r.massRatio());
        stats.put("threads", options.threads());
        stats.put("dp_seconds", r.dpSeconds());
        stats.put("sieve_seconds", r.sieveSeconds());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), c, stats, "alternating-cycle programme and Glynn-type sieve in double-word arithmetic, rigorous error bound");
    }
}
