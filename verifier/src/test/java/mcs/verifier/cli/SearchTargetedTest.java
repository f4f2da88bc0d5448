package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import mcs.verifier.search.plugin.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targeted mode: climbing on a score reaches failures that plain tries of the family never meet, and starts from the corpus. */
class SearchTargetedTest {
    @TempDir Path tmp;

    @Test
    void climbingOnTheScoreLeavesANonnegativeFamily() throws Exception {
        Path jar = PluginJar.build(tmp);
        String[] common = {"search", "user:permanent-nonnegative", "--plugin", jar.toString(), "--family", "perm-01", "--n", "2..4", "--tries", "20", "--no-save"};
        Cli plain = Cli.run(common);
        assertEquals(ExitCodes.OK, plain.code(), plain.toString());
        Cli targeted = Cli.run(concat(common, "--targeted", "--corpus", tmp.resolve("none").toString()));
        assertEquals(ExitCodes.REJECTED, targeted.code(), targeted.toString());
        assertTrue(targeted.out().contains("shrunk:   n = 1, m = 1"), targeted.out());
    }

    @Test
    void targetedSearchStartsFromTheCorpus() {
        Path corpus = tmp.resolve("corpus");
        assertEquals(ExitCodes.REJECTED, Cli.run("search", "conjecture:local-psd-implies-completable", "--corpus", corpus.toString()).code());
        Cli again = Cli.run("search", "conjecture:local-psd-implies-completable", "--targeted", "--corpus", corpus.toString(), "--seed", "99", "--no-save");
        assertEquals(ExitCodes.REJECTED, again.code(), again.toString());
        assertTrue(again.err().contains("1 start point(s)"), again.err());
        assertTrue(again.out().contains("at try 0 "), again.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
