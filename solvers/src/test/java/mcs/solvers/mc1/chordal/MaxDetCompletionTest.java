package mcs.solvers.mc1.chordal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

/** The max-det completion: SPEC §6 value, agreement on Ω, zero inverse off Ω, det = Π d_v. */
class MaxDetCompletionTest {
    @Test
    void specThreeByThree() {
        Mc1Instance inst = ChordalSpecVectorsTest.lower(new String[][] {{"1"}, {"1/2", "1"}, {null, "1/2", "1"}});
        MaxDetCompletion md = ChordalSolver.maxDetCompletion(inst.matrix());
        double[][] x = md.dense();
        assertEquals(0.25, x[2][0], 1e-14);
        assertEquals(0.25, x[0][2], 1e-14);
        assertEquals(Math.log(9.0 / 16.0), md.logDeterminant(), 1e-14);
        assertEquals(9.0 / 16.0, det(x), 1e-14);
    }

    @Test
    void randomKTreesAndBandsAgreeOnOmegaWithSparseInverse() {
        for (String shape : new String[] {"ktree", "band"}) {
            for (long seed = 1; seed <= 8; seed++) {
                int k = 1 + (int) (seed % 4);
                Mc1Instance inst = (Mc1Instance) Families.byName("chordal").orElseThrow()
                        .generate(20, seed, Map.of("shape", shape, "k", Integer.toString(k), "margin", "1")).instance();
                PartialSymmetricMatrix a = inst.matrix();
                Pattern p = a.pattern();
                MaxDetCompletion md = ChordalSolver.maxDetCompletion(a);
                double[][] x = md.dense();
                double[][] w = md.denseInverse();
                int n = a.n();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int e = p.entryIndex(i, j);
                        if (e >= 0) assertEquals(a.approx(e), x[i][j], 1e-9 * (1 + Math.abs(a.approx(e))), shape + " seed " + seed);
                        else assertEquals(0.0, w[i][j], 0.0, "inverse vanishes off Ω");
                    }
                }
                assertEquals(md.logDeterminant(), Math.log(det(x)), 1e-8);
            }
        }
    }

    @Test
    void nonChordalIsRefused() {
        Mc1Instance c4 = ChordalSpecVectorsTest.unit(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
        assertThrows(IllegalArgumentException.class, () -> ChordalSolver.maxDetCompletion(c4.matrix()));
    }

    /** Determinant by Gaussian elimination with partial pivoting (double). */
    static double det(double[][] m0) {
        int n = m0.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = m0[i].clone();
        double d = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            if (p != c) {
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                d = -d;
            }
            d *= m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) m[r][k] -= f * m[c][k];
            }
        }
        return d;
    }
}
