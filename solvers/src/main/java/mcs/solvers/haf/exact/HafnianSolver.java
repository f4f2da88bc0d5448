package mcs.solvers.haf.exact;

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
 * HAF-EXACT for symmetric integer or rational matrices of even order: Kan's moment formula modulo word
 * primes with CRT ({@link ModularKan}). Rational input is scaled by the LCM L of all denominators
 * (haf(L·S) = L^(n/2)·haf(S)).
 *
 * <p>Accepts real symmetric instances of even order n ≤ {@value #MAX_N} whose scaled off-diagonal
 * absolute sum Σ_{i&lt;j} |s_ij| is below 2^59. Complexity: 2^(n−1) terms of O(n) word operations plus
 * a few Montgomery products per prime; threads: {@link SolverOptions#threads()}.
 */
public final class HafnianSolver extends BaseSolver<PermInstance> {
    /** Largest order: 2^(n−1) sign vectors indexed by a long. */
    public static final int MAX_N = 62;

    public HafnianSolver() {
        super(PermInstance.class, new SolverInfo("hafnian", Problem.HAFNIAN, SolverKind.EXACT, 15,
                "exact hafnian of a symmetric integer or rational matrix of even order (Kan's formula modulo 61-bit primes, CRT); "
                + "O(n*2^(n-1)) word operations per prime; scaled off-diagonal absolute sum below 2^59; n <= " + MAX_N));
    }

    @Override
    protected String refusal(PermInstance p) {
        return !p.isComplex() && p.n() % 2 == 0 && p.n() <= MAX_N && ScaledIntegers.symmetric(p) && ModularKan.pairSum(ScaledIntegers.uniform(p).re()) >= 0
                ? null : "hafnian takes real symmetric hafnian instances of even order n <= " + MAX_N + " whose scaled off-diagonal absolute sum is below 2^59";
    }

    @Override
    protected SolverResult run(PermInstance instance, String instanceSha256, SolverOptions options) {
        long t0 = System.nanoTime();
        ScaledIntegers s = ScaledIntegers.uniform(instance);
        BigInteger v;
        try {
            v = ModularKan.hafnian(s.re(), options);
        } catch (DeadlineExceededException e) {
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, Map.of("n", s.n()),
                    "deadline reached before all 2^" + Math.max(0, s.n() - 1) + " sign vectors were summed");
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", s.n());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.exactValue(Problem.HAFNIAN, instanceSha256, s.valueText(v, BigInteger.ZERO));
        return SolverResult.solved(name(), c, stats, "Kan's formula modulo word primes, CRT");
    }
}
