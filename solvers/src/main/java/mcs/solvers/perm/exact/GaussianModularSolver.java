package mcs.solvers.perm.exact;

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
 * {@code exact-modular-gaussian}: the exact permanent of a complex rational matrix by Glynn's formula over the
 * Gaussian integers modulo primes p ≡ 1 (mod 4), CRT on the real and imaginary parts ({@link GaussianGlynn}).
 * Domain: complex input of order n ≤ {@value #MAX_N} whose row-scaled columns have moduli sums below 2^59.
 * Auto tries it when it needs at most {@value #AUTO_PRIMES} primes or n ≤ {@value #AUTO_ANY_N}.
 */
public final class GaussianModularSolver extends BaseSolver<PermInstance> {
    static final int MAX_N = 62;
    static final int AUTO_PRIMES = 8;
    static final int AUTO_ANY_N = 16;

    public GaussianModularSolver() {
        super(PermInstance.class, new SolverInfo("exact-modular-gaussian", Problem.PERMANENT, SolverKind.EXACT, 15,
                "exact permanent of a complex rational matrix (Glynn's formula over the Gaussian integers modulo 61-bit primes "
                        + "p = 1 mod 4, both embeddings of i, CRT on real and imaginary parts); O(n*2^(n-1)) word operations per "
                        + "prime; row-scaled column moduli sums below 2^59; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (!p.isComplex()) return name() + " takes complex matrices (exact-modular takes real ones)";
        if (p.n() > MAX_N) return name() + " takes order n <= " + MAX_N + ", got " + p.n();
        if (GaussianGlynn.scale(p).columns() == null) return name() + " needs row-scaled column moduli sums below 2^59";
        return null;
    }

    @Override
    public boolean accepts(Instance instance) {
        if (!super.accepts(instance)) return false;
        PermInstance p = (PermInstance) instance;
        return p.n() <= AUTO_ANY_N || GaussianGlynn.scale(p).primes() <= AUTO_PRIMES;
    }

    @Override
    protected SolverResult run(PermInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        GaussianGlynn.Scaled s = GaussianGlynn.scale(inst);
        ComplexValue v = GaussianGlynn.permanent(s, options);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        stats.put("primes", s.primes());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), Certificate.exactValue(Problem.PERMANENT, sha, v.toString()), stats,
                "Glynn's formula over the Gaussian integers modulo primes p = 1 mod 4, CRT");
    }
}
