package mcs.bench.csdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.Pattern;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;

class DenseishInstancesTest {
    @Test
    void patternHasNSquaredOverTenEdgesAndIsConnected() {
        for (int n : new int[] {2, 5, 20, 37}) {
            Pattern p = DenseishInstances.generate(n, true, Rational.parse("1/10"), 3).instance().matrix().pattern();
            assertEquals(DenseishInstances.edgeCount(n), p.edges(), "n = " + n);
            assertTrue(new org.jgrapht.alg.connectivity.ConnectivityInspector<>(p.graph()).isConnected(), "the path connects it");
        }
        assertEquals(40, DenseishInstances.edgeCount(20));
        assertEquals(1000, DenseishInstances.edgeCount(100));
        assertEquals(1, DenseishInstances.edgeCount(2), "at least the path, at most all pairs");
    }

    @Test
    void plantedCertificatesAreAcceptedByTheExactKernel() {
        for (long seed = 1; seed <= 20; seed++) {
            for (String margin : new String[] {"1/10", "1/1000"}) {
                DenseishInstances.Planted yes = DenseishInstances.generate(15, true, Rational.parse(margin), seed);
                Judgement j = Kernel.check(yes.instance(), null, Certificate.completion(null, yes.certificate()), KernelOptions.defaults());
                assertTrue(j.isAccepted(), "yes seed " + seed + ": " + j.reason());
                DenseishInstances.Planted no = DenseishInstances.generate(15, false, Rational.parse(margin), seed);
                j = Kernel.check(no.instance(), null, Certificate.witness(null, no.certificate()), KernelOptions.defaults());
                assertTrue(j.isAccepted(), "no seed " + seed + ": " + j.reason());
            }
        }
    }

    @Test
    void sameSeedSameInstanceAndBadArgumentsAreRefused() {
        Mc1Instance a = DenseishInstances.generate(30, false, Rational.parse("1/10"), 9).instance();
        Mc1Instance b = DenseishInstances.generate(30, false, Rational.parse("1/10"), 9).instance();
        assertEquals(a.matrix().pattern(), b.matrix().pattern());
        for (int k = 0; k < a.m(); k++) assertEquals(a.matrix().value(k), b.matrix().value(k));
        assertThrows(IllegalArgumentException.class, () -> DenseishInstances.generate(1, true, Rational.ONE, 1));
        assertThrows(IllegalArgumentException.class, () -> DenseishInstances.generate(5, true, Rational.ZERO, 1));
    }

    @Test
    void shiftingTheDiagonalMovesEveryDiagonalEntryOnly() {
        Mc1Instance a = DenseishInstances.generate(12, true, Rational.parse("1/10"), 2).instance();
        Mc1Instance s = ComparisonSet.shiftDiagonal(a, ComparisonSet.SHIFT);
        Pattern p = a.matrix().pattern();
        for (int k = 0; k < p.m(); k++) {
            Rational d = p.row(k) == p.col(k) ? ComparisonSet.SHIFT : Rational.ZERO;
            assertEquals(a.matrix().value(k).add(d), s.matrix().value(k));
        }
    }
}
