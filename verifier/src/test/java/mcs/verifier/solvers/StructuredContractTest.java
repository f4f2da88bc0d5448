package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.matrix.PartialSymmetricMatrix;
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
 * Contract of the {@code structured} solver, loaded through the SPI: on seeded families (cycles, the
 * near-boundary 4-cycle on both sides of 1/√2, grids, chordal patterns, random sparse patterns, and clique-sums
 * of cycles and cliques built here) every verdict equals the known answer and every certificate, after a JSON
 * round trip, is accepted by the kernel. The clique-sum answers are independent of the solver: YES instances
 * are Gram data (a completion exists by construction), NO instances plant a short cycle whose
 * Barrett–Johnson–Loewy inequality fails by brute force over all odd edge subsets.
 */
class StructuredContractTest {
    private static final String SHA = "0".repeat(64);
    private static final Solver SOLVER = Solvers.byName("structured", Problem.PSD_COMPLETION).orElseThrow();

    private static Certificate check(Instance inst, Verdict expected, String what) throws Exception {
        return check(inst, expected, what, SOLVER.solve(inst, SHA, SolverOptions.defaults().withThreads(1)));
    }

    static Certificate check(Instance inst, Verdict expected, String what, SolverResult r) throws Exception {
        assertEquals(Status.SOLVED, r.status(), what + ": " + r.message());
        assertEquals(expected, r.verdict(), what + ": " + r.message());
        Certificate c = roundTrip(r.certificate());
        Judgement j = Kernel.check(inst, SHA, c, KernelOptions.defaults());
        assertTrue(j.isAccepted(), what + ": kernel says " + j.outcome() + " at " + j.check() + ": " + j.reason());
        return c;
    }

    private static Certificate family(String name, int n, long seed, Map<String, String> params) throws Exception {
        Generated g = Families.byName(name).orElseThrow().generate(n, seed, params);
        return check(g.instance(), g.known().verdict(), name + " n=" + n + " seed=" + seed + " " + params);
    }

    @Test
    void cyclesOfManyLengthsBothAnswers() throws Exception {
        int fills = 0;
        for (long seed = 1; seed <= 40; seed++) {
            for (String answer : new String[] {"yes", "no"}) {
                // NO witnesses cost O(L) operations on numbers of a few thousand bits (solver and kernel): shorter here.
                int n = answer.equals("yes") ? 4 + (int) (seed * 13 % 150) : 4 + (int) (seed * 13 % 40);
                Certificate c = family("cycle", n, seed, Map.of("answer", answer));
                if (c.body() instanceof Body.Chordal ch) {
                    assertEquals(c.body() instanceof Body.Chordal ? ch.order().length - 3 : 0, ch.fill().size(), "a fan has n − 3 chords");
                    fills++;
                }
            }
        }
        assertEquals(40, fills);
    }

    @Test
    void nearBoundaryFourCyclesOnBothSides() throws Exception {
        // 1/√2 = 0.70710678…; c within 1e-3 on either side, and the SPEC §6 values.
        String[] yes = {"7071/10000", "70710/100000", "7062/10000", "3/5", "7/10", "-7071/10000"};
        String[] no = {"7072/10000", "70711/100000", "7080/10000", "4/5", "71/100", "-7072/10000"};
        for (String c : yes) family("near-boundary", 4, 1, Map.of("c", c));
        for (String c : no) family("near-boundary", 4, 1, Map.of("c", c));
        for (int k = 1; k <= 99; k++) {
            Rational c = Rational.of(70610 + 2L * k, 100000);
            family("near-boundary", 4, 1, Map.of("c", c.toString()));
        }
    }

    @Test
    void gridsChordalAndRandomSparse() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            for (int n : new int[] {9, 16, 25}) {
                family("grid", n, seed, Map.of("answer", "yes"));
                family("grid", n, seed, Map.of("answer", "no"));
            }
            for (String shape : new String[] {"ktree", "band"}) {
                for (String answer : new String[] {"yes", "no"}) {
                    family("chordal", 20 + (int) seed, seed, Map.of("shape", shape, "k", "3", "answer", answer));
                }
            }
            for (String answer : new String[] {"yes", "no"}) {
                family("random-sparse", 12 + (int) seed, seed, Map.of("answer", answer, "degree", "3"));
            }
        }
    }

    @Test
    void cliqueSumsOfCyclesAndCliques() throws Exception {
        int yes = 0, no = 0;
        for (long seed = 1; seed <= 120; seed++) {
            CliqueSum s = CliqueSum.generate(seed, seed % 2 == 0);
            SolverResult r = SOLVER.solve(s.instance, SHA, SolverOptions.defaults().withThreads(1));
            Certificate c = check(s.instance, s.answer, "clique-sum seed=" + seed, r);
            // Clique-sums of cliques and chordless cycles decompose into exactly such atoms: ipm is never needed.
            assertEquals(0, r.statistics().get("ipm_atoms"), "clique-sum seed=" + seed);
            if (c.verdict() == Verdict.COMPLETABLE) yes++;
            else no++;
        }
        assertTrue(yes >= 40 && no >= 40, yes + " YES, " + no + " NO");
    }

    @Test
    void specVectors() throws Exception {
        Rational h = Rational.HALF;
        // 3×3, a12 = a23 = 1/2, a13 unknown: completable.
        check(mc1(new Rational[][] {{Rational.ONE}, {h, Rational.ONE}, {null, h, Rational.ONE}}), Verdict.COMPLETABLE, "spec 3x3 yes");
        // a12 = 1/2, a23 = 2: not completable.
        check(mc1(new Rational[][] {{Rational.ONE}, {h, Rational.ONE}, {null, Rational.TWO, Rational.ONE}}), Verdict.NOT_COMPLETABLE, "spec 3x3 no");
        // Zero diagonal [[0, 1/2], [1/2, 1]]: NO.
        check(mc1(new Rational[][] {{Rational.ZERO}, {h, Rational.ONE}}), Verdict.NOT_COMPLETABLE, "spec zero diagonal");
        // [[x,1,2],[1,1,1],[2,1,1]] with x = 5 specified: det −1 < 0, a dense NO.
        Rational one = Rational.ONE;
        check(mc1(new Rational[][] {{Rational.of(5)}, {one, one}, {Rational.TWO, one, one}}), Verdict.NOT_COMPLETABLE, "spec det -1");
        // Hadamard γ₂, n = 4: a 4-cycle; H gives NO, H/2 gives YES.
        for (boolean half : new boolean[] {false, true}) {
            Rational e = half ? h : one;
            Rational[][] a = {{one}, {null, one}, {e, e, one}, {e, e.negate(), null, one}};
            check(mc1(a), half ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE, "spec hadamard half=" + half);
        }
    }

    @Test
    void zeroRowsAreDroppedAndJoinedByZeroFill() throws Exception {
        Rational one = Rational.ONE, z = Rational.ZERO, c = Rational.of(3, 5);
        // A 4-cycle (c, c, c, −c) plus vertex 4 with zero diagonal and a zero entry to vertex 0.
        Rational[][] a = {{one}, {c, one}, {null, c, one}, {c.negate(), null, c, one}, {z, null, null, null, z}};
        check(mc1(a), Verdict.COMPLETABLE, "zero row");
    }

    private static Mc1Instance mc1(Rational[][] lower) {
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(lower));
    }

    static Certificate roundTrip(Certificate c) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateJson.write(out, c);
        return CertificateJson.read(out.toByteArray(), "certificate.json");
    }

    /**
     * A random clique-sum: pieces (cliques of 2–5 vertices, chordless cycles of 4–9) glued one by one onto
     * a random vertex or edge of the graph built so far. YES: a_ij = ⟨g_i, g_j⟩ + [i = j] with small integer
     * vectors g_i (a Gram matrix plus I is a completion). NO: the same, then one cycle of length 4–6 gets
     * unit-scaled values ±(9/10)·√(a_ii a_jj) rounded down to a multiple of 1/1000 with an odd number of
     * minus signs, kept only when brute force over all odd edge subsets shows its BJL slack is below −1e-3.
     */
    static final class CliqueSum {
        final Mc1Instance instance;
        final Verdict answer;

        private CliqueSum(Mc1Instance instance, Verdict answer) {
            this.instance = instance;
            this.answer = answer;
        }

        static CliqueSum generate(long seed, boolean yes) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<int[]> edges = new ArrayList<>();
            List<int[]> cycles = new ArrayList<>();
            int n = 0;
            int pieces = 2 + rng.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                boolean cycle = rng.nextBoolean() || (!yes && p == pieces - 1 && cycles.stream().noneMatch(c -> c.length <= 6));
                int size = cycle ? 4 + rng.nextInt(!yes && p == pieces - 1 ? 3 : 6) : 2 + rng.nextInt(4);
                int[] glue = n == 0 ? new int[0] : pickGlue(edges, n, rng);
                int[] v = new int[size];
                for (int t = 0; t < size; t++) v[t] = t < glue.length ? glue[t] : n++;
                if (cycle) {
                    for (int t = 0; t < size; t++) edges.add(new int[] {v[t], v[(t + 1) % size]});
                    cycles.add(v);
                } else {
                    for (int s = 0; s < size; s++) for (int t = 0; t < s; t++) edges.add(new int[] {v[s], v[t]});
                }
            }
            long[][] g = new long[n][3];
            for (long[] row : g) for (int k = 0; k < 3; k++) row[k] = rng.nextInt(5) - 2;
            Rational[][] a = new Rational[n][];
            for (int i = 0; i < n; i++) {
                a[i] = new Rational[i + 1];
                a[i][i] = Rational.of(dot(g[i], g[i]) + 1);
            }
            for (int[] e : edges) {
                int i = Math.max(e[0], e[1]), j = Math.min(e[0], e[1]);
                a[i][j] = Rational.of(dot(g[i], g[j]));
            }
            if (!yes) {
                int[] c = null;
                for (int[] cyc : cycles) if (cyc.length <= 6) c = cyc;
                if (c == null) return generate(seed + 1_000_003, false);
                plantViolation(a, c, rng);
            }
            return new CliqueSum(new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a)), yes ? Verdict.COMPLETABLE : Verdict.NOT_COMPLETABLE);
        }

        private static long dot(long[] x, long[] y) {
            long s = 0;
            for (int k = 0; k < x.length; k++) s += x[k] * y[k];
            return s;
        }

        /** A vertex (clique-sum along K1) or an existing edge (along K2), or nothing (disjoint union) now and then. */
        private static int[] pickGlue(List<int[]> edges, int n, SplittableRandom rng) {
            int r = rng.nextInt(10);
            if (r == 0) return new int[0];
            if (r < 4 || edges.isEmpty()) return new int[] {rng.nextInt(n)};
            int[] e = edges.get(rng.nextInt(edges.size()));
            return new int[] {e[0], e[1]};
        }

        private static void plantViolation(Rational[][] a, int[] c, SplittableRandom rng) {
            int len = c.length;
            for (int attempt = 0; ; attempt++) {
                boolean[] neg = new boolean[len];
                int count = 0;
                for (int t = 0; t < len; t++) if (neg[t] = rng.nextBoolean()) count++;
                if (count % 2 == 0) neg[0] = !neg[0];
                double[] theta = new double[len];
                Rational[] val = new Rational[len];
                for (int t = 0; t < len; t++) {
                    int u = c[t], w = c[(t + 1) % len];
                    double s = Math.sqrt(a[u][u].toDouble() * a[w][w].toDouble());
                    double x = Math.floor(0.9 * (0.9 + 0.1 * rng.nextDouble()) * s * 1000) / 1000;
                    val[t] = Rational.of(Math.round(x * 1000), 1000);
                    if (neg[t]) val[t] = val[t].negate();
                    theta[t] = Math.acos(val[t].toDouble() / s);
                }
                if (bruteForceSlack(theta) < -1e-3) {
                    for (int t = 0; t < len; t++) {
                        int u = c[t], w = c[(t + 1) % len];
                        a[Math.max(u, w)][Math.min(u, w)] = val[t];
                    }
                    return;
                }
                if (attempt > 1000) throw new IllegalStateException("no violating cycle values");
            }
        }

        /** min over odd F of (|F| − 1)π − Σ_F θ + Σ_{not F} θ: negative iff the cycle is not completable (BJL). */
        static double bruteForceSlack(double[] theta) {
            double best = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < 1 << theta.length; mask++) {
                if (Integer.bitCount(mask) % 2 == 0) continue;
                double s = (Integer.bitCount(mask) - 1) * Math.PI;
                for (int t = 0; t < theta.length; t++) s += (mask >> t & 1) == 1 ? -theta[t] : theta[t];
                best = Math.min(best, s);
            }
            return best;
        }
    }
}
