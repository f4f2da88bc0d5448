package mcs.testkit;

import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * Naive exact oracles for the Gaussian-integral values, straight from the definitions, in rationals: the
 * hafnian (sum over perfect matchings), the loop hafnian (sum over partitions into pairs and singletons),
 * the permanent (Laplace expansion without signs, memoised over column sets) and the expansion of repeated
 * rows and columns. Real matrices only; exponential cost, meant for orders up to about 12. They depend on
 * nothing but the exact types, so they are a second opinion for solvers and kernel alike.
 */
public final class NaiveGaussian {
    private NaiveGaussian() {}

    /** haf(A): Σ over perfect matchings of Π a_ij, matching the lowest free index first; 1 for n = 0, 0 for odd n. */
    public static Rational hafnian(Rational[][] a) {
        return matchings(a, (1L << a.length) - 1, false);
    }

    /** lhaf(A): Σ over partitions into pairs {i,j} (weight a_ij) and singletons {i} (weight a_ii). */
    public static Rational loopHafnian(Rational[][] a) {
        return matchings(a, (1L << a.length) - 1, true);
    }

    private static Rational matchings(Rational[][] a, long free, boolean loops) {
        if (free == 0) return Rational.ONE;
        int i = Long.numberOfTrailingZeros(free);
        long rest = free & ~(1L << i);
        Rational sum = loops && !a[i][i].isZero() ? a[i][i].multiply(matchings(a, rest, true)) : Rational.ZERO;
        for (long o = rest; o != 0; o &= o - 1) {
            int j = Long.numberOfTrailingZeros(o);
            if (a[i][j].isZero()) continue;
            sum = sum.add(a[i][j].multiply(matchings(a, rest & ~(1L << j), loops)));
        }
        return sum;
    }

    /** perm(A) by expansion along rows with memo over used column sets (O(2^n·n)); 1 for n = 0. */
    public static Rational permanent(Rational[][] a) {
        int n = a.length;
        Rational[] f = new Rational[1 << n];
        f[0] = Rational.ONE;
        for (int mask = 1; mask < f.length; mask++) {
            int row = Integer.bitCount(mask) - 1;
            Rational s = Rational.ZERO;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int j = Integer.numberOfTrailingZeros(rest);
                if (!a[row][j].isZero()) s = s.add(a[row][j].multiply(f[mask & ~(1 << j)]));
            }
            f[mask] = s;
        }
        return f[f.length - 1];
    }

    /** The value of a plain or repeated instance (hafnian, loop hafnian or permanent) by the definitions above. */
    public static Rational value(Problem problem, Rational[][] a) {
        return switch (problem) {
            case HAFNIAN, HAFNIAN_ESTIMATE -> hafnian(a);
            case LOOP_HAFNIAN -> loopHafnian(a);
            default -> permanent(a);
        };
    }

    /** The value of a real repeated instance, by expanding it. */
    public static Rational value(RepeatedInstance r) {
        return value(r.problem(), expand(r.matrix().re(), r.rowRepeats(), r.colRepeats()));
    }

    /** The value of a real plain instance. */
    public static Rational value(PermInstance p) {
        return value(p.problem(), array(p.re()));
    }

    /** Row i of A repeated rows[i] times and column j cols[j] times. */
    public static Rational[][] expand(RationalMatrix a, int[] rows, int[] cols) {
        int nr = 0, nc = 0;
        for (int r : rows) nr += r;
        for (int c : cols) nc += c;
        Rational[][] b = new Rational[nr][nc];
        int x = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int ca = 0; ca < rows[i]; ca++, x++) {
                int y = 0;
                for (int j = 0; j < cols.length; j++) for (int cb = 0; cb < cols[j]; cb++, y++) b[x][y] = a.get(i, j);
            }
        }
        return b;
    }

    public static Rational[][] array(RationalMatrix a) {
        Rational[][] b = new Rational[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) b[i][j] = a.get(i, j);
        return b;
    }

    /** A random symmetric n×n matrix with integer entries in [lo, hi] (rational p/q with q ≤ den when den > 1). */
    public static RationalMatrix randomSymmetric(SplittableRandom rng, int n, int lo, int hi, int den) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Rational v = Rational.of(lo + rng.nextInt(hi - lo + 1), den > 1 ? 1 + rng.nextInt(den) : 1);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return RationalMatrix.of(a);
    }

    /** A random n×n matrix with integer entries in [lo, hi] (rational p/q with q ≤ den when den > 1). */
    public static RationalMatrix random(SplittableRandom rng, int n, int lo, int hi, int den) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(lo + rng.nextInt(hi - lo + 1), den > 1 ? 1 + rng.nextInt(den) : 1);
        return RationalMatrix.of(a);
    }
}
