package mcs.solvers.mc1.local;

import static mcs.testkit.NaiveCertificates.assertProves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import org.junit.jupiter.api.Test;

/** local-checks on the MC1 vectors of SPEC §6 and on hand-made obstructions. */
class LocalChecksSpecVectorsTest {
    private static final Rational U = null; // unknown entry
    private static final Rational ONE = Rational.ONE;

    static Rational q(long p, long d) {
        return Rational.of(p, d);
    }

    static SolverResult solve(PartialSymmetricMatrix a) {
        return solve(a, SolverOptions.defaults());
    }

    static SolverResult solve(PartialSymmetricMatrix a, SolverOptions o) {
        SolverResult r = new LocalChecksSolver().solve(new Mc1Instance(a), "ab".repeat(32), o);
        if (r.status() == Status.SOLVED) {
            assertEquals("ab".repeat(32), r.certificate().instanceSha256());
            assertProves(a, r.certificate(), r.verdict(), Body.Entries.class);
        }
        return r;
    }

    private static PartialSymmetricMatrix m(Rational[][] lower) {
        return PartialSymmetricMatrix.ofLowerTriangle(lower);
    }

    @Test
    void pathWithHalvesIsCompletableByZeroFill() {
        SolverResult r = solve(m(new Rational[][] {{ONE}, {q(1, 2), ONE}, {U, q(1, 2), ONE}}));
        assertEquals(Verdict.COMPLETABLE, r.verdict());
    }

    @Test
    void entryTwoOnUnitDiagonalIsNotCompletable() {
        SolverResult r = solve(m(new Rational[][] {{ONE}, {q(1, 2), ONE}, {U, Rational.TWO, ONE}}));
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertTrue(r.message().contains("2x2"), r.message());
    }

    @Test
    void zeroDiagonalWithNonzeroRowIsNotCompletable() {
        SolverResult r = solve(m(new Rational[][] {{Rational.ZERO}, {q(1, 2), ONE}}));
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertTrue(r.message().contains("zero-diagonal"), r.message());
    }

    @Test
    void negativeDiagonalIsNotCompletable() {
        SolverResult r = solve(m(new Rational[][] {{ONE}, {U, q(-1, 3)}, {U, U, ONE}}));
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertTrue(r.message().contains("negative-diagonal"), r.message());
    }

    @Test
    void fourCyclesAreUnknown() {
        for (Rational c : new Rational[] {q(3, 5), q(7, 10), q(71, 100), q(4, 5)}) {
            // c = 3/5 and 7/10 are completable but not diagonally dominant (1 < 2c); 71/100, 4/5 are not completable.
            SolverResult r = solve(m(new Rational[][] {{ONE}, {c, ONE}, {U, c, ONE}, {c.negate(), U, c, ONE}}));
            assertEquals(Status.UNKNOWN, r.status(), "c=" + c);
            assertEquals(Verdict.UNKNOWN, r.verdict());
            assertNull(r.certificate());
            assertTrue(r.message().contains("diagonally dominant"), r.message());
        }
    }

    @Test
    void hadamardGammaTwo() {
        Rational h = ONE, mh = ONE.negate();
        SolverResult no = solve(m(new Rational[][] {{ONE}, {U, ONE}, {h, h, ONE}, {h, mh, U, ONE}}));
        assertEquals(Status.UNKNOWN, no.status());
        Rational g = q(1, 2), mg = q(-1, 2);
        SolverResult yes = solve(m(new Rational[][] {{ONE}, {U, ONE}, {g, g, ONE}, {g, mg, U, ONE}}));
        assertEquals(Verdict.COMPLETABLE, yes.verdict());
    }

    @Test
    void fullySpecifiedWithNegativeDeterminantIsNotCompletable() {
        // [[x,1,2],[1,1,1],[2,1,1]] has det −1 for every x; all 2x2 minors are fine for x ≥ 4.
        for (long x : new long[] {4, 10, 1000}) {
            SolverResult r = solve(m(new Rational[][] {{Rational.of(x)}, {ONE, ONE}, {Rational.TWO, ONE, ONE}}));
            assertEquals(Verdict.NOT_COMPLETABLE, r.verdict(), "x=" + x);
        }
    }

    @Test
    void fullySpecifiedPsdIsCompletable() {
        SolverResult r = solve(m(new Rational[][] {{Rational.TWO}, {ONE, Rational.TWO}, {ONE, ONE, Rational.TWO}}));
        assertEquals(Verdict.COMPLETABLE, r.verdict());
    }

    @Test
    void triangleInANonCompleteComponentIsFound() {
        // Block on {1,2,3} is [[1,1,1],[1,1,-1],[1,-1,1]]: every 2x2 minor is 0 but det = −4. Vertex 4 hangs off vertex 1.
        Rational m1 = ONE.negate();
        PartialSymmetricMatrix a = m(new Rational[][] {{ONE}, {ONE, ONE}, {ONE, m1, ONE}, {q(1, 10), U, U, ONE}});
        SolverResult r = solve(a);
        assertEquals(Verdict.NOT_COMPLETABLE, r.verdict());
        assertTrue(r.message().contains("3x3"), r.message());
        assertEquals(1L, r.statistics().get("triangles_exact"));
    }

    @Test
    void diagonallyDominantIsCompletable() {
        PartialSymmetricMatrix a = m(new Rational[][] {
            {Rational.of(3)},
            {ONE, Rational.of(3)},
            {U, q(-3, 2), Rational.of(5, 2)},
            {q(-2, 1), U, U, Rational.of(2)},
            {U, q(1, 2), ONE, U, Rational.of(3, 2)}});
        SolverResult r = solve(a);
        assertEquals(Verdict.COMPLETABLE, r.verdict());
        assertTrue(r.message().contains("zero fill"), r.message());
    }

    @Test
    void triangleBudgetIsReported() {
        int n = 12; // complete graph, too large for the dense check when max-dense = 0, PSD: 2I + J
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new Rational[i + 1];
            for (int j = 0; j <= i; j++) a[i][j] = i == j ? Rational.of(3) : ONE;
        }
        SolverOptions o = SolverOptions.defaults().withExtra(Map.of("max-dense", "0", "max-triangles", "10"));
        SolverResult r = solve(m(a), o);
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals(10L, r.statistics().get("triangles_examined"));
        assertTrue(r.message().contains("budget"), r.message());
        assertEquals(Verdict.COMPLETABLE, solve(m(a)).verdict());
    }

    @Test
    void expiredDeadlineGivesTimeout() {
        int n = 5000;
        Rational[][] a = new Rational[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new Rational[i + 1];
            a[i][i] = ONE;
        }
        SolverOptions expired = new SolverOptions(System.nanoTime() - 1_000_000L, null, 1, 1, Map.of());
        SolverResult r = new LocalChecksSolver().solve(new Mc1Instance(m(a)), null, expired);
        assertEquals(Status.TIMEOUT, r.status());
    }

    @Test
    void badOptionIsAnError() {
        SolverOptions o = SolverOptions.defaults().withExtra(Map.of("max-triangles", "many"));
        SolverResult r = solve(m(new Rational[][] {{ONE}}), o);
        assertEquals(Status.ERROR, r.status());
    }
}
