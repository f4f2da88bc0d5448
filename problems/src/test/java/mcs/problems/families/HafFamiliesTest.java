package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** The hafnian, loop-hafnian and Gaussian-boson-sampling families: closed forms against the definitions, shapes. */
class HafFamiliesTest {
    private static Generated gen(String family, int n, long seed, Map<String, String> p) {
        return Families.byName(family).orElseThrow().generate(n, seed, p);
    }

    @Test
    void closedFormsMatchTheDefinitions() {
        for (long seed = 1; seed <= 4; seed++) {
            for (int n = 2; n <= 10; n += 2) {
                Generated b = gen("haf-block", n, seed, Map.of("blocks", Integer.toString(Math.min(3, n / 2))));
                assertEquals(NaiveGaussian.value((PermInstance) b.instance()).toString(), b.known().value(), "haf-block n=" + n);
                for (String kind : new String[] {"ones", "derangement", "rank-one"}) {
                    Generated g = gen("haf-bipartite", n, seed, Map.of("kind", kind));
                    assertEquals(NaiveGaussian.value((PermInstance) g.instance()).toString(), g.known().value(), "haf-bipartite " + kind + " n=" + n);
                }
            }
            for (int n = 1; n <= 9; n++) {
                Generated l = gen("lhaf-rank-one", n, seed, Map.of());
                assertEquals(Problem.LOOP_HAFNIAN, l.instance().problem());
                assertEquals(NaiveGaussian.value((PermInstance) l.instance()).toString(), l.known().value(), "lhaf-rank-one n=" + n);
            }
        }
        assertEquals("24", gen("haf-bipartite", 8, 1, Map.of()).known().value());
        assertEquals("9", gen("haf-bipartite", 8, 1, Map.of("kind", "derangement")).known().value());
    }

    @Test
    void gbsMatricesAreSymmetricAndPhysical() {
        PermInstance a = (PermInstance) gen("gbs-amplitude", 8, 3, Map.of()).instance();
        assertTrue(a.re().isSymmetric());
        // B = O diag(tanh r) Oᵀ is PSD with eigenvalues in (0, 1): its trace is Σ tanh r_i < n, and positive.
        Rational trace = Rational.ZERO;
        for (int i = 0; i < 8; i++) trace = trace.add(a.re().get(i, i));
        assertTrue(trace.signum() > 0 && trace.compareTo(Rational.of(8)) < 0, trace.toString());
        PermInstance c = (PermInstance) gen("gbs-amplitude", 6, 3, Map.of("field", "complex", "squeezing", "equal")).instance();
        assertNotNull(c.im());
        assertTrue(c.re().isSymmetric() && c.im().isSymmetric());
        PermInstance s = (PermInstance) gen("gbs-covariance", 6, 3, Map.of()).instance();
        assertTrue(s.re().isSymmetric());
        for (int i = 0; i < 6; i++) assertTrue(s.re().get(i, i).signum() > 0);
        RepeatedInstance p = (RepeatedInstance) gen("gbs-pattern", 5, 3, Map.of("photons", "7")).instance();
        assertEquals(8, p.total());
        assertEquals(Verdict.UNKNOWN, gen("gbs-pattern", 5, 3, Map.of()).known().verdict());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gen("gbs-amplitude", 6, 1, Map.of("squeezing", "equal")));
        assertTrue(e.getMessage().contains("'squeezing'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gen("gbs-amplitude", 5, 1, Map.of()));
    }

    @Test
    void randomHafnianFamiliesAreSymmetric() {
        for (String f : new String[] {"haf-01", "haf-gaussian", "haf-wishart"}) {
            PermInstance p = (PermInstance) gen(f, 8, 2, Map.of()).instance();
            assertTrue(p.re().isSymmetric(), f);
            assertEquals(Problem.HAFNIAN, p.problem());
        }
    }
}
