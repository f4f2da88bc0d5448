package mcs.solvers.perm.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;

/** Helpers of the estimator tests: running an estimator by SPI name, random matrices, an independent permanent. */
public final class EstimateTesting {
    private EstimateTesting() {}

    public static PermInstance estimateInstance(RationalMatrix a) {
        return new PermInstance(Problem.PERMANENT_ESTIMATE, a.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, a, null);
    }

    /** Runs the named estimator (found by ServiceLoader) and checks the shape of its answer. */
    public static SolverResult run(String name, PermInstance inst, Map<String, String> extra, long seed) {
        var s = Solvers.byName(name, inst.problem()).orElseThrow(() -> new AssertionError(name + " not registered"));
        SolverResult r = s.solve(inst, "0".repeat(64), SolverOptions.defaults().withSeed(seed).withExtra(extra));
        assertEquals(Status.SOLVED, r.status(), () -> name + ": " + r.message());
        assertFalse(r.exact(), "an estimate never claims to be the exact permanent");
        assertEquals(r.value(), r.certificate().value());
        return r;
    }

    public static Rational stat(SolverResult r, String key) {
        Object v = r.statistics().get(key);
        if (v == null) throw new AssertionError(r.solver() + " has no statistic " + key + ": " + r.statistics());
        return Rational.parse(v.toString());
    }

    /** i.i.d. entries k/10^digits with k uniform in [lo, hi]. */
    public static RationalMatrix uniform(SplittableRandom rng, int n, int lo, int hi, int digits) {
        Rational[] flat = new Rational[n * n];
        for (int q = 0; q < flat.length; q++) flat[q] = Rational.ofDecimal(rng.nextInt(lo, hi + 1), -digits);
        return RationalMatrix.of(n, n, flat);
    }

    /** G·Gᵀ for an n×k integer matrix G with entries in [−3, 3]: exactly PSD. */
    public static RationalMatrix wishart(SplittableRandom rng, int n, int k) {
        long[][] g = new long[n][k];
        for (long[] row : g) for (int c = 0; c < k; c++) row[c] = rng.nextInt(-3, 4);
        long[][] a = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int c = 0; c < k; c++) a[i][j] += g[i][c] * g[j][c];
        return RationalMatrix.ofLongs(a);
    }

    public static RationalMatrix ones(int n) {
        long[][] a = new long[n][n];
        for (long[] row : a) java.util.Arrays.fill(row, 1);
        return RationalMatrix.ofLongs(a);
    }
}
