package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.io.CertificateJson;
import org.junit.jupiter.api.Test;

/** The {@code chordal} hint with {@code fill}: the SPEC §6 signed 4-cycle triangulated by one chord. */
class ChordalFillCheckTest {
    /** 4-cycle 1-2-3-4-1 with a12 = a23 = a34 = c, a14 = −c (0-based: (1,0), (2,1), (3,2), (3,0)). */
    static Mc1Instance cycle(String c) {
        String m = "-" + c;
        return ChordalCheckTest.lower(new String[][] {{"1"}, {c, "1"}, {null, c, "1"}, {m, null, c, "1"}});
    }

    static Judgement check(Mc1Instance inst, List<Entry> fill, int... order) throws Exception {
        Certificate c = Certificate.completion("0".repeat(64), new Body.Chordal(order, fill));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        return Kernel.check(inst, null, CertificateJson.read(out.toByteArray(), "c.json"), ChordalCheckTest.OPTS);
    }

    private static List<Entry> chord(String x) {
        return List.of(new Entry(2, 0, Rational.parse(x)));
    }

    @Test
    void aChordWithPsdTrianglesIsAccepted() throws Exception {
        // c = 3/5, chord (3,1) = 0: triangles {1,2,3} and {1,3,4} are [[1,c,0],[c,1,c],[0,c,1]] up to signs, det 1 − 2c² > 0.
        Judgement j = check(cycle("3/5"), chord("0"), 1, 3, 0, 2);
        assertEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
    }

    @Test
    void aChordWithANonPsdTriangleIsRejected() throws Exception {
        // c = 4/5 is not completable, so every chord value leaves a triangle that is not PSD.
        for (String x : new String[] {"0", "1/2", "-1/2", "9/10"}) {
            assertEquals("block-psd", check(cycle("4/5"), chord(x), 1, 3, 0, 2).check(), "chord " + x);
        }
    }

    @Test
    void fillOnASpecifiedPositionOrRepeatedOrOutOfRangeIsRejected() throws Exception {
        assertEquals("support", check(cycle("3/5"), List.of(new Entry(1, 0, Rational.ZERO)), 1, 3, 0, 2).check());
        assertEquals("duplicate", check(cycle("3/5"), List.of(new Entry(2, 0, Rational.ZERO), new Entry(2, 0, Rational.ONE)), 1, 3, 0, 2).check());
        assertEquals("index", check(cycle("3/5"), List.of(new Entry(7, 0, Rational.ZERO)), 1, 3, 0, 2).check());
    }

    @Test
    void fillMustMakeThePatternChordal() throws Exception {
        // Without the chord the 4-cycle has no perfect elimination order; with it, order 1,3,0,2 is perfect.
        assertEquals("perfect-elimination", check(cycle("3/5"), List.of(), 1, 3, 0, 2).check());
        assertEquals("perfect-elimination", check(cycle("3/5"), chord("0"), 0, 1, 2, 3).check());
    }
}
