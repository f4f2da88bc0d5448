package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import org.junit.jupiter.api.Test;

/** The kernel's band DP against its sign-vector recomputations, and banded answers judged beyond the order budget. */
class BandedRecomputeTest {
    private static final String SHA = "0".repeat(64);

    private static RationalMatrix banded(SplittableRandom rng, int n, int w, boolean symmetric, int den) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (symmetric && j < i) {
                    a[i][j] = a[j][i];
                    continue;
                }
                a[i][j] = Math.abs(i - j) <= w ? Rational.of(rng.nextInt(9) - 4, 1 + rng.nextInt(den)) : Rational.ZERO;
            }
        }
        return RationalMatrix.of(a);
    }

    @Test
    void agreesWithTheModularRecomputations() {
        SplittableRandom rng = new SplittableRandom(81);
        for (int trial = 0; trial < 40; trial++) {
            int n = rng.nextInt(11), w = rng.nextInt(4);
            RationalMatrix a = banded(rng, n, w, false, 3), s = banded(rng, n, w, true, 2), t = banded(rng, n, w, true, 1);
            assertEquals(ModularPermanent.permanent(a, null), BandedRecompute.value(PermInstance.permanent(a), Problem.PERMANENT), "perm trial " + trial);
            PermInstance loop = new PermInstance(Problem.LOOP_HAFNIAN, PermInstance.Field.REAL, s, null);
            assertEquals(RecursiveHafnian.value(s, null, true), BandedRecompute.value(loop, Problem.LOOP_HAFNIAN), "loop trial " + trial);
            if (n % 2 == 0) {
                PermInstance h = new PermInstance(Problem.HAFNIAN, PermInstance.Field.COMPLEX, s, t);
                assertEquals(ModularHafnian.hafnian(s, t), BandedRecompute.value(h, Problem.HAFNIAN), "hafnian trial " + trial);
            }
        }
    }

    @Test
    void tridiagonalPermanentAtFortyIsAccepted() {
        int n = 40;
        long[][] t = new long[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i][j] = Math.abs(i - j) <= 1 ? 1 : 0;
        PermInstance p = PermInstance.permanent(RationalMatrix.ofLongs(t));
        Judgement ok = Kernel.check(p, SHA, Certificate.exactValue(Problem.PERMANENT, SHA, "165580141"), KernelOptions.defaults());
        assertTrue(ok.isAccepted(), ok.reason());
        assertTrue(ok.reason().contains("band"), ok.reason());
        assertEquals(Outcome.REJECTED, Kernel.check(p, SHA, Certificate.exactValue(Problem.PERMANENT, SHA, "165580142"), KernelOptions.defaults()).outcome());
    }

    @Test
    void bandedHafnianAtTwoHundredMatchesTheSolver() {
        RationalMatrix a = banded(new SplittableRandom(82), 200, 3, true, 1);
        PermInstance h = PermInstance.hafnian(a);
        SolverResult r = Solvers.byName("hafnian-banded", Problem.HAFNIAN).orElseThrow().solve(h, SHA, SolverOptions.defaults());
        Judgement j = Kernel.check(h, SHA, r.certificate(), KernelOptions.defaults());
        assertTrue(j.isAccepted(), j.reason());
        assertTrue(new BigInteger(r.value()).bitLength() > 100, "a 200-vertex hafnian is large: " + r.value());
        ComplexValue v = BandedRecompute.value(h, Problem.HAFNIAN);
        assertEquals(r.value(), v.toString());
    }
}
