package mcs.verifier.search.gen;

import static mcs.verifier.search.gen.Gen.weight;

import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Symmetric instances for hafnians and loop hafnians, with edge cases: small integers, 0/±1 entries, sparse
 * 0/1 patterns, a zero row, a half-integer entry, the all-ones matrix. Hafnian orders are rounded up to even.
 */
public final class SymmetricGens {
    private SymmetricGens() {}

    public static Gen<PermInstance> edgeCases(Problem p) {
        return Gen.oneOf(
                weight(4, (rng, n) -> of(p, n, (i, j) -> Rational.of(rng.nextInt(7) - 3))),
                weight(3, (rng, n) -> of(p, n, (i, j) -> Rational.of(rng.nextInt(3) - 1))),
                weight(2, (rng, n) -> of(p, n, (i, j) -> Rational.of(rng.nextInt(3) == 0 ? 1 : 0))),
                weight(1, (rng, n) -> of(p, n, (i, j) -> Rational.ONE)),
                weight(1, (rng, n) -> {
                    int z = rng.nextInt(Math.max(1, n));
                    return of(p, n, (i, j) -> i == z || j == z ? Rational.ZERO : Rational.of(rng.nextInt(5) - 2, 1 + rng.nextInt(2)));
                }));
    }

    interface Cell {
        Rational at(int i, int j);
    }

    /** The symmetric matrix whose upper triangle (diagonal included) is drawn from {@code c} in row order. */
    static PermInstance of(Problem p, int size, Cell c) {
        int n = p == Problem.HAFNIAN && size % 2 != 0 ? size + 1 : size;
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) a[i][j] = a[j][i] = c.at(i, j);
        RationalMatrix m = RationalMatrix.of(a);
        return new PermInstance(p, m.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, m, null);
    }
}
