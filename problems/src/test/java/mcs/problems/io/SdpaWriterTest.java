package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdpaWriterTest {
    @TempDir
    Path dir;

    private static Rational q(String s) {
        return Rational.parse(s);
    }

    /** SPEC §6: unit diagonal, a12 = a23 = 1/2, a13 unknown. */
    static PartialSymmetricMatrix spec3x3() {
        return PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
            {q("1"), null, null},
            {q("1/2"), q("1"), null},
            {null, q("1/2"), q("1")}});
    }

    @Test
    void spec3x3IsWrittenByteForByte() {
        String expected = String.join("\n",
                "\"mcs margin SDP: n=3 edges=2 tau=1; t* = tau + optimal objective (max -s)",
                "5",
                "2",
                "3 -1",
                "0.0000000000000000e+00 5.0000000000000000e-01 0.0000000000000000e+00 5.0000000000000000e-01 0.0000000000000000e+00",
                "0 2 1 1 -1.0000000000000000e+00",
                "1 1 1 1 1.0000000000000000e+00",
                "1 2 1 1 -1.0000000000000000e+00",
                "2 1 1 2 5.0000000000000000e-01",
                "3 1 2 2 1.0000000000000000e+00",
                "3 2 1 1 -1.0000000000000000e+00",
                "4 1 2 3 5.0000000000000000e-01",
                "5 1 3 3 1.0000000000000000e+00",
                "5 2 1 1 -1.0000000000000000e+00",
                "");
        assertEquals(expected, new String(SdpaWriter.toBytes(spec3x3()), StandardCharsets.US_ASCII));
    }

    @Test
    void seventeenSignificantDigitsOfTheExactDouble() {
        // 0.1 is 0.1000000000000000055511151231257827… in binary: the 17th digit shows it
        assertEquals("1.0000000000000001e-01", SdpaWriter.number(0.1, 0));
        assertEquals("-3.3333333333333331e-01", SdpaWriter.number(-1.0 / 3, 0));
        assertEquals("1.2500000000000000e+02", SdpaWriter.number(125, 0));
        assertEquals("4.9406564584124654e-324", SdpaWriter.number(Double.MIN_VALUE, 0));
        Random r = new Random(7);
        for (int t = 0; t < 2000; t++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) continue;
            assertEquals(d, Double.parseDouble(SdpaWriter.number(d, 0)), "round trip of " + d);
        }
        assertThrows(IllegalArgumentException.class, () -> SdpaWriter.number(Double.POSITIVE_INFINITY, 3));
    }

    /** A parsed .dat-s file: right-hand sides and, per matrix and block, its (row, col, value) entries. */
    record Sdpa(int m, int[] blocks, double[] b, List<double[]> entries) {
        static Sdpa parse(String text) {
            List<String> lines = new ArrayList<>();
            for (String l : text.split("\n")) if (!l.startsWith("\"") && !l.startsWith("*")) lines.add(l.trim());
            int m = Integer.parseInt(lines.get(0));
            int nb = Integer.parseInt(lines.get(1));
            String[] bs = lines.get(2).split(" ");
            int[] blocks = new int[nb];
            for (int i = 0; i < nb; i++) blocks[i] = Integer.parseInt(bs[i]);
            String[] cs = lines.get(3).split(" ");
            double[] b = new double[m];
            for (int k = 0; k < m; k++) b[k] = Double.parseDouble(cs[k]);
            List<double[]> e = new ArrayList<>();
            for (int l = 4; l < lines.size(); l++) {
                String[] f = lines.get(l).split(" ");
                e.add(new double[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Double.parseDouble(f[4])});
            }
            return new Sdpa(m, blocks, b, e);
        }

        /** tr(A_k X) for the block matrix X = W ⊕ s (matrix k; W dense n×n, symmetric). */
        double apply(int k, double[][] w, double s) {
            double sum = 0;
            for (double[] x : entries) {
                if ((int) x[0] != k) continue;
                int r = (int) x[2] - 1, c = (int) x[3] - 1;
                assertTrue(r <= c, "SDPA entries are upper-triangular");
                if (x[1] == 2) {
                    assertEquals(0, r);
                    sum += x[4] * s;
                } else {
                    sum += (r == c ? 1 : 2) * x[4] * w[r][c];
                }
            }
            return sum;
        }
    }

    @Test
    void structureAndParseBackOfTheSpecVector() {
        PartialSymmetricMatrix a = spec3x3();
        Sdpa f = Sdpa.parse(new String(SdpaWriter.toBytes(a), StandardCharsets.US_ASCII));
        assertEquals(3 + 2, f.m());
        assertEquals(SdpaWriter.constraints(a), f.m());
        assertArrayEquals(new int[] {3, -1}, f.blocks());
        assertEquals(Rational.ONE, SdpaWriter.shift(a));
        // every constraint has exactly one W entry; diagonal ones also the −s entry
        for (int k = 1; k <= f.m(); k++) {
            final int kk = k;
            long w = f.entries().stream().filter(x -> x[0] == kk && x[1] == 1).count();
            long s = f.entries().stream().filter(x -> x[0] == kk && x[1] == 2).count();
            assertEquals(1, w);
            assertEquals(a.pattern().row(k - 1) == a.pattern().col(k - 1) ? 1 : 0, s);
        }
        assertEquals(1, f.entries().stream().filter(x -> x[0] == 0).count(), "C has only the −s entry");
        assertArrayEquals(new double[] {0, 0.5, 0, 0.5, 0}, f.b());
    }

    /** A random instance with a non-unit diagonal (τ ≠ 1) and non-decimal rationals. */
    static PartialSymmetricMatrix randomInstance(int n, int extra, long seed) {
        Random r = new Random(seed);
        int[][] pairs = new int[extra][];
        for (int e = 0; e < extra; e++) pairs[e] = new int[] {r.nextInt(n), r.nextInt(n)};
        Pattern p = Pattern.of(n, pairs);
        Rational[] v = new Rational[p.m()];
        for (int k = 0; k < v.length; k++) {
            v[k] = p.row(k) == p.col(k) ? Rational.of(1 + r.nextInt(9), 1 + r.nextInt(3)) : Rational.of(r.nextInt(41) - 20, 1 + r.nextInt(7));
        }
        return PartialSymmetricMatrix.of(p, v);
    }

    @Test
    void parseBackRecoversEveryEntryAndTheShift() {
        PartialSymmetricMatrix a = randomInstance(12, 30, 3);
        Rational tau = SdpaWriter.shift(a);
        Sdpa f = Sdpa.parse(new String(SdpaWriter.toBytes(a), StandardCharsets.US_ASCII));
        Pattern p = a.pattern();
        assertEquals(p.n() + p.edges(), f.m());
        assertArrayEquals(new int[] {12, -1}, f.blocks());
        for (int k = 0; k < p.m(); k++) {
            int i = p.row(k), j = p.col(k);
            double[] w = f.entries().stream().filter(x -> x[0] > 0 && x[1] == 1).toList().get(k);
            assertEquals(k + 1, (int) w[0], "constraint k+1 is entry k");
            assertEquals(j + 1, (int) w[2]);
            assertEquals(i + 1, (int) w[3]);
            if (i == j) {
                assertEquals(1.0, w[4]);
                assertEquals(a.value(k).subtract(tau).toDouble(), f.b()[k]);
            } else {
                assertEquals(a.approx(k), f.b()[k] / (2 * w[4]), "a_ij = b_k / (2·entry)");
            }
        }
    }

    /**
     * The file encodes the claimed SDP: for any completion X and any t ≤ τ, the point W = X − tI,
     * s = τ − t satisfies every constraint tr(A_k (W ⊕ s)) = b_k, and the objective tr(C·) is −s, so
     * τ + objective = t.
     */
    @Test
    void everyCompletionShiftedByTIsFeasibleWithObjectiveTMinusTau() {
        PartialSymmetricMatrix a = randomInstance(9, 15, 11);
        Rational tau = SdpaWriter.shift(a);
        Sdpa f = Sdpa.parse(new String(SdpaWriter.toBytes(a), StandardCharsets.US_ASCII));
        Random r = new Random(5);
        int n = a.n();
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = a.get(i, j);
                x[i][j] = x[j][i] = v != null ? v.toDouble() : r.nextInt(9) - 4; // arbitrary fill off Ω
            }
        }
        for (double t : new double[] {tau.toDouble(), 0.25, -3}) {
            double s = tau.toDouble() - t;
            double[][] w = new double[n][];
            for (int i = 0; i < n; i++) {
                w[i] = x[i].clone();
                w[i][i] -= t;
            }
            for (int k = 1; k <= f.m(); k++) assertEquals(f.b()[k - 1], f.apply(k, w, s), 1e-12, "constraint " + k);
            assertEquals(t, SdpaWriter.marginFromObjective(tau, f.apply(0, w, s)), 1e-12);
        }
    }

    @Test
    void writingTwiceGivesTheSameBytesOnDiskAndOnAStream() throws IOException {
        PartialSymmetricMatrix a = randomInstance(20, 60, 4);
        Path file = dir.resolve("x.dat-s");
        SdpaWriter.write(file, new Mc1Instance(a));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdpaWriter.write(out, randomInstance(20, 60, 4));
        assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
    }
}
