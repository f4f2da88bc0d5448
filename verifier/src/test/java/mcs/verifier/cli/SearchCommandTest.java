package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.io.CertificateJson;
import mcs.problems.matrix.Pattern;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.search.corpus.Corpus;
import mcs.verifier.search.plugin.PluginJar;
import mcs.verifier.search.property.Cliques;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Done when" of issue 8 through the command line: the 4-cycle, the wrong plug-in, replay, plug-in properties, bounds, budgets. */
class SearchCommandTest {
    @TempDir Path tmp;

    @Test
    void conjectureFallsToAVerifiedFourCycleWithinSixtySeconds() throws Exception {
        long t0 = System.nanoTime();
        Cli r = Cli.run("search", "conjecture:local-psd-implies-completable", "--seed", "1", "--corpus", tmp.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExitCodes.REJECTED, r.code(), r.toString());
        assertTrue(seconds < 60, seconds + " s");
        Corpus.Entry e = only(tmp);
        Mc1Instance inst = (Mc1Instance) Corpus.load(e);
        assertChordlessFourCycle(inst.matrix().pattern());
        assertTrue(r.out().contains(e.instance().toString()) && r.out().contains(e.json().toString()), r.out());
        Certificate c = CertificateJson.read(e.certificate());
        assertEquals(Verdict.NOT_COMPLETABLE, c.verdict());
        Judgement j = Kernel.check(inst, e.instanceSha256(), c, KernelOptions.defaults());
        assertTrue(j.isAccepted(), j.reason());
        // the command's own verifier agrees, on the files
        assertEquals(ExitCodes.OK, Cli.run("verify", e.instance().toString(), e.certificate().toString()).code());
        // the printed try seed regenerates the failing try, which shrinks to the same matrix
        String seed = r.out().replaceAll("(?s).*\\(try seed (-?\\d+)\\).*", "$1");
        Cli again = Cli.run("search", "conjecture:local-psd-implies-completable", "--seed", "1", "--replay", seed, "--no-save");
        assertEquals(ExitCodes.REJECTED, again.code(), again.toString());
        assertEquals(section(r.out()), section(again.out()));
    }

    @Test
    void wrongSolverPluginIsCaughtByAgreesAndShrunkToFourByFour() throws Exception {
        Path jar = PluginJar.build(tmp);
        Path corpus = tmp.resolve("corpus");
        Cli r = Cli.run("search", "agrees:wrong-small-blocks", "--plugin", jar.toString(), "--seed", "1", "--corpus", corpus.toString());
        assertEquals(ExitCodes.REJECTED, r.code(), r.toString());
        Corpus.Entry e = only(corpus);
        assertEquals("agrees:wrong-small-blocks", e.property());
        Mc1Instance inst = (Mc1Instance) Corpus.load(e);
        assertEquals(4, inst.n(), r.out());
        assertTrue(Kernel.check(inst, e.instanceSha256(), CertificateJson.read(e.certificate()), KernelOptions.defaults()).isAccepted());
        assertTrue(r.out().contains("wrong-small-blocks says COMPLETABLE"), r.out());
        // the literal 2×2 variant is wrong already on a dense 3×3 block
        Cli two = Cli.run("search", "agrees:wrong-2x2", "--plugin", jar.toString(), "--seed", "1", "--no-save");
        assertEquals(ExitCodes.REJECTED, two.code(), two.toString());
        assertTrue(two.out().contains("shrunk:   n = 3, m = 6"), two.out());
    }

    @Test
    void userPropertyFromAPluginIsShrunkToOneByOne() throws Exception {
        Path jar = PluginJar.build(tmp);
        Cli r = Cli.run("search", "user:permanent-nonnegative", "--plugin", jar.toString(), "--seed", "3", "--no-save", "--threads", "2");
        assertEquals(ExitCodes.REJECTED, r.code(), r.toString());
        assertTrue(r.out().contains("shrunk:   n = 1, m = 1"), r.out());
    }

    @Test
    void boundOfAnEstimatorHoldsOnNonnegativeFamiliesAndFailsOnSignedOnes() throws Exception {
        Path jar = PluginJar.build(tmp);
        Cli ok = Cli.run("search", "bound:row-product-bound", "--plugin", jar.toString(), "--family", "perm-01", "--n", "1..5", "--tries", "30");
        assertEquals(ExitCodes.OK, ok.code(), ok.toString());
        assertTrue(ok.out().contains("tries: 30 (discarded 0)"), ok.out());
        Cli bad = Cli.run("search", "bound:row-product-bound", "--plugin", jar.toString(), "--seed", "2", "--no-save");
        assertEquals(ExitCodes.REJECTED, bad.code(), bad.toString());
        assertTrue(bad.out().contains("shrunk:   n = 2"), bad.out());
    }

    @Test
    void coverageRequirementAndUsageErrors() {
        Cli low = Cli.run("search", "soundness:local-checks", "--tries", "20", "--min-coverage", "n:99=0.5");
        assertEquals(ExitCodes.LIMIT, low.code(), low.toString());
        assertTrue(low.out().contains("coverage: label n:99 covers 0.0%"), low.out());
        Cli met = Cli.run("search", "soundness:local-checks", "--tries", "20", "--min-coverage", "n:3=0.1");
        assertEquals(ExitCodes.OK, met.code(), met.toString());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("search", "agrees:no-such-solver").code());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("search", "nonsense").code());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("search", "soundness:chordal", "--n", "5..2").code());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("search", "soundness:chordal", "--family", "perm-01").code());
    }

    @Test
    void timeBudgetStopsTheRun() {
        Cli r = Cli.run("search", "soundness:local-checks", "--timeout", "1", "--seed", "5");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("time budget reached"), r.out());
        // labels in natural order
        assertTrue(r.out().indexOf("n:3 ") < r.out().indexOf("n:8 "), r.out());
        Cli old = Cli.run("search", "soundness:local-checks", "--time", "1", "--seed", "5");
        assertEquals(ExitCodes.OK, old.code(), "the old name still works for one release: " + old);
        assertTrue(old.out().contains("time budget reached"), old.out());
        assertTrue(!Cli.run("search", "--help").out().contains("--time "), "the old name is hidden");
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("search", "soundness:local-checks", "--timeout", "-1").code());
    }

    /** The shrunk matrix as printed (between "shrunk:" and "verdicts:"). */
    private static String section(String out) {
        return out.substring(out.indexOf("shrunk:"), out.indexOf("verdicts:")).replaceAll("checks, [0-9.]+ s", "checks");
    }

    static void assertChordlessFourCycle(Pattern p) {
        assertEquals(4, p.n());
        assertEquals(4, p.edges());
        for (int i = 0; i < 4; i++) assertEquals(2, p.degree(i), "degree of " + i);
        assertTrue(!Cliques.chordal(p));
    }

    private static Corpus.Entry only(Path root) throws Exception {
        List<Corpus.Entry> es = Corpus.entries(root);
        assertEquals(1, es.size(), es.toString());
        try (Stream<Path> s = Files.list(es.get(0).json().getParent())) {
            assertEquals(3, s.count());
        }
        assertNotNull(es.get(0).certificate());
        return es.get(0);
    }
}
