package mcs.verifier.kernel;

import static mcs.testkit.Matrices.entries;
import static mcs.testkit.Matrices.q;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/** The MC1/MC2 test vectors of SPEC §6 with valid certificates in every form. */
final class Vectors {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    record Case(String name, Instance instance, Certificate certificate, Method method) {}

    private Vectors() {}

    /** Lower triangle given row by row as strings, "?" for unknown. */
    static Mc1Instance mc1(String... rows) {
        int n = rows.length;
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            String[] parts = rows[i].trim().split("\\s+");
            for (int j = 0; j <= i; j++) a[i][j] = parts[j].equals("?") ? null : q(parts[j]);
        }
        return new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a));
    }

    static RationalMatrix matrix(int rows, int cols, String... data) {
        Rational[] v = new Rational[data.length];
        for (int k = 0; k < data.length; k++) v[k] = q(data[k]);
        return RationalMatrix.of(rows, cols, v);
    }

    static Mc1Instance threeByThreeYes() {
        return mc1("1", "1/2 1", "? 1/2 1");
    }

    static Mc1Instance fourCycle(String c) {
        String m = "-" + c;
        return mc1("1", c + " 1", "? " + c + " 1", m + " ? " + c + " 1");
    }

    static Mc1Instance hadamard(boolean half) {
        String h = half ? "1/2" : "1", g = half ? "-1/2" : "-1";
        return mc1("1", "? 1", h + " " + h + " 1", h + " " + g + " ? 1");
    }

    static Mc2Instance mc2(boolean withDiagonal) {
        RationalMatrix a = RationalMatrix.ofLongs(new long[][] {{1, 0, 1}, {1, 1, 0}, {0, 1, 1}});
        return new Mc2Instance(a, Pattern.of(3, new int[][] {{1, 0}, {2, 1}}), withDiagonal);
    }

    static List<Case> all() {
        List<Case> cs = new ArrayList<>();
        Mc1Instance y3 = threeByThreeYes();
        cs.add(new Case("3x3 max-det a13=1/4", y3, Certificate.completion(SHA, new Body.Entries(entries(3, 1, "1/4"))), Method.EXACT));
        cs.add(new Case("3x3 boundary a13=-1/2", y3, Certificate.completion(SHA, new Body.Entries(entries(3, 1, "-0.5"))), Method.EXACT));
        cs.add(new Case("3x3 boundary a13=1", y3, Certificate.completion(SHA, new Body.Entries(entries(3, 1, "1"))), Method.EXACT));
        // X(1/4) − δI = FFᵀ + (error on a13 only, which is unconstrained): F from the exact LDLᵀ of X − δI with
        // square roots rounded, so Δ on Ω is tiny and δ = 1/10 covers it.
        cs.add(new Case("3x3 factor", y3, Certificate.completion(SHA, new Body.Factor(choleskyFactor(new double[][] {
                {0.9, 0.5, 0.25}, {0.5, 0.9, 0.5}, {0.25, 0.5, 0.9}}), q("0.1"))), Method.EXACT));

        Mc1Instance n3 = mc1("1", "1/2 1", "? 2 1");
        cs.add(new Case("3x3 NO entries", n3, Certificate.witness(SHA, new Body.Entries(entries(2, 2, "1", 3, 2, "-1", 3, 3, "1"))), Method.EXACT));
        cs.add(new Case("3x3 NO ldl", n3, Certificate.witness(SHA, new Body.Ldl(new int[] {0, 1, 2}, entries(3, 2, "-1"),
                new Rational[] {Rational.ZERO, Rational.ONE, Rational.ZERO})), Method.EXACT));
        cs.add(new Case("3x3 NO ldl permuted", n3, Certificate.witness(SHA, new Body.Ldl(new int[] {2, 1, 0}, entries(2, 1, "-1"),
                new Rational[] {Rational.ONE, Rational.ZERO, Rational.ZERO})), Method.EXACT));
        cs.add(new Case("3x3 NO factor", n3, Certificate.witness(SHA, new Body.Factor(matrix(3, 1, "0", "1", "-1"), null)), Method.EXACT));

        cs.add(new Case("4-cycle c=3/5", fourCycle("3/5"), Certificate.completion(SHA, new Body.Entries(List.of())), Method.EXACT));
        cs.add(new Case("4-cycle c=7/10", fourCycle("7/10"), Certificate.completion(SHA, new Body.Entries(List.of())), Method.EXACT));
        cs.add(new Case("4-cycle c=3/5 factor", fourCycle("3/5"), Certificate.completion(SHA, new Body.Factor(choleskyFactor(new double[][] {
                {0.9, 0.6, 0, -0.6}, {0.6, 0.9, 0.6, 0}, {0, 0.6, 0.9, 0.6}, {-0.6, 0, 0.6, 0.9}}), q("0.1"))), Method.EXACT));
        cs.add(new Case("4-cycle c=4/5 NO", fourCycle("4/5"), Certificate.witness(SHA, new Body.Entries(entries(
                1, 1, "1", 2, 2, "1", 3, 3, "1", 4, 4, "1", 2, 1, "-0.7", 3, 2, "-0.7", 4, 3, "-0.7", 4, 1, "0.7"))), Method.EXACT));
        cs.add(new Case("4-cycle c=71/100 NO", fourCycle("71/100"), Certificate.witness(SHA, new Body.Entries(entries(
                1, 1, "1", 2, 2, "1", 3, 3, "1", 4, 4, "1", 2, 1, "-141/200", 3, 2, "-141/200", 4, 3, "-141/200", 4, 1, "141/200"))),
                Method.EXACT));

        cs.add(new Case("Hadamard NO", hadamard(false), Certificate.witness(SHA, new Body.Entries(entries(
                1, 1, "3/4", 2, 2, "3/4", 3, 3, "3/4", 4, 4, "3/4", 3, 1, "-1/2", 3, 2, "-1/2", 4, 1, "-1/2", 4, 2, "1/2"))), Method.EXACT));
        cs.add(new Case("Hadamard/2 YES", hadamard(true), Certificate.completion(SHA, new Body.Entries(List.of())), Method.EXACT));

        Mc1Instance z = mc1("0", "1/2 1");
        cs.add(new Case("zero diagonal NO (singular W)", z, Certificate.witness(SHA, new Body.Entries(entries(1, 1, "4", 2, 1, "-1", 2, 2, "1/4"))),
                Method.EXACT));

        Mc2Instance m2 = mc2(true);
        cs.add(new Case("MC2 max-det", m2, Certificate.squaring(SHA, new Body.Entries(entries(3, 1, "1/2"))), Method.EXACT));
        cs.add(new Case("MC2 boundary -1", m2, Certificate.squaring(SHA, new Body.Entries(entries(3, 1, "-1"))), Method.EXACT));
        cs.add(new Case("MC2 boundary 2", m2, Certificate.squaring(SHA, new Body.Entries(entries(3, 1, "2"))), Method.EXACT));
        cs.add(new Case("MC2 trivial factor", m2, Certificate.squaring(SHA, new Body.Factor(m2.a(), Rational.ZERO)), Method.EXACT));
        Mc2Instance m2free = mc2(false);
        cs.add(new Case("MC2 free diagonal", m2free, Certificate.squaring(SHA, new Body.Entries(entries(
                1, 1, "2", 2, 2, "2", 3, 3, "2", 3, 1, "1/2"))), Method.EXACT));
        cs.add(new Case("MC2 free diagonal trivial factor", m2free, Certificate.squaring(SHA, new Body.Factor(m2.a(), Rational.ZERO)), Method.EXACT));
        return cs;
    }

    /** Rational matrix of the floating-point Cholesky factor of a (full) double matrix. */
    static RationalMatrix choleskyFactor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) t -= l[i][k] * l[j][k];
                l[i][j] = t / l[j][j];
            }
        }
        Rational[] v = new Rational[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) v[i * n + j] = Rational.ofDouble(l[i][j]);
        return RationalMatrix.of(n, n, v);
    }
}
