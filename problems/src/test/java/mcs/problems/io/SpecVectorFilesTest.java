package mcs.problems.io;

import static mcs.problems.io.MatrixMarketReaderTest.q;
import static mcs.problems.io.MatrixMarketReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;

/** The SPEC §6 vectors as files: what the reader yields must reproduce the published numbers. */
class SpecVectorFilesTest {
    private static Mc1Instance mc1(String name) {
        return (Mc1Instance) InstanceReader.read(resource(name), null).instance();
    }

    private static RationalMatrix perm(String name, Problem p) {
        return ((PermInstance) InstanceReader.read(resource(name), p).instance()).re();
    }

    /** ⟨W,a⟩ over the specified entries, off-diagonal pairs counted twice; W given densely. */
    private static Rational inner(String[][] w, PartialSymmetricMatrix a) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < a.n(); i++) {
            for (int k = a.pattern().rowStart(i); k < a.pattern().rowEnd(i); k++) {
                int j = a.pattern().col(k);
                Rational t = q(w[i][j]).multiply(a.value(k));
                s = s.add(i == j ? t : t.multiply(2));
            }
        }
        return s;
    }

    private static String[][] cycleWitness(String t) {
        // W = I + t·S with S12 = S23 = S34 = −1, S14 = +1
        String m = "-" + t;
        return new String[][] {{"1", m, "0", t}, {m, "1", m, "0"}, {"0", m, "1", m}, {t, "0", m, "1"}};
    }

    @Test
    void mc1NoWitnessesGiveThePublishedInnerProducts() {
        assertEquals(q("-12/25"), inner(cycleWitness("7/10"), mc1("spec_cycle_c45.mtx").matrix()));
        assertEquals(q("-11/2500"), inner(cycleWitness("141/200"), mc1("spec_cycle_c71_100.mtx").matrix()));
        String[][] had = {{"3/4", "0", "-1/2", "-1/2"}, {"0", "3/4", "-1/2", "1/2"}, {"-1/2", "-1/2", "3/4", "0"}, {"-1/2", "1/2", "0", "3/4"}};
        assertEquals(q("-1"), inner(had, mc1("spec_gamma2_h.mtx").matrix()));
        assertEquals(q("-3/4"), inner(new String[][] {{"4", "-1"}, {"-1", "1/4"}}, mc1("spec_zero_diag.mtx").matrix()));
        assertEquals(q("-2"), inner(new String[][] {{"0", "0", "0"}, {"0", "1", "-1"}, {"0", "-1", "1"}}, mc1("spec_mc1_no3.mtx").matrix()));
    }

    @Test
    void mc1YesVectorsReadExactly() {
        assertEquals(q("7/10"), mc1("spec_cycle_c710.mtx").matrix().get(1, 0));
        assertEquals(q("-7/10"), mc1("spec_cycle_c710.mtx").matrix().get(0, 3));
        assertEquals(q("-1/2"), mc1("spec_gamma2_h_half.mtx").matrix().get(3, 1));
        assertEquals(8, mc1("spec_gamma2_h_half.mtx").m());
    }

    @Test
    void permanentsOfTheVectorFiles() {
        String[] files = {"spec_perm_10.mtx", "spec_perm_12.mtx", "spec_perm_630.mtx", "spec_perm_j4.mtx", "spec_perm_i_shift5.mtx", "spec_perm_h4.mtx", "spec_perm_h2.mtx", "spec_perm_450.mtx", "spec_perm_m1471.mtx"};
        long[] values = {10, 12, 630, 24, 2, 8, 0, 450, -1471};
        for (int t = 0; t < files.length; t++) {
            assertEquals(Rational.of(values[t]), NaiveValues.permanent(perm(files[t], null)), files[t]);
        }
    }

    @Test
    void hafniansOfAllOnes() {
        long[] doubleFactorial = {1, 3, 15, 105};
        for (int k = 1; k <= 4; k++) {
            RationalMatrix a = perm("spec_haf_ones" + 2 * k + ".mtx", Problem.HAFNIAN);
            assertEquals(Rational.of(doubleFactorial[k - 1]), NaiveValues.hafnian(a));
        }
    }
}
