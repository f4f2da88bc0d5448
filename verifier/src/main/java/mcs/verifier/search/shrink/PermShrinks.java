package mcs.verifier.search.shrink;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * Shrink steps for real permanent-style instances: delete an index (row and column i), delete row i
 * and column j (a minor), set an entry to 0
 * or ±1, the simplest rational near it (Stern–Brocot), half of it, halve the whole matrix, copy a row onto
 * another (rank lowered). Complex instances are not shrunk. O(n²) candidates of O(n²) work each.
 */
public final class PermShrinks {
    private PermShrinks() {}

    public static List<Candidate> candidates(PermInstance inst) {
        List<Candidate> out = new ArrayList<>();
        if (inst.isComplex()) return out;
        Rational[][] a = new Rational[inst.n()][inst.n()];
        int n = a.length;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = inst.re().get(i, j);
        boolean hafnian = inst.problem() == mcs.problems.instance.Problem.HAFNIAN;
        boolean symmetric = hafnian || inst.problem() == mcs.problems.instance.Problem.LOOP_HAFNIAN;
        // a hafnian needs an even order: delete two indices at once there
        if (n > 1 && !hafnian) {
            for (int i = 0; i < n; i++) out.add(make(inst, "delete index " + (i + 1), Mc1Shrinks.delete(a, i)));
            if (!symmetric) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) out.add(make(inst, "delete row " + (i + 1) + " and column " + (j + 1), minor(a, i, j)));
        }
        if (n > 2 && hafnian) for (int i = 1; i < n; i++) out.add(make(inst, "delete indices 1 and " + (i + 1), Mc1Shrinks.delete(Mc1Shrinks.delete(a, i), 0)));
        for (int i = 0; i < n; i++) {
            for (int j = symmetric ? i : 0; j < n; j++) {
                for (Rational v : Mc1Shrinks.values(a[i][j])) {
                    Rational[][] b = Mc1Shrinks.copy(a);
                    b[i][j] = v;
                    if (symmetric) b[j][i] = v;
                    out.add(make(inst, "set (" + (i + 1) + "," + (j + 1) + ") " + a[i][j] + " -> " + v, b));
                }
            }
        }
        Rational[][] half = Mc1Shrinks.copy(a);
        for (Rational[] row : half) for (int j = 0; j < n; j++) row[j] = row[j].multiply(Rational.HALF);
        out.add(make(inst, "halve every entry", half));
        if (!symmetric) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j || java.util.Arrays.equals(a[i], a[j])) continue;
                    Rational[][] b = Mc1Shrinks.copy(a);
                    b[i] = a[j].clone();
                    out.add(make(inst, "copy row " + (j + 1) + " onto row " + (i + 1), b));
                }
            }
        }
        return out;
    }

    /** a without row r and column c. */
    private static Rational[][] minor(Rational[][] a, int r, int c) {
        int n = a.length;
        Rational[][] b = new Rational[n - 1][n - 1];
        for (int i = 0, x = 0; i < n; i++) {
            if (i == r) continue;
            for (int j = 0, y = 0; j < n; j++) if (j != c) b[x][y++] = a[i][j];
            x++;
        }
        return b;
    }

    private static Candidate make(PermInstance inst, String step, Rational[][] a) {
        RationalMatrix m = RationalMatrix.of(a);
        return new Candidate(step, new PermInstance(inst.problem(), m.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, m, null));
    }
}
