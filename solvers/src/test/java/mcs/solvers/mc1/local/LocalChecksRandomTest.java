package mcs.solvers.mc1.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.testkit.Matrices;
import mcs.testkit.NaivePsd;
import org.junit.jupiter.api.Test;

/** Seeded random instances: every verdict's certificate is checked exactly, and compared with truth when known. */
class LocalChecksRandomTest {
    @Test
    void fullySpecifiedSmallMatricesAreDecidedCorrectly() {
        Random rnd = new Random(31L);
        int yes = 0, no = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + trial % 4;
            Rational[][] a = new Rational[n][];
            for (int i = 0; i < n; i++) {
                a[i] = new Rational[i + 1];
                for (int j = 0; j < i; j++) a[i][j] = Rational.of(rnd.nextInt(7) - 3, 1 + rnd.nextInt(2));
                a[i][i] = Rational.of(rnd.nextInt(9) - 1);
            }
            PartialSymmetricMatrix m = PartialSymmetricMatrix.ofLowerTriangle(a);
            SolverResult r = LocalChecksSpecVectorsTest.solve(m);
            assertEquals(Status.SOLVED, r.status(), r.message());
            boolean psd = NaivePsd.byMinors(Matrices.full(m));
            assertEquals(psd ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, r.verdict(), "trial " + trial);
            if (psd) yes++;
            else no++;
        }
        assertTrue(yes > 20 && no > 20, "both answers occur: " + yes + " yes, " + no + " no");
    }

    @Test
    void randomPartialMatricesCarryValidCertificates() {
        Random rnd = new Random(37L);
        int decided = 0, unknown = 0, triangleNo = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + trial % 5;
            double density = 0.3 + 0.6 * rnd.nextDouble();
            Rational[][] a = new Rational[n][];
            for (int i = 0; i < n; i++) {
                a[i] = new Rational[i + 1];
                for (int j = 0; j < i; j++) if (rnd.nextDouble() < density) a[i][j] = Rational.of(rnd.nextInt(9) - 4, 1 + rnd.nextInt(4));
                a[i][i] = Rational.of(rnd.nextInt(6), 1 + rnd.nextInt(2));
            }
            SolverResult r = LocalChecksSpecVectorsTest.solve(PartialSymmetricMatrix.ofLowerTriangle(a));
            assertNotEquals(Status.ERROR, r.status(), r.message());
            if (r.status() == Status.SOLVED) decided++;
            else unknown++;
            if (r.status() == Status.SOLVED && r.message().contains("3x3")) triangleNo++;
        }
        assertTrue(decided > 100 && unknown > 10, decided + " decided, " + unknown + " unknown");
        assertTrue(triangleNo > 0, "some NO answers come from triangles");
    }
}
