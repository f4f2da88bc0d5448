package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The Gaussian-integral solvers of issue 17, found through ServiceLoader, against the kernel: every answer
 * (exact values, and the bounds of the double-word ones) on the seeded hafnian and permanent families and on
 * random real and complex (loop) hafnian inputs must be ACCEPTED, and exact answers must equal the families'
 * closed forms.
 */
class GaussianContractTest {
    private static final List<String> HAFNIAN = List.of("hafnian-cycles", "hafnian-exact-cycles", "hafnian-low-rank", "hafnian-banded",
            "hafnian-sparse", "hafnian-sparse-float");
    private static final List<String> LOOP = List.of("loop-hafnian-cycles", "loop-hafnian-exact-cycles", "loop-hafnian-kan", "loop-hafnian-banded",
            "loop-hafnian-sparse", "loop-hafnian-sparse-float");
    private static final List<String> PERMANENT = List.of("exact-modular-gaussian", "permanent-banded", "permanent-banded-float");
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withThreads(2);

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
    void seededFamilies() {
        int answered = 0;
        for (Family f : Families.all()) {
            if (f.problem() != Problem.PERMANENT && f.problem() != Problem.HAFNIAN) continue;
            for (int n : new int[] {6, 10, 14}) {
                int order = f.problem() == Problem.HAFNIAN ? n + (n % 2) : n;
                Generated g = f.generate(order, 3, Map.of());
                if (!(g.instance() instanceof PermInstance inst)) continue; // repeated rows: GaussianIdentitiesTest, RepeatedCheckTest
                String where = f.name() + " n=" + order;
                if (f.problem() == Problem.PERMANENT) {
                    for (String name : PERMANENT) answered += check(Solvers.byName(name, Problem.PERMANENT).orElseThrow(), inst, g.known().value(), where + " " + name);
                    continue;
                }
                for (String name : HAFNIAN) answered += check(Solvers.byName(name, Problem.HAFNIAN).orElseThrow(), inst, g.known().value(), where + " " + name);
            }
        }
        assertTrue(answered >= 12, "answered " + answered);
    }

    @Test
    void randomRealAndComplexInputs() {
        Random rnd = new Random(17);
        for (int n = 1; n <= 20; n += 3) {
            for (boolean complex : new boolean[] {false, true}) {
                RationalMatrix re = symmetric(n, rnd), im = complex ? symmetric(n, rnd) : null;
                PermInstance.Field field = complex ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL;
                PermInstance loop = new PermInstance(Problem.LOOP_HAFNIAN, field, re, im);
                for (String name : LOOP) check(Solvers.byName(name, Problem.LOOP_HAFNIAN).orElseThrow(), loop, null, "lhaf n=" + n + " " + name);
                if (n % 2 == 0) {
                    PermInstance haf = new PermInstance(Problem.HAFNIAN, field, re, im);
                    for (String name : HAFNIAN) check(Solvers.byName(name, Problem.HAFNIAN).orElseThrow(), haf, null, "haf n=" + n + " " + name);
                }
            }
        }
    }

    private static RationalMatrix symmetric(int n, Random rnd) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
            Rational v = Rational.ofDecimal(rnd.nextInt(2001) - 1000, -2);
            a[i][j] = v;
            a[j][i] = v;
        }
        return RationalMatrix.of(a);
    }
}
