package mcs.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.Solvers;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {
    private static void expect(String name, Problem p, SolverKind kind) {
        Solver s = Solvers.byName(name, p).orElseThrow(() -> new AssertionError(name + " not found by ServiceLoader"));
        assertEquals(kind, s.kind());
        assertTrue(!s.guarantees().isBlank());
    }

    @Test
    void allFourSolversAreDiscovered() {
        expect("local-checks", Problem.PSD_COMPLETION, SolverKind.HEURISTIC);
        expect("chordal", Problem.PSD_COMPLETION, SolverKind.EXACT);
        expect("brute-force", Problem.PERMANENT, SolverKind.EXACT);
        expect("ryser-exact", Problem.PERMANENT, SolverKind.EXACT);
        expect("hafnian-brute-force", Problem.HAFNIAN, SolverKind.EXACT);
        // A name may serve several problems (burer-monteiro: MC1 and MC2); within a problem it is unique.
        List<String> names = Solvers.all().stream().map(s -> s.problem() + "/" + s.name()).toList();
        assertEquals(names.size(), names.stream().distinct().count(), "names are unique per problem: " + names);
    }
}
