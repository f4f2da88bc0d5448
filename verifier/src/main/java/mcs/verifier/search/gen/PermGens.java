package mcs.verifier.search.gen;

import static mcs.verifier.search.gen.Gen.weight;

import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * Permanent instances of order = size with edge cases mixed in: small integers, 0/±1 entries, a zero row,
 * repeated rows, rank one, the all-ones matrix. Cost O(n²) per draw.
 */
public final class PermGens {
    private PermGens() {}

    public static Gen<PermInstance> edgeCases() {
        return Gen.oneOf(
                weight(4, (rng, n) -> of(n, (i, j) -> Rational.of(rng.nextInt(7) - 3))),
                weight(3, (rng, n) -> of(n, (i, j) -> Rational.of(rng.nextInt(3) - 1))),
                weight(1, (rng, n) -> {
                    long[] x = new long[n], y = new long[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = rng.nextInt(5) - 2;
                        y[i] = rng.nextInt(5) - 2;
                    }
                    return of(n, (i, j) -> Rational.of(x[i] * y[j]));
                }),
                weight(1, (rng, n) -> of(n, (i, j) -> Rational.ONE)),
                weight(2, (rng, n) -> {
                    Rational[][] a = new Rational[n][n];
                    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(rng.nextInt(5) - 2, 1 + rng.nextInt(2));
                    int r = rng.nextInt(n);
                    if (rng.nextBoolean()) for (int j = 0; j < n; j++) a[r][j] = Rational.ZERO;
                    else if (n > 1) a[r] = a[(r + 1) % n].clone();
                    return PermInstance.permanent(RationalMatrix.of(a));
                }));
    }

    interface Cell {
        Rational at(int i, int j);
    }

    private static PermInstance of(int n, Cell c) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = c.at(i, j);
        return PermInstance.permanent(RationalMatrix.of(a));
    }
}
