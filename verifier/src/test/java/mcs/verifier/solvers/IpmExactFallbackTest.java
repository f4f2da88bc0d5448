package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;

/**
 * ipm's exact fallback for small boundary instances (|t*| below its accuracy): the answer comes from the exact
 * margin-free routes and its certificate is accepted; with the fallback switched off the same instances are UNKNOWN.
 */
class IpmExactFallbackTest {
    private static final Solver IPM = Solvers.byName("ipm", Problem.PSD_COMPLETION).orElseThrow();

    private static SolverResult solve(Instance inst, boolean fallback) {
        SolverOptions o = SolverOptions.defaults().withThreads(1).withExtra(Map.of("exact-fallback-n", fallback ? "12" : "0"));
        return IPM.solve(inst, null, o);
    }

    @Test
    void singularCliqueBlockHasMarginZeroAndIsDecidedExactly() {
        // a12 = 1 forces x1 = x2 in every completion, so t* = 0 exactly; the path is chordal with PSD blocks.
        Rational one = Rational.ONE;
        Mc1Instance inst = new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{one}, {one, one}, {null, Rational.HALF, one}}));
        assertEquals(Status.UNKNOWN, solve(inst, false).status());
        SolverResult r = solve(inst, true);
        assertEquals(Verdict.COMPLETABLE, r.verdict(), r.message());
        assertTrue(Kernel.check(inst, null, r.certificate(), KernelOptions.defaults()).isAccepted());
    }

    @Test
    void tinyNegativeMarginsOnSmallChordalPatternsAreDecidedExactly() {
        for (long seed = 1; seed <= 5; seed++) {
            Generated g = Families.byName("chordal").orElseThrow().generate(10, seed,
                    Map.of("shape", "ktree", "k", "3", "answer", "no", "margin", "1/1000000000000000"));
            SolverResult r = solve(g.instance(), true);
            assertEquals(Verdict.NOT_COMPLETABLE, r.verdict(), "seed " + seed + ": " + r.message());
            assertTrue(Kernel.check(g.instance(), null, r.certificate(), KernelOptions.defaults()).isAccepted());
        }
    }
}
