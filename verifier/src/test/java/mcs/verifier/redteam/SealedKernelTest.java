package mcs.verifier.redteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;
import mcs.verifier.redteam.hostile.HostileJar;
import mcs.verifier.redteam.hostile.InstanceChanger;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.SoundnessProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory attack: a plug-in solver that zeroes the instance object it is handed, then claims the
 * zero completion. In-process plug-ins ({@code mcs search --plugin}) get a deep copy; the kernel judges an
 * object no plug-in ever held. Not a sandbox test: no bubblewrap is needed.
 */
class SealedKernelTest {
    @TempDir Path tmp;

    /** SPEC §6: a12 = 1/2, a23 = 2 — not completable, and its zero fill is not PSD. */
    private static Mc1Instance specNo() {
        Rational h = Rational.HALF, one = Rational.ONE;
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {{one}, {h, one}, {null, Rational.TWO, one}}));
    }

    @Test
    void theAttackWorksOnTheObjectItIsGivenButThatIsNeverTheOneJudged() {
        Mc1Instance judged = specNo();
        Mc1Instance handed = judged.deepCopy();
        SolverResult r = new InstanceChanger().solve(handed, null, SolverOptions.defaults());
        assertEquals("zeroed", r.statistics().get("reflection"), "the plug-in's reflection really changed the object it held: " + r.statistics());
        assertTrue(r.statistics().get("api").toString().startsWith("refused"), "the public API refuses to change an instance: " + r.statistics());
        Certificate zero = r.certificate();
        assertEquals(Outcome.ACCEPTED, Kernel.check(handed, null, zero, KernelOptions.defaults()).outcome(),
                "on the object the plug-in changed, its zero completion would be accepted");
        Judgement j = Kernel.check(judged, null, zero, KernelOptions.defaults());
        assertEquals(Outcome.REJECTED, j.outcome(), j.toString());
        assertEquals(Rational.TWO, judged.matrix().get(2, 1), "the judged instance is what it was");
    }

    @Test
    void theSoundnessPropertyCatchesThePluginBecauseItJudgesItsOwnCopy() {
        InstanceChanger plugin = new InstanceChanger();
        PropertyResult p = new SoundnessProperty(plugin).check(specNo(), KernelOracle.defaults(List.of(plugin)));
        assertEquals(PropertyResult.Outcome.FAIL, p.outcome(), p.message());
        assertTrue(p.message().contains("REJECTED"), p.message());
    }

    /** Tried as a new user would (issue 15): the search now finds the counterexample instead of "no counterexample". */
    @Test
    void mcsSearchWithTheZeroingPluginFindsACounterexample() throws Exception {
        Path jar = HostileJar.build(tmp);
        World.Run r = World.mcs("search", "soundness:instance-changer", "--plugin", jar.toString(), "--tries", "300", "--seed", "1", "--no-save");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.out().contains("counterexample to soundness:instance-changer"), r.toString());
        assertTrue(r.out().contains("REJECTED"), r.toString());
    }
}
