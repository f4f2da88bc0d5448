package mcs.solvers.haf.exact;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * The exact hafnian or loop hafnian of a real or complex rational symmetric matrix ({@link GaussianCycleHafnian}):
 * modulo primes p ≡ 1 (mod 4), CRT on the real and imaginary parts. Input order n ≤ {@value #MAX_N}. Auto tries it
 * when it needs at most {@value #AUTO_PASSES} modular evaluations or n ≤ {@value #AUTO_ANY_N}; long decimals need
 * many primes, and {@code hafnian-cycles} answers them faster with a bound.
 */
abstract class GaussianCycleSolver extends BaseSolver<PermInstance> {
    static final int MAX_N = 60;
    static final int AUTO_PASSES = 8;
    static final int AUTO_ANY_N = 24;

    GaussianCycleSolver(String name, Problem problem, String what) {
        super(PermInstance.class, new SolverInfo(name, problem, SolverKind.EXACT, 14,
                "exact " + what + " of an integer, rational or complex rational symmetric matrix (alternating-cycle programme and "
                        + "Glynn-type sieve modulo 61-bit primes p = 1 mod 4, CRT on real and imaginary parts); O(n^2*2^(n/2)) word "
                        + "operations per prime and part, O(n*2^(n/2)) memory; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (p.n() > MAX_N) return name() + " takes order n <= " + MAX_N + ", got " + p.n();
        if (problem() == Problem.HAFNIAN && p.n() % 2 != 0) return "a hafnian needs even order, got " + p.n();
        if (!p.re().isSymmetric() || (p.im() != null && !p.im().isSymmetric())) return name() + " needs a symmetric matrix";
        return null;
    }

    @Override
    public boolean accepts(mcs.problems.instance.Instance instance) {
        if (!super.accepts(instance)) return false;
        PermInstance p = (PermInstance) instance;
        if (p.n() <= AUTO_ANY_N) return true;
        GaussianCycleHafnian.Scaled s = GaussianCycleHafnian.scale(p);
        return s.primes() * s.evaluations() <= AUTO_PASSES;
    }

    @Override
    protected SolverResult run(PermInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        GaussianCycleHafnian.Scaled s = GaussianCycleHafnian.scale(inst);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        int l = (s.re().length) / 2;
        long bytes = ModularCycles.bytesNeeded(l, s.loop());
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 10 * 8) {
            return SolverResult.unknown(name(), "order " + inst.n() + " needs about " + (bytes >> 20) + " MiB of heap, more than 80% of the "
                    + (heap >> 20) + " MiB available; rerun with a larger heap (e.g. MCS_JAVA_OPTS=-Xmx" + ((bytes * 2 >> 30) + 1) + "g)", stats);
        }
        ComplexValue v = GaussianCycleHafnian.value(s, options);
        stats.put("primes", s.primes());
        stats.put("evaluations", s.primes() * s.evaluations());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.exactValue(problem(), sha, v.toString());
        return SolverResult.solved(name(), c, stats, "alternating-cycle programme and Glynn-type sieve modulo primes p = 1 mod 4, CRT");
    }
}
