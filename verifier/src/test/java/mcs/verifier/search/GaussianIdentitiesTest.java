package mcs.verifier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Property;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.verifier.search.gen.Generators;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.Properties;
import mcs.verifier.search.property.RepeatedProperty;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian-integral identities as search properties: perm(B) = haf([[0,B],[Bᵀ,0]]) ({@code bipartite:}) and
 * repeated rows = the expanded matrix ({@code repeated:}), on the installed solvers; and a deliberately wrong
 * solver is caught.
 */
class GaussianIdentitiesTest {
    static final Properties PROPS = Properties.load(List.of());

    private static Search.Outcome run(Property p, long tries, int nMax, KernelOracle oracle) {
        return Search.run(SearchConfig.of(p, Generators.DEFAULT_NAME, Generators.defaultFor(p.problem()), 11, 1, nMax, tries, 2), oracle, null);
    }

    @Test
    void bipartiteIdentityHolds() {
        KernelOracle oracle = KernelOracle.defaults(Solvers.all());
        for (String s : List.of("hafnian", "hafnian-sparse", "hafnian-sparse-float", "hafnian-exact-cycles", "hafnian-cycles", "permanent-banded",
                "exact-modular")) {
            Search.Outcome o = run(PROPS.resolve("bipartite:" + s), 25, 5, oracle);
            assertTrue(o.found().isEmpty(), () -> s + ": " + o.found().get().shrunk().result().message());
            assertTrue(o.statistics().discarded() < 25, s + " was never exercised");
        }
    }

    @Test
    void repeatedRowIdentityHolds() {
        KernelOracle oracle = KernelOracle.defaults(Solvers.all());
        for (String s : List.of("hafnian-repeated", "loop-hafnian-repeated", "permanent-repeated", "hafnian-repeated-float",
                "loop-hafnian-repeated-float", "permanent-repeated-float")) {
            Search.Outcome o = run(PROPS.resolve("repeated:" + s), 25, 5, oracle);
            assertTrue(o.found().isEmpty(), () -> s + ": " + o.found().get().shrunk().result().message());
            assertTrue(o.statistics().discarded() < 25, s + " was never exercised");
        }
    }

    /** A solver that adds 1 to the true repeated hafnian (computed by expansion) is refuted and shrunk. */
    @Test
    void aWrongRepeatedSolverIsCaught() {
        Solver honest = Solvers.byName("hafnian-repeated", Problem.HAFNIAN).orElseThrow();
        Solver wrong = new Solver() {
            @Override
            public String name() {
                return "off-by-one";
            }

            @Override
            public Problem problem() {
                return Problem.HAFNIAN;
            }

            @Override
            public SolverKind kind() {
                return SolverKind.EXACT;
            }

            @Override
            public String guarantees() {
                return "none";
            }

            @Override
            public boolean accepts(Instance instance) {
                return honest.accepts(instance);
            }

            @Override
            public SolverResult solve(Instance instance, String sha, SolverOptions options) {
                SolverResult r = honest.solve(instance, sha, options);
                String v = Rational.parse(r.value()).add(Rational.ONE).toString();
                return SolverResult.solved(name(), Certificate.exactValue(Problem.HAFNIAN, sha, v), Map.of(), "wrong on purpose");
            }
        };
        List<Solver> all = new ArrayList<>(Solvers.all());
        all.add(wrong);
        Search.Outcome o = run(new RepeatedProperty(wrong), 20, 5, KernelOracle.defaults(all));
        assertTrue(o.found().isPresent(), "the off-by-one solver was not caught");
        assertTrue(o.found().get().shrunk().result().message().contains("expanded matrix"), o.found().get().shrunk().result().message());
    }
}
