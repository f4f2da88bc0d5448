package mcs.solvers.perm.repeated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** {@code permanent-repeated} against the expanded definition and closed forms. */
class RepeatedPermanentTest {
    private final Solver perm = new RepeatedPermanentSolver();

    private SolverResult run(RepeatedInstance inst, int threads) {
        SolverResult r = perm.solve(inst, "0".repeat(64), SolverOptions.defaults().withThreads(threads));
        assertEquals(Status.SOLVED, r.status(), r::message);
        return r;
    }

    @Test
    void agreesWithTheExpandedDefinition() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int trial = 0; trial < 80; trial++) {
            int n = 1 + rng.nextInt(5);
            int[] rows = new int[n], cols = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) total += rows[i] = rng.nextInt(4);
            for (int k = 0; k < total; k++) cols[rng.nextInt(n)]++;
            RationalMatrix a = NaiveGaussian.random(rng, n, -4, 4, trial % 4 == 0 ? 3 : 1);
            RepeatedInstance inst = new RepeatedInstance(PermInstance.permanent(a), rows, cols);
            assertEquals(NaiveGaussian.value(inst).toString(), run(inst, 1 + trial % 2).value(), "trial " + trial);
        }
    }

    @Test
    void modularPathAgrees() {
        SplittableRandom rng = new SplittableRandom(22);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rng.nextInt(3);
            int[] r = new int[n];
            for (int i = 0; i < n; i++) r[i] = 1 + rng.nextInt(3);
            Rational[][] a = NaiveGaussian.array(NaiveGaussian.random(rng, n, -9, 9, 1));
            RepeatedInstance small = new RepeatedInstance(PermInstance.permanent(RationalMatrix.of(a)), r, r);
            for (Rational[] row : a) for (int j = 0; j < n; j++) row[j] = row[j].multiply(Rational.of(1L << 58));
            RepeatedInstance big = new RepeatedInstance(PermInstance.permanent(RationalMatrix.of(a)), r, r);
            SolverResult b = run(big, 2);
            assertEquals("modular", b.statistics().get("path"));
            Rational scale = Rational.of(BigInteger.ONE.shiftLeft(58 * small.total()));
            assertEquals(Rational.parse(run(small, 2).value()).multiply(scale), Rational.parse(b.value()), "trial " + trial);
        }
    }

    @Test
    void closedForms() {
        // J_n with rows repeated r: perm = N! for the N×N all-ones matrix.
        Rational[][] j = new Rational[3][3];
        for (Rational[] row : j) Arrays.fill(row, Rational.ONE);
        RepeatedInstance inst = new RepeatedInstance(PermInstance.permanent(RationalMatrix.of(j)), new int[] {4, 3, 2}, new int[] {1, 5, 3});
        assertEquals("362880", run(inst, 2).value());
        // Rows only of one kind against distinct columns: perm = N!·Π_j a_1j^(c_j) for a single repeated row.
        RationalMatrix a = RationalMatrix.of(new Rational[][] {{Rational.of(2), Rational.of(3)}, {Rational.of(5), Rational.of(7)}});
        assertEquals(BigInteger.valueOf(6 * 2 * 2 * 3).toString(), run(new RepeatedInstance(PermInstance.permanent(a), new int[] {3, 0}, new int[] {2, 1}), 1).value());
        assertEquals("1", run(new RepeatedInstance(PermInstance.permanent(a), new int[] {0, 0}, new int[] {0, 0}), 1).value());
    }
}
