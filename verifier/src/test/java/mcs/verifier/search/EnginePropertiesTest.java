package mcs.verifier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.Solvers;
import mcs.verifier.search.gen.Generators;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.Properties;
import org.junit.jupiter.api.Test;

/**
 * The project's own property tests on this engine: kernel soundness of the solvers' certificates, solver
 * agreement with the kernel-verified reference, and permanent identities (row-permutation and transpose
 * invariance, multilinearity in a row, perm(J_n) = n!). Each runs a few dozen seeded tries and must find
 * nothing; statistics show what was covered.
 */
class EnginePropertiesTest {
    static final KernelOracle ORACLE = KernelOracle.defaults(Solvers.all());
    static final Properties PROPS = Properties.load(List.of());

    static Search.Outcome run(Property p, long tries, int nMax) {
        Search.Outcome o = Search.run(SearchConfig.of(p, Generators.DEFAULT_NAME, Generators.defaultFor(p.problem() == Problem.HAFNIAN ? Problem.PERMANENT : p.problem()),
                7, p.problem() == Problem.PSD_COMPLETION ? 3 : 1, nMax, tries, 2), ORACLE, null);
        assertTrue(o.found().isEmpty(), () -> p.name() + ": " + o.found().get().shrunk().result().message());
        assertEquals(tries, o.statistics().tries());
        return o;
    }

    @Test
    void mc1SolversAreSoundAndAgreeWithTheReference() {
        for (String s : List.of("local-checks", "chordal", "ipm")) run(PROPS.resolve("soundness:" + s), 40, 7);
        Search.Outcome local = run(PROPS.resolve("agrees:local-checks"), 40, 7);
        assertTrue(local.statistics().counts().getOrDefault("NO", 0L) > 0 && local.statistics().counts().getOrDefault("YES", 0L) > 0, local.statistics().counts().toString());
        // chordal takes only chordal patterns: the rest is discarded, not failed
        Search.Outcome chordal = run(PROPS.resolve("agrees:chordal"), 40, 7);
        assertTrue(chordal.statistics().discarded() > 0 && chordal.statistics().discarded() < 40);
        run(PROPS.resolve("agrees:ipm"), 30, 6);
    }

    @Test
    void permanentSolversAreSoundAndAgree() {
        run(PROPS.resolve("soundness:ryser-exact"), 40, 6);
        run(PROPS.resolve("agrees:brute-force"), 40, 6);
        run(PROPS.resolve("agrees:ryser-exact"), 40, 6);
    }

    @Test
    void permanentIdentities() {
        run(identity("row and column permutations", (a, rng) -> {
            int n = a.length;
            Rational[][] b = new Rational[n][n];
            // cyclic shifts of the rows by 1 and of the columns by 2 are permutations
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = a[(i + 1) % n][(j + 2) % n];
            return b;
        }, (x, y) -> x.equals(y)), 40, 6);
        run(identity("transpose", (a, rng) -> {
            int n = a.length;
            Rational[][] b = new Rational[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = a[j][i];
            return b;
        }, (x, y) -> x.equals(y)), 40, 6);
        // multilinear in row 1: doubling it doubles the permanent
        run(identity("row 1 doubled", (a, rng) -> {
            Rational[][] b = copy(a);
            for (int j = 0; j < a.length; j++) b[0][j] = a[0][j].multiply(2);
            return b;
        }, (x, y) -> y.equals(x.multiply(2))), 40, 6);
        // perm(J_n) = n! through the reference
        Property ones = new Property() {
            public String name() {
                return "test:perm-ones";
            }

            public Problem problem() {
                return Problem.PERMANENT;
            }

            public String description() {
                return "perm(J_n) = n!";
            }

            public PropertyResult check(Instance inst, Oracle o) {
                int n = inst.n();
                Rational[][] j = new Rational[n][n];
                for (Rational[] r : j) java.util.Arrays.fill(r, Rational.ONE);
                String v = o.reference(PermInstance.permanent(RationalMatrix.of(j)), null).value();
                BigInteger f = BigInteger.ONE;
                for (int i = 2; i <= n; i++) f = f.multiply(BigInteger.valueOf(i));
                return Rational.parse(v).equals(Rational.of(f)) ? PropertyResult.pass(0, List.of("n:" + n))
                        : new PropertyResult(PropertyResult.Outcome.FAIL, "perm(J) = " + v, 1, List.of(), Map.of(), null);
            }
        };
        run(ones, 20, 8);
    }

    private static Rational[][] copy(Rational[][] a) {
        Rational[][] b = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        return b;
    }

    /** "perm(f(A)) relates to perm(A) by rel", both values from the kernel-verified reference. */
    private static Property identity(String what, BiFunction<Rational[][], Object, Rational[][]> f, BiFunction<Rational, Rational, Boolean> rel) {
        return new Property() {
            public String name() {
                return "test:" + what;
            }

            public Problem problem() {
                return Problem.PERMANENT;
            }

            public String description() {
                return what;
            }

            public PropertyResult check(Instance inst, Oracle o) {
                RationalMatrix m = ((PermInstance) inst).re();
                int n = m.rows();
                Rational[][] a = new Rational[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = m.get(i, j);
                Oracle.Reference x = o.reference(inst, null), y = o.reference(PermInstance.permanent(RationalMatrix.of(f.apply(a, null))), null);
                if (!x.known() || !y.known()) return PropertyResult.discard("no reference", List.of());
                Rational px = Rational.parse(x.value()), py = Rational.parse(y.value());
                List<String> labels = new ArrayList<>(List.of("n:" + n, px.isZero() ? "zero" : "nonzero"));
                return rel.apply(px, py) ? PropertyResult.pass(0, labels)
                        : new PropertyResult(PropertyResult.Outcome.FAIL, what + ": " + px + " vs " + py, 1, labels, Map.of(), null);
            }
        };
    }
}
