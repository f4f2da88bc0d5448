package mcs.solvers.mc1.cliquesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.mc1.ipm.IpmSolver;
import org.junit.jupiter.api.Test;

/**
 * The general-atom decider is an argument: without one a general atom stays undecided (so ipm's exact fallback,
 * which passes none, can never come back to ipm); with one it is called once per general atom, with the caller's
 * options, and its certificate is used.
 */
class CliqueSumTest {
    /** The wheel W5 (hub 0 joined to the 5-cycle 1..5): no clique separator, a K4 minor, so one general atom. */
    private static PartialSymmetricMatrix wheel() {
        List<int[]> pairs = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            pairs.add(new int[] {v, 0});
            pairs.add(new int[] {Math.max(v, v % 5 + 1), Math.min(v, v % 5 + 1)});
        }
        Pattern p = Pattern.of(6, pairs.toArray(new int[0][]));
        Rational[] values = new Rational[p.m()];
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) values[k] = p.col(k) == i ? Rational.ONE : Rational.of(1, 4);
        }
        return PartialSymmetricMatrix.of(p, values);
    }

    @Test
    void withoutADeciderAGeneralAtomIsUndecided() {
        Map<String, Object> stats = new LinkedHashMap<>();
        SolverResult r = new CliqueSum("test", null).decide(wheel(), null, SolverOptions.defaults(), stats);
        assertEquals(Status.UNKNOWN, r.status());
        assertTrue(r.message().contains("no decider for general atoms"), r.message());
        assertEquals(1, stats.get("general_atoms"));
    }

    @Test
    void theDeciderIsCalledOncePerGeneralAtomWithTheCallersOptions() {
        SolverOptions options = SolverOptions.defaults().withThreads(1).withExtra(Map.of("marker", "kept"));
        List<SolverOptions> seen = new ArrayList<>();
        CliqueSum.GeneralAtoms ipm = new CliqueSum.GeneralAtoms("ipm", 60, (atom, sha, o) -> {
            seen.add(o);
            return new IpmSolver().solve(atom, sha, o);
        });
        Map<String, Object> stats = new LinkedHashMap<>();
        SolverResult r = new CliqueSum("test", ipm).decide(wheel(), null, options, stats);
        assertEquals(Status.SOLVED, r.status(), r.message());
        assertEquals(Verdict.COMPLETABLE, r.verdict());
        assertEquals(1, seen.size());
        assertSame(options, seen.get(0));
        assertEquals(1, stats.get("ipm_atoms"));
    }

    @Test
    void aGeneralAtomAboveTheLimitIsNotHandedOver() {
        CliqueSum.GeneralAtoms never = new CliqueSum.GeneralAtoms("never", 5, (atom, sha, o) -> {
            throw new AssertionError("called on an atom of " + atom.n() + " vertices");
        });
        SolverResult r = new CliqueSum("test", never).decide(wheel(), null, SolverOptions.defaults(), new LinkedHashMap<>());
        assertEquals(Status.UNKNOWN, r.status());
        assertTrue(r.message().contains("6 > max-general = 5"), r.message());
    }
}
