package mcs.solvers.perm.exact;

import java.math.BigInteger;
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
import mcs.solvers.engine.modular.ScaledIntegers;

/**
 * PERM-EXACT for integer and rational matrices: Glynn's formula over exact integer column sums, products
 * in word-sized chunks, modulo primes in (2^60, 2^61) with signed Montgomery reduction, rebuilt by CRT
 * ({@link ModularGlynn}). Rational rows are scaled by the LCM of their denominators
 * ({@link ScaledIntegers#byRows}) and the result divided by Π d_i.
 *
 * <p>Accepts real permanent instances whose scaled columns have absolute sums below 2^59 and that need
 * at most {@value #MAX_PRIMES} primes unless n ≤ {@value #ANY_PRIMES_N} (beyond that, long decimals make
 * the exact route much slower than {@code glynn}'s bounded answer). Complexity O(2^(n−1)·(n + P·n/k))
 * word operations for P primes and chunks of k columns; on 2 threads and entries in [−9, 9], n = 25 takes
 * about a second (bench {@code mcs.bench.perm.PermanentSolversBench}). Threads: {@link SolverOptions#threads()}.
 */
public final class ExactModularSolver extends BaseSolver<PermInstance> {
    /** Prime count above which larger matrices are left to other solvers. */
    static final int MAX_PRIMES = 12;
    /** Up to this order any number of primes is accepted. */
    static final int ANY_PRIMES_N = 20;

    public ExactModularSolver() {
        super(PermInstance.class, new SolverInfo("exact-modular", Problem.PERMANENT, SolverKind.EXACT, 15,
                "exact permanent of an integer or rational matrix (Glynn's formula modulo 61-bit primes, CRT with the bound "
                + "2^(n-1)*prod of column absolute sums); O(n*2^(n-1)) word operations per prime; column absolute sums after row "
                + "scaling below 2^59"));
    }

    @Override
    protected String refusal(PermInstance p) {
        if (!p.isComplex() && p.n() <= 62) {
            int primes = ModularGlynn.primesNeeded(ScaledIntegers.byRows(p).re());
            if (primes > 0 && (p.n() <= ANY_PRIMES_N || primes <= MAX_PRIMES)) return null;
        }
        return "exact-modular takes real permanent instances whose row-scaled integer "
                + "columns have absolute sums below 2^59 (and at most " + MAX_PRIMES + " primes when n > " + ANY_PRIMES_N + ")";
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.byRows(instance);
        BigInteger v;
        try {
            v = ModularGlynn.permanent(s.re(), options);
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(s, t0),
                    "deadline reached before all 2^" + Math.max(0, s.n() - 1) + " Glynn terms were summed");
        }
        Certificate c = Certificate.exactValue(Problem.PERMANENT, instanceSha256, s.valueText(v, BigInteger.ZERO));
        return SolverResult.solved(name(), c, stats(s, t0), "Glynn's formula modulo word primes, CRT");
    }

    private static Map<String, Object> stats(ScaledIntegers s, long t0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        m.put("primes", Math.max(0, ModularGlynn.primesNeeded(s.re())));
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }
}
