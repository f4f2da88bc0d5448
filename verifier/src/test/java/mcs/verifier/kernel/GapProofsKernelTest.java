package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Gap;
import mcs.problems.families.Generated;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gap families' proofs at sizes beyond dense checks, by the kernel: the lower proof is a completion of
 * a − LOW·I (so t* ≥ LOW), the upper proof a witness for a − (HIGH + δ)·I for a tiny δ &gt; 0 (so
 * t* ≤ HIGH + δ for every δ, i.e. t* ≤ HIGH), and the planted certificate proves the known answer.
 */
class GapProofsKernelTest {
    private static final Rational DELTA = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(60));

    @Test
    void lowerAndUpperProofsPassTheKernelAtEveryGeneratedSize() {
        Map<String, int[]> sizes = Map.of("gap-cycles", new int[] {40, 301, 2000}, "gap-gamma2", new int[] {64, 130}, "gap-chordal", new int[] {40, 500, 2000},
                "gap-planted", new int[] {40, 500, 2000});
        for (String family : List.of("gap-cycles", "gap-gamma2", "gap-chordal", "gap-planted")) {
            for (int n : sizes.get(family)) {
                for (String answer : List.of("yes", "no")) {
                    Generated g = Families.byName(family).orElseThrow().generate(n, 11, Map.of("eps", "0.001", "answer", answer));
                    Gap gap = g.gap();
                    Mc1Instance inst = (Mc1Instance) g.instance();
                    String where = family + " n=" + n + " " + answer;
                    Judgement low = Kernel.check(shifted(inst, gap.low()), null, Certificate.completion(null, gap.lowerProof()), KernelOptions.defaults());
                    assertEquals(Outcome.ACCEPTED, low.outcome(), where + " lower: " + low.reason());
                    Judgement high = Kernel.check(shifted(inst, gap.high().add(DELTA)), null, Certificate.witness(null, gap.upperProof()), KernelOptions.defaults());
                    assertEquals(Outcome.ACCEPTED, high.outcome(), where + " upper: " + high.reason());
                    Certificate planted = g.known().plantedCertificate(null);
                    Judgement known = Kernel.check(inst, null, planted, KernelOptions.defaults());
                    assertEquals(Outcome.ACCEPTED, known.outcome(), where + " planted: " + known.reason());
                }
            }
        }
    }

    private static Mc1Instance shifted(Mc1Instance inst, Rational t) {
        PartialSymmetricMatrix a = inst.matrix();
        Pattern p = a.pattern();
        Rational[] v = new Rational[p.m()];
        for (int k = 0; k < p.m(); k++) v[k] = p.row(k) == p.col(k) ? a.value(k).subtract(t) : a.value(k);
        return new Mc1Instance(PartialSymmetricMatrix.of(p, v));
    }
}
