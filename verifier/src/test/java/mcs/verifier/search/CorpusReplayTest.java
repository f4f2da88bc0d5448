package mcs.verifier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mcs.problems.instance.Instance;
import mcs.problems.io.CertificateJson;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.search.corpus.Corpus;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.Properties;
import org.junit.jupiter.api.Test;

/**
 * Replays every entry of proofs-data/counterexamples on every build: the instance still has its recorded
 * hash, its certificate is still ACCEPTED by the kernel, and the property still fails on it ({@code open})
 * or passes ({@code fixed}). Entries whose property needs a plug-in that is not on the class path are
 * checked for hash and certificate only.
 */
class CorpusReplayTest {
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("proofs-data").toFile().isDirectory()) p = p.getParent();
        if (p == null) throw new IllegalStateException("proofs-data not found");
        return p.resolve("proofs-data").resolve("counterexamples");
    }

    @Test
    void everyCorpusEntryStillHolds() throws Exception {
        List<Corpus.Entry> entries = Corpus.entries(root());
        assertFalse(entries.isEmpty(), "the corpus holds at least the 4-cycle against local-psd-implies-completable");
        Properties props = Properties.load(List.of());
        KernelOracle oracle = KernelOracle.defaults(props.solvers());
        int replayed = 0;
        for (Corpus.Entry e : entries) {
            Instance inst = Corpus.load(e);
            if (e.certificate() != null) {
                Judgement j = Kernel.check(inst, e.instanceSha256(), CertificateJson.read(e.certificate()), KernelOptions.defaults());
                assertTrue(j.isAccepted(), e.json() + ": " + j.reason());
            }
            Property p;
            try {
                p = props.resolve(e.property());
            } catch (IllegalArgumentException missing) {
                continue;
            }
            PropertyResult r = Search.check(p, inst, oracle);
            assertEquals(e.status().equals("open"), r.failed(), e.json() + " (" + e.status() + "): " + r.outcome() + " " + r.message());
            replayed++;
        }
        assertTrue(replayed >= 1);
    }
}
