package mcs.verifier.search;

import java.io.PrintWriter;
import java.util.List;
import mcs.problems.spi.Solvers;
import mcs.verifier.search.gen.Mc1Gens;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.LocalPsdConjecture;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        var oracle = KernelOracle.defaults(Solvers.all());
        var c = SearchConfig.of(new LocalPsdConjecture(), "edge-cases", Mc1Gens.edgeCases(), 1, 3, 8, 10000, 1);
        var o = Search.run(c, oracle, new PrintWriter(System.err, true));
        System.err.println(o.found().map(f -> f.tryIndex() + " " + f.original().n() + " -> " + f.shrunk().instance().n() + " " + f.shrunk().steps() + " find " + f.findSeconds() + " shrink " + f.shrinkSeconds() + " evals " + f.shrunk().evaluations()).orElse("none"));
        o.statistics().print(new PrintWriter(System.err, true));
        var f = o.found().get();
        var m = ((mcs.problems.instance.Mc1Instance) f.shrunk().instance()).matrix();
        for (int i = 0; i < m.n(); i++) { StringBuilder sb = new StringBuilder(); for (int j = 0; j < m.n(); j++) sb.append(m.get(i, j)).append(' '); System.err.println(sb); }
    }
}
