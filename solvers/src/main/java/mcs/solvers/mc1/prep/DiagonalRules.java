package mcs.solvers.mc1.prep;

import java.math.BigInteger;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;

/**
 * The diagonal rules of SPEC §1, shared by every MC1 solver, decided exactly in O(n + m):
 * <ul>
 *   <li>a_ii &lt; 0 ⇒ NO with W = e_i e_iᵀ (⟨W,a⟩ = a_ii);
 *   <li>a_ii = 0 and some a_ij ≠ 0 ⇒ NO with W = uuᵀ, u_i = −sign(a_ij)·s, u_j = 1 and the integer
 *       s = ⌊a_jj/(2|a_ij|)⌋ + 1, so ⟨W,a⟩ = a_jj − 2s|a_ij| &lt; 0 (a_jj ≥ 0 after the first rule);
 *   <li>a_ii = 0 with an all-zero row ⇒ index i is {@linkplain Result#droppable() droppable}: any PSD
 *       completion has row i zero, and the instance without i has the same answer (pad a completion of
 *       the rest with a zero row; a witness of the rest is a witness of the whole by zero extension).
 * </ul>
 */
public final class DiagonalRules {
    private DiagonalRules() {}

    /**
     * @param witness a NO witness (entries form, on Ω, ⟨W,a⟩ &lt; 0 checked exactly) or null
     * @param droppable per index: zero diagonal and zero row (meaningful when witness is null)
     * @param reason what decided, or "diagonal rules pass"
     */
    public record Result(Body.Entries witness, boolean[] droppable, int dropped, String reason) {}

    public static Result apply(PartialSymmetricMatrix a) {
        int n = a.n();
        Pattern pattern = a.pattern();
        for (int i = 0; i < n; i++) {
            if (a.approx(pattern.diagonalEntry(i)) <= 0 && a.diagonal(i).signum() < 0) {
                return new Result(new Body.Entries(List.of(new Entry(i, i, Rational.ONE))), null, 0,
                        "negative diagonal entry at (" + (i + 1) + "," + (i + 1) + ")");
            }
        }
        boolean[] drop = new boolean[n];
        int dropped = 0;
        int[][] adj = pattern.adjacency();
        for (int i = 0; i < n; i++) {
            // A nonzero double is a nonzero rational; only a 0.0 needs the exact value (it may be an underflow).
            if (a.approx(pattern.diagonalEntry(i)) != 0 || !a.diagonal(i).isZero()) continue;
            for (int p = adj[0][i]; p < adj[0][i + 1]; p++) {
                Rational aij = a.value(adj[2][p]);
                if (aij.isZero()) continue;
                int j = adj[1][p];
                Rational absA = aij.abs();
                Rational ratio = a.diagonal(j).divide(absA.multiply(Rational.TWO));
                Rational s = Rational.of(ratio.numerator().divide(ratio.denominator()).add(BigInteger.ONE));
                Rational wij = aij.signum() > 0 ? s.negate() : s;
                List<Entry> w = List.of(new Entry(i, i, s.square()), new Entry(j, j, Rational.ONE),
                        new Entry(Math.max(i, j), Math.min(i, j), wij));
                Rational inner = s.square().multiply(a.diagonal(i)).add(a.diagonal(j)).add(wij.multiply(aij).multiply(Rational.TWO));
                if (inner.signum() >= 0) throw new IllegalStateException("internal error: zero-diagonal witness has <W,a> = " + inner);
                return new Result(new Body.Entries(w), null, 0, "zero diagonal at " + (i + 1) + " with a nonzero entry in column " + (j + 1));
            }
            drop[i] = true;
            dropped++;
        }
        return new Result(null, drop, dropped, "diagonal rules pass (" + dropped + " zero rows droppable)");
    }
}
