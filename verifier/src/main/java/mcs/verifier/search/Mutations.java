package mcs.verifier.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;
import mcs.verifier.search.shrink.Mc1Shrinks;

/**
 * Random neighbours for targeted search: a few instances of the same order that differ in one entry
 * (MC1: a specified value moved by ±k/10 or set to ±1, or an unknown entry made specified; permanents: an
 * entry moved by ±1). O(n²) per call.
 */
final class Mutations {
    private Mutations() {}

    static List<Instance> neighbours(Instance x, SplittableRandom rng) {
        List<Instance> out = new ArrayList<>();
        if (x instanceof Mc1Instance m) {
            int n = m.n();
            if (n < 2) return out;
            for (int t = 0; t < 4; t++) {
                int i = rng.nextInt(n), j = rng.nextInt(n);
                Rational[][] a = Mc1Shrinks.full(m.matrix());
                Rational old = a[i][j];
                Rational v = rng.nextInt(3) == 0 ? (rng.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE)
                        : (old == null ? Rational.ZERO : old).add(Rational.of(rng.nextInt(5) - 2, 10));
                if (i == j && v.signum() < 0) continue;
                a[i][j] = a[j][i] = v;
                out.add(new Mc1Instance(PartialSymmetricMatrix.ofLowerTriangle(a), m.promise()));
            }
        } else if (x instanceof PermInstance p && !p.isComplex()) {
            int n = p.n();
            for (int t = 0; t < 4; t++) {
                Rational[][] a = new Rational[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = p.re().get(i, j);
                int i = rng.nextInt(n), j = rng.nextInt(n);
                a[i][j] = a[i][j].add(Rational.of(rng.nextBoolean() ? 1 : -1));
                if (p.problem() == mcs.problems.instance.Problem.HAFNIAN || p.problem() == mcs.problems.instance.Problem.LOOP_HAFNIAN) a[j][i] = a[i][j];
                RationalMatrix r = RationalMatrix.of(a);
                out.add(new PermInstance(p.problem(), r.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, r, null));
            }
        }
        return out;
    }
}
