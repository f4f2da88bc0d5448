package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;

/**
 * The permanent and hafnian solvers {@code exact-modular}, {@code glynn}, {@code glynn-complex},
 * {@code sparse} and {@code hafnian}, found through ServiceLoader, against the kernel on every seeded
 * permanent family: each answer (exact values, and the error bounds of the floating-point ones) must be
 * ACCEPTED, and exact answers must equal the families' closed forms where those are known.
 */
class PermContractTest {
    private static final List<String> NAMES = List.of("exact-modular", "glynn", "glynn-complex", "sparse", "hafnian");
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withThreads(2);

    private static List<Solver> solvers() {
        List<Solver> out = new ArrayList<>();
        for (Solver s : Solvers.all()) if (NAMES.contains(s.name())) out.add(s);
        assertEquals(NAMES.size(), out.size(), "all five solvers are registered");
        return out;
    }

    private static int check(Solver s, PermInstance inst, String known, String where) {
        if (!s.accepts(inst)) return 0;
        SolverResult r = s.solve(inst, null, OPTIONS);
        assertEquals(Status.SOLVED, r.status(), where + ": " + r.message());
        Judgement j = Kernel.check(inst, null, r.certificate(), KernelOptions.defaults());
        assertTrue(j.isAccepted(), where + ": kernel says " + j.outcome() + " at " + j.check() + ": " + j.reason());
        if (known != null && r.exact()) assertEquals(known, r.value(), where);
        return 1;
    }

    @Test
    void everyAnswerOnTheSeededFamiliesIsAccepted() {
        List<Solver> solvers = solvers();
        int answered = 0;
        for (Family f : Families.all()) {
            if (f.problem() != Problem.PERMANENT && f.problem() != Problem.HAFNIAN) continue;
            for (int n : new int[] {6, 10, 13}) {
                int order = f.problem() == Problem.HAFNIAN ? n + (n % 2) : n;
                for (long seed = 1; seed <= 2; seed++) {
                    Generated g = f.generate(order, seed, Map.of());
                    if (!(g.instance() instanceof PermInstance inst)) continue; // repeated rows: RepeatedCheckTest, GaussianIdentitiesTest
                    for (Solver s : solvers) answered += check(s, inst, g.known().value(), f.name() + " n=" + order + " seed=" + seed + " " + s.name());
                }
            }
        }
        assertTrue(answered > 60, "answered " + answered);
    }

    @Test
    void complexMatricesGetAcceptedBounds() {
        Solver glynn = Solvers.byName("glynn-complex", Problem.PERMANENT).orElseThrow();
        Random rnd = new Random(11);
        for (int n = 1; n <= 9; n += 4) {
            Rational[][] re = new Rational[n][n];
            Rational[][] im = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i][j] = Rational.of(rnd.nextInt(2001) - 1000, 1000);
                    im[i][j] = Rational.ofDouble(rnd.nextGaussian());
                }
            }
            PermInstance inst = new PermInstance(Problem.PERMANENT, PermInstance.Field.COMPLEX, RationalMatrix.of(re), RationalMatrix.of(im));
            assertEquals(1, check(glynn, inst, null, "complex n=" + n));
        }
    }

    @Test
    void floatingPointAnswersAreNotExact() {
        Solver glynn = Solvers.byName("glynn", Problem.PERMANENT).orElseThrow();
        PermInstance inst = PermInstance.permanent(RationalMatrix.ofLongs(new long[][] {{1, 2}, {3, 4}}));
        SolverResult r = glynn.solve(inst, null, OPTIONS);
        assertFalse(r.exact());
        assertEquals(1, check(glynn, inst, null, "2x2"));
    }
}
