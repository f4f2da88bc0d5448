package mcs.verifier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.instance.Instance;
import mcs.problems.io.InstanceWriter;
import mcs.problems.spi.Solvers;
import mcs.verifier.search.gen.Generators;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.LocalPsdConjecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same counterexample, whatever the number of threads; the try seed regenerates it. */
class DeterminismTest {
    @TempDir Path tmp;

    @Test
    void sameSeedSameCounterexampleForAnyThreadCount() throws Exception {
        KernelOracle oracle = KernelOracle.defaults(Solvers.all());
        String[] files = new String[3];
        long[] tries = new long[3];
        int[] threads = {1, 2, 3};
        for (int t = 0; t < 3; t++) {
            // seed 4 fails only after a few dozen tries, so the workers really interleave
            SearchConfig c = SearchConfig.of(new LocalPsdConjecture(), Generators.DEFAULT_NAME, Generators.defaultFor(mcs.problems.instance.Problem.PSD_COMPLETION),
                    4, 3, 8, 400, threads[t]);
            Search.Outcome o = Search.run(c, oracle, null);
            Found f = o.found().orElseThrow();
            tries[t] = f.tryIndex();
            files[t] = text(f.shrunk().instance());
            assertEquals(f.tryIndex(), o.statistics().tries(), "statistics count the tries before the failure");
            assertEquals(text(f.original()), text(Search.generate(c, f.trySeed())), "the try seed regenerates the original");
        }
        assertEquals(tries[0], tries[1]);
        assertEquals(tries[0], tries[2]);
        assertEquals(files[0], files[1]);
        assertEquals(files[0], files[2]);
        assertTrue(tries[0] > 3, "try " + tries[0]);
    }

    private String text(Instance inst) throws Exception {
        Path p = tmp.resolve("x.mtx");
        InstanceWriter.write(p, inst, List.of());
        return Files.readString(p);
    }

}
