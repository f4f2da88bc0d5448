package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;

/**
 * The max-det solvers {@code maxdet-newton} (MC1 and MC2) and {@code chordal-maxdet} (MC2), found through
 * ServiceLoader, against the kernel: on seeded families every SOLVED / COMPLETABLE answer is ACCEPTED by
 * {@link Kernel#check}; planted YES instances with margin are answered; NO instances are never claimed; and the
 * answers on the SPEC §6 vectors are the max-det completions (a13 = 1/4, B13 = 1/2), read back from the factor.
 */
class MaxdetContractTest {
    private static final Solver NEWTON1 = Solvers.byName("maxdet-newton", Problem.PSD_COMPLETION).orElseThrow();
    private static final Solver NEWTON2 = Solvers.byName("maxdet-newton", Problem.APPROXIMATE_SQUARING).orElseThrow();
    private static final Solver CHORDAL = Solvers.byName("chordal-maxdet", Problem.APPROXIMATE_SQUARING).orElseThrow();
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withThreads(1);

    private static SolverResult solveAndVerify(Solver s, Instance inst, String where) {
        SolverResult r = s.solve(inst, null, OPTIONS);
        assertEquals(Status.SOLVED, r.status(), where + ": " + r.message() + " " + r.statistics());
        Judgement j = Kernel.check(inst, null, r.certificate(), KernelOptions.defaults());
        assertTrue(j.isAccepted(), where + ": kernel says " + j.outcome() + " at " + j.check() + ": " + j.reason());
        return r;
    }

    /** (FFᵀ + δI)_ij from a factor body: the answer the certificate describes off Ω. */
    private static double entry(Body.Factor f, int i, int j) {
        RationalMatrix m = f.factor();
        double s = i == j ? f.shift().toDouble() : 0;
        for (int c = 0; c < m.cols(); c++) s += m.approx(i, c) * m.approx(j, c);
        return s;
    }

    @Test
    void newtonOnPlantedYesFamilies() {
        for (long seed = 1; seed <= 4; seed++) {
            Generated g = Families.byName("random-sparse").orElseThrow().generate(20 + 15 * (int) seed, seed, Map.of("answer", "yes"));
            assertEquals(Verdict.COMPLETABLE, solveAndVerify(NEWTON1, g.instance(), "random-sparse seed " + seed).verdict());
        }
        for (long seed = 1; seed <= 3; seed++) {
            Generated g = Families.byName("chordal").orElseThrow().generate(30, seed, Map.of("shape", seed % 2 == 0 ? "band" : "ktree", "k", "3"));
            solveAndVerify(NEWTON1, g.instance(), "chordal seed " + seed);
        }
        for (long seed = 1; seed <= 3; seed++) {
            Generated g = Families.byName("grid").orElseThrow().generate(seed % 2 == 0 ? 36 : 49, seed, Map.of("answer", "yes"));
            solveAndVerify(NEWTON1, g.instance(), "grid seed " + seed);
        }
    }

    @Test
    void newtonNeverClaimsNo() {
        for (long seed = 1; seed <= 4; seed++) {
            Generated g = Families.byName("random-sparse").orElseThrow().generate(25, seed, Map.of("answer", "no"));
            SolverResult r = NEWTON1.solve(g.instance(), null, OPTIONS);
            assertNotEquals(Status.SOLVED, r.status(), "seed " + seed + ": " + r.message());
        }
    }

    /** SPEC §6: unit diagonal, a12 = a23 = 1/2, a13 unknown; the max-det completion has a13 = 1/4. */
    @Test
    void specThreeByThreeMaxDetIsOneQuarter() {
        Rational h = Rational.parse("1/2");
        PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
            {Rational.ONE, null, null}, {h, Rational.ONE, null}, {null, h, Rational.ONE}});
        SolverResult r = solveAndVerify(NEWTON1, new Mc1Instance(a), "spec 3x3");
        assertEquals(0.25, entry((Body.Factor) r.certificate().body(), 2, 0), 1e-6);
        // The 3×3 NO vector (a23 = 2) is not claimed.
        PartialSymmetricMatrix no = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
            {Rational.ONE, null, null}, {h, Rational.ONE, null}, {null, Rational.TWO, Rational.ONE}});
        assertEquals(Status.UNKNOWN, NEWTON1.solve(new Mc1Instance(no), null, OPTIONS).status());
    }

    /** SPEC §6: A = [[1,0,1],[1,1,0],[0,1,1]], Ω = diagonal ∪ {(1,2),(2,3)}: the max-det answer has B13 = 1/2. */
    @Test
    void specMc2MaxDetIsOneHalf() {
        RationalMatrix a = RationalMatrix.ofLongs(new long[][] {{1, 0, 1}, {1, 1, 0}, {0, 1, 1}});
        Mc2Instance inst = new Mc2Instance(a, Pattern.of(3, new int[][] {{0, 1}, {1, 2}}), true);
        for (Solver s : new Solver[] {NEWTON2, CHORDAL}) {
            SolverResult r = solveAndVerify(s, inst, s.name() + " spec mc2");
            assertEquals(0.5, entry((Body.Factor) r.certificate().body(), 2, 0), 1e-6, s.name());
        }
    }

    @Test
    void mc2RandomFamilies() {
        for (long seed = 1; seed <= 4; seed++) {
            for (String omega : new String[] {"random", "banded", "clustered"}) {
                for (String diagonal : new String[] {"true", "false"}) {
                    int n = 15 + (int) (seed * 5);
                    // k = n: AAᵀ is positive definite (almost surely), so every clique block is.
                    Generated g = Families.byName("mc2-random").orElseThrow().generate(n, seed,
                            Map.of("omega", omega, "diagonal", diagonal, "entries", seed % 2 == 0 ? "decimal" : "integer"));
                    String where = omega + " diagonal=" + diagonal + " seed " + seed;
                    solveAndVerify(NEWTON2, g.instance(), "newton " + where);
                    solveAndVerify(CHORDAL, g.instance(), "chordal-maxdet " + where);
                }
            }
        }
    }

    @Test
    void chordalMaxDetRefusesLargeCliquesAndSingularBlocks() {
        Generated g = Families.byName("mc2-random").orElseThrow().generate(40, 3, Map.of("omega", "random", "degree", "10"));
        SolverResult r = CHORDAL.solve(g.instance(), null, OPTIONS.withExtra(Map.of("max-clique", "3")));
        assertEquals(Status.UNSUPPORTED, r.status(), r.message());
        // k = 2 < clique size 3 of a banded Ω: every 3-clique block of AAᵀ is singular.
        Generated thin = Families.byName("mc2-random").orElseThrow().generate(20, 3, Map.of("omega", "banded", "degree", "4", "k", "2"));
        assertEquals(Status.UNKNOWN, CHORDAL.solve(thin.instance(), null, OPTIONS).status());
    }

    /**
     * The optimality identity of the max-det completion: X⁻¹ vanishes off Ω. X = FFᵀ + δI is read back from the
     * certificate (rounded to about 1e−6·δ, hence the tolerance relative to max |X⁻¹|) and inverted densely.
     */
    @Test
    void inverseOfTheAnswerVanishesOffOmega() {
        for (long seed = 1; seed <= 3; seed++) {
            Generated g = Families.byName("random-sparse").orElseThrow().generate(12 + 4 * (int) seed, seed, Map.of("answer", "yes"));
            Pattern p = ((Mc1Instance) g.instance()).matrix().pattern();
            assertVanishesOff(p, (Body.Factor) solveAndVerify(NEWTON1, g.instance(), "identity seed " + seed).certificate().body(), "newton seed " + seed);
            // A banded Ω is chordal, so chordal-maxdet's V is Ω itself.
            Generated b = Families.byName("mc2-random").orElseThrow().generate(14 + (int) seed, seed, Map.of("omega", "banded", "degree", "4"));
            Pattern q = ((Mc2Instance) b.instance()).omega();
            assertVanishesOff(q, (Body.Factor) solveAndVerify(CHORDAL, b.instance(), "chordal identity seed " + seed).certificate().body(), "chordal seed " + seed);
            assertVanishesOff(q, (Body.Factor) solveAndVerify(NEWTON2, b.instance(), "newton2 identity seed " + seed).certificate().body(), "newton2 seed " + seed);
        }
    }

    private static void assertVanishesOff(Pattern p, Body.Factor f, String where) {
        int n = p.n();
        double[][] x = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) x[i][j] = entry(f, i, j);
            x[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(x[r][c]) > Math.abs(x[piv][c])) piv = r;
            double[] t = x[c];
            x[c] = x[piv];
            x[piv] = t;
            double d = x[c][c];
            for (int j = 0; j < 2 * n; j++) x[c][j] /= d;
            for (int r = 0; r < n; r++) {
                if (r == c || x[r][c] == 0) continue;
                double h = x[r][c];
                for (int j = 0; j < 2 * n; j++) x[r][j] -= h * x[c][j];
            }
        }
        double max = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) max = Math.max(max, Math.abs(x[i][n + j]));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!p.contains(i, j)) assertEquals(0, x[i][n + j] / max, 1e-5, where + ": (X^-1)_" + (i + 1) + "," + (j + 1));
            }
        }
    }
}
